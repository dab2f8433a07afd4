/**
 * The decision pushed to a real Pushgateway by the bundled action, and a
 * Pushgateway that is down costing a warning, not the decision.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { ensureNode24 } from '../../scripts/lib/node24.js';
import { startPushgateway } from '../../scripts/lib/pushgateway-server.js';
import { pushDecision } from '../../src/prometheus/push-decision.js';
import { reportFor } from '../support/reports.js';
import { runBundledAction } from '../../scripts/lib/run-action.js';

let pushgateway: Awaited<ReturnType<typeof startPushgateway>>;
let node: string;

beforeAll(async () => {
  node = await ensureNode24();
  pushgateway = await startPushgateway();
});
afterAll(async () => {
  await pushgateway?.stop();
});

const inputs = (scenario: string, pushgatewayUrl: string) => ({
  'prometheus-url': inject('prometheusUrl'),
  'error-query': `sum(increase(http_requests_total{scenario="${scenario}",status=~"5.."}[{{window}}]))`,
  'total-query': `sum(increase(http_requests_total{scenario="${scenario}"}[{{window}}]))`,
  'dr-check': 'false',
  'pushgateway-url': pushgatewayUrl,
  'github-token': '',
});

describe('governance metrics on a Pushgateway', () => {
  it('pushes the latest decision per repository and environment, replacing the previous one', async () => {
    const env = { GITHUB_REPOSITORY: 'octo-org/shop', GITHUB_EVENT_NAME: 'push' };
    expect((await runBundledAction({ node, inputs: inputs('exhausted', pushgateway.url), env })).exitCode).toBe(1);
    let metrics = await (await fetch(`${pushgateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /deploy_governor_decision\{allowed="false",environment="production",instance="",job="deploy-governor",overridden="false",repository="octo-org\/shop",status="EXHAUSTED"\} 1/,
    );
    expect(metrics).toMatch(
      /deploy_governor_decision_timestamp_seconds\{environment="production",instance="",job="deploy-governor",repository="octo-org\/shop"\} \d/,
    );

    expect((await runBundledAction({ node, inputs: inputs('normal', pushgateway.url), env })).exitCode).toBe(0);
    metrics = await (await fetch(`${pushgateway.url}/metrics`)).text();
    expect(metrics).toMatch(/deploy_governor_decision\{allowed="true",[^}]*status="NORMAL"\} 1/);
    expect(metrics).not.toMatch(/status="EXHAUSTED"/);
  });

  it('pushes one series per advisory rule that would have blocked, valued at the decision time', async () => {
    const policy = [
      'dr: { enabled: false }',
      'slos:',
      '  - name: checkout',
      '    enforcement: advisory',
      `    sli: { events: { error: 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))', total: 'sum(increase(http_requests_total[{{window}}]))' } }`,
    ].join('\n');
    // Exhausted and advisory: allowed, and counted for the rule.
    const report = await reportFor(1500, policy);
    expect(report.decision.canDeploy).toBe(true);
    const at = new Date('2026-11-23T12:00:00Z');
    await pushDecision({ url: pushgateway.url, report, repository: 'octo-org/advisory', timeoutMs: 5000, now: at });
    let metrics = await (await fetch(`${pushgateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /deploy_governor_would_have_blocked_timestamp_seconds\{environment="production",instance="",job="deploy-governor",repository="octo-org\/advisory",rule="slo:checkout",status="EXHAUSTED"\} 1\.7\d*e\+09/,
    );
    expect(metrics).toMatch(/deploy_governor_decision\{allowed="true",[^}]*repository="octo-org\/advisory",status="NORMAL"\} 1/);
    // A decision where the rule is fine replaces the group: the rule's series is gone until it would block again.
    const healthy = await reportFor(100, policy);
    await pushDecision({ url: pushgateway.url, report: healthy, repository: 'octo-org/advisory', timeoutMs: 5000, now: at });
    metrics = await (await fetch(`${pushgateway.url}/metrics`)).text();
    expect(metrics).not.toMatch(/would_have_blocked_timestamp_seconds\{[^}]*repository="octo-org\/advisory"/);
  });

  it('warns when the Pushgateway is down and keeps the decision', async () => {
    const down = `http://127.0.0.1:${await getFreePort()}`;
    const result = await runBundledAction({ node, inputs: inputs('normal', down), env: { GITHUB_EVENT_NAME: 'push' } });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['can-deploy']).toBe('true');
    expect(result.stdout).toMatch(/::warning::deploy-governor: cannot push the decision to the Pushgateway at http:\/\/127\.0\.0\.1:\d+/);
  });
});
