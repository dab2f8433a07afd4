/**
 * Postmortems run in issues, end to end through the real app: Probot receives
 * webhook payloads built from @octokit/webhooks-examples, and GitHub is the
 * stateful stand-in on loopback, which keeps the issues, comments, labels,
 * sub-issues and files, and checks every request against GitHub's OpenAPI
 * description. Assertions are on what the repository holds afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Issue, RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { parseActionItems } from '../../src/core/postmortem/action-items.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { issueMarker } from '../../src/github/open-issue.js';
import { issueCommentCreated, issuesEvent } from '../support/issue-payloads.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

let h: StandInHarness;
let repo: RepoState;

beforeEach(async () => {
  h = await startStandInHarness();
  repo = h.github.state.repo(OWNER, REPO);
  repo.collaborators.set('alice', 'triage');
  repo.collaborators.set('mallory', 'read');
  repo.collaborators.set('maint', 'maintain');
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

const user = (login: string) => h.github.state.user(login);
const issuesLabelled = (label: string) => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === label));
const postmortems = () => issuesLabelled('postmortem');
const appComments = (issue: number) => h.github.state.appComments(repo, issue);

function setPolicy(yaml: string): void {
  repo.files.set('main:.github/deploy-governor.yml', yaml);
}

function incident(severity = 'sev1', title = 'Checkout returns 500s'): Issue {
  return h.github.state.addIssue(repo, { title, labels: ['incident', severity], user: user('alice') });
}

function close(issue: Issue): Issue {
  issue.state = 'closed';
  issue.state_reason = 'completed';
  issue.closed_at = new Date().toISOString();
  return issue;
}

/** A person edits an issue body: the stand-in holds the new text and the app gets issues.edited with the old one. */
async function editBody(issue: Issue, body: string, by = 'alice'): Promise<void> {
  const from = issue.body ?? '';
  issue.body = body;
  await h.receive('issues', issuesEvent('edited', issue, { login: by }, { body: { from } }));
}

/** The postmortem body with action-item lines added under a horizon subsection. */
function withItems(body: string, horizon: 'Short term' | 'Medium term' | 'Long term', lines: string[]): string {
  const heading = new RegExp(`^(###\\s+${horizon}.*)$`, 'm');
  expect(body).toMatch(heading);
  return body.replace(heading, `$1\n${lines.join('\n')}`);
}

