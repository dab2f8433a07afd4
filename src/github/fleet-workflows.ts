/**
 * The workflow files of a repository's default branch: the directory listing of
 * `.github/workflows` (one contents-API request), then each `.yml`/`.yaml` file.
 * What they govern is decided in src/core/fleet/workflow-coverage.ts.
 */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';
import { readRepoFile } from './read-repo-file.js';

const WORKFLOW_DIR = '.github/workflows';
const listing = z.array(z.object({ type: z.string(), name: z.string(), path: z.string() }));

/** At most this many workflow files are read per repository. */
const MAX_FILES = 30;

export interface WorkflowFiles {
  files: { path: string; text: string }[];
  /** Set when the cap left files unread. */
  skipped: number;
}

export async function readWorkflowFiles(client: GitHubClient, owner: string, repo: string, ref: string | null): Promise<WorkflowFiles> {
  let entries: z.infer<typeof listing>;
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner,
      repo,
      path: WORKFLOW_DIR,
      ...(ref ? { ref } : {}),
    });
    // A file where the directory should be is no workflow directory.
    entries = Array.isArray(data) ? listing.parse(data) : [];
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return { files: [], skipped: 0 };
    throw error;
  }
  const wanted = entries.filter((e) => e.type === 'file' && /\.ya?ml$/i.test(e.name)).sort((a, b) => a.path.localeCompare(b.path));
  const files: { path: string; text: string }[] = [];
  for (const entry of wanted.slice(0, MAX_FILES)) {
    const file = await readRepoFile(client, { owner, repo, path: entry.path, ...(ref ? { ref } : {}) });
    if (file) files.push({ path: entry.path, text: file.text });
  }
  return { files, skipped: Math.max(0, wanted.length - MAX_FILES) };
}
