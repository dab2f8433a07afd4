/**
 * Which addresses a Prometheus query may go to (src/core/network/address-ranges.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkAddress, parseCidr, parseIp, type Cidr } from '../../src/core/network/address-ranges.js';

const nets = (...texts: string[]): Cidr[] => texts.map((t) => parseCidr(t)!);

describe('checkAddress', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.1.2', /loopback/],
    ['::1', /loopback/],
    ['10.1.2.3', /RFC 1918, 10/],
    ['172.16.0.1', /RFC 1918, 172/],
    ['172.31.255.255', /RFC 1918, 172/],
    ['192.168.1.1', /RFC 1918, 192/],
    ['169.254.1.1', /link-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['fc00::1', /unique-local/],
    ['fd12:3456::1', /unique-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['::', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /loopback \(127\.0\.0\.0\/8\), in its IPv6 form/],
    ['::ffff:7f00:1', /loopback .* IPv6 form/],
    ['::ffff:10.0.0.1', /RFC 1918/],
    ['64:ff9b::10.0.0.1', /RFC 1918/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['169.254.169.254', /metadata/],
    ['fd00:ec2::254', /metadata/],
    ['::ffff:169.254.169.254', /metadata/],
    ['100.100.100.200', /metadata/],
    ['not-an-ip', /not an IP address/],
  ])('refuses %s', (address, what) => {
    const v = checkAddress(address, []);
    expect(v.allowed).toBe(false);
    if (!v.allowed) expect(v.what).toMatch(what);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '203.0.113.5'])(
    'allows the public %s',
    (address) => {
      expect(checkAddress(address, [])).toEqual({ allowed: true });
    },
  );

  it('allows a refused range the operator allowed, naming the network', () => {
    expect(checkAddress('127.0.0.1', nets('127.0.0.0/8'))).toEqual({ allowed: true, by: '127.0.0.0/8' });
    expect(checkAddress('::ffff:10.9.8.7', nets('10.0.0.0/8'))).toEqual({ allowed: true, by: '10.0.0.0/8' });
    expect(checkAddress('fd12::5', nets('fd12::/16'))).toEqual({ allowed: true, by: 'fd12::/16' });
    expect(checkAddress('10.1.2.3', nets('10.1.0.0/16')).allowed).toBe(true);
    expect(checkAddress('10.2.0.1', nets('10.1.0.0/16')).allowed).toBe(false);
    expect(checkAddress('192.168.1.1', nets('10.0.0.0/8')).allowed).toBe(false);
  });

  it('opens a metadata address only when that very address is allowed', () => {
    expect(checkAddress('169.254.169.254', nets('169.254.0.0/16')).allowed).toBe(false);
    expect(checkAddress('169.254.169.254', nets('0.0.0.0/0')).allowed).toBe(false);
    expect(checkAddress('169.254.1.1', nets('169.254.0.0/16')).allowed).toBe(true);
    expect(checkAddress('169.254.169.254', nets('169.254.169.254/32'))).toEqual({ allowed: true, by: '169.254.169.254/32' });
    expect(checkAddress('::ffff:169.254.169.254', nets('169.254.169.254'))).toEqual({ allowed: true, by: '169.254.169.254' });
    expect(checkAddress('fd00:ec2::254', nets('fd00::/8')).allowed).toBe(false);
  });
});

describe('parseIp and parseCidr', () => {
  it('reads the usual forms and rejects the rest', () => {
    expect(parseIp('1.2.3.4')?.family).toBe(4);
    expect(parseIp('2001:db8::1')?.family).toBe(6);
    expect(parseIp('::ffff:1.2.3.4')?.bytes.slice(10)).toEqual(new Uint8Array([255, 255, 1, 2, 3, 4]));
    for (const bad of ['1.2.3', '1.2.3.256', '01.2.3.4', '1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '1.2.3.4::', ''])
      expect(parseIp(bad)).toBeNull();
    expect(parseCidr('10.0.0.0/8')).toMatchObject({ family: 4, prefix: 8, text: '10.0.0.0/8' });
    expect(parseCidr('fd00::/8')).toMatchObject({ family: 6, prefix: 8 });
    expect(parseCidr('127.0.0.1')).toMatchObject({ prefix: 32 });
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/8/1', 'x/8', '10.0.0.0/-1']) expect(parseCidr(bad)).toBeNull();
  });
});
