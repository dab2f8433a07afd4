/**
 * The example error-budget policy (examples/error-budget-policy.yml), checked in
 * CI (issue 16, "Done when"): it parses with the policy's strict schema,
 * resolves for each environment it names, holds every policy key of the
 * README's clause table (read from the README itself, so a new clause row
 * without an example key fails here), and runs: the Action's gate (runGate)
 * evaluates it against a real Prometheus holding the demo's `checkout` data
 * (`npm run demo`'s generator, with its 40-minute incident) and the stateful
 * GitHub stand-in holding the policy file's history and the repository's
 * action items.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoData } from '../../scripts/lib/demo-data.js';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { startPrometheus, type PrometheusServer } from '../../scripts/lib/prometheus-server.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { RunInfo } from '../../src/core/report/report-schema.js';
import { runGate } from '../../src/gate/run-gate.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const EXAMPLE = 'examples/error-budget-policy.yml';
/** The demo data ends here (minute-aligned); its incident is nine days earlier, 2026-11-14 12:00 to 12:40 UTC. */
const END = new Date('2026-11-23T12:00:00Z');

const exampleText = await readFile(EXAMPLE, 'utf8');
const readme = await readFile('README.md', 'utf8');

/** The backticked entries of the "Policy keys" column of the README's clause table, under "## Error-budget policy". */
function clauseTableKeys(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('\n## Error-budget policy\n'));
  const lines = section.split('\n');
  const header = lines.findIndex((l) => l.startsWith('|') && l.includes('Policy keys'));
  if (header < 0) throw new Error('no clause table with a "Policy keys" column under "## Error-budget policy"');
  const column = lines[header]!.split('|').findIndex((cell) => cell.trim() === 'Policy keys');
  const rows = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|')[column] ?? '');
  }
  return rows.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** Every property name of the policy's JSON Schema, at any depth: what can be a policy key. */
async function policyPropertyNames(): Promise<Set<string>> {
  const schema: unknown = JSON.parse(await readFile('schema/deploy-governor.schema.json', 'utf8'));
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && typeof value === 'object' && value !== null) for (const name of Object.keys(value)) names.add(name);
        walk(value);
      }
    }
  };
  walk(schema);
  return names;
}

/** Whether `key` (with `value`, when given) appears anywhere in the parsed file. */
function appearsAnywhere(node: unknown, key: string, value: string | undefined): boolean {
  if (Array.isArray(node)) return node.some((n) => appearsAnywhere(n, key, value));
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(
    ([k, v]) => (k === key && (value === undefined || String(v) === value)) || appearsAnywhere(v, key, value),
  );
}

describe('the example error-budget policy', () => {
  const file = parsePolicy(exampleText, EXAMPLE);

  it('resolves for each environment it names, with the workbook defaults spelled out', () => {
    const environments = Object.keys(file.environments ?? {});
    expect(environments).toEqual(['production', 'staging']);
    for (const environment of environments) {
      const policy = resolvePolicy(file, gateInputsSchema.parse({ environment }));
      expect(policy.environment).toBe(environment);
      expect(policy.changeClasses?.allow).toEqual({ FREEZE: ['rollback', 'security', 'hotfix'], EXHAUSTED: ['rollback', 'security'] });
      expect(policy.exclusions.map((x) => x.kind).sort()).toEqual(['dependency', 'load-test', 'maintenance']);
      expect(policy.actionItems).not.toBeNull();
      expect(policy.escalation).toBe('acme/sre-leads');
      expect(policy.slos.find((s) => s.name === 'checkout-latency')?.advisory).toBe(true);
    }
    const production = resolvePolicy(file, gateInputsSchema.parse({ environment: 'production' }));
    const staging = resolvePolicy(file, gateInputsSchema.parse({ environment: 'staging' }));
    expect([production.blockOn, production.onBlock]).toEqual(['FREEZE', 'hold']);
    expect([staging.blockOn, staging.onBlock]).toEqual(['EXHAUSTED', 'reject']);
  });

  it('holds every policy key the README clause table names', async () => {
    const properties = await policyPropertyNames();
    const keys = clauseTableKeys(readme)
      .filter((entry) => /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(: \S+)?$/.test(entry))
      .map((entry) => {
        const [keyPath, value] = entry.split(': ');
        return { entry, path: keyPath!.split('.'), value };
      })
      // `phase: verify` is the Action's input, `deploy-governor verify` a command: not policy keys.
      .filter((k) => properties.has(k.path[0]!));
    // The table is read, not skipped: the clauses named today are all found.
    expect(keys.map((k) => k.entry)).toEqual(
      expect.arrayContaining([
        'block-on',
        'thresholds',
        'change-classes',
        'on-block: hold',
        'exclusions',
        'postmortems.require-p0-above',
        'postmortems.action-items',
        'escalation',
        'enforcement: advisory',
        'verify',
      ]),
    );
    const raw = file as Record<string, unknown>;
    for (const key of keys) {
      if (key.path[0]! in raw || key.path.length > 1) {
        let node: unknown = raw;
        for (const part of key.path) node = (node as Record<string, unknown> | undefined)?.[part];
        expect(node, `${key.entry} is in the README's clause table but not in ${EXAMPLE}`).toBeDefined();
        if (key.value !== undefined) expect(String(node), key.entry).toBe(key.value);
      } else {
        // A key that lives inside a rule (enforcement) counts wherever it appears.
        expect(appearsAnywhere(raw, key.path[0]!, key.value), `${key.entry} is in the README's clause table but not in ${EXAMPLE}`).toBe(
          true,
        );
      }
    }
  });

  it('refuses an unknown key, as the schema is strict', () => {
    expect(() => parsePolicy(`${exampleText}\nescalation-contact: alice\n`, EXAMPLE)).toThrow(/escalation-contact/);
  });
});

