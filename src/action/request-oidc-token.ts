/**
 * A GitHub Actions OIDC token from the runner, requested exactly as
 * @actions/core's `getIDToken(audience)` does: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>
 * &audience=<audience>` with `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`,
 * answered by `{"value": "<jwt>"}`.
 *
 * Why not @actions/core: see runner.ts (its import alone costs more than the
 * gate's whole start-up budget). Global fetch is loaded lazily by Node, so runs
 * that never call this pay nothing for it.
 *
 * The request token is a credential of the runner: it never appears in a
 * message. The JWT it buys is not secret here (it is published in the report and
 * the check run), so nothing is masked.
 */
import { z } from 'zod';
import { provenanceSchema } from '../core/report/report-schema.js';
import { messageOf } from '../github/client.js';

/** What the runner answered. */
export type OidcTokenResult =
  /** A JWT whose `aud` is the requested audience. */
  | { token: string }
  /** The runner offers no token: the job lacks `permissions: id-token: write`. */
  | { missing: true }
  /** The endpoint failed or answered something that is not a token; the message never contains the request token. */
  | { error: string };

export interface RequestOidcTokenOptions {
  /** Default 10 s: the runner's endpoint answers in milliseconds; longer means it is unwell. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;

// A compact JWS (header.payload.signature) that fits the report's provenance field,
// so a token the runner hands over always survives the app's parsing of the report.
const tokenResponseSchema = z.object({
  value: provenanceSchema.shape.oidcToken.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'not a compact JWT'),
});

/** The request URL with the audience appended; the runner's URL normally has a query string already. */
export function oidcRequestUrl(requestUrl: string, audience: string): string {
  const separator = requestUrl.includes('?') ? '&' : '?';
  return `${requestUrl}${separator}audience=${encodeURIComponent(audience)}`;
}

function clip(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * Asks the runner for an OIDC token with `audience`. Never throws: every
 * failure is a result the caller turns into a warning.
 */
export async function requestOidcToken(
  audience: string,
  env: NodeJS.ProcessEnv = process.env,
  options: RequestOidcTokenOptions = {},
): Promise<OidcTokenResult> {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) return { missing: true };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Whatever the endpoint echoes back, the request token must not reach a log line.
  const redact = (text: string): string => text.split(requestToken).join('***');

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(oidcRequestUrl(requestUrl, audience), {
      headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error: unknown) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { error: `the runner's OIDC token endpoint did not answer within ${timeoutMs / 1000} s` };
    }
    const cause = error instanceof Error && error.cause !== undefined ? ` (${messageOf(error.cause)})` : '';
    return { error: redact(`cannot reach the runner's OIDC token endpoint: ${messageOf(error)}${cause}`) };
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error: unknown) {
    return {
      error: redact(
        `the runner's OIDC token endpoint answered HTTP ${response.status} but the body could not be read: ${messageOf(error)}`,
      ),
    };
  }
  if (!response.ok) {
    return { error: redact(`the runner's OIDC token endpoint answered HTTP ${response.status}${text.trim() ? `: ${clip(text)}` : ''}`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: `the runner's OIDC token endpoint answered HTTP ${response.status} with a body that is not JSON` };
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    return {
      error: `the runner's OIDC token endpoint answered HTTP ${response.status} without a token in "value" (expected {"value": "<jwt>"})`,
    };
  }
  return { token: parsed.data.value };
}
