/**
 * The app's conditional reads (app/github-cache): the answers kept per
 * installation and revalidated by ETag on every use, bounded, never for a
 * write, an error or another identity; the files known absent at a head
 * commit; and the app JWT signed once and reused. The Octokit here is the
 * app's own class (app/app-octokit.ts) over a fake GitHub served through
 * `request.fetch`, which records every request it receives.
 */
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cachedAppJwt } from '../../app/app-jwt.js';
import { appOctokit } from '../../app/app-octokit.js';
import { AbsentFiles } from '../../app/github-cache/absent-files.js';
import { cacheKey, ConditionalCache } from '../../app/github-cache/conditional-cache.js';
import { installationOf } from '../../app/github-cache/conditional-requests.js';

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const BASE = 'https://github.test/api/v3';

interface Seen {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  authorization: string | null;
}

/**
 * A fake GitHub: bodies per path (and per token when `byToken` says so), an ETag from the body alone (so an
 * ETag sent by the wrong installation would match, and a shared cache would show), 304 when If-None-Match
 * names the current one. Writes answer 200 with an ETag too, as GitHub's do.
 */
function fakeGitHub() {
  const bodies = new Map<string, unknown>();
  const byToken = new Map<string, unknown>();
  const status = new Map<string, number>();
  const seen: Seen[] = [];
  const etagOf = (body: string) => `W/"${Buffer.from(body).toString('base64url').slice(-24)}${body.length}"`;
  const fetch = async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const u = new URL(String(url));
    const path = u.pathname.replace(/^\/api\/v3/, '') + u.search;
    const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
    const method = init.method ?? 'GET';
    seen.push({ method, path, ifNoneMatch: headers.get('if-none-match'), authorization: headers.get('authorization') });
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      const id = path.split('/')[3];
      return Response.json(
        { token: `ghs_${id}`, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} },
        { status: 201 },
      );
    }
    const forced = status.get(`${method} ${path}`);
    const token = headers.get('authorization') ?? '';
    const body = JSON.stringify(byToken.get(`${token} ${path}`) ?? bodies.get(path) ?? { path });
    const etag = etagOf(body);
    if (forced !== undefined)
      return new Response(JSON.stringify({ message: 'forced' }), { status: forced, headers: { 'content-type': 'application/json', etag } });
    if (method === 'GET' && headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', etag } });
  };
  return { fetch, bodies, byToken, status, seen };
}

type Fake = ReturnType<typeof fakeGitHub>;

function octokitFor(fake: Fake, installationId: number, cache: ConditionalCache, absent?: AbsentFiles) {
  const Octokit = appOctokit({ cache, ...(absent ? { absent } : {}) });
  return new Octokit({
    baseUrl: BASE,
    auth: { appId: 42, privateKey, installationId },
    request: { fetch: fake.fetch },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}

const get = (o: ReturnType<typeof octokitFor>, path: string) =>
  o.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: 'o', repo: 'r', path });
const requestsTo = (fake: Fake, path: string) => fake.seen.filter((s) => s.path === path);

