import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripCredentials } from '../../src/prometheus/strip-credentials.js';

describe('stripCredentials', () => {
  it.each([
    ['https://user:pass@prom.example.com', 'https://prom.example.com'],
    ['https://user:pass@prom.example.com:9090/', 'https://prom.example.com:9090'],
    ['https://user@mimir.example.com/prometheus/', 'https://mimir.example.com/prometheus'],
    ['https://:pass@prom.example.com', 'https://prom.example.com'],
    ['https://u:p%40ss%2Fw@prom.example.com/a', 'https://prom.example.com/a'],
    ['https://u:p@ss@prom.example.com', 'https://prom.example.com'],
    ['http://prom:9090', 'http://prom:9090'],
    ['http://prom:9090//', 'http://prom:9090'],
    ['  http://prom:9090/  ', 'http://prom:9090'],
    ['https://prom.example.com/?api_key=secret#frag', 'https://prom.example.com'],
    ['HTTPS://User:Pass@Prom.Example.COM/Path', 'https://prom.example.com/Path'],
  ])('%s → %s', (input, shown) => {
    expect(stripCredentials(input)).toBe(shown);
  });

  it.each([
    // Not parseable as http(s): cleaned by hand, never echoed with the secret.
    ['user:pass@prom:9090', 'prom:9090'],
    ['https://user:pa/ss@prom.example.com', 'https://prom.example.com'],
    ['https://user:12#secret@prom.example.com', 'https://prom.example.com'],
    ['https://user:p?w=1@prom.example.com/x', 'https://prom.example.com/x'],
    ['ftp://user:pass@files.example.com/x?k=v', 'ftp://files.example.com/x'],
    ['not a url', 'not a url'],
    ['', ''],
  ])('malformed %j → %j', (input, shown) => {
    expect(stripCredentials(input)).toBe(shown);
  });

  it('never shows a password, whatever it contains (property)', () => {
    const host = fc.constantFrom('prom.example.com', '127.0.0.1:9090', 'mimir.internal/prometheus');
    const password = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => `SECRET${s}`);
    const user = fc.string({ unit: 'grapheme-ascii', maxLength: 10 });
    fc.assert(
      fc.property(fc.constantFrom('http', 'https'), user, password, host, fc.boolean(), (scheme, u, pw, h, encode) => {
        const url = `${scheme}://${encode ? encodeURIComponent(u) : u}:${encode ? encodeURIComponent(pw) : pw}@${h}`;
        const shown = stripCredentials(url);
        expect(shown).not.toContain('SECRET');
        if (encode) expect(shown).toBe(`${scheme}://${h}`);
      }),
      { numRuns: 300 },
    );
  });
});