describe('opening a postmortem', () => {
  it('opens one from /postmortem by someone with triage, linked both ways, from the built-in template', async () => {
    const inc = close(incident());
    await h.receive('issue_comment', issueCommentCreated(inc, '/postmortem Checkout outage', { login: 'alice' }));
    const [pm, ...more] = postmortems();
    expect(more).toEqual([]);
    expect(pm!.title).toBe(`Postmortem: ${inc.created_at.slice(0, 10)} Checkout outage`);
    expect(pm!.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['postmortem', 'sev1']));
    const body = pm!.body ?? '';
    for (const section of [
      'Executive summary',
      'Timeline',
      'Detection',
      'Root cause',
      'Resolution',
      'Error-budget impact',
      'Action items',
      'Lessons learned',
      'Process improvements',
      'Communication',
      'Sensitive information',
      'Attachments',
      'Approvals',
      'Notes',
    ]) {
      expect(body.toLowerCase()).toContain(section.toLowerCase());
    }
    expect(body).toContain(`#${inc.number}`);
    expect(readMeta('postmortem', body)).toMatchObject({
      incident: inc.number,
      severity: 'sev1',
      author: 'alice',
      startedAt: inc.created_at,
      endedAt: inc.closed_at,
    });
    // The incident links back.
    expect(
      appComments(inc.number)
        .map((c) => c.body)
        .join('\n'),
    ).toContain(`#${pm!.number}`);
  });

  it('opens one from a pull request too', async () => {
    const pr = h.github.state.addPullRequest(repo, 'a'.repeat(40), 'Roll back the cache change');
    await h.receive('issue_comment', issueCommentCreated(pr, '/postmortem', { login: 'alice' }));
    const [pm] = postmortems();
    expect(pm?.title).toMatch(/^Postmortem: \d{4}-\d{2}-\d{2} Roll back the cache change$/);
    expect(readMeta('postmortem', pm?.body)?.incident).toBe(pr.number);
  });

  it('politely refuses someone without triage, and opens nothing', async () => {
    const inc = incident();
    await h.receive('issue_comment', issueCommentCreated(inc, '/postmortem please', { login: 'mallory' }));
    expect(postmortems()).toEqual([]);
    const replies = appComments(inc.number);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/needs at least the \*\*triage\*\* role/);
    expect(replies[0]!.body).toContain('@mallory');
  });

  it('opens exactly one for duplicate triggers: a redelivery, a second command, concurrent commands and the incident closing', async () => {
    const inc = incident('sev2');
    const command = issueCommentCreated(inc, '/postmortem Checkout outage', { login: 'alice' }, 77);
    await Promise.all([
      h.receive('issue_comment', command),
      h.receive('issue_comment', structuredClone(command)),
      h.receive('issue_comment', issueCommentCreated(inc, '/postmortem again', { login: 'maint' }, 78)),
    ]);
    await h.receive('issue_comment', command);
    close(inc);
    await h.receive('issues', issuesEvent('closed', inc, { login: 'alice' }));
    expect(postmortems()).toHaveLength(1);
    // Each command is answered at most once, however often it is delivered; the second is told where the postmortem is.
    const answersTo = (id: number) => appComments(inc.number).filter((c) => c.body.includes(`postmortem-command ${id} `));
    expect(answersTo(77).length).toBeLessThanOrEqual(1);
    expect(answersTo(78)).toHaveLength(1);
    expect(answersTo(78)[0]!.body).toContain(`already exists: #${postmortems()[0]!.number}`);
  });

  it('opens one when an incident of a required severity closes, and none for other severities', async () => {
    const sev1 = close(incident('sev1', 'Payments down'));
    const sev3 = close(incident('sev3', 'Slow search'));
    await h.receive('issues', issuesEvent('closed', sev1, { login: 'alice' }));
    await h.receive('issues', issuesEvent('closed', sev3, { login: 'alice' }));
    expect(postmortems().map((p) => readMeta('postmortem', p.body)?.incident)).toEqual([sev1.number]);
  });

  it('follows the policy: required severities and labels', async () => {
    setPolicy('postmortems:\n  required-severities: [sev3]\n  incident-label: outage\n  label: pm\n');
    const inc = close(h.github.state.addIssue(repo, { title: 'Search slow', labels: ['outage', 'sev3'], user: user('alice') }));
    await h.receive('issues', issuesEvent('closed', inc, { login: 'alice' }));
    expect(issuesLabelled('pm')).toHaveLength(1);
    expect(postmortems()).toEqual([]);
  });

  it("uses the repository's template with its placeholders", async () => {
    repo.files.set(
      'main:.github/deploy-governor/postmortem.md',
      '# {{title}}\n\nDate: {{date}} · Incident: {{incident}} · Severity: {{ severity }} · Duration: {{duration}}\n\n## Action items\n\n### Short term\n\n## Our own section\n',
    );
    const inc = incident('sev1', 'Cache <b>stampede</b> @everyone');
    inc.created_at = '2026-11-20T10:00:00.000Z';
    close(inc).closed_at = '2026-11-20T11:30:00.000Z';
    await h.receive('issues', issuesEvent('closed', inc, { login: 'alice' }));
    const body = postmortems()[0]!.body ?? '';
    expect(body).toContain('Date: 2026-11-20');
    expect(body).toContain('Severity: sev1');
    expect(body).toContain('Duration: 1h 30m');
    expect(body).toContain(`#${inc.number}`);
    expect(body).toContain('## Our own section');
    // User text from the incident's title is inert.
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/@everyone/);
    // The approvals the policy requires are there even though the template has no placeholder for them.
    expect(body).toMatch(/- \[ \] .*Author/);
  });
});

