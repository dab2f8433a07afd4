/** Reads the repository's policy file from its default branch through the API. */
import { z } from 'zod';
import { parsePolicy } from '../core/policy/load-policy.js';
import type { PolicyFile } from '../core/policy/schema.js';
import { httpStatusOf, type GitHubClient } from './client.js';

export const POLICY_PATH = '.github/deploy-governor.yml';
const fileResponse = z.object({ content: z.string(), encoding: z.literal('base64') });

/** The parsed policy; `{}` (all defaults) when the repository has none. Throws PolicyError when invalid. */
export async function readRepoPolicy(client: GitHubClient, owner: string, repo: string): Promise<PolicyFile> {
  let text: string;
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: POLICY_PATH });
    text = Buffer.from(fileResponse.parse(data).content, 'base64').toString('utf8');
  } catch (error: unknown) {
    if (httpStatusOf(error) === 404) return {};
    throw error;
  }
  return parsePolicy(text, `${owner}/${repo}:${POLICY_PATH}`);
}
