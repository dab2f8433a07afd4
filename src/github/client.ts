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
