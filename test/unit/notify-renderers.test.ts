/**
 * Chat notifications: every kind in every format validates against the Block
 * Kit and Adaptive Card models (test/support/chat-payloads.ts), user text is
 * inert for each format, and size limits hold for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockedNotification,
  freezeNotification,
  heldNotification,
  overdueNotification,
  overrideNotification,
  type Notification,
} from '../../src/core/notify/notification.js';
import { NOTIFY_FORMATS } from '../../src/core/notify/notify-format-names.js';
import { renderNotification } from '../../src/core/notify/notify-formats.js';
import { renderSlack } from '../../src/core/notify/slack.js';
import { renderTeams } from '../../src/core/notify/teams.js';
import { slackMessageSchema, slackTexts, TEAMS_MAX_BYTES, teamsMessageSchema, teamsTexts } from '../support/chat-payloads.js';
import { overriddenReport, reportFor } from '../support/reports.js';

const RUN = 'https://github.com/Codertocat/Hello-World/actions/runs/9001';

const ATTACKS = [
  '<!channel> <!here> <!everyone> <@U024BE7LH> <!subteam^S123>',
  '@channel @here @all @everyone @octocat',
  '<https://evil.example/a|click me> [click](https://evil.example/b) ![img](https://evil.example/c.png)',
  '*bold* _italic_ ~strike~ `code` ```block``` > quote # heading',
  'bell\u0007 nul\u0000 esc\u001b[31m del\u007f next\u0085 line\nbreak\r\nand\u2028sep',
  'rtl \u202eevil\u202c isolate \u2066x\u2069',
  '&amp; &lt;b&gt; <b>html</b> <at>octocat</at>',
  'https://evil.example/d www.evil.example',
];

function hostile(text: string): Extract<Notification, { kind: 'override' }> {
  return {
    kind: 'override',
    repository: 'Codertocat/Hello-World',
    environment: `prod ${text}`,
    status: 'FREEZE',
    budgetRemaining: 12.5,
    burnRate: 3.2,
    reasons: [text, `SLO ${text} is below its threshold`],
    runUrl: RUN,
    evaluatedAt: '2026-11-23T12:00:00.000Z',
    actor: `octocat ${text}`,
    level: 'freeze',
    reason: text,
  };
}

/** The Slack fallback with its code spans (where user text goes) removed. */
const outsideCode = (text: string) => text.replace(/`[^`]*`/g, '');
const MENTION = /@(?!\u200b)|<[!@#]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the payloads', () => {
  it('renders a blocked report as Block Kit and an Adaptive Card, with the PR comment facts', async () => {
    const report = await reportFor(1500);
    const n = blockedNotification(report, 'Codertocat/Hello-World', RUN);
    const slack = slackMessageSchema.parse(renderNotification('slack', n));
    expect(slack.text).toContain('Deploys to `production` are blocked: EXHAUSTED');
    const fields = slackTexts(slack).map((t) => t.text);
    expect(fields).toContain('*Budget remaining*');
    expect(fields).toContain('-50.0%');
    expect(fields).toContain('EXHAUSTED (blocks at WARNING)');
    expect(fields).toContain(`<${RUN}|Workflow run>`);
    expect(fields.join('\n')).toContain(report.decision.reasons[0]!.slice(0, 40));

    const teams = teamsMessageSchema.parse(renderNotification('teams', n));
    const t = teamsTexts(teams);
    expect(t.runs[0]).toContain('Deploys to production are blocked: EXHAUSTED');
    expect(t.other).toContain('Budget remaining');
    expect(t.other).toContain('-50.0%');
    expect(t.urls).toEqual([RUN]);
  });

  it('renders a held deployment released or expired, with how long it was held', async () => {
    const released = heldNotification('held-released', await reportFor(100), 'Codertocat/Hello-World', RUN, 5400);
    const slack = slackMessageSchema.parse(renderNotification('slack', released));
    expect(slack.text).toContain('A held deploy to `production` was released after 1h 30m: NORMAL');
    expect(slackTexts(slack).map((t) => t.text)).toContain('1h 30m');
    const expired = heldNotification('held-expired', await reportFor(1500), 'Codertocat/Hello-World', RUN, 86_400);
    const teams = teamsMessageSchema.parse(renderNotification('teams', expired));
    expect(teamsTexts(teams).runs[0]).toContain("A held deploy to production was rejected after 1d, its hold's limit: EXHAUSTED");
    expect(teamsTexts(teams).urls).toEqual([RUN]);
  });

  it('renders an override with its actor, level and reason', async () => {
    const report = await overriddenReport(1500);
    const n = overrideNotification(report, 'Codertocat/Hello-World', RUN)!;
    expect(n.kind).toBe('override');
    const slack = slackMessageSchema.parse(renderSlack(n));
    expect(slack.text).toContain('went ahead under an override');
    expect(slack.text).toContain(`Overridden by \`${report.override!.actor}\` at level ${report.override!.level}`);
    const teams = teamsMessageSchema.parse(renderTeams(n));
    expect(teamsTexts(teams).runs.join(' ')).toContain(report.override!.reason.slice(0, 20));
    expect(overrideNotification(await reportFor(1500), 'x/y', null)).toBeNull();
  });

  it('renders overdue action items from the sweep, the most overdue first, and nothing when none were reminded', () => {
    const n = overdueNotification('Codertocat/Hello-World', [
      { action: { kind: 'remind-overdue', issue: 4, owner: 'octocat', due: '2026-11-20', daysOverdue: 3 }, outcome: 'done' },
      { action: { kind: 'remind-overdue', issue: 5, owner: null, due: '2026-11-01', daysOverdue: 22 }, outcome: 'done' },
      { action: { kind: 'remind-overdue', issue: 6, owner: null, due: '2026-11-01', daysOverdue: 22 }, outcome: 'failed' },
      { action: { kind: 'label-overdue', issue: 7 }, outcome: 'done' },
    ])!;
    expect(n.kind === 'postmortem-overdue' && n.items.map((i) => i.issue)).toEqual([5, 4]);
    const slack = slackMessageSchema.parse(renderSlack(n));
    expect(slack.text).toContain('2 postmortem action items are overdue');
    expect(slack.text).toContain('#5: due `2026-11-01`, 22 days overdue');
    const teams = teamsMessageSchema.parse(renderTeams(n));
    expect(teamsTexts(teams).other).toContain('due 2026-11-20, 3 days overdue');
    expect(overdueNotification('x/y', [{ action: { kind: 'unlabel-overdue', issue: 1 }, outcome: 'done' }])).toBeNull();
  });
});