describe('conditional reads through the app Octokit', () => {
  it('revalidates every use: a 304 returns the kept body, a change is seen on the next read', async () => {
    const fake = fakeGitHub();
    const cache = new ConditionalCache();
    const path = '/repos/o/r/contents/.github%2Fdeploy-governor.yml';
    fake.bodies.set(path, { content: 'v1' });
    const octokit = octokitFor(fake, 1, cache);
    expect((await get(octokit, '.github/deploy-governor.yml')).data).toEqual({ content: 'v1' });
    const second = await get(octokit, '.github/deploy-governor.yml');
    expect(second.status).toBe(200);
    expect(second.data).toEqual({ content: 'v1' });
    expect(second.headers['x-deploy-governor-cache']).toBe('revalidated');
    fake.bodies.set(path, { content: 'v2' });
    expect((await get(octokit, '.github/deploy-governor.yml')).data).toEqual({ content: 'v2' });
    const sent = requestsTo(fake, path);
    expect(sent.map((s) => s.ifNoneMatch === null)).toEqual([true, false, false]);
    expect(cache.stats()).toMatchObject({ revalidated: 1 });
  });

  it('hands each caller its own copy of a kept body', async () => {
    const fake = fakeGitHub();
    const octokit = octokitFor(fake, 1, new ConditionalCache());
    fake.bodies.set('/repos/o/r/contents/a', { list: [1] });
    await get(octokit, 'a');
    ((await get(octokit, 'a')).data as unknown as { list: number[] }).list.push(2);
    expect((await get(octokit, 'a')).data).toEqual({ list: [1] });
  });

  it("is per installation: B never sends A's ETag nor gets A's body for the same URL", async () => {
    const fake = fakeGitHub();
    const cache = new ConditionalCache();
    const path = '/repos/o/r/contents/policy';
    fake.byToken.set(`token ghs_1 ${path}`, { owner: 'installation 1' });
    fake.byToken.set(`token ghs_2 ${path}`, { owner: 'installation 2' });
    const a = octokitFor(fake, 1, cache);
    const b = octokitFor(fake, 2, cache);
    expect((await get(a, 'policy')).data).toEqual({ owner: 'installation 1' });
    expect((await get(a, 'policy')).headers['x-deploy-governor-cache']).toBe('revalidated');
    const first = await get(b, 'policy');
    expect(first.data).toEqual({ owner: 'installation 2' });
    expect(first.headers['x-deploy-governor-cache']).toBeUndefined();
    const fromB = requestsTo(fake, path).filter((s) => s.authorization === 'token ghs_2');
    expect(fromB[0]!.ifNoneMatch).toBeNull();
    // Same bodies for both installations: B still starts from its own read, not A's entry.
    fake.byToken.clear();
    fake.bodies.set('/repos/o/r/contents/same', { shared: true });
    await get(a, 'same');
    await get(b, 'same');
    expect(requestsTo(fake, '/repos/o/r/contents/same').map((s) => [s.authorization, s.ifNoneMatch === null])).toEqual([
      ['token ghs_1', true],
      ['token ghs_2', true],
    ]);
  });

  it('never keeps a write: a PATCH answered 200 with an ETag leaves the next GET unconditional', async () => {
    const fake = fakeGitHub();
    const octokit = octokitFor(fake, 1, new ConditionalCache());
    await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'o', repo: 'r', issue_number: 5, body: 'x' });
    await octokit.request('POST /repos/{owner}/{repo}/issues', { owner: 'o', repo: 'r', title: 't' });
    await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner: 'o', repo: 'r', issue_number: 5 });
    const gets = fake.seen.filter((s) => s.method === 'GET' && s.path === '/repos/o/r/issues/5');
    expect(gets).toHaveLength(1);
    expect(gets[0]!.ifNoneMatch).toBeNull();
  });

  it('never keeps an error, and forgets an entry GitHub answers 404 for', async () => {
    const fake = fakeGitHub();
    const octokit = octokitFor(fake, 1, new ConditionalCache());
    const path = '/repos/o/r/contents/f';
    fake.status.set(`GET ${path}`, 500);
    await expect(get(octokit, 'f')).rejects.toMatchObject({ status: 500 });
    fake.status.delete(`GET ${path}`);
    await get(octokit, 'f'); // first success: kept
    fake.status.set(`GET ${path}`, 404);
    await expect(get(octokit, 'f')).rejects.toMatchObject({ status: 404 });
    fake.status.delete(`GET ${path}`);
    await get(octokit, 'f');
    expect(requestsTo(fake, path).map((s) => s.ifNoneMatch === null)).toEqual([true, true, false, true]);
  });

  it('leaves requests of another identity, routes off the list and conditional requests of the caller alone', async () => {
    const fake = fakeGitHub();
    const cache = new ConditionalCache();
    const octokit = octokitFor(fake, 1, cache);
    for (let i = 0; i < 2; i++) {
      await get(octokit, 'x').catch(() => undefined);
      await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: 'o',
        repo: 'r',
        path: 'y',
        headers: { authorization: 'token someone-else' },
      });
      await octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'o', repo: 'r' });
    }
    expect(requestsTo(fake, '/repos/o/r/contents/x').map((s) => s.ifNoneMatch === null)).toEqual([true, false]);
    expect(requestsTo(fake, '/repos/o/r/contents/y').every((s) => s.ifNoneMatch === null)).toBe(true);
    expect(requestsTo(fake, '/repos/o/r/releases').every((s) => s.ifNoneMatch === null)).toBe(true);
    expect(cache.stats().entries).toBe(1);
  });

  it('keeps nothing for an Octokit that is not an installation (the app JWT)', async () => {
    expect(installationOf({ appId: 42, privateKey })).toBeUndefined();
    expect(installationOf({ appId: 42, installationId: 7 })).toBe(7);
    const fake = fakeGitHub();
    const cache = new ConditionalCache();
    const Octokit = appOctokit({ cache, absent: new AbsentFiles() });
    const asApp = new Octokit({
      baseUrl: BASE,
      auth: { appId: 42, privateKey },
      request: { fetch: fake.fetch },
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    expect((asApp as { absentFiles?: unknown }).absentFiles).toBeUndefined();
    await asApp.request('GET /app/installations');
    await asApp.request('GET /app/installations');
    expect(fake.seen.every((s) => s.ifNoneMatch === null && s.authorization?.startsWith('bearer '))).toBe(true);
    expect(cache.stats().entries).toBe(0);
  });

  it('is bounded: the least recently used entry goes first', async () => {
    const fake = fakeGitHub();
    const cache = new ConditionalCache({ maxEntries: 2 });
    const octokit = octokitFor(fake, 1, cache);
    await get(octokit, 'a');
    await get(octokit, 'b');
    await get(octokit, 'a'); // a revalidated: now the most recent
    await get(octokit, 'c'); // evicts b, the least recently used
    await get(octokit, 'b'); // read in full again; evicts a
    await get(octokit, 'c'); // still kept
    expect(requestsTo(fake, '/repos/o/r/contents/a').map((s) => s.ifNoneMatch === null)).toEqual([true, false]);
    expect(requestsTo(fake, '/repos/o/r/contents/b').map((s) => s.ifNoneMatch === null)).toEqual([true, true]);
    expect(requestsTo(fake, '/repos/o/r/contents/c').map((s) => s.ifNoneMatch === null)).toEqual([true, false]);
    expect(cache.stats()).toMatchObject({ entries: 2, evicted: 2 });
  });
});

