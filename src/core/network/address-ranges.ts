/**
 * Which IP addresses the app may send a Prometheus query to. Pure: the caller
 * resolves names (src/prometheus/checked-fetch.ts) and asks about each address.
 *
 * Refused unless the operator allowed the network (PROMETHEUS_ALLOWED_NETWORKS):
 * loopback, link-local, unique-local, RFC 1918, CGNAT, "this network", multicast
 * and reserved ranges, and the IPv4-mapped (`::ffff:a.b.c.d`) and NAT64
 * (`64:ff9b::a.b.c.d`) forms of IPv4 ones. The cloud metadata addresses are
 * refused unless the operator allowed that very address (`/32` or `/128`):
 * allowing 169.254.0.0/16 for a link-local Prometheus does not open the
 * metadata service.
 */

export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

export interface Cidr extends IpAddress {
  prefix: number;
  /** As the operator wrote it, for messages. */
  text: string;
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    bytes[i] = Number(p);
  }
  return bytes;
}

function parseIpv6(input: string): Uint8Array | null {
  const text = input.replace(/%[^%]*$/, ''); // a zone id (fe80::1%eth0) says which interface, not which address
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  // A dotted quad may only end the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** An IPv4 or IPv6 address (an IPv6 zone id is ignored), or null. */
export function parseIp(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  return v6 ? { family: 6, bytes: v6 } : null;
}

/** `10.0.0.0/8`, `fd00::/8`, or a bare address (a /32 or /128); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [addr, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || !addr) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { ...ip, prefix, text: text.trim() };
}

function within(ip: IpAddress, net: IpAddress & { prefix: number }): boolean {
  if (ip.family !== net.family) return false;
  let bits = net.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip.bytes[i]! & mask) !== (net.bytes[i]! & mask)) return false;
  }
  return true;
}

function net(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new Error(`bad built-in range ${text}`);
  return c;
}

interface Range {
  cidr: Cidr;
  what: string;
}

const IPV4_REFUSED: Range[] = [
  { cidr: net('0.0.0.0/8'), what: '"this network" (0.0.0.0/8)' },
  { cidr: net('10.0.0.0/8'), what: 'private (RFC 1918, 10.0.0.0/8)' },
  { cidr: net('100.64.0.0/10'), what: 'carrier-grade NAT (100.64.0.0/10)' },
  { cidr: net('127.0.0.0/8'), what: 'loopback (127.0.0.0/8)' },
  { cidr: net('169.254.0.0/16'), what: 'link-local (169.254.0.0/16)' },
  { cidr: net('172.16.0.0/12'), what: 'private (RFC 1918, 172.16.0.0/12)' },
  { cidr: net('192.168.0.0/16'), what: 'private (RFC 1918, 192.168.0.0/16)' },
  { cidr: net('224.0.0.0/4'), what: 'multicast (224.0.0.0/4)' },
  { cidr: net('240.0.0.0/4'), what: 'reserved (240.0.0.0/4, broadcast included)' },
];

const IPV6_REFUSED: Range[] = [
  { cidr: net('::/128'), what: 'unspecified (::)' },
  { cidr: net('::1/128'), what: 'loopback (::1)' },
  { cidr: net('::/96'), what: 'IPv4-compatible (deprecated, ::/96)' },
  { cidr: net('fc00::/7'), what: 'unique-local (fc00::/7)' },
  { cidr: net('fe80::/10'), what: 'link-local (fe80::/10)' },
  { cidr: net('fec0::/10'), what: 'site-local (deprecated, fec0::/10)' },
  { cidr: net('ff00::/8'), what: 'multicast (ff00::/8)' },
];

/** Cloud metadata services: AWS, GCP, Azure, OpenStack, Oracle (169.254.169.254), AWS over IPv6, Alibaba. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'].map((a) => parseIp(a)!);

const MAPPED = net('::ffff:0:0/96');
const NAT64 = net('64:ff9b::/96');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, else null. */
function embeddedIpv4(ip: IpAddress): IpAddress | null {
  if (ip.family !== 6 || !(within(ip, MAPPED) || within(ip, NAT64))) return null;
  return { family: 4, bytes: ip.bytes.slice(12) };
}

function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.bytes.every((x, i) => x === b.bytes[i]);
}

/** Every form under which the operator may have allowed an address: itself, and the IPv4 address inside it. */
function forms(ip: IpAddress): IpAddress[] {
  const inner = embeddedIpv4(ip);
  return inner ? [ip, inner] : [ip];
}

export type AddressVerdict =
  | { allowed: true; by?: string }
  /** `reason`: a cloud metadata address, an address in a refused range, or text that is no address. */
  | { allowed: false; what: string; reason: 'metadata' | 'range' | 'invalid' };

/**
 * Whether a query may go to `address`: a public address always; a refused range
 * only when a network in `allowed` contains it; a metadata address only when
 * `allowed` names exactly that address.
 */
export function checkAddress(address: string, allowed: readonly Cidr[]): AddressVerdict {
  const ip = parseIp(address);
  if (!ip) return { allowed: false, what: 'not an IP address', reason: 'invalid' };
  const all = forms(ip);
  const metadata = all.some((f) => METADATA.some((m) => sameAddress(f, m)));
  if (metadata) {
    const exact = allowed.find((c) => c.prefix === (c.family === 4 ? 32 : 128) && all.some((f) => sameAddress(f, c)));
    return exact
      ? { allowed: true, by: exact.text }
      : { allowed: false, what: 'a cloud metadata address (allowed only as its own /32 or /128)', reason: 'metadata' };
  }
  let refused: string | null = null;
  for (const f of all) {
    const ranges = f.family === 4 ? IPV4_REFUSED : IPV6_REFUSED;
    const hit = ranges.find((r) => within(f, r.cidr));
    if (hit) {
      refused = f === ip ? hit.what : `${hit.what}, in its IPv6 form`;
      break;
    }
  }
  if (refused === null) return { allowed: true };
  const by = allowed.find((c) => all.some((f) => within(f, c)));
  return by ? { allowed: true, by: by.text } : { allowed: false, what: refused, reason: 'range' };
}