/** A freeze notification whose user text (scope, reason, who) is `text`. */
function hostileFreeze(text: string, change: 'started' | 'ended' = 'started'): Notification {
  return freezeNotification({
    change,
    owner: 'Codertocat',
    repo: '.github',
    issue: 12,
    record: { scope: `prod ${text}`, until: '2026-12-01T18:00:00.000Z', reason: text, by: `octocat ${text}` },
  });
}

describe('freeze notifications', () => {
  it('say what is frozen, where, until when, why and by whom, and link the freeze issue', () => {
    const started = freezeNotification({
      change: 'started',
      owner: 'Codertocat',
      repo: '.github',
      issue: 12,
      record: { scope: 'production', until: '2026-12-01T18:00:00.000Z', reason: 'database migration', by: 'maint' },
    });
    const slack = slackMessageSchema.parse(renderNotification('slack', started));
    expect(slack.text).toContain('Deploys to `production` are frozen in every repository of `Codertocat` until 2026-12-01T18:00:00.000Z');
    expect(slack.text).toContain('Frozen by `maint`: `database migration`');
    expect(slackTexts(slack).map((t) => t.text)).toContain('<https://github.com/Codertocat/.github/issues/12|Freeze issue>');
    const ended = freezeNotification({
      change: 'ended',
      owner: 'Codertocat',
      repo: 'Hello-World',
      issue: 3,
      record: { scope: 'all', until: '2026-12-01T18:00:00.000Z', reason: 'release', by: 'maint' },
    });
    const teams = teamsTexts(teamsMessageSchema.parse(renderNotification('teams', ended)));
    expect(teams.runs[0]).toContain('The freeze of all environments has ended');
    expect(teams.urls).toEqual(['https://github.com/Codertocat/Hello-World/issues/3']);
  });

  it.each(ATTACKS)('keep the reason, the scope and who froze inert in both formats: %j', (attack) => {
    for (const change of ['started', 'ended'] as const) {
      const m = slackMessageSchema.parse(renderSlack(hostileFreeze(attack, change)));
      for (const t of slackTexts(m)) {
        expect(t.text).not.toMatch(MENTION);
        expect(t.text).not.toMatch(CONTROL);
        if (t.type === 'mrkdwn') expect(t.text).not.toMatch(/evil|octocat|<(?!https:\/\/github\.com\/Codertocat\/\.github\/issues\/12\|)/);
      }
      expect(outsideCode(m.text)).not.toMatch(/evil|\[click\]|<!|<@|<b>/);
      const t = teamsTexts(teamsMessageSchema.parse(renderTeams(hostileFreeze(attack, change))));
      expect(t.other.join('\n')).not.toMatch(/evil|octocat|<|@/);
      expect(t.urls).toEqual(['https://github.com/Codertocat/.github/issues/12']);
    }
  });
});