describe('the example error-budget policy against a real Prometheus', () => {
  let prometheus: PrometheusServer;
  let gh: GitHubStateStandIn;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dg-example-policy-'));
    await writeDemoData(path.join(work, 'demo.om'), { end: END });
    prometheus = await startPrometheus({ openMetricsFile: path.join(work, 'demo.om') });
    gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
    await mkdir(path.join(work, 'repo', '.github'), { recursive: true });
    await writeFile(path.join(work, 'repo', '.github', 'deploy-governor.yml'), exampleText);
  }, 120_000);
  afterAll(async () => {
    await prometheus?.stop();
    await gh?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /**
   * The Action's gate in `repo`, whose policy file a maintainer committed on `committedAt`: through GitHub (a
   * merge, which GitHub signs and dates), or `signed: false`, with a date their own git client wrote.
   */
  async function gate(repoName: string, committedAt: string, o: { signed?: boolean; overdueP0?: boolean } = {}) {
    const repo = gh.state.repo('acme', repoName);
    if (o.overdueP0) {
      // An action item as the app opens it, five days past due (beyond the example's grace of 2d).
      const meta = renderMeta('action-item', {
        postmortem: 1,
        key: 'k-0',
        horizon: 'short',
        owner: 'bob',
        due: '2026-11-18',
        priority: 'P0',
      });
      gh.state.addIssue(repo, {
        title: 'Add a circuit breaker',
        body: `Action item of postmortem #1.\n\n${meta}`,
        labels: ['action-item', 'P0'],
      });
    }
    repo.collaborators.set('alice', 'maintain');
    const commit = gh.state.commit(repo, {
      branch: 'main',
      changes: { '.github/deploy-governor.yml': exampleText },
      by: gh.state.user('alice'),
      verified: o.signed ?? true,
      message: 'Adopt the error-budget policy',
      gitAuthor: { date: committedAt },
      gitCommitter: { date: committedAt },
    });
    // GitHub dates the commits it makes itself (the stand-in: at the wall clock): this one was merged then.
    commit.gitCommitter = { ...commit.gitCommitter, date: committedAt };
    const run: RunInfo = {
      repository: `acme/${repoName}`,
      runId: 77,
      runAttempt: 1,
      runUrl: null,
      sha: repo.branches.get('main')!,
      ref: 'refs/heads/main',
      workflow: 'deploy',
      eventName: 'push',
      actor: 'alice',
      serverUrl: 'https://github.com',
    };
    const client = createGitHubClient('ghs_job_token', gh.url);
    const outcome = await runGate({
      inputs: gateInputsSchema.parse({ 'prometheus-url': prometheus.url, environment: 'production' }),
      env: {},
      root: path.join(work, 'repo'),
      now: END,
      run,
      github: { client, owner: 'acme', repo: repoName },
      freezes: { client, repository: `acme/${repoName}` },
      host: 'action',
    });
    expect(gh.problems).toEqual([]);
    return outcome.report;
  }

  it('evaluates every rule: the SLOs, the advisory one on trial, the exclusions and the action items', async () => {
    const report = await gate('checkout', '2026-10-01T00:00:00Z');
    expect(report.decision.status).not.toBe('UNKNOWN');
    expect(report.slos.map((s) => s.name)).toEqual(['checkout-availability', 'checkout-latency']);
    for (const slo of report.slos) expect(slo.budgetRemaining, slo.name).toEqual(expect.any(Number));
    // The payment provider's outage (the demo's incident) returned its budget; it was in the policy before it began.
    const outage = report.exclusions?.find((x) => x.name === 'payments-provider-outage-2026-11-14');
    expect(outage?.admission).toBe('added-before-start');
    const availability = report.slos.find((s) => s.name === 'checkout-availability')!;
    expect(availability.exclusions?.some((x) => x.name === 'payments-provider-outage-2026-11-14')).toBe(true);
    // No overdue action item: the debt rule was read and found nothing; the healthy budget lets a feature through.
    expect(report.findings.some((f) => f.source === 'debt')).toBe(false);
    expect(report.decision.canDeploy).toBe(true);
  });

  it('blocks a feature while a P0 action item is overdue, naming it', async () => {
    const report = await gate('indebted', '2026-10-01T00:00:00Z', { overdueP0: true });
    expect(report.decision.canDeploy).toBe(false);
    expect(report.findings.find((f) => f.source === 'debt')?.message).toMatch(/Overdue postmortem action item #1 \(P0.*bob/);
  });

  it('keeps the outage in the budget when the policy was backdated by an unsigned commit of someone below the override role', async () => {
    const admitted = await gate('admitted', '2026-10-01T00:00:00Z');
    const backdated = await gate('backdated', '2026-10-01T00:00:00Z', { signed: false });
    const budget = (r: typeof backdated) => r.slos.find((s) => s.name === 'checkout-availability')!.budgetRemaining!;
    expect(backdated.exclusions?.find((x) => x.name === 'payments-provider-outage-2026-11-14')?.admission).toBe('refused');
    // The demo's incident spent about a fifth of the budget: the admitted exclusion gives it back.
    expect(budget(admitted) - budget(backdated)).toBeGreaterThan(15);
  });
});
