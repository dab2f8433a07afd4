/**
 * Keeps one fleet-view issue current in a repository (the organisation's
 * `.github`): found by its hidden marker among issues labelled `fleet-view`
 * that the token's own account opened (GraphQL `viewer`, which answers for a
 * person's token and an installation token alike). Anyone who can open an
 * issue can paste the marker, and anyone with triage can label it: such a
 * planted issue is never adopted, and never overwritten. The issue is pinned
 * when it can be (a repository pins at most 3): a failed pin is a warning.
 */
import { z } from 'zod';
import { FLEET_ISSUE_MARKER } from '../core/fleet/render-fleet.js';
import { graphql, pin } from './apply-sweep.js';
import { messageOf, type GitHubClient } from './client.js';

const FLEET_LABEL = 'fleet-view';
const FLEET_TITLE = 'Fleet view: deploy governance';
/** GitHub refuses issue bodies over 65,536 characters. */
const MAX_BODY = 65_000;
const MAX_PAGES = 10;

const viewerData = z.object({ viewer: z.object({ login: z.string() }) });
const issueSchema = z.object({
  number: z.number().int(),
  node_id: z.string(),
  state: z.enum(['open', 'closed']),
  body: z.string().nullable().optional(),
  user: z.object({ login: z.string() }).nullable(),
  pull_request: z.unknown().optional(),
});

export interface FleetIssueResult {
  number: number;
  created: boolean;
  pinned: boolean;
  warnings: string[];
}

function issueBody(markdown: string): string {
  const body = markdown.replace(FLEET_ISSUE_MARKER, '').trimEnd();
  const clipped =
    body.length > MAX_BODY
      ? `${body.slice(0, MAX_BODY)}\n\n… (cut at GitHub's size limit: \`deploy-governor fleet --json\` prints it all)`
      : body;
  return `${clipped}\n\n${FLEET_ISSUE_MARKER}\n`;
}

/** Creates or updates the fleet issue in `owner/repo` with the rendered markdown, and pins it. */
export async function upsertFleetIssue(
  client: GitHubClient,
  at: { owner: string; repo: string },
  markdown: string,
): Promise<FleetIssueResult> {
  const me = viewerData.parse(await graphql(client, 'query { viewer { login } }', {})).viewer.login.toLowerCase();
  let existing: z.infer<typeof issueSchema> | undefined;
  for (let page = 1; page <= MAX_PAGES && !existing; page++) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
      owner: at.owner,
      repo: at.repo,
      labels: FLEET_LABEL,
      state: 'all',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
      page,
    });
    const batch = z.array(issueSchema).parse(data);
    existing = batch.find(
      (i) => i.pull_request === undefined && i.user?.login.toLowerCase() === me && (i.body ?? '').includes(FLEET_ISSUE_MARKER),
    );
    if (batch.length < 100) break;
  }
  const body = issueBody(markdown);
  const warnings: string[] = [];
  let issue: z.infer<typeof issueSchema>;
  if (existing) {
    const { data } = await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: at.owner,
      repo: at.repo,
      issue_number: existing.number,
      body,
    });
    issue = issueSchema.parse(data);
  } else {
    // No automatic resend: a POST that timed out after succeeding would open a second issue (the next run finds it).
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
      owner: at.owner,
      repo: at.repo,
      title: FLEET_TITLE,
      body,
      labels: [FLEET_LABEL],
      request: { retries: 0 },
    });
    issue = issueSchema.parse(data);
  }
  let pinned = false;
  if (issue.state !== 'open') warnings.push(`the fleet issue #${issue.number} is closed, so it is not pinned; reopen it to show it again`);
  else {
    try {
      pinned = await pin(client, issue.node_id);
    } catch (error: unknown) {
      warnings.push(`could not pin the fleet issue #${issue.number} (a repository pins at most 3 issues): ${messageOf(error)}`);
    }
  }
  return { number: issue.number, created: !existing, pinned, warnings };
}
