/**
 * How a parent policy is read (src/github/read-parent-policy.ts) and where the
 * Action and the CLI refuse to go without one: what GitHub refuses becomes a
 * message naming the permission and, per host, the token to give; the parent is
 * read at its default branch unless the `extends` value pins a ref.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../src/github/client.js';
import { parentPolicyReader } from '../../src/github/read-parent-policy.js';
import { readPolicyFile } from '../../src/gate/read-policy-file.js';

const spec = { owner: 'acme', repo: '.github', path: '.github/deploy-governor.yml', ref: null };

function failing(status: number, message = 'Resource not accessible by integration'): GitHubClient & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    request: async (route, parameters) => {
      calls.push({ route, parameters });
      throw Object.assign(new Error(message), { status });
    },
  };
}

function serving(text: string): GitHubClient & { calls: Record<string, unknown>[] } {
  const calls: Record<string, unknown>[] = [];
  return {
    calls,
    request: async (_route, parameters) => {
      calls.push(parameters ?? {});
      return { status: 200, data: { type: 'file', sha: 'abc', encoding: 'base64', content: Buffer.from(text).toString('base64') } };
    },
  };
}

describe('parentPolicyReader', () => {
  it('reads at the default branch, or at the pinned ref only', async () => {
    const client = serving('block-on: FREEZE\n');
    await expect(parentPolicyReader(client, 'cli')(spec)).resolves.toEqual({
      text: 'block-on: FREEZE\n',
      source: 'acme/.github:.github/deploy-governor.yml@default',
    });
    await parentPolicyReader(client, 'cli')({ ...spec, ref: 'v2' });
    expect(client.calls).toEqual([
      { owner: 'acme', repo: '.github', path: '.github/deploy-governor.yml' },
      { owner: 'acme', repo: '.github', path: '.github/deploy-governor.yml', ref: 'v2' },
    ]);
  });

  it.each([
    [
      'action',
      403,
      /403: Resource not accessible by integration\): the token needs contents: read on acme\/\.github; the job's GITHUB_TOKEN can read only the repository the workflow runs in: give the policy-token input/,
    ],
    ['cli', 401, /GitHub refused the token \(401\): set GITHUB_TOKEN \(or GH_TOKEN\) to a token with contents: read on acme\/\.github/],
    [
      'app',
      404,
      /not found, or not visible to this token \(GitHub answers 404 for both\); install the deploy-governor app on acme\/\.github/,
    ],
    ['cli', 502, /the request failed: Resource not accessible/],
  ] as const)('as the %s, maps %i to a message that says what to do', async (reader, status, message) => {
    await expect(parentPolicyReader(failing(status), reader)(spec)).rejects.toThrow(message);
  });
});

describe('readPolicyFile with extends', () => {
  it('refuses a policy that extends when the host has no token, and reads nothing', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dg-parent-'));
    await mkdir(path.join(root, '.github'));
    await writeFile(path.join(root, '.github/deploy-governor.yml'), 'extends: acme/.github\n');
    await expect(
      readPolicyFile(root, undefined, { client: null, reader: 'action', repository: 'acme/api', missing: 'set the policy-token input' }),
    ).rejects.toThrow(
      /extends: the policy extends "acme\/\.github", which is read through the GitHub API, and there is no token to read it with: set the policy-token input/,
    );
    await expect(readPolicyFile(root, undefined)).rejects.toThrow(/no token to read it with/);
  });

  it('refuses the repository extending its own policy file (a cycle) before any request', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dg-parent-'));
    await mkdir(path.join(root, '.github'));
    await writeFile(path.join(root, '.github/deploy-governor.yml'), 'extends: acme/api\n');
    const client = serving('{}');
    await expect(readPolicyFile(root, undefined, { client, reader: 'cli', repository: 'acme/api', missing: '' })).rejects.toThrow(
      /makes a cycle/,
    );
    expect(client.calls).toEqual([]);
  });
});
