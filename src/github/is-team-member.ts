/** Whether a user is an active member of an organization's team (the app needs the organization's members: read). */
import { z } from 'zod';
import { httpStatusOf, type GitHubClient } from './client.js';

const membership = z.object({ state: z.string() });

export async function isTeamMember(client: GitHubClient, org: string, teamSlug: string, username: string): Promise<boolean> {
  try {
    const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
      org,
      team_slug: teamSlug,
      username,
    });
    return membership.parse(data).state === 'active';
  } catch (error: unknown) {
    // 404: not a member (or no such team): either way not an approver.
    if (httpStatusOf(error) === 404) return false;
    if (httpStatusOf(error) === 403) {
      throw new Error(
        `GitHub answered 403 to GET /orgs/${org}/teams/${teamSlug}/memberships/${username}: the app needs the organization permission "Members: read" to check team approvers`,
        { cause: error },
      );
    }
    throw error;
  }
}
