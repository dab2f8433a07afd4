/**
 * The one thing the GitHub seams need from an Octokit: `request`. Octokit from
 * @actions/github, @octokit/rest and Probot's context all satisfy it, so the same
 * module serves the Action, the CLI and the app. Responses are validated with zod
 * by each caller.
 */
export interface GitHubClient {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

/** HTTP status of an Octokit RequestError (or anything shaped like one). */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/**
 * Seconds GitHub asked to wait when it refused a request under a secondary rate
 * limit (403 or 429 with `retry-after`); null for any other error (a 403 without
 * it is a permission problem, not a limit).
 */
function retryAfterSecondsOf(error: unknown): number | null {
  const status = httpStatusOf(error);
  if (status !== 403 && status !== 429) return null;
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const value = Number(headers?.['retry-after']);
  return headers?.['retry-after'] !== undefined && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * A client that waits out short secondary rate limits and sends the request
 * again. GitHub refuses a rate-limited request without performing it, so the
 * resend is safe even for a write (unlike a resend after a 5xx or a timeout).
 * Octokit does not do it for the app: Probot's throttling only logs secondary
 * limits, and the retry plugin never retries a 403 and ignores `retry-after` on
 * a 429. A longer wait than `maxWaitSeconds` is not waited: the error surfaces.
 */
export function waitingOutSecondaryLimits(client: GitHubClient, o: { attempts?: number; maxWaitSeconds?: number } = {}): GitHubClient {
  const attempts = o.attempts ?? 3;
  const maxWait = o.maxWaitSeconds ?? 5;
  return {
    async request(route, parameters) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await client.request(route, parameters);
        } catch (error: unknown) {
          const wait = retryAfterSecondsOf(error);
          if (wait === null || wait > maxWait || attempt >= attempts) throw error;
          await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        }
      }
    },
  };
}