describe('ConditionalCache', () => {
  const answer = (json: string) => ({ etag: 'W/"e"', json, headers: {} });

  it('evicts by entries and by bytes, least recently used first, and keeps no oversized body', () => {
    const cache = new ConditionalCache({ maxEntries: 3, maxBytes: 1000, maxEntryBytes: 400 });
    cache.set('a', answer('x'.repeat(100)));
    cache.set('b', answer('x'.repeat(100)));
    cache.set('c', answer('x'.repeat(100)));
    cache.get('a');
    cache.set('d', answer('x'.repeat(100)));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    cache.set('big', answer('x'.repeat(300)));
    expect(cache.get('big')).toBeUndefined();
    // Two bodies of ~380 bytes each exceed 1000 bytes with what is there: the oldest go.
    cache.set('e', answer('x'.repeat(180)));
    cache.set('f', answer('x'.repeat(180)));
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    expect(cache.get('f')).toBeDefined();
  });

  it('keys by installation, URL and representation', () => {
    const url = 'https://api.github.com/repos/o/r/contents/p';
    expect(cacheKey({ installationId: 1 }, url, 'application/json', undefined)).not.toBe(
      cacheKey({ installationId: 2 }, url, 'application/json', undefined),
    );
    expect(cacheKey({ installationId: 1 }, url, 'application/json', undefined)).not.toBe(
      cacheKey({ installationId: 1 }, `${url}?ref=x`, 'application/json', undefined),
    );
    expect(cacheKey({ installationId: 1 }, url, 'application/json', undefined)).not.toBe(
      cacheKey({ installationId: 1 }, url, 'application/vnd.github.raw', undefined),
    );
  });
});

describe('AbsentFiles', () => {
  it('is per installation and bounded', () => {
    const absent = new AbsentFiles(2);
    absent.forInstallation(1).set('o/r', 'p', 'sha1');
    expect(absent.forInstallation(2).get('o/r', 'p')).toBeUndefined();
    expect(absent.forInstallation(1).get('O/R', 'p')).toBe('sha1');
    absent.set(1, 'o/r', 'q', 'sha2');
    absent.set(1, 'o/r', 'z', 'sha3');
    expect(absent.size).toBe(2);
    expect(absent.get(1, 'o/r', 'p')).toBeUndefined();
  });
});

describe('the app JWT', () => {
  it('is signed once and reused until two minutes before it expires; a clock-skew retry gets its own', async () => {
    let now = Date.UTC(2026, 10, 29, 12, 0, 0);
    const createJwt = cachedAppJwt(privateKey, () => now);
    const first = await createJwt(42);
    const [header, payload, signature] = first.jwt.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iat: number; exp: number; iss: number };
    expect(claims).toEqual({ iat: now / 1000 - 30, exp: now / 1000 - 30 + 600, iss: 42 });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey(privateKey), Buffer.from(signature, 'base64url'))).toBe(
      true,
    );
    now += 7 * 60_000;
    expect((await createJwt(42)).jwt).toBe(first.jwt);
    now += 60_000; // 8.5 minutes after iat: under two minutes left
    expect((await createJwt(42)).jwt).not.toBe(first.jwt);
    const skewed = await createJwt(42, 90);
    expect(JSON.parse(Buffer.from(skewed.jwt.split('.')[1]!, 'base64url').toString()).iat).toBe(now / 1000 + 90 - 30);
    expect((await createJwt(42)).jwt).not.toBe(skewed.jwt);
  });
});
