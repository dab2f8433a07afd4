/**
 * The run-token verifier against a local OIDC issuer over real HTTP: discovery,
 * the key set, RS256 signatures and jose's claim checks, each failure as a
 * sentence naming what is wrong.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcAudience } from '../../src/core/report/report-digest.js';
import { createRunTokenVerifier } from '../../src/oidc/verify-run-token.js';
import { githubRunClaims, startLocalOidcIssuer, type LocalOidcIssuer } from '../support/oidc-issuer.js';

const AUDIENCE = oidcAudience('ab'.repeat(32));
const CLAIMS = githubRunClaims({ repository: 'octo-org/shop', runId: 4242, actor: 'maintainer', sha: 'a'.repeat(40) });

let issuer: LocalOidcIssuer;

beforeAll(async () => {
  issuer = await startLocalOidcIssuer();
});

afterAll(async () => {
  await issuer?.stop();
});

const verifier = () => createRunTokenVerifier({ issuer: issuer.url, clockToleranceSeconds: 60 });

describe('createRunTokenVerifier', () => {
  it('accepts a token of the issuer for the audience, and returns its claims', async () => {
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE });
    const verdict = await verifier().verify(token, AUDIENCE);
    expect(verdict).toEqual({
      ok: true,
      claims: expect.objectContaining({ repository: 'octo-org/shop', run_id: '4242', aud: AUDIENCE, iss: issuer.url }),
    });
  });

  it('refuses a token expired beyond the clock tolerance, saying when it expired', async () => {
    const issuedAt = new Date('2026-11-23T12:00:00Z');
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuedAt, expiresInSeconds: 300 });
    const verdict = await verifier().verify(token, AUDIENCE, new Date('2026-11-23T12:06:01Z'));
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('the OIDC token expired at 2026-11-23T12:05:00.000Z') });
    expect(verdict).not.toHaveProperty('transient');
  });

  it('accepts a token expired within the clock tolerance', async () => {
    const issuedAt = new Date('2026-11-23T12:00:00Z');
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuedAt, expiresInSeconds: 300 });
    const verdict = await verifier().verify(token, AUDIENCE, new Date('2026-11-23T12:05:59Z'));
    expect(verdict.ok).toBe(true);
  });

  it('refuses a token issued in the future beyond the tolerance (nbf)', async () => {
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuedAt: new Date('2026-11-23T12:10:00Z') });
    const verdict = await verifier().verify(token, AUDIENCE, new Date('2026-11-23T12:00:00Z'));
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('not valid before 2026-11-23T12:10:00.000Z') });
  });

  it('refuses a token signed with another key under the published kid', async () => {
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, wrongKey: true });
    const verdict = await verifier().verify(token, AUDIENCE);
    expect(verdict).toEqual({ ok: false, problem: expect.stringMatching(/signature does not verify with the keys .* publishes/) });
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE });
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...CLAIMS, actor: 'writer', aud: AUDIENCE, iss: issuer.url, exp: Math.floor(Date.now() / 1000) + 300 }),
    ).toString('base64url');
    const verdict = await verifier().verify(`${header}.${forged}.${signature}`, AUDIENCE);
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('signature does not verify') });
  });

  it('refuses a token for another report, naming both audiences', async () => {
    const other = oidcAudience('cd'.repeat(32));
    const token = await issuer.sign(CLAIMS, { audience: other });
    const verdict = await verifier().verify(token, AUDIENCE);
    expect(verdict).toEqual({
      ok: false,
      problem: `the OIDC token's audience is "${other}", not the digest of this report "${AUDIENCE}": the report was changed after the token was issued, or the token belongs to another report`,
    });
  });

  it('refuses a token without an audience', async () => {
    const token = await issuer.sign(CLAIMS);
    const verdict = await verifier().verify(token, AUDIENCE);
    expect(verdict).toEqual({ ok: false, problem: 'the OIDC token has no "aud" claim' });
  });

  it('refuses a token that names another issuer', async () => {
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuer: 'https://token.actions.githubusercontent.com' });
    const verdict = await verifier().verify(token, AUDIENCE);
    expect(verdict).toEqual({
      ok: false,
      problem: `the OIDC token was issued by "https://token.actions.githubusercontent.com", not "${issuer.url}"`,
    });
  });

  it('refuses malformed tokens', async () => {
    for (const token of ['', 'not-a-jwt', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30']) {
      const verdict = await verifier().verify(token, AUDIENCE);
      expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('not a well-formed signed JWT') });
    }
  });

  it('refuses a token with another algorithm (no alg confusion)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ ...CLAIMS, aud: AUDIENCE, iss: issuer.url, exp: Math.floor(Date.now() / 1000) + 300 }),
    ).toString('base64url');
    const verdict = await verifier().verify(`${header}.${payload}.`, AUDIENCE);
    expect(verdict).toEqual({ ok: false, problem: expect.stringContaining('not signed with RS256') });
  });

  it('reports an unreachable issuer as transient', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const down = createRunTokenVerifier({ issuer: `http://127.0.0.1:${port}`, clockToleranceSeconds: 60 });
    const token = await issuer.sign(CLAIMS, { audience: AUDIENCE });
    expect(await down.verify(token, AUDIENCE)).toEqual({
      ok: false,
      problem: expect.stringContaining(
        `cannot reach the OIDC issuer's discovery document http://127.0.0.1:${port}/.well-known/openid-configuration`,
      ),
      transient: true,
    });
  });

  describe('through an issuer front that can misbehave', () => {
    // Serves its own discovery document (naming itself as the issuer) and the local issuer's key set;
    // the first discovery request fails with 503.
    const front = { url: '', discovery: [] as number[], jwksStatus: 200, discoveryIssuer: null as string | null, close: async () => {} };

    beforeAll(async () => {
      const server = createServer((req, res) => {
        if (req.url === '/.well-known/openid-configuration') {
          const status = front.discovery.length === 0 ? 503 : 200;
          front.discovery.push(status);
          const body =
            status === 200 ? { issuer: front.discoveryIssuer ?? front.url, jwks_uri: `${front.url}/keys` } : { message: 'unavailable' };
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        } else if (req.url === '/keys' && front.jwksStatus !== 200) {
          res.writeHead(front.jwksStatus).end();
        } else if (req.url === '/keys') {
          void fetch(`${issuer.url}/.well-known/jwks`)
            .then((r) => r.text())
            .then((body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
        } else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      front.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      front.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    });

    afterAll(async () => {
      await front.close();
    });

    it('does not keep a failed discovery: the next call retries it and succeeds', async () => {
      const v = createRunTokenVerifier({ issuer: front.url, clockToleranceSeconds: 60 });
      const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuer: front.url });
      expect(await v.verify(token, AUDIENCE)).toEqual({
        ok: false,
        problem: expect.stringContaining('answered HTTP 503'),
        transient: true,
      });
      expect((await v.verify(token, AUDIENCE)).ok).toBe(true);
      // Kept once it succeeded.
      expect((await v.verify(token, AUDIENCE)).ok).toBe(true);
      expect(front.discovery).toEqual([503, 200]);
    });

    it('reports a key set that cannot be fetched as transient', async () => {
      front.jwksStatus = 502;
      try {
        const v = createRunTokenVerifier({ issuer: front.url, clockToleranceSeconds: 60 });
        const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuer: front.url });
        expect(await v.verify(token, AUDIENCE)).toEqual({
          ok: false,
          problem: expect.stringContaining("cannot fetch the OIDC issuer's keys"),
          transient: true,
        });
      } finally {
        front.jwksStatus = 200;
      }
    });

    it('refuses a discovery document that names another issuer, as configuration to fix rather than an outage', async () => {
      front.discoveryIssuer = 'https://elsewhere.example';
      try {
        const v = createRunTokenVerifier({ issuer: front.url, clockToleranceSeconds: 60 });
        const token = await issuer.sign(CLAIMS, { audience: AUDIENCE, issuer: front.url });
        const verdict = await v.verify(token, AUDIENCE);
        expect(verdict).toEqual({
          ok: false,
          problem: expect.stringContaining('names the issuer "https://elsewhere.example"'),
          transient: false,
        });
      } finally {
        front.discoveryIssuer = null;
      }
    });
  });
});
