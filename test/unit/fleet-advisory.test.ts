/**
 * The fleet's advisory counts (issue 16, item 6; src/core/fleet/advisory-counts.ts): which rules a policy runs in
 * shadow mode, which check runs count as decisions (the look-back, the environment the report names, re-runs),
 * the fleet-wide denominators, and the renderers, with rule names that a writer controls made inert.
 */
import { describe, expect, it } from 'vitest';
import { advisoryRuleNames, countAdvisory, type DecisionHistory } from '../../src/core/fleet/advisory-counts.js';
import { assembleFleetReport, type CheckRunFact, type RepositoryFacts } from '../../src/core/fleet/assemble-fleet.js';
import { renderFleetMarkdown, renderFleetText } from '../../src/core/fleet/render-fleet.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { embedReport } from '../../src/core/report/extract-report.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { reportFor } from '../support/reports.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const SLI = `sli: { events: { error: 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))', total: 'sum(increase(http_requests_total[{{window}}]))' } }`;
const ADVISORY_POLICY = ['dr: { enabled: false }', 'slos:', '  - name: checkout', '    enforcement: advisory', `    ${SLI}`].join('\n');

/** A decision: exhausted (the advisory SLO would have blocked) or healthy, as the real core reports it. */
const blocked = await reportFor(1500, ADVISORY_POLICY);
const healthy = await reportFor(100, ADVISORY_POLICY);

const run = (report: Report | string, daysAgo: number, environment = 'production'): CheckRunFact => ({
  name: `deploy-governor / ${environment}`,
  conclusion: 'success',
  completedAt: new Date(NOW.getTime() - daysAgo * DAY).toISOString(),
  url: null,
  app: 'github-actions',
  text: typeof report === 'string' ? report : embedReport(report),
});
const history = (runs: CheckRunFact[], commits = runs.length): DecisionHistory => ({ runs, commits, capped: false });

describe('advisoryRuleNames', () => {
  it('names every rule in shadow mode, at the top level and in environment sections, as reports name them', () => {
    const file = parsePolicy(
      [
        'slos:',
        '  - name: checkout',
        '    enforcement: advisory',
        `    ${SLI}`,
        '  - name: search',
        `    ${SLI}`,
        'dr: { enforcement: advisory }',
        'burn-rate-guards:',
        '  - { name: page, long: 1h, short: 5m, factor: 14.4, enforcement: advisory }',
        '  - { long: 6h, short: 30m, factor: 6, enforcement: advisory }',
        'postmortems: { action-items: { enforcement: advisory } }',
        'environments:',
        '  production:',
        '    freeze-windows:',
        "      - { name: holidays, from: '2026-12-20T00:00:00Z', to: '2027-01-02T00:00:00Z', enforcement: advisory }",
        "      - { name: launch, from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z', enforcement: enforce }",
      ].join('\n'),
    );
    expect(advisoryRuleNames(file)).toEqual(['action-items', 'burn-rate-guard:page', 'dr', 'freeze-window:holidays', 'slo:checkout']);
    expect(advisoryRuleNames(parsePolicy(`slos:\n  - name: checkout\n    ${SLI}\n`))).toEqual([]);
  });
});

describe('countAdvisory', () => {
  it('counts each valid report of the look-back once, re-runs included, and a rule once per decision', () => {
    const twice: Report = {
      ...blocked,
      decision: { ...blocked.decision, wouldHaveBlocked: [...blocked.decision.wouldHaveBlocked!, ...blocked.decision.wouldHaveBlocked!] },
    };
    expect(blocked.decision.wouldHaveBlocked?.map((r) => r.rule)).toEqual(['slo:checkout']);
    const counts = countAdvisory(history([run(blocked, 1), run(blocked, 1), run(healthy, 2), run(twice, 29.9)]), ['slo:checkout'], NOW);
    expect(counts).toEqual({
      since: new Date(NOW.getTime() - 30 * DAY).toISOString(),
      commits: 4,
      capped: false,
      rules: ['slo:checkout'],
      environments: [{ environment: 'production', decisions: 4, wouldHaveBlocked: [{ rule: 'slo:checkout', count: 3 }] }],
    });
  });

  it('leaves out what says nothing: outside the look-back, no report, a report for another environment, still running', () => {
    const counts = countAdvisory(
      history([
        run(blocked, 30.1),
        run(blocked, -0.1),
        run('no report here', 1),
        // Planted: a production report in the staging check run is not a staging decision.
        run(blocked, 1, 'staging'),
        { ...run(blocked, 1), completedAt: null },
        run(healthy, 3),
      ]),
      [],
      NOW,
    );
    expect(counts.environments).toEqual([{ environment: 'production', decisions: 1, wouldHaveBlocked: [] }]);
  });
});

const facts = (repository: string, runs: CheckRunFact[] | null, rules: string[] = ['slo:checkout']): RepositoryFacts => ({
  repository,
  defaultBranch: 'main',
  environments: { ok: true, value: ['production'] },
  protectionRules: { production: { ok: true, value: false } },
  workflows: { ok: true, value: [] },
  checkRuns: { ok: true, value: [] },
  freezes: { ok: true, value: [] },
  held: null,
  overrides: { ok: true, value: [] },
  actionItems: { ok: true, value: [] },
  policy: { ok: true, found: true, extends: [] },
  decisions: runs === null ? null : { rules, history: { ok: true, value: history(runs) } },
});
const assemble = (repositories: RepositoryFacts[]) =>
  assembleFleetReport({
    organisation: 'acme',
    source: 'organisation',
    app: 'deploy-governor',
    heldSource: 'pending-deployments',
    now: NOW,
    archivedSkipped: [],
    repositories,
    requests: 0,
    warnings: [],
  });

describe('the fleet-wide summary', () => {
  it('divides by the decisions of the repositories that run the rule in shadow mode only', () => {
    const report = assemble([
      facts('acme/checkout', [run(blocked, 1), run(healthy, 2), run(healthy, 3)]),
      // Runs it in shadow mode without a decision it would have blocked: its decisions count in the denominator.
      facts('acme/payments', [run(healthy, 1)]),
      // Has no advisory rule: not read, and its decisions are no evidence for any rule.
      facts('acme/search', null),
      // Another rule only; a rule that only a report names (a guard without a name) still counts where it appears.
      facts('acme/web', [run(healthy, 1), run(healthy, 2)], ['dr']),
    ]);
    expect(report.summary.advisoryRules).toEqual([
      { rule: 'dr', wouldHaveBlocked: 0, decisions: 2, repositories: 1 },
      { rule: 'slo:checkout', wouldHaveBlocked: 1, decisions: 4, repositories: 2 },
    ]);
    expect(report.repositories.find((r) => r.repository === 'acme/search')!.advisory).toBeNull();
    expect(renderFleetText(report)).toContain('slo:checkout would have blocked 1 of 4 decisions in 2 repositories');
    expect(renderFleetText(report)).toContain('dr would have blocked 0 of 2 decisions in 1 repository');
    const markdown = renderFleetMarkdown(report);
    expect(markdown).toContain('## Advisory rules in shadow mode: 2');
    expect(markdown).toContain('| slo:checkout | 1 | 4 | 2 |');
    expect(markdown).toContain('| acme/checkout | production | 3 | slo:checkout 1 |');
  });

  it("keeps a history that could not be read as the row's error, with no counts", () => {
    const broken = {
      ...facts('acme/checkout', []),
      decisions: { rules: ['slo:checkout'], history: { ok: false as const, error: 'HTTP 502' } },
    };
    const row = assemble([broken]).repositories[0]!;
    expect(row.advisory).toBeNull();
    expect(row.errors).toEqual([{ part: 'decisions', message: 'HTTP 502' }]);
  });

  it('renders rule names from writer-controlled reports inert in markdown and without control characters in text', () => {
    const hostile = '@everyone <img src=x onerror=alert(1)> | [x](https://evil.example) \u001b[31m';
    const forged: Report = {
      ...blocked,
      decision: { ...blocked.decision, wouldHaveBlocked: [{ rule: hostile, status: 'FREEZE', message: 'm' }] },
    };
    const report = assemble([facts('acme/checkout', [run(forged, 1)])]);
    const markdown = renderFleetMarkdown(report);
    const section = markdown.slice(markdown.indexOf('## Advisory rules'));
    expect(section).not.toContain('@everyone');
    expect(section).not.toContain('<img');
    expect(section).not.toContain('](https://');
    // Every table row keeps its four cells: the rule's pipe does not open a fifth.
    for (const line of section.split('\n').filter((l) => l.startsWith('| ')))
      expect(line.split(/(?<!\\)\|/).length - 2, line).toBeLessThanOrEqual(4);
    expect(renderFleetText(report)).not.toContain('\u001b');
  });
});
