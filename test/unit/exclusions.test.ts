/**
 * Budget exclusions in the pure core (issue 16, item 4): the policy's hostile
 * inputs, the audit rule on injected facts (when and by whom an exclusion was
 * added), the arithmetic of the subtraction against a brute force, and the
 * properties "excluding nothing changes nothing" and "excluding everything
 * leaves no traffic". The real-Prometheus half is test/integration/gate-exclusions.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitExclusions, type ExclusionOrigin, type ExclusionOrigins } from '../../src/core/exclusions/admit-exclusions.js';
import { disjointIntervals, type ExclusionOccurrence } from '../../src/core/exclusions/excluded-intervals.js';
import { pinToInterval } from '../../src/core/exclusions/exclusion-queries.js';
import { MAX_EXCLUDED_INTERVALS, MAX_EXCLUSIONS } from '../../src/core/exclusions/exclusion-schema.js';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { renderBlockedComment } from '../../src/core/render/render-pr-comment.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { reportSchema } from '../../src/core/report/report-schema.js';
import { eventsAnswer, MemoryQuerier, type Answer } from '../support/memory-querier.js';

const now = new Date('2026-11-23T12:00:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WINDOW_MS = 30 * DAY_MS;
const iso = (ms: number) => new Date(ms).toISOString();

function issuesOf(text: string): PolicyError['issues'] {
  try {
    parsePolicy(text);
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error.issues;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

const oneOff = (name: string, from: number, to: number, extra = '') =>
  `  - { name: ${name}, reason: planned, kind: maintenance, from: "${iso(from)}", to: "${iso(to)}"${extra} }\n`;

function policyOf(exclusions: string, extra = '') {
  return resolvePolicy(
    parsePolicy(`burn-rate-guards: [{ long: 1h, short: 5m, factor: 14.4 }]\n${extra}exclusions:\n${exclusions}`),
    gateInputsSchema.parse({ 'dr-check': 'false', 'prometheus-url': 'http://prom:9090' }),
  );
}

const healthy = { '30d': { errors: 500, total: 1_000_000 }, '1h': { errors: 0, total: 1000 }, '5m': { errors: 0, total: 100 } };

/** Every exclusion added long before it started, by a writer. */
const early = (...names: string[]): ExclusionOrigins => ({
  known: new Map(
    names.map((n) => [n, { addedAt: new Date(0), attested: true, addedBy: 'octocat', role: { roleName: 'write', permission: 'write' } }]),
  ),
});

/**
 * Answers the gate's combined exclusion queries from counts: the window's part and each interval's part (in the
 * order the query lists them), errors for the error query (the one naming the 5xx matcher first).
 */
function combinedAnswer(window: { errors: number; total: number }, intervals: readonly { errors: number; total: number }[]) {
  return (query: string): Answer | undefined => {
    if (!query.includes('label_replace(')) return undefined;
    const parts = [...query.matchAll(/"dg_part", "([^"]+)"/g)].map((m) => m[1]!);
    const errorsQuery = query.startsWith('label_replace((sum(increase(http_requests_total{status=~"5.."}');
    return parts.map((part) => {
      const c = part === 'window' ? window : intervals[Number(part)]!;
      return { labels: { dg_part: part }, value: errorsQuery ? c.errors : c.total };
    });
  };
}

