import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePostmortemPolicy } from '../../src/core/postmortem/postmortem-policy.js';
import {
  computeReliabilityReport,
  median,
  renderReliabilityMarkdown,
  renderReliabilityOpenMetrics,
  severityOf,
} from '../../src/core/postmortem/reliability-report.js';
import type { ActionItemIssue, IncidentIssue, PostmortemIssue } from '../../src/core/postmortem/sweep-plan.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const policy = resolvePostmortemPolicy(undefined); // sev1 and sev2 required; goals: median < 7 days, ≥ 90 %, ≥ 100 %

function incident(number: number, labels: string[], over: Partial<IncidentIssue> = {}): IncidentIssue {
  return {
    number,
    title: `Incident ${number}`,
    state: 'closed',
    createdAt: '2026-09-01T00:00:00Z',
    closedAt: '2026-10-01T00:00:00Z',
    stateReason: 'completed',
    labels: ['incident', ...labels],
    ...over,
  };
}

function postmortem(number: number, incidentNumber: number | null, endedAt: string | null, publishedAt: string | null): PostmortemIssue {
  return {
    number,
    title: `Postmortem ${number}`,
    state: 'open',
    createdAt: '2026-09-01T00:00:00Z',
    closedAt: null,
    stateReason: null,
    labels: publishedAt ? ['postmortem', 'published'] : ['postmortem'],
    meta: { incident: incidentNumber, severity: 'sev1', author: 'alice', startedAt: null, endedAt, publishedAt },
    lastReminderDate: null,
  };
}

function actionItem(
  number: number,
  createdAt: string,
  closed: { at: string; reason: string | null } | null,
  due: string | null = null,
  owner = 'alice',
): ActionItemIssue {
  return {
    number,
    title: `Action item ${number}`,
    state: closed ? 'closed' : 'open',
    createdAt,
    closedAt: closed?.at ?? null,
    stateReason: closed?.reason ?? null,
    labels: ['action-item'],
    assignees: [owner],
    meta: { postmortem: 11, key: `k${number}`, horizon: 'short', owner, due },
    lastReminderDate: null,
  };
}

const incidents = [
  incident(1, ['sev1'], { closedAt: '2026-10-01T10:00:00Z' }),
  incident(2, ['sev2'], { closedAt: '2026-10-20T00:00:00Z' }),
  incident(3, ['sev1'], { closedAt: '2026-11-10T00:00:00Z' }),
  incident(4, ['sev3']),
  incident(5, ['sev1'], { stateReason: 'not_planned' }),
  incident(6, ['sev1'], { state: 'open', closedAt: null, stateReason: null }),
  incident(7, ['SEV2'], { closedAt: '2026-11-15T00:00:00Z' }),
];
const postmortems = [
  postmortem(11, 1, '2026-10-01T08:00:00Z', '2026-10-04T08:00:00Z'), // marker's end wins over the issue's closed_at
  postmortem(12, 2, null, '2026-10-30T00:00:00Z'), // end from incident #2's closed_at
  postmortem(13, null, '2026-11-01T00:00:00Z', '2026-11-03T12:00:00Z'), // opened from a pull request
  postmortem(14, 7, null, null), // pending
  postmortem(16, null, '2026-11-05T00:00:00Z', '2026-11-12T00:00:00Z'),
];
const actionItems = [
  actionItem(21, '2026-10-01T00:00:00Z', { at: '2026-10-20T00:00:00Z', reason: 'completed' }),
  actionItem(22, '2026-10-01T00:00:00Z', { at: '2026-10-31T00:00:00Z', reason: 'completed' }), // exactly 30 days
  actionItem(23, '2026-10-01T00:00:00Z', { at: '2026-10-31T00:00:01Z', reason: 'completed' }), // a second late
  actionItem(24, '2026-10-05T00:00:00Z', { at: '2026-10-06T00:00:00Z', reason: 'not_planned' }),
  actionItem(25, '2026-10-10T00:00:00Z', null, '2026-11-01'),
  actionItem(26, '2026-10-26T12:00:00Z', { at: '2026-11-01T00:00:00Z', reason: null }), // opened exactly 30 days ago; closed before state_reason existed
  actionItem(27, '2026-11-20T00:00:00Z', null, '2026-11-25'), // due today
  actionItem(28, '2026-11-10T00:00:00Z', null, '2026-11-24', 'bob'),
];

const report = computeReliabilityReport({ now: NOW, policy, repository: 'octo/shop', incidents, postmortems, actionItems });

