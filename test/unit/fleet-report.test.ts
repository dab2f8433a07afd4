/**
 * The fleet view's pure parts: what a workflow file governs (src/core/fleet/workflow-coverage.ts),
 * what reads as production, and the assembly of rows (src/core/fleet/assemble-fleet.ts).
 */
import { describe, expect, it } from 'vitest';
import { assembleFleetReport, type RepositoryFacts } from '../../src/core/fleet/assemble-fleet.js';
import { isProductionLike } from '../../src/core/fleet/fleet-report.js';
import { workflowCoverage } from '../../src/core/fleet/workflow-coverage.js';

const gate = (extra = '') => `      - uses: deploy-governor/deploy-governor@v1\n        with: { environment: production${extra} }\n`;
const workflow = (jobs: string) => `on: push\njobs:\n${jobs}`;
const covered = (text: string) => {
  const c = workflowCoverage(text);
  if (!c.ok) throw new Error(c.error);
  return c.environments;
};

describe('workflowCoverage', () => {
  it('counts a deploy job after a gate: in the same job, or through needs (transitively)', () => {
    expect(covered(workflow(`  deploy:\n    environment: production\n    steps:\n${gate()}      - run: ./deploy\n`))).toEqual([
      'production',
    ]);
    expect(
      covered(
        workflow(
          `  gate:\n    steps:\n${gate()}  build:\n    needs: gate\n    steps: [{ run: make }]\n  deploy:\n    needs: [build]\n    environment: { name: Production }\n    steps: [{ run: ./deploy }]\n`,
        ),
      ),
    ).toEqual(['Production']);
  });

  it('does not count a deploy without a gate, a gate that cannot block, or a gate of another environment', () => {
    expect(covered(workflow(`  deploy:\n    environment: production\n    steps: [{ run: ./deploy }]\n`))).toEqual([]);
    const after = (g: string) =>
      workflow(`  gate:\n    steps:\n${g}  deploy:\n    needs: gate\n    environment: production\n    steps: [{ run: x }]\n`);
    expect(covered(after(gate(', mode: report')))).toEqual([]);
    expect(covered(after(`      - uses: deploy-governor/deploy-governor@v1\n        continue-on-error: true\n`))).toEqual([]);
    expect(covered(after(`      - uses: deploy-governor/deploy-governor@v1\n        with: { environment: staging }\n`))).toEqual([]);
    // A job that does not need the gate is not after it.
    expect(covered(workflow(`  gate:\n    steps:\n${gate()}  deploy:\n    environment: production\n    steps: [{ run: x }]\n`))).toEqual(
      [],
    );
    // Another action whose name merely contains ours.
    expect(
      covered(workflow(`  deploy:\n    environment: production\n    steps:\n      - uses: evil/deploy-governor-lookalike@v1\n`)),
    ).toEqual([]);
  });

  it('counts the default environment (production), a fork or SHA pin, and an expression input', () => {
    expect(
      covered(
        workflow(
          `  deploy:\n    environment: production\n    steps:\n      - uses: acme/deploy-governor@0123456789abcdef0123456789abcdef01234567\n`,
        ),
      ),
    ).toEqual(['production']);
    expect(
      covered(
        workflow(
          `  deploy:\n    environment: prod-eu\n    steps:\n      - uses: deploy-governor/deploy-governor@v1\n        with: { environment: '\${{ inputs.env }}' }\n`,
        ),
      ),
    ).toEqual(['prod-eu']);
  });

  it('reports a file that does not parse, and survives a needs cycle', () => {
    expect(workflowCoverage('jobs: [unclosed').ok).toBe(false);
    expect(
      covered(
        workflow(`  a:\n    needs: b\n    environment: production\n    steps: [{ run: x }]\n  b:\n    needs: a\n    steps: [{ run: y }]\n`),
      ),
    ).toEqual([]);
  });
});

describe('isProductionLike', () => {
  it('reads prod, production, live and prd as whole parts only', () => {
    for (const name of ['production', 'prod', 'Prod-EU', 'eu.production', 'live', 'prd_1']) expect(isProductionLike(name), name).toBe(true);
    for (const name of ['staging', 'products', 'preprod', 'delivery', 'dev']) expect(isProductionLike(name), name).toBe(false);
  });
});

const NOW = new Date('2026-11-23T12:00:00Z');
const facts = (over: Partial<RepositoryFacts> = {}): RepositoryFacts => ({
  repository: 'acme/api',
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
  decisions: null,
  ...over,
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

describe('assembleFleetReport', () => {
  it('counts overrides inside the last 30 days only', () => {
    const at = (ms: number) => ({ at: new Date(NOW.getTime() - ms).toISOString(), environment: 'production' });
    const day = 86_400_000;
    const row = assemble([facts({ overrides: { ok: true, value: [at(30 * day + 1), at(30 * day), at(0), at(-1)] } })]).repositories[0]!;
    expect(row.overrides).toEqual({ count: 2, last: NOW.toISOString(), byEnvironment: { production: 2 } });
  });

  it("takes a gate's status only from a report for that environment, and keeps read failures in the row", () => {
    const text = '```json deploy-governor-report\n{"schema":"nope"}\n```';
    const report = assemble([
      facts({
        checkRuns: {
          ok: true,
          value: [{ name: 'deploy-governor / production', conclusion: 'success', completedAt: null, url: null, app: 'x', text }],
        },
        actionItems: { ok: false, error: 'HTTP 500' },
      }),
    ]);
    expect(report.repositories[0]!.environments[0]!.gate).toMatchObject({ conclusion: 'success', status: null });
    expect(report.repositories[0]!.errors).toEqual([{ part: 'action-items', message: 'HTTP 500' }]);
    expect(report.summary.incomplete).toEqual(['acme/api']);
  });

  it('counts an organisation-wide freeze once however many rows show it', () => {
    const freeze = {
      issue: 3,
      repository: 'acme/.github',
      record: { scope: 'all', until: '2026-11-24T00:00:00Z', reason: 'r', by: 'a', at: '2026-11-23T00:00:00Z' },
    };
    const report = assemble([
      facts({ freezes: { ok: true, value: [freeze] } }),
      facts({ repository: 'acme/web', freezes: { ok: true, value: [freeze] } }),
    ]);
    expect(report.repositories.map((r) => r.freezes.length)).toEqual([1, 1]);
    expect(report.summary.activeFreezes).toBe(1);
    expect(report.summary.ungovernedProduction).toEqual([
      { repository: 'acme/api', environment: 'production' },
      { repository: 'acme/web', environment: 'production' },
    ]);
  });
});
