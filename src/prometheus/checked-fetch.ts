/**
 * fetch for Prometheus addresses the app did not get from its own operator
 * directly (an allow-listed URL a policy names, a tenant's URL): the host name is
 * resolved by the app, every address it resolves to is checked
 * (src/core/network/address-ranges.ts), and the connection goes to an address
 * that was checked.
 *
 * How: an undici `Agent` whose connector resolves names through `lookup` below.
 * Node's `net.connect` calls that lookup once per new connection and connects to
 * what it returns, so the addresses checked are the addresses connected to: a
 * name cannot answer "public" to a check and "127.0.0.1" to the connection (DNS
 * rebinding), because there is no second resolution. An IP literal in the URL is
 * checked before the request. Redirects are never followed (`redirect: manual`,
 * whatever the caller asks): an allowed Prometheus cannot bounce the app elsewhere.
 *
 * The undici package's own `fetch` is used with its `Agent` (Node 20's global
 * fetch bundles undici 6, and a dispatcher from another undici major is not a
 * supported combination).
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { checkAddress, parseCidr, parseIp, type Cidr } from '../core/network/address-ranges.js';

/** Resolves a host name to all its addresses (node:dns `lookup` with `all: true`); injectable for tests. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

const resolveWithDns: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

export interface CheckedFetchOptions {
  /** Networks the operator allowed explicitly (PROMETHEUS_ALLOWED_NETWORKS). */
  allowedNetworks: readonly Cidr[];
  /**
   * `refused` (the default): loopback, link-local, private and the other ranges
   * of address-ranges.ts are refused unless allowed. `allowed`: only metadata
   * addresses are refused (for the operator's own PROMETHEUS_URL, which the
   * operator wrote and which usually is on a private network).
   */
  privateNetworks?: 'refused' | 'allowed';
  /** Name resolution; defaults to node:dns. */
  resolve?: ResolveAll;
  /** Time to establish a connection (default 10 s; the caller's own timeout still applies). */
  connectTimeoutMs?: number;
}

/** A refusal to connect to an address: no request was sent. */
export class AddressRefused extends Error {
  override readonly name = 'AddressRefused';

  constructor(
    readonly host: string,
    readonly address: string,
    readonly what: string,
  ) {
    // Kept short and complete: the Prometheus client shows about 120 characters of a connection failure.
    super(`${host === address ? address : `${host} resolves to ${address}`}, ${what}, which PROMETHEUS_ALLOWED_NETWORKS does not allow`);
  }
}

/** A fetch whose connections can be closed (tests, shutdown). */
export type CheckedFetch = typeof fetch & { close(): Promise<void> };

function verdict(options: CheckedFetchOptions, host: string, address: string): AddressRefused | null {
  const v = checkAddress(address, options.allowedNetworks);
  if (v.allowed) return null;
  if (options.privateNetworks === 'allowed' && v.reason === 'range') return null;
  return new AddressRefused(host, address, v.what);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export function createCheckedFetch(options: CheckedFetchOptions): CheckedFetch {
  const resolve = options.resolve ?? resolveWithDns;
  const lookup = (hostname: string, opts: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    const family = opts.family === 4 || opts.family === 'IPv4' ? 4 : opts.family === 6 || opts.family === 'IPv6' ? 6 : 0;
    resolve(hostname)
      .then((found) => {
        if (found.length === 0) throw Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' });
        // Every address is checked, not only the one used: one private answer among public ones refuses the name.
        for (const a of found) {
          const refused = verdict(options, hostname, a.address);
          if (refused) throw refused;
        }
        const usable = family === 0 ? found : found.filter((a) => a.family === family);
        if (usable.length === 0) throw Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: 'ENOTFOUND' });
        return usable;
      })
      // The callback runs once, outside the chain that may reject: connect to exactly the addresses checked.
      .then(
        (usable) => (opts.all ? callback(null, usable) : callback(null, usable[0]!.address, usable[0]!.family)),
        (error: NodeJS.ErrnoException) => callback(error, ''),
      );
  };
  const agent = new Agent({ connect: { lookup, timeout: options.connectTimeoutMs ?? 10_000 } });
  const checked = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) throw new TypeError('the checked fetch takes a URL, not a Request');
    const url = new URL(input);
    // An address written in the URL is never looked up: check it here.
    const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (parseIp(literal)) {
      const refused = verdict(options, literal, literal);
      if (refused) throw refused;
    }
    const response = await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), redirect: 'manual', dispatcher: agent });
    return response as unknown as Response;
  }) as CheckedFetch;
  checked.close = () => agent.close();
  return checked;
}

/** A problem in an environment variable (app/config/env.ts's convention: the message does not quote the value). */
export type EnvProblem = { variable: string; value: string | null; message: string };

/** PROMETHEUS_ALLOWED_NETWORKS: comma-separated CIDRs (a bare address is a /32 or /128); empty when unset. */
export function parseAllowedNetworksEnv(env: Readonly<Record<string, string | undefined>>): { value: Cidr[] } | { problems: EnvProblem[] } {
  const parts = (env.PROMETHEUS_ALLOWED_NETWORKS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const value: Cidr[] = [];
  const bad: string[] = [];
  for (const part of parts) {
    const cidr = parseCidr(part);
    if (cidr) value.push(cidr);
    else bad.push(part);
  }
  if (bad.length === 0) return { value };
  return {
    problems: [
      {
        variable: 'PROMETHEUS_ALLOWED_NETWORKS',
        value: bad.join(','),
        message: `expected comma-separated networks such as 10.0.0.0/8,fd00::/8 or an address such as 169.254.169.254/32 (${bad.length === 1 ? 'one is' : `${bad.length} are`} not)`,
      },
    ],
  };
}
