/**
 * Guards the approvals table. Only a role's named approver (a login, a member of
 * a named team, or the postmortem's author) may tick its box: a box ticked by
 * anyone else is unticked, with a comment saying why. Who may approve comes from
 * the policy on the default branch, never from the table's text, which anyone
 * who can edit the issue could rewrite. When every box is ticked, the
 * postmortem is published.
 */
import { hasPermission } from '../../src/core/override/decide-override.js';
import { allApproved, newlyTickedRoles, setApprovalChecked } from '../../src/core/postmortem/approvals.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import type { ApprovalRole } from '../../src/core/postmortem/postmortem-policy.js';
import { commentOnIssue } from '../../src/github/comment-on-issue.js';
import type { GitHubClient } from '../../src/github/client.js';
import { editIssueBody } from '../../src/github/edit-issue-body.js';
import { isTeamMember } from '../../src/github/is-team-member.js';
import { readActorRole } from '../../src/github/read-override-authorization.js';
import { issueKey, type PostmortemContext } from './postmortem-context.js';
import { publishPostmortem } from './publish-postmortem.js';

/** Whether `login` may tick `role`'s box. */
async function mayApprove(
  client: GitHubClient,
  owner: string,
  repo: string,
  login: string,
  role: ApprovalRole,
  author: string | null,
): Promise<boolean> {
  for (const approver of role.approvers) {
    if (approver === '$author') {
      if (author !== null && author.toLowerCase() === login.toLowerCase()) return true;
      if (author === null) {
        // Opened by Alertmanager: nobody authored it, so the repository's maintainers stand in.
        const result = await readActorRole(client, owner, repo, login);
        if ('role' in result && hasPermission(result.role, 'maintain')) return true;
      }
      continue;
    }
    const [org, team] = approver.split('/');
    if (team) {
      if (await isTeamMember(client, org!, team, login)) return true;
    } else if (approver.toLowerCase() === login.toLowerCase()) {
      return true;
    }
  }
  return false;
}

function describeApprovers(role: ApprovalRole, author: string | null): string {
  return role.approvers
    .map((a) => (a === '$author' ? (author ? `the author (${author})` : 'a maintainer') : a.includes('/') ? `a member of ${a}` : a))
    .join(' or ');
}

export interface ApprovalEdit {
  postmortem: number;
  before: string;
  after: string;
  sender: string;
}

export async function reviewApprovals(ctx: PostmortemContext, edit: ApprovalEdit): Promise<{ refused: string[]; published: boolean }> {
  const roles = ctx.policy.approvals;
  const names = roles.map((r) => r.role);
  const ticked = newlyTickedRoles(edit.before, edit.after, names);
  const author = readMeta('postmortem', edit.after)?.author ?? null;
  const refused: string[] = [];
  for (const name of ticked) {
    const role = roles.find((r) => r.role === name)!;
    if (!(await mayApprove(ctx.client, ctx.owner, ctx.repo, edit.sender, role, author))) refused.push(name);
  }
  let body = edit.after;
  if (refused.length > 0) {
    body = await ctx.lock.run(issueKey(ctx, edit.postmortem), async () => {
      const result = await editIssueBody(ctx.client, { owner: ctx.owner, repo: ctx.repo, issue: edit.postmortem }, (b) =>
        refused.reduce((x, r) => setApprovalChecked(x, r, false), b),
      );
      return result.body;
    });
    // The sender's login is GitHub's own (a safe token); roles come from the policy's validated names.
    await commentOnIssue(
      ctx.client,
      ctx.owner,
      ctx.repo,
      edit.postmortem,
      [
        `@${edit.sender}, I unticked ${refused.map((r) => `**${r}**`).join(', ')}: only the role's approver may tick it.`,
        '',
        ...refused.map(
          (r) =>
            `- **${r}**: ${describeApprovers(
              roles.find((x) => x.role === r)!,
              author,
            )}`,
        ),
      ].join('\n'),
    );
    ctx.log.warn({ postmortem: edit.postmortem, sender: edit.sender, refused }, 'postmortem approval refused');
  }
  const outcome = allApproved(body, names) ? await publishPostmortem(ctx, edit.postmortem) : 'not-approved';
  const published = outcome === 'published' || outcome === 'already';
  return { refused, published };
}