describe('action items', () => {
  async function openPostmortem(): Promise<Issue> {
    const inc = close(incident());
    await h.receive('issues', issuesEvent('closed', inc, { login: 'alice' }));
    return postmortems()[0]!;
  }

  it('turns each new item into an assigned, labelled sub-issue and links its line, exactly once', async () => {
    const pm = await openPostmortem();
    repo.collaborators.set('bob', 'write');
    await editBody(
      pm,
      withItems(pm.body!, 'Short term', [
        '- [ ] Add an alert on queue depth @bob due:2026-12-01',
        '- [ ] Write the runbook @alice due:2026-12-15',
      ]),
    );
    const items = issuesLabelled('action-item');
    expect(items.map((i) => i.title).sort()).toEqual(['Add an alert on queue depth', 'Write the runbook']);
    const queue = items.find((i) => i.title.startsWith('Add an alert'))!;
    expect(queue.assignees.map((a) => a.login)).toEqual(['bob']);
    expect(queue.labels.map((l) => l.name)).toEqual(['action-item', 'short-term']);
    expect(queue.body).toContain('due');
    expect(queue.body).toContain('2026-12-01');
    expect(queue.body).toContain(`#${pm.number}`);
    expect(pm.sub_issue_ids.sort()).toEqual(items.map((i) => i.id).sort());
    const linked = parseActionItems(pm.body!);
    expect(linked.map((i) => i.issue).sort()).toEqual(items.map((i) => i.number).sort());
    // A redelivery of the same edit creates nothing more.
    await h.receive('issues', issuesEvent('edited', pm, { login: 'alice' }, { body: { from: '' } }));
    expect(issuesLabelled('action-item')).toHaveLength(2);
  });

  it("is not stopped by a person's issue carrying an action item's hidden key: it opens its own", async () => {
    const pm = await openPostmortem();
    const body = withItems(pm.body!, 'Short term', ['- [ ] Add an alert on queue depth @alice due:2026-12-01']);
    const [item] = parseActionItems(body);
    const planted = h.github.state.addIssue(repo, {
      title: 'Add an alert on queue depth',
      body: `Done already.\n\n${issueMarker(`action-item-${pm.number}-${item!.key}`)}`,
      labels: ['action-item'],
      user: user('mallory'),
    });
    await editBody(pm, body);
    const ours = issuesLabelled('action-item').filter((i) => i.user.login === 'deploy-governor[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.number).not.toBe(planted.number);
    // The postmortem links the app's issue, and only it is its sub-issue.
    expect(parseActionItems(pm.body!)[0]!.issue).toBe(ours[0]!.number);
    expect(pm.sub_issue_ids).toEqual([ours[0]!.id]);
  });

  it('creates each item once across two quick edits delivered concurrently', async () => {
    const pm = await openPostmortem();
    const first = withItems(pm.body!, 'Short term', ['- [ ] Item one @alice due:2026-12-01']);
    const second = withItems(first, 'Long term', ['- [ ] Item two @alice due:2027-01-15']);
    const original = pm.body!;
    // Both edits happened before the app saw either: each event carries its own old body.
    pm.body = second;
    await Promise.all([
      h.receive('issues', issuesEvent('edited', { ...pm, body: first }, { login: 'alice' }, { body: { from: original } })),
      h.receive('issues', issuesEvent('edited', pm, { login: 'alice' }, { body: { from: first } })),
    ]);
    const items = issuesLabelled('action-item');
    expect(items.map((i) => i.title).sort()).toEqual(['Item one', 'Item two']);
    expect(items.find((i) => i.title === 'Item two')!.labels.map((l) => l.name)).toContain('long-term');
    expect(parseActionItems(pm.body!).every((i) => i.issue !== null)).toBe(true);
  });

  it('takes the items of a postmortem a person opened by hand, and ignores issues that are not postmortems', async () => {
    const body = '## Action items\n\n### Medium term\n\n- [ ] Shard the queue @alice due:2027-02-01\n';
    const byHand = h.github.state.addIssue(repo, { title: 'Postmortem: queue outage', body, labels: ['postmortem'], user: user('alice') });
    const plain = h.github.state.addIssue(repo, { title: 'Not a postmortem', body, labels: ['bug'], user: user('alice') });
    await h.receive('issues', issuesEvent('opened', byHand, { login: 'alice' }));
    await h.receive('issues', issuesEvent('opened', plain, { login: 'alice' }));
    const items = issuesLabelled('action-item');
    expect(items.map((i) => i.title)).toEqual(['Shard the queue']);
    expect(items[0]!.labels.map((l) => l.name)).toContain('medium-term');
    expect(parseActionItems(byHand.body!)[0]!.issue).toBe(items[0]!.number);
    expect(parseActionItems(plain.body!)[0]!.issue).toBeNull();
  });

  it('asks once for a missing owner or due date, and opens no issue for such items', async () => {
    const pm = await openPostmortem();
    await editBody(
      pm,
      withItems(pm.body!, 'Medium term', [
        '- [ ] Nobody owns this due:2026-12-01',
        '- [ ] No date @alice',
        '- [ ] Bad date @alice due:2026-02-30',
      ]),
    );
    await editBody(pm, `${pm.body!}\n`);
    expect(issuesLabelled('action-item')).toEqual([]);
    const asks = appComments(pm.number).filter((c) => c.body.includes('missing an owner or a due date'));
    expect(asks).toHaveLength(1);
    expect(asks[0]!.body).toContain('Nobody owns this: no owner');
    expect(asks[0]!.body).toContain('No date: no due date');
    expect(asks[0]!.body).toMatch(/Bad date: .*2026-02-30/);
    // Completing the items opens them and turns the same comment into a thank-you.
    await editBody(
      pm,
      pm
        .body!.replace('Nobody owns this due:', 'Nobody owns this @alice due:')
        .replace('No date @alice', 'No date @alice due:2026-12-24')
        .replace('due:2026-02-30', 'due:2026-03-02'),
    );
    expect(issuesLabelled('action-item')).toHaveLength(3);
    const after = appComments(pm.number).filter((c) => c.body.includes('deploy-governor:action-items-incomplete'));
    expect(after).toHaveLength(1);
    expect(after[0]!.body).toContain('Every action item now has an owner and a due date');
  });

  it('ticks the line when the item closes and unticks it when it reopens', async () => {
    const pm = await openPostmortem();
    await editBody(pm, withItems(pm.body!, 'Short term', ['- [ ] Fix the retry storm @alice due:2026-12-01']));
    const item = issuesLabelled('action-item')[0]!;
    close(item);
    await h.receive('issues', issuesEvent('closed', item, { login: 'alice' }));
    expect(parseActionItems(pm.body!)[0]).toMatchObject({ issue: item.number, checked: true });
    item.state = 'open';
    item.closed_at = null;
    await h.receive('issues', issuesEvent('reopened', item, { login: 'alice' }));
    expect(parseActionItems(pm.body!)[0]).toMatchObject({ issue: item.number, checked: false });
  });

  it('says clearly when the postmortem has reached the 100 sub-issue limit', async () => {
    const pm = await openPostmortem();
    for (let i = 0; i < 100; i++) pm.sub_issue_ids.push(h.github.state.addIssue(repo, { title: `old ${i}` }).id);
    await editBody(pm, withItems(pm.body!, 'Long term', ['- [ ] One too many @alice due:2027-03-01']));
    const item = issuesLabelled('action-item')[0]!;
    expect(parseActionItems(pm.body!)[0]!.issue).toBe(item.number);
    expect(appComments(pm.number).some((c) => /limit of 100 sub-issues/.test(c.body))).toBe(true);
  });
});

describe('approvals', () => {
  async function openWithApprovers(): Promise<Issue> {
    setPolicy(
      'postmortems:\n  docs-path: handbook/postmortems\n  approvals:\n    - role: Service owner\n      approvers: [bob]\n    - role: Author\n      approvers: [$author]\n',
    );
    const inc = close(incident('sev1', 'Checkout outage'));
    inc.created_at = '2026-11-20T10:00:00.000Z';
    await h.receive('issues', issuesEvent('closed', inc, { login: 'alice' }));
    return postmortems()[0]!;
  }
  const tick = (body: string, role: string) => body.replace(new RegExp(`- \\[ \\](.*${role})`), '- [x]$1');

  it('unticks a box ticked by someone who is not its approver, and says why', async () => {
    const pm = await openWithApprovers();
    await editBody(pm, tick(pm.body!, 'Service owner'), 'mallory');
    expect(pm.body).toMatch(/- \[ \].*Service owner/);
    const refusal = appComments(pm.number).find((c) => c.body.includes('@mallory'));
    expect(refusal?.body).toMatch(/Service owner/);
    expect(refusal?.body).toMatch(/bob/);
    expect(pm.labels.map((l) => l.name)).not.toContain('published');
  });

  it('accepts a member of a named team, and a maintainer for the author of a postmortem Alertmanager opened', async () => {
    setPolicy(
      'postmortems:\n  approvals:\n    - role: SRE review\n      approvers: [acme/sre]\n    - role: Author\n      approvers: [$author]\n',
    );
    h.github.state.teams.set('acme/sre', new Set(['carol']));
    const pm = h.github.state.addIssue(repo, { title: 'Postmortem: 2026-11-24 Paged', labels: ['postmortem'] });
    pm.body = `## Approvals\n\n- [ ] Approved by SRE review\n- [ ] Approved by Author\n\n<!-- deploy-governor:postmortem {"incident":null,"severity":"sev1","author":null,"startedAt":null,"endedAt":null} -->`;
    await editBody(pm, tick(pm.body, 'SRE review'), 'mallory');
    expect(pm.body).toMatch(/- \[ \].*SRE review/);
    await editBody(pm, tick(pm.body!, 'SRE review'), 'carol');
    expect(pm.body).toMatch(/- \[x\].*SRE review/);
    await editBody(pm, tick(pm.body!, 'Author'), 'alice');
    expect(pm.body).toMatch(/- \[ \].*Author/);
    await editBody(pm, tick(pm.body!, 'Author'), 'maint');
    expect(pm.labels.map((l) => l.name)).toContain('published');
  });

  it('publishes on a protected default branch too, and says how to get the document committed', async () => {
    const pm = await openWithApprovers();
    repo.protectedBranches.add('main');
    await editBody(pm, tick(pm.body!, 'Service owner'), 'bob');
    await editBody(pm, tick(pm.body!, 'Author'), 'alice');
    expect(pm.labels.map((l) => l.name)).toContain('published');
    // A branch rule is not a stale sha: the write is tried once, not re-read and resent.
    expect(h.github.stats.byOperation['PUT /repos/{owner}/{repo}/contents/{path}']).toBe(1);
    const notes = appComments(pm.number).filter((c) => c.body.includes('committing it to'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(/handbook\/postmortems\/2026-11-20-checkout-outage\.md.*409.*docs-path/s);
    // Once the app may push, an edit publishes the document.
    repo.protectedBranches.delete('main');
    await editBody(pm, `${pm.body!}\n`);
    expect(h.github.state.fileText(repo, 'main', 'handbook/postmortems/2026-11-20-checkout-outage.md')).toContain('Checkout outage');
  });

  it('publishes when every approver has ticked: label and markdown committed to the docs path', async () => {
    const pm = await openWithApprovers();
    await editBody(pm, tick(pm.body!, 'Service owner'), 'bob');
    expect(pm.body).toMatch(/- \[x\].*Service owner/);
    expect(pm.labels.map((l) => l.name)).not.toContain('published');
    await editBody(pm, tick(pm.body!, 'Author'), 'alice');
    expect(pm.labels.map((l) => l.name)).toContain('published');
    const doc = h.github.state.fileText(repo, 'main', 'handbook/postmortems/2026-11-20-checkout-outage.md');
    expect(doc).toContain('Checkout outage');
    expect(doc).not.toContain('deploy-governor:postmortem');
    expect(readMeta('postmortem', pm.body)?.publishedAt).toBeTruthy();
  });
});
