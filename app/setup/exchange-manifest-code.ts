/**
 * The manifest flow's last step: the `code` GitHub hands back (in the browser's
 * redirect) exchanged for the new app's credentials with
 * `POST /app-manifests/{code}/conversions` (no authentication; a code works
 * once, for an hour). The answer is checked (zod) before anything is written,
 * and a failure says what GitHub answered (status, message) and never quotes
 * the answer's secrets (the private key, the client and webhook secrets).
 */
import { z } from 'zod';
import { isHttpUrl } from '../../src/core/http-url.js';
import { checkPrivateKey } from '../config/private-key.js';

/** A problem the operator can act on; its message is safe to show and log (it holds no secret). */
export class SetupError extends Error {
  override readonly name = 'SetupError';

  constructor(
    message: string,
    /** The HTTP status the setup page answers with. */
    readonly status = 500,
  ) {
    super(message);
  }
}

export interface RegisteredApp {
  id: number;
  slug: string;
  name: string;
  /** The app's page on GitHub; `<htmlUrl>/installations/new` installs it. */
  htmlUrl: string;
  /** The account that owns the app, when GitHub said. */
  owner: string | null;
  /** The private key as GitHub gave it (PEM). */
  pem: string;
  /** Null when GitHub set none. */
  webhookSecret: string | null;
  clientId: string;
  clientSecret: string;
}

/** What GitHub's codes look like (hex today): anything else, `/`, `.` or `%` above all, is refused, not sent. */
const CODE = /^[A-Za-z0-9_-]{1,200}$/;

export function isManifestCode(code: string): boolean {
  return CODE.test(code);
}

/** Values written to the env file unquoted: nothing a dotenv parser or a shell would read otherwise. */
const envSafe = z.string().regex(/^[A-Za-z0-9._~+/=:@-]{1,1024}$/, 'expected letters, digits and ._~+/=:@- only');

const conversionSchema = z.object({
  id: z.number().int().positive(),
  slug: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected the app slug (letters, digits, - . _)'),
  name: z.string().max(200),
  html_url: z.string().refine(isHttpUrl, 'expected an http(s) URL'),
  owner: z.object({ login: z.string().max(100) }).nullish(),
  pem: z.string().refine((pem) => 'pem' in checkPrivateKey(pem), 'expected an RSA private key in PEM form'),
  webhook_secret: envSafe.nullable(),
  client_id: envSafe,
  client_secret: envSafe,
});

/** The largest answer read: a real one is a few KB. */
const MAX_ANSWER_BYTES = 1024 * 1024;

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES)
      throw new SetupError(`GitHub's answer to the code exchange is larger than ${MAX_ANSWER_BYTES} bytes: not an app's credentials`, 502);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** GitHub's `message` (and documentation URL) from an error answer, printable and short. */
function gitHubMessage(text: string): string {
  let message: string | undefined;
  try {
    const body = JSON.parse(text) as { message?: unknown; documentation_url?: unknown };
    if (typeof body.message === 'string')
      message = body.message + (typeof body.documentation_url === 'string' ? ` (${body.documentation_url})` : '');
  } catch {
    // not JSON: say so below
  }
  const printable = (message ?? (text.trim() ? 'an answer that is not JSON' : 'an empty answer')).replace(/[\p{Cc}]+/gu, ' ').trim();
  return printable.length > 300 ? `${printable.slice(0, 297)}...` : printable;
}

const HINTS: Record<number, string> = {
  404: 'the code is unknown, used already or expired (a code works once, for an hour): open the setup page and register the app again',
  422: 'GitHub refused the code (an app may have been created from it already): open the setup page and register the app again',
};

/**
 * Exchanges the code for the app's credentials at `apiUrl` (https://api.github.com
 * or a GitHub Enterprise Server's /api/v3). Throws a SetupError naming GitHub's
 * status and message.
 */
export async function exchangeManifestCode(
  apiUrl: string,
  code: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<RegisteredApp> {
  if (!isManifestCode(code))
    throw new SetupError('the code in the address is not one GitHub hands out (letters, digits, - and _): nothing was sent to GitHub', 400);
  const url = `${apiUrl}/app-manifests/${encodeURIComponent(code)}/conversions`;
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'deploy-governor-setup' },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error: unknown) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.name : String(error));
    throw new SetupError(
      `could not reach GitHub at ${apiUrl} to exchange the code (${cause}): check GHE_HOST and the network, then register the app again`,
      502,
    );
  }
  const text = await readBounded(response);
  const what = `GitHub answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} to the code exchange (POST /app-manifests/{code}/conversions)`;
  if (response.status !== 201) {
    const hint = HINTS[response.status];
    throw new SetupError(`${what}: ${gitHubMessage(text)}${hint ? `; ${hint}` : ''}`, 502);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SetupError(`${what}, but its body is not JSON`, 502);
  }
  const parsed = conversionSchema.safeParse(body);
  if (!parsed.success) {
    // Paths and our own messages only: zod's issues never carry the values here, and the values are secrets.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new SetupError(
      `${what}, but not with an app's credentials (${problems}): nothing was written; the app may exist on GitHub already, see its settings`,
      502,
    );
  }
  const app = parsed.data;
  return {
    id: app.id,
    slug: app.slug,
    name: app.name,
    htmlUrl: app.html_url,
    owner: app.owner?.login ?? null,
    pem: app.pem,
    webhookSecret: app.webhook_secret,
    clientId: app.client_id,
    clientSecret: app.client_secret,
  };
}
