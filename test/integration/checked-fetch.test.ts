/**
 * The checked fetch (src/prometheus/checked-fetch.ts) against local HTTP
 * servers, with name resolution stubbed by an injected resolver (no DNS, no
 * /etc/hosts): refused addresses are never connected to, an allowed one is
 * connected to exactly, one private answer among several refuses the name, and a
 * rebinding resolver cannot steer the connection to loopback.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/core/network/address-ranges.js';
import { AddressRefused, createCheckedFetch, type CheckedFetch, type ResolveAll } from '../../src/prometheus/checked-fetch.js';
import { PrometheusClient } from '../../src/prometheus/client.js';
import { PrometheusQueryError } from '../../src/core/prometheus/query-error.js';

interface Seen {
  host: string | undefined;
  localAddress: string | undefined;
  url: string | undefined;
}

/** A server on one loopback address that records what reached it. */
async function serve(
  host: string,
  port = 0,
  answer?: (req: IncomingMessage) => { status: number; headers?: Record<string, string>; body: string },
) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ host: req.headers.host, localAddress: req.socket.localAddress, url: req.url });
    const a = answer?.(req) ?? { status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }) };
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { server, seen, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A resolver stub: a fixed table, or a function per call; counts its calls per name. */
function stub(answers: Record<string, string[] | ((call: number) => string[])>) {
  const calls: Record<string, number> = {};
  const resolve: ResolveAll = async (hostname) => {
    calls[hostname] = (calls[hostname] ?? 0) + 1;
    const a = answers[hostname];
    if (!a) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const list = typeof a === 'function' ? a(calls[hostname]!) : a;
    return list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

/** The AddressRefused in a fetch failure's cause chain (undici wraps connector errors in TypeError: fetch failed). */
function refusalOf(error: unknown): AddressRefused | null {
  for (let e: unknown = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) if (e instanceof AddressRefused) return e;
  return null;
}

const nets = (...t: string[]) => t.map((x) => parseCidr(x)!);

let one: Awaited<ReturnType<typeof serve>>;
let two: Awaited<ReturnType<typeof serve>>;
const opened: CheckedFetch[] = [];
const checkedFetch = (...args: Parameters<typeof createCheckedFetch>) => {
  const f = createCheckedFetch(...args);
  opened.push(f);
  return f;
};

beforeAll(async () => {
  one = await serve('127.0.0.1');
  // The same port on another loopback address: where the connection went shows which address was used.
  two = await serve('127.0.0.2', one.port);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((f) => f.close()));
  one.seen.length = 0;
  two.seen.length = 0;
});

afterAll(async () => {
  await one.close();
  await two.close();
});

describe('createCheckedFetch', () => {
  it('refuses an allow-listed name that resolves to 127.0.0.1: nothing is sent, the error names host, address and variable', async () => {
    const dns = stub({ 'prom.allowed.test': ['127.0.0.1'] });
    const f = checkedFetch({ allowedNetworks: [], resolve: dns.resolve });
    const error = await f(`http://prom.allowed.test:${one.port}/api/v1/query`, { method: 'POST', body: 'query=up' }).catch(
      (e: unknown) => e,
    );
    const refused = refusalOf(error);
    expect(refused).not.toBeNull();
    expect(refused!.message).toBe(
      'prom.allowed.test resolves to 127.0.0.1, loopback (127.0.0.0/8), which PROMETHEUS_ALLOWED_NETWORKS does not allow',
    );
    expect(one.seen).toEqual([]);
  });

  it('with PROMETHEUS_ALLOWED_NETWORKS=127.0.0.0/8, connects to exactly the address it checked', async () => {
    const dns = stub({ 'prom.allowed.test': ['127.0.0.2'] });
    const f = checkedFetch({ allowedNetworks: nets('127.0.0.0/8'), resolve: dns.resolve });
    const res = await f(`http://prom.allowed.test:${one.port}/api/v1/query`, { method: 'POST', body: 'query=up' });
    expect(res.status).toBe(200);
    expect(two.seen).toEqual([{ host: `prom.allowed.test:${one.port}`, localAddress: '127.0.0.2', url: '/api/v1/query' }]);
    expect(one.seen).toEqual([]);
    expect(dns.calls['prom.allowed.test']).toBe(1);
  });

  it('refuses a name with two addresses when one of them is private, whichever comes first', async () => {
    for (const order of [
      ['203.0.113.10', '10.0.0.5'],
      ['10.0.0.5', '203.0.113.10'],
    ]) {
      const f = checkedFetch({ allowedNetworks: nets('127.0.0.0/8'), resolve: stub({ 'two.test': order }).resolve });
      const refused = refusalOf(await f(`http://two.test:${one.port}/`).catch((e: unknown) => e));
      expect(refused).toMatchObject({ host: 'two.test', address: '10.0.0.5' });
      expect(refused!.message).toMatch(/RFC 1918/);
    }
  });

  it('a rebinding resolver (allowed address first, 127.0.0.1 next) cannot make the connection go to 127.0.0.1', async () => {
    // 127.0.0.2 plays the public address: allowed, and served locally, so where the request lands is observable.
    const dns = stub({ 'rebind.test': (call) => (call === 1 ? ['127.0.0.2'] : ['127.0.0.1']) });
    const f = checkedFetch({ allowedNetworks: nets('127.0.0.2/32'), resolve: dns.resolve });
    const first = await f(`http://rebind.test:${one.port}/api/v1/query`, { method: 'POST', body: 'query=up' });
    expect(first.status).toBe(200);
    await first.text();
    // One resolution for the connection: the address checked is the address connected to.
    expect(dns.calls['rebind.test']).toBe(1);
    expect(two.seen).toHaveLength(1);
    // The next connection resolves again, is checked again, and the loopback answer is refused.
    const again = checkedFetch({ allowedNetworks: nets('127.0.0.2/32'), resolve: dns.resolve });
    const second = await again(`http://rebind.test:${one.port}/api/v1/query`, { method: 'POST', body: 'query=up' }).catch(
      (e: unknown) => e,
    );
    expect(refusalOf(second)).toMatchObject({ host: 'rebind.test', address: '127.0.0.1' });
    expect(dns.calls['rebind.test']).toBe(2);
    expect(one.seen).toEqual([]);
  });

  it('checks an address written in the URL without resolving it', async () => {
    const dns = stub({});
    const refused = await checkedFetch({ allowedNetworks: [], resolve: dns.resolve })(`http://127.0.0.1:${one.port}/`).catch(
      (e: unknown) => e,
    );
    expect(refusalOf(refused)?.message).toBe('127.0.0.1, loopback (127.0.0.0/8), which PROMETHEUS_ALLOWED_NETWORKS does not allow');
    expect(
      refusalOf(
        await checkedFetch({ allowedNetworks: [], resolve: dns.resolve })('http://[::ffff:169.254.169.254]/').catch((e: unknown) => e),
      )?.what,
    ).toMatch(/metadata/);
    expect(
      (await checkedFetch({ allowedNetworks: nets('127.0.0.1/32'), resolve: dns.resolve })(`http://127.0.0.1:${one.port}/`)).status,
    ).toBe(200);
    expect(dns.calls).toEqual({});
    expect(one.seen).toHaveLength(1);
  });

  it('follows no redirect, whatever the caller asks', async () => {
    const bouncer = await serve('127.0.0.3', 0, () => ({ status: 302, headers: { location: `http://127.0.0.1:${one.port}/` }, body: '' }));
    try {
      const f = checkedFetch({ allowedNetworks: nets('127.0.0.0/8'), resolve: stub({}).resolve });
      const res = await f(`http://127.0.0.3:${bouncer.port}/`, { redirect: 'follow' });
      expect(res.status).toBe(302);
      expect(one.seen).toEqual([]);
    } finally {
      await bouncer.close();
    }
  });

  it("for the operator's own URL (private networks allowed) still refuses the metadata address", async () => {
    const dns = stub({ 'prom.internal': ['127.0.0.1'], 'sneaky.internal': ['169.254.169.254'] });
    const f = checkedFetch({ allowedNetworks: [], privateNetworks: 'allowed', resolve: dns.resolve });
    expect((await f(`http://prom.internal:${one.port}/`)).status).toBe(200);
    expect(refusalOf(await f('http://sneaky.internal/').catch((e: unknown) => e))?.what).toMatch(/metadata/);
  });

  it('through the Prometheus client, the refusal reaches the message', async () => {
    const f = checkedFetch({ allowedNetworks: [], resolve: stub({ 'prom.allowed.test': ['127.0.0.1'] }).resolve });
    const client = new PrometheusClient({ url: `http://prom.allowed.test:${one.port}`, timeoutMs: 2000, fetch: f, attempts: 1 });
    const error = await client.query('up', new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect((error as PrometheusQueryError).kind).toBe('unreachable');
    expect((error as PrometheusQueryError).message).toMatch(
      /prom\.allowed\.test resolves to 127\.0\.0\.1, loopback \(127\.0\.0\.0\/8\), which PROMETHEUS_ALLOWED_NETWORKS does not/,
    );
    expect(one.seen).toEqual([]);
  });
});
