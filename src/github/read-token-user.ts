/**
 * Who a token stands for (`GET /user`): the CLI's override actor. Outside a
 * workflow run there is no triggering actor, so the person asking is the owner
 * of the token, as GitHub knows it, never a name from the command line.
 */
import { z } from 'zod';
import { httpStatusOf, messageOf, type GitHubClient } from './client.js';

const userResponse = z.object({ login: z.string().min(1) });

export type TokenUserResult = { login: string } | { error: string };

export async function readTokenUser(client: GitHubClient): Promise<TokenUserResult> {
  try {
    const { data } = await client.request('GET /user');
    return { login: userResponse.parse(data).login };
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    if (status === 401) return { error: 'GitHub answered 401 to GET /user: GITHUB_TOKEN is not a valid token' };
    if (status === 403) {
      return {
        error:
          "GitHub answered 403 to GET /user: the token has no user (an installation token or a workflow's GITHUB_TOKEN acts for an app); use a person's token, e.g. a fine-grained personal access token or `gh auth token`",
      };
    }
    if (error instanceof z.ZodError) return { error: 'GitHub answered GET /user without a login; is GITHUB_API_URL a GitHub API?' };
    return { error: `reading the token's user (GET /user) failed: ${messageOf(error)}` };
  }
}
