/**
 * Publishes an approved postmortem: labels it `published`, records when in its
 * marker, and commits its markdown to the docs path on the default branch so it
 * is versioned in git. Idempotent: a second run changes nothing.
 */
import { allApproved } from '../../src/core/postmortem/approvals.js';
import { readMeta, writeMeta } from '../../src/core/postmortem/issue-metadata.js';
import { postmortemDocPath } from '../../src/core/postmortem/render-postmortem.js';
import { inert } from '../../src/core/render/inert-markdown.js';
import { httpStatusOf, messageOf } from '../../src/github/client.js';
import { commitFile } from '../../src/github/commit-file.js';
import { upsertPrComment } from '../../src/github/upsert-pr-comment.js';
import { editIssueBody } from '../../src/github/edit-issue-body.js';
import { addLabels } from '../../src/github/issue-labels.js';
import { labelNames, readIssue } from '../../src/github/read-issue.js';
import { burnRuleHolds } from './burn-hold.js';
import { issueKey, type PostmortemContext } from './postmortem-context.js';

const PUBLISHED_LABEL = 'published';

/** The markdown committed to the repository: the issue's text without the app's hidden markers. */
function postmortemDocument(title: string, number: number, issueUrl: string | undefined, body: string): string {
  const text = body.replace(/<!-- deploy-governor:[^\n]*? -->\n?/g, '').replace(/\s+$/, '');
  return `# ${title}\n\n_Published from ${issueUrl ? `[#${number}](${issueUrl})` : `#${number}`}._\n\n${text}\n`;
}

const COMMIT_FAILED_MARKER = '<!-- deploy-governor:publish-commit-failed -->';

/**
 * Commits the document; a refusal GitHub explains (a protected default branch, a
 * missing permission) becomes one comment on the postmortem saying how to fix
 * it, and publishing goes on: the approvals stand either way.
 */
async function commitDocument(
  ctx: PostmortemContext,
  number: number,
  path: string,
  content: string,
  message: string,
): Promise<'created' | 'updated' | 'unchanged' | 'refused'> {
  try {
    return await commitFile(ctx.client, { owner: ctx.owner, repo: ctx.repo, path }, content, message);
  } catch (error: unknown) {
    const status = httpStatusOf(error);
    if (status !== 403 && status !== 404 && status !== 409 && status !== 422) throw error;
    ctx.log.warn({ postmortem: number, path, status, err: messageOf(error) }, 'postmortem document not committed');
    await upsertPrComment(ctx.client, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue: number,
      appId: ctx.config.appId,
      marker: COMMIT_FAILED_MARKER,
      body: `${COMMIT_FAILED_MARKER}\nThis postmortem is approved, but committing it to \`${path}\` on the default branch failed (GitHub answered ${status}: ${inert(messageOf(error))}). If the branch is protected, allow the app to push to it or set \`postmortems.docs-path\`; then edit this postmortem to try again.`,
      create: true,
    });
    return 'refused';
  }
}

/** `held`: approved, but the incident burnt more budget than `require-p0-above` and no P0 item is linked yet (burn-hold.ts). */
export async function publishPostmortem(
  ctx: PostmortemContext,
  number: number,
): Promise<'published' | 'already' | 'not-approved' | 'held'> {
  return ctx.lock.run(issueKey(ctx, number), async () => {
    const issue = await readIssue(ctx.client, ctx.owner, ctx.repo, number);
    const body = issue.body ?? '';
    if (
      !allApproved(
        body,
        ctx.policy.approvals.map((r) => r.role),
      )
    )
      return 'not-approved';
    if (await burnRuleHolds(ctx, number, body)) return 'held';
    const meta = readMeta('postmortem', body);
    const publishedAt = meta?.publishedAt ?? new Date().toISOString();
    const date = /^Postmortem: (\d{4}-\d{2}-\d{2}) /.exec(issue.title)?.[1] ?? publishedAt.slice(0, 10);
    const title = issue.title.replace(/^Postmortem: \d{4}-\d{2}-\d{2} /, '');
    const path = postmortemDocPath(ctx.policy.docsPath, date, title);
    const committed = await commitDocument(
      ctx,
      number,
      path,
      postmortemDocument(issue.title, number, issue.html_url, body),
      `Postmortem #${number}: ${issue.title}`,
    );
    const labelled = labelNames(issue).includes(PUBLISHED_LABEL);
    if (!labelled) await addLabels(ctx.client, ctx.owner, ctx.repo, number, [PUBLISHED_LABEL]);
    if (meta && !meta.publishedAt)
      await editIssueBody(ctx.client, { owner: ctx.owner, repo: ctx.repo, issue: number }, (b) =>
        writeMeta('postmortem', b, { ...meta, publishedAt }),
      );
    ctx.log.info({ postmortem: number, path, committed }, 'postmortem published');
    return labelled && committed === 'unchanged' ? 'already' : 'published';
  });
}
