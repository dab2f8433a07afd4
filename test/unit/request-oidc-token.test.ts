import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { oidcRequestUrl, requestOidcToken } from '../../src/action/request-oidc-token.js';
import { startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';

const AUDIENCE = 'deploy-governor:sha256:' + 'ab'.repeat(32);
const REQUEST_TOKEN = 'request-token-secret-0123456789';
const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner.example/token?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN };
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln';

function answering(status: number, body: string, seen: { url?: string; headers?: RequestInit['headers'] }[] = []): typeof fetch {
  return (input, init) => {
    seen.push({ url: String(input), headers: init?.headers });
    return Promise.resolve(new Response(body, { status }));
  };
}

describe('oidcRequestUrl', () => {
  it('appends the encoded audience to the runner URL, with or without its query string', () => {
    expect(oidcRequestUrl('https://r.example/t?api-version=2.0', 'deploy-governor:sha256:ab')).toBe(
      'https://r.example/t?api-version=2.0&audience=deploy-governor%3Asha256%3Aab',
    );
    expect(oidcRequestUrl('https://r.example/t', 'a b&c')).toBe('https://r.example/t?audience=a%20b%26c');
  });
});

describe('requestOidcToken', () => {
  it('is missing without the runner variables (no id-token: write), and asks nothing', async () => {
    const seen: { url?: string }[] = [];
    expect(await requestOidcToken(AUDIENCE, {}, { fetch: answering(200, '{}', seen) })).toEqual({ missing: true });
    expect(
      await requestOidcToken(
        AUDIENCE,
        { ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL },
        { fetch: answering(200, '{}', seen) },
      ),
    ).toEqual({ missing: true });
    expect(seen).toEqual([]);
  });

  it('sends the bearer and returns the value', async () => {
    const seen: { url?: string; headers?: RequestInit['headers'] }[] = [];
    expect(await requestOidcToken(AUDIENCE, env, { fetch: answering(200, JSON.stringify({ count: 1, value: JWT }), seen) })).toEqual({
      token: JWT,
    });
    expect(seen[0]!.url).toBe(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(AUDIENCE)}`);
    expect(new Headers(seen[0]!.headers).get('authorization')).toBe(`Bearer ${REQUEST_TOKEN}`);
  });

  it.each([
    [401, '{"message":"Unauthorized"}', /answered HTTP 401: \{"message":"Unauthorized"\}/],
    [500, `bad request token ${REQUEST_TOKEN}`, /answered HTTP 500: bad request token \*\*\*/],
    [200, 'not json', /HTTP 200 with a body that is not JSON/],
    [200, '{"value": 42}', /without a token in "value"/],
    [200, '{"value": "not a jwt"}', /without a token in "value"/],
    [200, '{}', /without a token in "value"/],
  ])('turns HTTP %i %s into an error naming the status, never the request token', async (status, body, says) => {
    const result = await requestOidcToken(AUDIENCE, env, { fetch: answering(status, body) });
    expect(result).toEqual({ error: expect.stringMatching(says) });
    expect(JSON.stringify(result)).not.toContain(REQUEST_TOKEN);
  });

  it('gives up after the timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    expect(await requestOidcToken(AUDIENCE, env, { fetch: hanging, timeoutMs: 50 })).toEqual({
      error: "the runner's OIDC token endpoint did not answer within 0.05 s",
    });
  });

  describe('against the local runner endpoint', () => {
    let issuer: LocalOidcIssuer;
    beforeAll(async () => {
      issuer = await startLocalOidcIssuer();
      issuer.setRunnerClaims({ repository: 'octo-org/shop' });
    });
    afterAll(async () => {
      await issuer.stop();
    });

    it('gets a JWT for the audience; a wrong bearer gets a 401 error', async () => {
      const ok = await requestOidcToken(AUDIENCE, {
        ACTIONS_ID_TOKEN_REQUEST_URL: issuer.runnerRequestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.runnerRequestToken,
      });
      expect(ok).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
      const refused = await requestOidcToken(AUDIENCE, {
        ACTIONS_ID_TOKEN_REQUEST_URL: issuer.runnerRequestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong',
      });
      expect(refused).toEqual({ error: expect.stringContaining('HTTP 401') });
      expect(issuer.runnerRequests).toEqual([
        { audience: AUDIENCE, authorized: true },
        { audience: AUDIENCE, authorized: false },
      ]);
    });

    it('names a refused connection', async () => {
      const port = await getFreePort();
      const result = await requestOidcToken(AUDIENCE, {
        ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?x=1`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
      });
      expect(result).toEqual({
        error: expect.stringMatching(/cannot reach the runner's OIDC token endpoint: fetch failed \(.*ECONNREFUSED/),
      });
    });
  });
});