describe('computeReliabilityReport on a hand-computed fixture (now = 2026-11-25T12:00Z)', () => {
  it('time to postmortem: median of the published ones, pending ones listed with their age', () => {
    // #11: 10-01T08:00 → 10-04T08:00 = 3 days; #12: 10-20 → 10-30 = 10 days; #13: 11-01 → 11-03T12:00 = 2.5 days;
    // #16: 11-05 → 11-12 = 7 days. Sorted 2.5, 3, 7, 10: median (3 + 7) / 2 = 5 days < 7 days: met.
    expect(report.postmortems.map((p) => p.timeToPostmortemMs)).toEqual([3 * DAY, 10 * DAY, 2.5 * DAY, null, 7 * DAY]);
    expect(report.timeToPostmortem).toMatchObject({ medianMs: 5 * DAY, samples: 4, goalMs: 7 * DAY, met: true });
    // #14: incident #7 closed 11-15T00:00, now 11-25T12:00: pending 10.5 days.
    expect(report.timeToPostmortem.pending).toEqual([
      expect.objectContaining({
        postmortem: 14,
        incident: 7,
        incidentEndedAt: '2026-11-15T00:00:00Z',
        publishedAt: null,
        pendingForMs: 10.5 * DAY,
      }),
    ]);
  });

  it('completion: items opened ≥ 30 days ago, closed (not as not_planned) within 30 days', () => {
    // Eligible (created ≤ 10-26T12:00): #21 #22 #23 #24 #25 #26 = 6. Done in time: #21 (19 d), #22 (30 d exactly), #26 (5.5 d) = 3.
    // Not: #23 (30 d + 1 s), #24 (not_planned), #25 (open). 3 / 6 = 50 % < 90 %: missed.
    expect(report.completion).toEqual({ eligible: 6, completedInTime: 3, rate: 50, goal: 90, met: false });
  });

  it('overdue: open items due before today (UTC), most overdue first', () => {
    // #25 due 11-01: 24 days; #28 due 11-24: 1 day; #27 due today is not overdue.
    expect(report.overdue).toEqual({
      count: 2,
      items: [
        { issue: 25, title: 'Action item 25', owner: 'alice', due: '2026-11-01', daysOverdue: 24, postmortem: 11 },
        { issue: 28, title: 'Action item 28', owner: 'bob', due: '2026-11-24', daysOverdue: 1, postmortem: 11 },
      ],
    });
  });

  it('coverage: closed incidents of a required severity that a postmortem names', () => {
    // Required: #1 (sev1), #2 (sev2), #3 (sev1), #7 (SEV2). Not: #4 (sev3), #5 (not_planned), #6 (still open).
    // Covered: #1 (#11), #2 (#12), #7 (#14, pending still counts). 3 / 4 = 75 % < 100 %: missed; #3 missing.
    expect(report.coverage).toEqual({ required: 4, covered: 3, rate: 75, goal: 100, met: false, missing: [3] });
    expect(report.incidents.filter((i) => i.requiresPostmortem).map((i) => [i.incident, i.postmortem])).toEqual([
      [1, 11],
      [2, 12],
      [3, null],
      [7, 14],
    ]);
    expect(report.goalsMet).toBe(false);
  });

  it('reports no data as neither met nor missed', () => {
    const empty = computeReliabilityReport({ now: NOW, policy, repository: 'octo/shop', incidents: [], postmortems: [], actionItems: [] });
    expect([empty.timeToPostmortem.met, empty.completion.met, empty.coverage.met, empty.goalsMet]).toEqual([null, null, null, true]);
    expect([empty.timeToPostmortem.medianMs, empty.completion.rate, empty.coverage.rate]).toEqual([null, null, null]);
  });

  it("uses the policy's goals", () => {
    const lenient = resolvePostmortemPolicy({ goals: { 'time-to-postmortem': '5d', 'completion-rate': 50, coverage: 75 } });
    const r = computeReliabilityReport({ now: NOW, policy: lenient, repository: 'octo/shop', incidents, postmortems, actionItems });
    // Median 5 days is not below 5 days; 50 % ≥ 50 %; 75 % ≥ 75 %.
    expect([r.timeToPostmortem.met, r.completion.met, r.coverage.met]).toEqual([false, true, true]);
  });
});

describe('helpers', () => {
  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 3, 7])).toBe(5);
  });

  it('severityOf prefers a required severity, then any sevN label', () => {
    expect(severityOf(['incident', 'sev3', 'Sev1'], policy)).toBe('Sev1');
    expect(severityOf(['incident', 'sev4'], policy)).toBe('sev4');
    expect(severityOf(['incident', 'severe'], policy)).toBeNull();
  });
});

