/**
 * Writes one file to a branch through the contents API: creates it, or updates
 * it with its current sha. A 409/422 (someone wrote meanwhile) is re-read and
 * retried a few times; Octokit's own retry is off for the write, since it would
 * resend the same stale sha.
 */
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

const MAX_ATTEMPTS = 5;

export async function commitFile(
  client: GitHubClient,
  at: { owner: string; repo: string; path: string; branch?: string },
  content: string,
  message: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  for (let attempt = 1; ; attempt++) {
    const current = await readRepoFile(client, { owner: at.owner, repo: at.repo, path: at.path, ...(at.branch ? { ref: at.branch } : {}) });
    if (current?.text === content) return 'unchanged';
    try {
      await client.request('PUT /repos/{owner}/{repo}/contents/{path}', {
        owner: at.owner,
        repo: at.repo,
        path: at.path,
        message,
        content: Buffer.from(content, 'utf8').toString('base64'),
        ...(at.branch ? { branch: at.branch } : {}),
        ...(current ? { sha: current.sha } : {}),
        request: { retries: 0 },
      });
      return current ? 'updated' : 'created';
    } catch (error: unknown) {
      const status = httpStatusOf(error);
      // A branch rule answers 409 too; re-reading cannot help with that one.
      if ((status !== 409 && status !== 422) || attempt >= MAX_ATTEMPTS || /rule violation/i.test(messageOf(error))) throw error;
    }
  }
}
