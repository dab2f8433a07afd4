import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { chainRecord, GENESIS_HASH } from '../../src/core/audit/hash-chain.js';
import { run } from '../../src/cli/run.js';

const HEAD = 'd'.repeat(40);

/**
 * The branch head and its history as GitHub answers them: one verified commit by the app that wrote the log
 * (the log's contents are then read twice at that sha: as the commit's version and as the head's).
 */
function history(scope: nock.Scope, problems: string[]): nock.Scope {
  return (
    scope
      // No policy file: the audit section's defaults (branch, path, app).
      .get('/repos/octo/shop/contents/.github%2Fdeploy-governor.yml')
      .reply((uri) => {
        problems.push(...checkRequestAgainstOpenApi({ method: 'GET', path: uri }));
        return [404, { message: 'Not Found' }];
      })
      .get('/repos/octo/shop/branches/deploy-governor-audit')
      .reply((uri) => {
        problems.push(...checkRequestAgainstOpenApi({ method: 'GET', path: uri }));
        return [200, { name: 'deploy-governor-audit', commit: { sha: HEAD } }];
      })
      .get('/repos/octo/shop/commits')
      .query({ sha: HEAD, path: 'audit/overrides.jsonl', per_page: '100', page: '1' })
      .reply((uri) => {
        problems.push(...checkRequestAgainstOpenApi({ method: 'GET', path: uri.split('?')[0]! }));
        return [
          200,
          [
            {
              sha: HEAD,
              author: { login: 'deploy-governor[bot]' },
              commit: { message: 'deploy-governor: override', verification: { verified: true, reason: 'valid' } },
              parents: [{ sha: 'e'.repeat(40) }],
            },
          ],
        ];
      })
  );
}

function capture() {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  return out;
}

describe('deploy-governor audit verify', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes an intact log and names the first broken line of a tampered one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-audit-'));
    const a = chainRecord({ id: '1-1-production', actor: 'octocat', reason: 'first' }, GENESIS_HASH);
    const b = chainRecord({ id: '2-1-production', actor: 'octocat', reason: 'second' }, a.hash);
    const c = chainRecord({ id: '3-1-production', actor: 'octocat', reason: 'third' }, b.hash);
    const good = path.join(dir, 'good.jsonl');
    await writeFile(good, [a, b, c].map((r) => JSON.stringify(r)).join('\n') + '\n');
    let out = capture();
    expect(await run(['node', 'deploy-governor', 'audit', 'verify', good])).toBe(0);
    expect(out.join('')).toMatch(/OK: 3 record\(s\), hash chain intact \(.*good\.jsonl\); a local file only proves the chain/);
    vi.restoreAllMocks();

    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, [a, { ...b, reason: 'edited later' }, c].map((r) => JSON.stringify(r)).join('\n') + '\n');
    out = capture();
    expect(await run(['node', 'deploy-governor', 'audit', 'verify', bad])).toBe(1);
    expect(out.join('')).toMatch(/BROKEN at line 2 of .*bad\.jsonl: hash does not match the record/);
  });

  it('explains a missing file or token instead of crashing', async () => {
    const out = capture();
    expect(await run(['node', 'deploy-governor', 'audit', 'verify', '/nonexistent/log.jsonl'])).toBe(99);
    vi.stubEnv('GITHUB_TOKEN', '');
    vi.stubEnv('GH_TOKEN', '');
    expect(await run(['node', 'deploy-governor', 'audit', 'verify', '--repo', 'octo/shop'])).toBe(99);
    expect(out.join('')).toMatch(/set GITHUB_TOKEN/);
    vi.unstubAllEnvs();
  });

  it('reads the log through the API with --repo', async () => {
    nock.disableNetConnect();
    const a = chainRecord({ id: '1-1-production', actor: 'octocat' }, GENESIS_HASH);
    const seen: string[] = [];
    const scope = history(nock('https://api.github.com'), seen)
      .get(/\/repos\/octo\/shop\/contents\/audit(%2F|\/)overrides\.jsonl/)
      .query({ ref: HEAD })
      .times(2)
      .reply(function (uri) {
        seen.push(...checkRequestAgainstOpenApi({ method: 'GET', path: uri.split('?')[0]! }));
        seen.push(String(this.req.headers.authorization));
        return [
          200,
          { type: 'file', sha: 'a'.repeat(40), encoding: 'base64', content: Buffer.from(`${JSON.stringify(a)}\n`).toString('base64') },
        ];
      });
    vi.stubEnv('GITHUB_TOKEN', 'ghp_cli');
    vi.stubEnv('GITHUB_API_URL', '');
    const out = capture();
    try {
      expect(await run(['node', 'deploy-governor', 'audit', 'verify', '--repo', 'octo/shop'])).toBe(0);
      expect(out.join('')).toMatch(/OK: 1 record\(s\), hash chain intact \(octo\/shop:deploy-governor-audit:audit\/overrides\.jsonl\)/);
      expect(out.join('')).toMatch(/OK: history: 1 commit\(s\), each a verified append of one record by deploy-governor\[bot\]/);
      expect(seen).toEqual(['token ghp_cli', 'token ghp_cli']);
      expect(scope.isDone()).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });

  it('reads a log over 1 MB through the blob API and names its first broken line', async () => {
    nock.disableNetConnect();
    let prev = GENESIS_HASH;
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const r = chainRecord({ id: `${i}-1-production`, actor: 'octocat', reason: `reason ${i} ${'x'.repeat(300)}` }, prev);
      prev = r.hash;
      lines.push(JSON.stringify(i === 2500 ? { ...r, actor: 'mallory' } : r));
    }
    const text = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    const problems: string[] = [];
    const scope = history(nock('https://api.github.com'), problems)
      .get(/\/repos\/octo\/shop\/contents\/audit(%2F|\/)overrides\.jsonl/)
      .query(true)
      .times(2)
      .reply((uri) => {
        problems.push(...checkRequestAgainstOpenApi({ method: 'GET', path: uri.split('?')[0]! }));
        // What GitHub answers for files over 1 MB: no content.
        return [200, { type: 'file', sha: 'b'.repeat(40), size: Buffer.byteLength(text), encoding: 'none', content: '' }];
      })
      .get(`/repos/octo/shop/git/blobs/${'b'.repeat(40)}`)
      .times(2)
      .reply((uri) => {
        problems.push(...checkRequestAgainstOpenApi({ method: 'GET', path: uri }));
        return [200, { sha: 'b'.repeat(40), encoding: 'base64', content: Buffer.from(text).toString('base64') }];
      });
    vi.stubEnv('GITHUB_TOKEN', 'ghp_cli');
    vi.stubEnv('GITHUB_API_URL', '');
    const out = capture();
    try {
      expect(await run(['node', 'deploy-governor', 'audit', 'verify', '--repo', 'octo/shop'])).toBe(1);
      expect(out.join('')).toMatch(
        /BROKEN at line 2501 of octo\/shop:deploy-governor-audit:audit\/overrides\.jsonl: hash does not match the record/,
      );
      expect(problems).toEqual([]);
      expect(scope.isDone()).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });
});