describe('renderReliabilityMarkdown', () => {
  it('shows each figure against its goal and lists what needs attention, without pinging anyone', () => {
    const md = renderReliabilityMarkdown(
      computeReliabilityReport({
        now: NOW,
        policy,
        repository: 'octo/shop',
        incidents,
        postmortems: postmortems.map((p) => (p.number === 14 ? { ...p, title: 'Ping @octo/sre about [this](https://evil.example)' } : p)),
        actionItems,
      }),
    );
    expect(md).toContain('| Median time to postmortem | 5 days (4 published) | < 7 days | ✅ met |');
    expect(md).toContain('| Action items done within 30 days | 50% (3 of 6) | ≥ 90% | ❌ missed |');
    expect(md).toContain('| Postmortem coverage | 75% (3 of 4) | ≥ 100% | ❌ missed |');
    expect(md).toContain('| Overdue action items | 2 | | |');
    expect(md).toContain('**Incidents without a postmortem:** #3');
    expect(md).toContain('| #25 Action item 25 | alice | 2026-11-01 | 24 |');
    expect(md).toContain('10.5 days');
    expect(md).not.toMatch(/@octo/);
    expect(md).not.toContain('](https://');
  });
});

function promtool(args: string[], input?: string) {
  return spawnSync('promtool', args, { input, encoding: 'utf8', timeout: 30_000 });
}

describe('renderReliabilityOpenMetrics', () => {
  const text = renderReliabilityOpenMetrics(report);

  it('writes the figures as gauges labelled with the repository (ratios 0–1, durations in seconds)', () => {
    expect(text).toContain('deploy_governor_postmortem_time_to_publish_median_seconds{repository="octo/shop"} 432000\n'); // 5 days
    expect(text).toContain('deploy_governor_action_item_completion_ratio{repository="octo/shop"} 0.5\n');
    expect(text).toContain('deploy_governor_postmortem_coverage_ratio{repository="octo/shop"} 0.75\n');
    expect(text).toContain('deploy_governor_action_items_overdue{repository="octo/shop"} 2\n');
    expect(text).toContain('deploy_governor_reliability_goal_met{repository="octo/shop",goal="time-to-postmortem"} 1\n');
    expect(text).toContain('deploy_governor_reliability_goal_met{repository="octo/shop",goal="completion-rate"} 0\n');
    expect(text.endsWith('# EOF\n')).toBe(true);
  });

  it('leaves out figures with no data instead of writing NaN', () => {
    const empty = renderReliabilityOpenMetrics(
      computeReliabilityReport({ now: NOW, policy, repository: 'octo/shop', incidents: [], postmortems: [], actionItems: [] }),
    );
    expect(empty).not.toMatch(/NaN|_median_seconds\{|_completion_ratio\{|_coverage_ratio\{|_goal_met\{/);
  });

  it('passes promtool check metrics (and promtool rejects a broken copy, so the check can fail)', () => {
    const hostile = renderReliabilityOpenMetrics({ ...report, repository: 'octo/"quoted\\repo\nnewline' });
    for (const input of [text, hostile]) {
      const result = promtool(['check', 'metrics'], input);
      expect(result.error).toBeUndefined();
      expect({ status: result.status, out: result.stdout + result.stderr }).toEqual({ status: 0, out: '' });
    }
    const broken = promtool(['check', 'metrics'], text.replace('{repository="octo/shop"} 0.5', '{repository="octo/shop} 0.5'));
    expect(broken.status).not.toBe(0);
  });

  it("parses with Prometheus's strict OpenMetrics parser (promtool's backfill, which needs timestamps on samples)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dg-om-'));
    try {
      const ts = Date.parse(report.generatedAt) / 1000;
      const stamped = text.replace(/^([a-z_]+\{.*\} \S+)$/gm, `$1 ${ts}`);
      writeFileSync(path.join(dir, 'report.om'), stamped);
      const result = promtool(['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'report.om'), path.join(dir, 'tsdb')]);
      expect({ status: result.status, err: result.stderr }).toEqual({ status: 0, err: '' });
      // Without "# EOF" the OpenMetrics parser must refuse: the check above is a real parse.
      writeFileSync(path.join(dir, 'no-eof.om'), stamped.replace('# EOF\n', ''));
      expect(promtool(['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'no-eof.om'), path.join(dir, 'tsdb2')]).status).not.toBe(
        0,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
