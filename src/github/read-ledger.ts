/**
 * Reads the ledger repository (see src/core/audit/ledger-entry.ts): one
 * repository's ledger file, or every ledger file, listed through the git trees
 * API (one request for the whole tree) and read through the blob API (any size
 * up to 100 MB, by the sha the tree gave).
 */
import { z } from 'zod';
import { ledgerPath } from '../core/audit/ledger-entry.js';
import { repositoryOfLedgerPath } from '../core/audit/verify-ledger-file.js';
import type { GitHubClient } from './client.js';
import { reading } from './read-audit-history.js';
import { readRepoFile } from './read-repo-file.js';

/** The ledger repository and the branch read. */
export interface LedgerRepo {
  owner: string;
  repo: string;
  branch: string;
  /** The branch head the ledger was read at. */
  headSha: string;
  /** The head commit's tree. */
  treeSha: string;
}

const NEEDS = 'contents: read on the ledger repository';
const repoResponse = z.object({ default_branch: z.string() });
const branchResponse = z.object({ commit: z.object({ sha: z.string(), commit: z.object({ tree: z.object({ sha: z.string() }) }) }) });
const treeResponse = z.object({
  truncated: z.boolean(),
  tree: z.array(z.object({ path: z.string(), type: z.string(), sha: z.string() })),
});
const blobResponse = z.object({ encoding: z.literal('base64'), content: z.string() });

/** Pins the ledger to its branch's head (the repository's default branch unless `branch` is given). */
export async function openLedger(client: GitHubClient, ledger: { owner: string; repo: string }, branch?: string): Promise<LedgerRepo> {
  const name = `the ledger repository ${ledger.owner}/${ledger.repo}`;
  const wanted =
    branch ??
    repoResponse.parse(
      (await reading(name, NEEDS, () => client.request('GET /repos/{owner}/{repo}', { owner: ledger.owner, repo: ledger.repo }))).data,
    ).default_branch;
  const { data } = await reading(`branch ${wanted} of ${name}`, NEEDS, () =>
    client.request('GET /repos/{owner}/{repo}/branches/{branch}', { owner: ledger.owner, repo: ledger.repo, branch: wanted }),
  );
  const head = branchResponse.parse(data).commit;
  return { ...ledger, branch: wanted, headSha: head.sha, treeSha: head.commit.tree.sha };
}

/** How messages name a ledger file: `owner/repo:branch:path`. */
export function ledgerFileName(ledger: LedgerRepo, path: string): string {
  return `${ledger.owner}/${ledger.repo}:${ledger.branch}:${path}`;
}

/** The ledger file of `repository` (`owner/repo`); '' when the ledger holds nothing for it yet. */
export async function readLedgerFile(
  client: GitHubClient,
  ledger: LedgerRepo,
  repository: string,
): Promise<{ path: string; text: string }> {
  const path = ledgerPath(repository);
  const file = await reading(ledgerFileName(ledger, path), NEEDS, () =>
    readRepoFile(client, { owner: ledger.owner, repo: ledger.repo, path, ref: ledger.headSha }),
  );
  return { path, text: file?.text ?? '' };
}

/** Every `ledger/<owner>/<repo>.jsonl` file at the ledger's head, sorted by path. */
export async function listLedgerFiles(client: GitHubClient, ledger: LedgerRepo): Promise<{ path: string; sha: string }[]> {
  const { data } = await reading(`the file tree of ${ledger.owner}/${ledger.repo}:${ledger.branch}`, NEEDS, () =>
    client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner: ledger.owner,
      repo: ledger.repo,
      tree_sha: ledger.treeSha,
      recursive: '1',
    }),
  );
  const tree = treeResponse.parse(data);
  // A truncated listing would silently skip repositories: refuse rather than pass an incomplete ledger.
  if (tree.truncated)
    throw new Error(
      `cannot list the ledger ${ledger.owner}/${ledger.repo}: its tree is too large for one request (GitHub truncated it); verify repositories one by one with --repo`,
    );
  return tree.tree
    .filter((e) => e.type === 'blob' && repositoryOfLedgerPath(e.path) !== null)
    .map((e) => ({ path: e.path, sha: e.sha }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A ledger file's text by its blob sha. */
export async function readLedgerBlob(client: GitHubClient, ledger: LedgerRepo, file: { path: string; sha: string }): Promise<string> {
  const { data } = await reading(ledgerFileName(ledger, file.path), NEEDS, () =>
    client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: ledger.owner, repo: ledger.repo, file_sha: file.sha }),
  );
  return Buffer.from(blobResponse.parse(data).content, 'base64').toString('utf8');
}