describe('the policy refuses hostile exclusions, naming the field and the accepted form', () => {
  const day = Date.parse('2026-11-01T00:00:00Z');

  it(`refuses a list longer than ${MAX_EXCLUSIONS}`, () => {
    const list = Array.from({ length: MAX_EXCLUSIONS + 1 }, (_, i) => oneOff(`x${i}`, day + i * DAY_MS, day + i * DAY_MS + HOUR_MS)).join(
      '',
    );
    expect(issuesOf(`exclusions:\n${list}`)).toEqual([{ path: 'exclusions', message: expect.stringMatching(/at most 50 exclusions/) }]);
  });

  it('refuses a reversed interval, and one shorter than 5m', () => {
    expect(issuesOf(`exclusions:\n${oneOff('backwards', day + HOUR_MS, day)}`)).toEqual([
      { path: 'exclusions[0].to', message: expect.stringMatching(/expected to \(.*\) after from/) },
    ]);
    expect(issuesOf(`exclusions:\n${oneOff('blink', day, day + 60_000)}`)[0]).toMatchObject({
      path: 'exclusions[0].to',
      message: expect.stringMatching(/at least 5m/),
    });
  });

  it('refuses one-off intervals that overlap each other', () => {
    const issues = issuesOf(`exclusions:\n${oneOff('a', day, day + 2 * HOUR_MS)}${oneOff('b', day + HOUR_MS, day + 3 * HOUR_MS)}`);
    expect(issues).toEqual([
      { path: 'exclusions[1].from', message: expect.stringMatching(/"b" overlaps "a".*expected intervals that do not overlap/) },
    ]);
  });

  it('refuses a cron that fires every minute, and a duration as long as the gap between starts', () => {
    expect(issuesOf('exclusions:\n  - { name: all, reason: r, kind: load-test, cron: "* * * * *", duration: 5m }\n')).toEqual([
      {
        path: 'exclusions[0].cron',
        message: expect.stringMatching(/every 1 minute\(s\); recurring exclusions must start at least 1h apart, e\.g\./),
      },
    ]);
    expect(issuesOf('exclusions:\n  - { name: daily, reason: r, kind: maintenance, cron: "0 3 * * *", duration: 1d }\n')).toEqual([
      { path: 'exclusions[0].duration', message: expect.stringMatching(/not shorter than the 1440 minutes between the cron's starts/) },
    ]);
  });

  it('refuses a bad time zone, a bad kind, a mix of both forms, and a planted `added` field', () => {
    expect(
      issuesOf('exclusions:\n  - { name: w, reason: r, kind: maintenance, cron: "0 2 * * 0", duration: 2h, timezone: Mars/Olympus }\n'),
    ).toEqual([{ path: 'exclusions[0].timezone', message: expect.stringMatching(/expected an IANA time zone such as Europe\/Berlin/) }]);
    expect(issuesOf(`exclusions:\n${oneOff('k', day, day + HOUR_MS).replace('maintenance', 'outage')}`)[0]).toMatchObject({
      path: 'exclusions[0].kind',
      message: expect.stringMatching(/maintenance, dependency, load-test|maintenance, dependency or load-test/),
    });
    expect(issuesOf(`exclusions:\n${oneOff('m', day, day + HOUR_MS, ', cron: "0 2 * * 0", duration: 1h')}`)[0]!.message).toMatch(
      /either from and to \(one-off\) or cron and duration \(recurring\)/,
    );
    // When an exclusion was added is a fact from GitHub; the file cannot claim it.
    expect(issuesOf(`exclusions:\n${oneOff('forged', day, day + HOUR_MS, ', added: "2020-01-01T00:00:00Z"')}`)[0]!.message).toMatch(
      /added/,
    );
  });

  it(`refuses, at evaluation, more than ${MAX_EXCLUDED_INTERVALS} intervals in one SLO window`, async () => {
    const list = Array.from({ length: MAX_EXCLUDED_INTERVALS + 1 }, (_, i) =>
      oneOff(`o${i}`, now.getTime() - (i + 1) * 12 * HOUR_MS, now.getTime() - (i + 1) * 12 * HOUR_MS + HOUR_MS),
    ).join('');
    const querier = new MemoryQuerier(eventsAnswer(healthy));
    const error = await evaluatePolicy({ policy: policyOf(list), prometheus: querier, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).issues).toEqual([
      { path: 'exclusions', message: expect.stringMatching(/more than 40 excluded intervals overlap .* expected at most 40/) },
    ]);
    expect(querier.asked).toEqual([]);
  });

  it('takes an environment section’s list instead of the top level’s', () => {
    const file = `exclusions:\n${oneOff('top', Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-01T01:00:00Z'))}environments:\n  production: {}\n  staging:\n    exclusions: []\n`;
    const resolve = (environment: string) => resolvePolicy(parsePolicy(file), gateInputsSchema.parse({ environment })).exclusions;
    expect(resolve('production').map((x) => x.name)).toEqual(['top']);
    expect(resolve('staging')).toEqual([]);
  });
});

describe('the audit rule: added before it started, or by the exhausted override role', () => {
  const occurrence: ExclusionOccurrence = {
    name: 'db',
    kind: 'maintenance',
    reason: 'r',
    from: new Date('2026-11-20T10:00:00Z'),
    to: new Date('2026-11-20T12:00:00Z'),
  };
  const origin = (addedAt: string, roleName: string | null, addedBy: string | null = 'someone', attested = true): ExclusionOrigin => ({
    addedAt: new Date(addedAt),
    attested,
    addedBy,
    role: roleName === null ? null : { roleName, permission: roleName === 'admin' ? 'admin' : 'write' },
  });
  const judge = (o: ExclusionOrigins) => admitExclusions([occurrence], o, 'admin')[0]!;

  it('applies one added before its start, whoever added it', () => {
    expect(judge({ known: new Map([['db', origin('2026-11-19T00:00:00Z', 'read')]]) }).admission).toBe('added-before-start');
  });

  it('refuses a retroactive one by a writer, and applies it by an admin (audited with the role)', () => {
    const late = judge({ known: new Map([['db', origin('2026-11-20T11:00:00Z', 'write', 'mallory')]]) });
    expect(late).toMatchObject({ admission: 'refused', addedBy: 'mallory' });
    expect(late.note).toMatch(
      /after it started .* \(role write\); an exclusion not shown to predate its interval needs the role of the exhausted override level \(admin\)/,
    );
    const admin = judge({ known: new Map([['db', origin('2026-11-20T11:00:00Z', 'admin', 'root')]]) });
    expect(admin).toMatchObject({ admission: 'authorized-role', addedBy: 'root' });
    expect(admin.note).toMatch(/by root, whose role admin meets the exhausted override level/);
  });

  it('does not take a date from someone’s git client for a fact: a backdated commit needs the role', () => {
    // mallory wrote `git commit --date 2026-11-01` after the incident: GitHub did not make the commit, so the date proves nothing.
    const backdated = judge({ known: new Map([['db', origin('2026-11-01T00:00:00Z', 'write', 'mallory', false)]]) });
    expect(backdated).toMatchObject({
      admission: 'refused',
      note: expect.stringMatching(/dated .* by its author's git client \(not a commit GitHub made/),
    });
    expect(judge({ known: new Map([['db', origin('2026-11-01T00:00:00Z', 'maintain', 'lead', false)]]) }).admission).toBe('refused');
    expect(judge({ known: new Map([['db', origin('2026-11-01T00:00:00Z', 'admin', 'root', false)]]) }).admission).toBe('authorized-role');
  });

  it('fails closed without facts: no history, a name no commit introduced, an author GitHub knows no role of', () => {
    expect(judge({ unavailable: 'no GitHub token' })).toMatchObject({
      admission: 'refused',
      note: expect.stringMatching(/no GitHub token/),
    });
    expect(judge({ known: new Map() })).toMatchObject({ admission: 'refused', note: expect.stringMatching(/no commit .* introduces it/) });
    expect(judge({ known: new Map([['db', origin('2026-11-20T11:00:00Z', null)]]) }).admission).toBe('refused');
    expect(judge({ known: new Map([['db', origin('2026-11-20T11:00:00Z', 'admin', null)]]) }).admission).toBe('refused');
  });

  it('refuses every started interval when the gate has no origins (the CLI without a token)', async () => {
    const from = now.getTime() - 2 * DAY_MS;
    const querier = new MemoryQuerier(eventsAnswer(healthy));
    const report = await evaluatePolicy({ policy: policyOf(oneOff('db', from, from + HOUR_MS)), prometheus: querier, now });
    expect(report.slos[0]!.exclusions).toBeUndefined();
    expect(report.exclusions).toMatchObject([{ name: 'db', admission: 'refused', addedAt: null }]);
    expect(report.findings.find((f) => f.code === 'exclusion')!.message).toMatch(/history was not read \(no GitHub token\)/);
    expect(querier.asked.some((a) => a.query.includes('label_replace('))).toBe(false);
  });
});

describe('the subtraction', () => {
  it('equals the brute force: (errors − Σ interval errors) / (events − Σ interval events), and returns each interval’s errors (property)', async () => {
    const counts = fc.record({ errors: fc.integer({ min: 0, max: 1000 }), extra: fc.integer({ min: 0, max: 100_000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(counts, { minLength: 1, maxLength: 5 }), counts, async (parts, rest) => {
        const intervals = parts.map((p) => ({ errors: p.errors, total: p.errors + p.extra }));
        const window = {
          errors: rest.errors + intervals.reduce((s, i) => s + i.errors, 0),
          total: 1 + rest.errors + rest.extra + intervals.reduce((s, i) => s + i.total, 0),
        };
        const list = intervals
          .map((_, i) => oneOff(`i${i}`, now.getTime() - (i + 1) * DAY_MS, now.getTime() - (i + 1) * DAY_MS + HOUR_MS))
          .join('');
        const querier = new MemoryQuerier(eventsAnswer(healthy, combinedAnswer(window, [...intervals].reverse())));
        const report = await evaluatePolicy({
          policy: policyOf(list),
          prometheus: querier,
          now,
          exclusionOrigins: early(...intervals.map((_, i) => `i${i}`)),
        });
        const slo = report.slos[0]!;
        const left = rest.errors / (1 + rest.errors + rest.extra);
        expect(slo.errorRatio).toBeCloseTo(Math.min(left, 1), 12);
        // Oldest first: the query lists the intervals in time order, i0 is the newest.
        expect(slo.exclusions!.map((x) => [x.name, x.errorsReturned, x.eventsExcluded])).toEqual(
          intervals.map((c, i) => [`i${i}`, c.errors, c.total]).reverse(),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('changes nothing when nothing is excluded: intervals outside the window, or intervals without events (property)', async () => {
    const plain = await evaluatePolicy({ policy: policyOf('  []\n'), prometheus: new MemoryQuerier(eventsAnswer(healthy)), now });
    expect(plain.slos[0]!.errorRatio).toBe(0.0005);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 24 * 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 20 }),
        async (minutes, future, daysAway) => {
          const start = future ? now.getTime() + daysAway * DAY_MS : now.getTime() - WINDOW_MS - daysAway * DAY_MS - (minutes + 5) * 60_000;
          const outside = await evaluatePolicy({
            policy: policyOf(oneOff('away', start, start + (minutes + 5) * 60_000)),
            prometheus: new MemoryQuerier(eventsAnswer(healthy)),
            now,
            exclusionOrigins: early('away'),
          });
          expect(outside.slos).toEqual(plain.slos);
          expect(outside.decision).toEqual(plain.decision);
          // Inside the window, but the interval had no events: the same ratio.
          const inside = now.getTime() - daysAway * DAY_MS;
          const empty = await evaluatePolicy({
            policy: policyOf(oneOff('quiet', inside, inside + (minutes + 5) * 60_000)),
            prometheus: new MemoryQuerier(eventsAnswer(healthy, combinedAnswer(healthy['30d'], [{ errors: 0, total: 0 }]))),
            now,
            exclusionOrigins: early('quiet'),
          });
          expect(empty.slos[0]!.errorRatio).toBe(plain.slos[0]!.errorRatio);
          expect(empty.decision.status).toBe(plain.decision.status);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('leaves no traffic when the exclusions cover the whole window: status UNKNOWN (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), async (weights) => {
        // Consecutive pieces from before the window's start to after now: together they cover it.
        const from = now.getTime() - WINDOW_MS - HOUR_MS;
        const span = WINDOW_MS + 2 * HOUR_MS;
        const sum = weights.reduce((a, b) => a + b, 0);
        let at = from;
        const list = weights
          .map((w, i) => {
            const to = i === weights.length - 1 ? from + span : at + Math.max(10 * 60_000, Math.floor((span * w) / sum / 60_000) * 60_000);
            const item = oneOff(`p${i}`, at, Math.max(to, at + 10 * 60_000));
            at = Math.max(to, at + 10 * 60_000);
            return item;
          })
          .join('');
        if (at < from + span) return;
        const querier = new MemoryQuerier(eventsAnswer(healthy));
        const report = await evaluatePolicy({
          policy: policyOf(list),
          prometheus: querier,
          now,
          exclusionOrigins: early(...weights.map((_, i) => `p${i}`)),
        });
        expect(report.slos[0]).toMatchObject({ status: 'UNKNOWN', errorRatio: null });
        expect(report.slos[0]!.error).toMatch(/no traffic in the 30d window \(the exclusions cover the whole 30d window\)/);
        expect(report.decision.status).toBe('UNKNOWN');
      }),
      { numRuns: 25 },
    );
  });

  it('makes overlapping occurrences disjoint, covering exactly their union within the window (brute force, property)', () => {
    const minute = 60_000;
    const occurrenceArb = fc.record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(
        fc.array(occurrenceArb, { maxLength: 8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 101, max: 260 }),
        (raw, lo, hi) => {
          const occurrences = raw.map((o, i) => ({
            name: `o${i}`,
            kind: 'maintenance' as const,
            reason: 'r',
            from: new Date(o.start * minute),
            to: new Date((o.start + o.length) * minute),
          }));
          const out = disjointIntervals(occurrences, lo * minute, hi * minute);
          const covered = (m: number) => out.filter((iv) => iv.start.getTime() <= m * minute && m * minute < iv.end.getTime()).length;
          for (let m = 0; m < 270; m++) {
            const wanted = m >= lo && m < hi && raw.some((o) => o.start <= m && m < o.start + o.length) ? 1 : 0;
            expect(covered(m)).toBe(wanted);
          }
        },
      ),
    );
  });

  it('pins every range the window went into, and refuses a window used elsewhere', () => {
    const at = Date.parse('2026-11-20T12:00:00Z');
    expect(pinToInterval('sum(increase(x[__deploy_governor_window__])) / sum(rate(y[__deploy_governor_window__:1m]))', '2h', at)).toBe(
      'sum(increase(x[2h] @ 1795176000.000)) / sum(rate(y[2h:1m] @ 1795176000.000))',
    );
    expect(() => pinToInterval('label_replace(x, "w", "__deploy_governor_window__", "", "")', '2h', at)).toThrow(
      /uses \{\{window\}\} outside a range selector/,
    );
  });

  it('does not exclude from a ratio SLI, and says so (its budget keeps the intervals)', async () => {
    const from = now.getTime() - DAY_MS;
    const policy = policyOf(
      oneOff('db', from, from + HOUR_MS),
      `slos:\n  - { name: r, sli: { ratio: { query: 'avg_over_time(bad_ratio[{{window}}])' } } }\n`,
    );
    const report = await evaluatePolicy({ policy, prometheus: new MemoryQuerier(() => 0.0001), now, exclusionOrigins: early('db') });
    expect(report.slos[0]!.exclusions).toBeUndefined();
    expect(report.slos[0]!.errorRatio).toBe(0.0001);
    expect(report.findings.find((f) => f.code === 'exclusion')!.message).toMatch(/a ratio SLI carries no event counts to subtract/);
  });
});

describe('the report and its rendering', () => {
  it('lists what each interval returned, inert, in the summary and the PR comment', async () => {
    const from = now.getTime() - DAY_MS;
    const list = `  - { name: db-upgrade, reason: "<img src=x> @here @everyone [x](https://evil.example)", kind: dependency, from: "${iso(from)}", to: "${iso(from + HOUR_MS)}" }\n`;
    const window = { errors: 2000, total: 1_000_000 };
    const querier = new MemoryQuerier(eventsAnswer(healthy, combinedAnswer(window, [{ errors: 1500, total: 10_000 }])));
    const report = await evaluatePolicy({ policy: policyOf(list), prometheus: querier, now, exclusionOrigins: early('db-upgrade') });
    expect(reportSchema.parse(report)).toEqual(report);
    const returned = report.slos[0]!.exclusions![0]!;
    expect(returned).toMatchObject({ name: 'db-upgrade', kind: 'dependency', errorsReturned: 1500, eventsExcluded: 10_000 });
    // 1,500 errors of a budget of 0.1% of the 990,000 events left.
    expect(returned.budgetReturned).toBeCloseTo((100 * 1500) / 990, 9);
    for (const text of [renderSummary(report), renderBlockedComment(report, { runUrl: null, workflowUrl: null, sha: null })]) {
      expect(text).toContain('**Budget exclusions**');
      expect(text).toMatch(/\| db-upgrade \| dependency \| .* \| 10,000 \| 1,500 \| 151\.5% \|/);
    }
    // A refused interval is listed with its reason, inert too.
    const refused = await evaluatePolicy({ policy: policyOf(list), prometheus: new MemoryQuerier(eventsAnswer(healthy)), now });
    const summary = renderSummary(refused);
    expect(summary).toMatch(/Not applied: db-upgrade \(dependency, .*\): refused/);
    expect(summary).not.toContain('<img');
    expect(summary).not.toMatch(/@(here|everyone)/);
    expect(summary).not.toContain('](https://evil');
  });
});