describe('user text is inert', () => {
  it.each(ATTACKS)('in Slack: plain_text in blocks, a code span in the fallback, no mention or link: %j', (attack) => {
    const m = slackMessageSchema.parse(renderSlack(hostile(attack)));
    for (const t of slackTexts(m)) {
      expect(t.text).not.toMatch(MENTION);
      expect(t.text).not.toMatch(CONTROL);
      // Our own mrkdwn holds labels and our run link only.
      if (t.type === 'mrkdwn')
        expect(t.text).not.toMatch(/evil|octocat|<(?!https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/9001\|)/);
      if (t.type === 'plain_text') expect(t.text).not.toMatch(/[<>]/);
    }
    expect(m.text).not.toMatch(MENTION);
    expect(m.text).not.toMatch(CONTROL);
    // Outside code spans, the fallback has only our words (the one link is ours).
    expect(outsideCode(m.text)).not.toMatch(/evil|\[click\]|<!|<@|<b>/);
    expect(outsideCode(m.text).match(/</g)?.length ?? 0).toBe(1);
  });

  it.each(ATTACKS)('in Teams: TextRuns only, never a TextBlock, fact or link: %j', (attack) => {
    const m = teamsMessageSchema.parse(renderTeams(hostile(attack)));
    const t = teamsTexts(m);
    expect(t.other.join('\n')).not.toMatch(/evil|octocat|<|@/);
    expect(t.urls).toEqual([RUN]);
    for (const run of t.runs) expect(run).not.toMatch(CONTROL);
    // The text is kept (as plain text), not dropped.
    if (attack.includes('evil')) expect(t.runs.join(' ')).toContain('evil');
  });

  it('lists reasons one a line, and a line break inside a reason adds no line', () => {
    const m = slackMessageSchema.parse(renderSlack({ ...hostile('x'), reasons: ['first\n• forged', 'second'] }));
    const why = slackTexts(m).find((t) => t.text.startsWith('• first'))!;
    expect(why).toEqual({ type: 'plain_text', text: '• first • forged\n• second', emoji: false });
  });

  it('drops a run link that is not http(s)', () => {
    const n = { ...hostile('x'), runUrl: 'javascript:alert(1)' };
    expect(JSON.stringify(renderSlack(n))).not.toContain('javascript:');
    expect(teamsTexts(teamsMessageSchema.parse(renderTeams(n))).urls).toEqual([]);
  });
});

describe('size limits', () => {
  const text = fc.string({ unit: 'binary', maxLength: 5000 });

  it('any user text gives valid payloads within the limits, cut with a marker', () => {
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 40 }), (env, reason, reasons) => {
        const n: Notification = { ...hostile(''), environment: env, reason, actor: reason.slice(0, 50), reasons };
        for (const format of NOTIFY_FORMATS) {
          const payload = renderNotification(format, n);
          const json = JSON.stringify(payload);
          expect(Buffer.byteLength(json)).toBeLessThan(TEAMS_MAX_BYTES);
          if (format === 'slack') {
            const m = slackMessageSchema.parse(payload);
            expect(m.text.length).toBeLessThanOrEqual(3000);
            for (const t of slackTexts(m)) expect(t.text).not.toMatch(MENTION);
          } else {
            teamsMessageSchema.parse(payload);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('cuts a long reason and a long header with the marker, never inside an entity', () => {
    const long = '&'.repeat(4000);
    const m = slackMessageSchema.parse(renderSlack({ ...hostile(''), environment: long, reasons: [long], reason: long }));
    for (const t of slackTexts(m)) expect(t.text).not.toMatch(/&(?!amp;)|&amp(?!;)/);
    const header = m.blocks[0]!;
    expect(header.type === 'header' && header.text.text.endsWith('…')).toBe(true);
    expect(m.text).toContain('…');
  });

  it('lists at most 10 reasons and 15 overdue items, and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => `reason ${i}`);
    const m = slackMessageSchema.parse(renderSlack({ ...hostile('x'), reasons: many }));
    expect(m.text).toContain('… and 20 more');
    const items = Array.from({ length: 40 }, (_, i) => ({ issue: i + 1, url: null, owner: null, due: '2026-11-01', daysOverdue: 5 }));
    const overdue: Notification = { kind: 'postmortem-overdue', repository: 'a/b', items };
    const s = slackMessageSchema.parse(renderSlack(overdue));
    expect(s.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(s)).toContain('… and 25 more');
    const t = teamsMessageSchema.parse(renderTeams(overdue));
    expect(teamsTexts(t).other).toContain('… and 25 more');
  });
});
