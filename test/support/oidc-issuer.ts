/**
 * A local stand-in for GitHub's Actions OIDC issuer on 127.0.0.1: a discovery
 * document (`/.well-known/openid-configuration`, issuer = its own base URL), its
 * JWKS with one RS256 key, and the runner's token endpoint (what
 * ACTIONS_ID_TOKEN_REQUEST_URL points at), which signs the claims set with
 * `setRunnerClaims` for the audience the request names. Tokens are signed with
 * jose, as real ones would be verified with it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface LocalOidcIssuer {
  /** The issuer URL (tokens' `iss`), also the base of the discovery document. */
  url: string;
  /**
   * A token with `claims`, signed with the published key (or, with `wrongKey`,
   * another key under the same kid). `iat` and `nbf` default to now, `exp` to
   * `iat` + 300 s (negative `expiresInSeconds` makes an expired token).
   */
  sign(
    claims: Record<string, unknown>,
    o?: { audience?: string; expiresInSeconds?: number; issuedAt?: Date; wrongKey?: boolean; issuer?: string },
  ): Promise<string>;
  /** What ACTIONS_ID_TOKEN_REQUEST_URL would be (with the runner's query string). */
  runnerRequestUrl: string;
  /** What ACTIONS_ID_TOKEN_REQUEST_TOKEN would be. */
  runnerRequestToken: string;
  /** The claims the runner endpoint signs (its audience comes from the request's query). */
  setRunnerClaims(claims: Record<string, unknown>): void;
  /** Every request to the runner endpoint. */
  runnerRequests: { audience: string | null; authorized: boolean }[];
  stop(): Promise<void>;
}

const KID = 'local-oidc-key-1';

export async function startLocalOidcIssuer(): Promise<LocalOidcIssuer> {
  const [published, impostor] = await Promise.all([
    generateKeyPair('RS256', { extractable: true }),
    generateKeyPair('RS256', { extractable: true }),
  ]);
  const jwks = { keys: [{ ...(await exportJWK(published.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }] };
  const runnerRequestToken = `runner-request-${randomBytes(16).toString('hex')}`;
  const runnerRequests: LocalOidcIssuer['runnerRequests'] = [];
  let runnerClaims: Record<string, unknown> = {};
  let url = '';

  async function sign(claims: Record<string, unknown>, o: Parameters<LocalOidcIssuer['sign']>[1] = {}): Promise<string> {
    const key = o.wrongKey ? impostor.privateKey : published.privateKey;
    const iat = Math.floor((o.issuedAt ?? new Date()).getTime() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: KID })
      .setIssuer(o.issuer ?? url)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + (o.expiresInSeconds ?? 300));
    if (o.audience !== undefined) jwt.setAudience(o.audience);
    return jwt.sign(key);
  }

  const server: Server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method === 'GET' && requestUrl.pathname === '/.well-known/openid-configuration') {
      json(200, {
        issuer: url,
        jwks_uri: `${url}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
        claims_supported: [
          'sub',
          'aud',
          'exp',
          'iat',
          'iss',
          'jti',
          'nbf',
          'ref',
          'sha',
          'repository',
          'run_id',
          'run_attempt',
          'actor',
          'event_name',
          'workflow_ref',
          'job_workflow_ref',
        ],
      });
      return;
    }
    if (req.method === 'GET' && requestUrl.pathname === '/.well-known/jwks') {
      json(200, jwks);
      return;
    }
    if (req.method === 'GET' && requestUrl.pathname === '/runner/token') {
      const audience = requestUrl.searchParams.get('audience');
      const authorized = req.headers.authorization === `Bearer ${runnerRequestToken}`;
      runnerRequests.push({ audience, authorized });
      if (!authorized) {
        json(401, { message: 'Unauthorized' });
        return;
      }
      sign(runnerClaims, audience === null ? {} : { audience }).then(
        (value) => json(200, { count: 1, value }),
        (error: unknown) => json(500, { message: String(error) }),
      );
      return;
    }
    json(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    sign,
    runnerRequestUrl: `${url}/runner/token?api-version=2.0`,
    runnerRequestToken,
    setRunnerClaims: (claims) => {
      runnerClaims = { ...claims };
    },
    runnerRequests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A realistic GitHub Actions claim set (all claims GitHub sends, strings where GitHub uses strings). */
export function githubRunClaims(o: {
  repository: string;
  runId: number;
  runAttempt?: number;
  actor: string;
  triggeringActor?: string;
  sha: string;
  ref?: string;
  eventName?: string;
  workflowPath?: string;
  environment?: string;
}): Record<string, unknown> {
  const ref = o.ref ?? 'refs/heads/main';
  const workflowPath = o.workflowPath ?? '.github/workflows/deploy.yml';
  const [owner = ''] = o.repository.split('/');
  const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
  const refName = ref.replace(/^refs\/(heads|tags)\//, '');
  return {
    jti: randomBytes(16).toString('hex'),
    sub: o.environment ? `repo:${o.repository}:environment:${o.environment}` : `repo:${o.repository}:ref:${ref}`,
    ...(o.environment ? { environment: o.environment, environment_node_id: 'EN_kwDOA1b2c3' } : {}),
    ref,
    ref_type: refType,
    ref_protected: refName === 'main' ? 'true' : 'false',
    sha: o.sha,
    repository: o.repository,
    repository_id: '123456789',
    repository_owner: owner,
    repository_owner_id: '987654',
    repository_visibility: 'private',
    enterprise: 'octo-enterprise',
    enterprise_id: '42',
    run_id: String(o.runId),
    run_number: '17',
    run_attempt: String(o.runAttempt ?? 1),
    runner_environment: 'github-hosted',
    actor: o.actor,
    actor_id: '1001',
    triggering_actor: o.triggeringActor ?? o.actor,
    workflow: 'deploy',
    workflow_ref: `${o.repository}/${workflowPath}@${ref}`,
    workflow_sha: o.sha,
    job_workflow_ref: `${o.repository}/${workflowPath}@${ref}`,
    job_workflow_sha: o.sha,
    head_ref: '',
    base_ref: '',
    event_name: o.eventName ?? 'workflow_dispatch',
    check_run_id: '30000000001',
  };
}
