/**
 * Reads one text file from a repository through the contents API. Above 1 MB
 * the contents API answers with `encoding: "none"` and an empty `content`: the
 * text then comes from the git blob API (up to 100 MB), so a large audit log is
 * never mistaken for an empty one.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const fileResponse = z.object({
  type: z.string().optional(),
  sha: z.string(),
  encoding: z.string().optional(),
  content: z.string().optional(),
});
const blobResponse = z.object({ encoding: z.literal('base64'), content: z.string() });

export interface RepoFile {
  text: string;
  /** The blob sha, needed to update the file. */
  sha: string;
}

/** The file's text and sha; null when it does not exist (404). */
export async function readRepoFile(
  client: GitHubClient,
  at: { owner: string; repo: string; path: string; ref?: string },
): Promise<RepoFile | null> {
  let file: z.infer<typeof fileResponse>;
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: at.owner,
      repo: at.repo,
      path: at.path,
      ...(at.ref ? { ref: at.ref } : {}),
    });
    if (Array.isArray(data)) throw new Error(`${at.path} is a directory, not a file`);
    file = fileResponse.parse(data);
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
  if (file.type !== undefined && file.type !== 'file') throw new Error(`${at.path} is a ${file.type}, not a file`);
  if (file.encoding === 'base64' && file.content !== undefined)
    return { text: Buffer.from(file.content, 'base64').toString('utf8'), sha: file.sha };
  const { data } = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
    owner: at.owner,
    repo: at.repo,
    file_sha: file.sha,
  });
  return { text: Buffer.from(blobResponse.parse(data).content, 'base64').toString('utf8'), sha: file.sha };
}
