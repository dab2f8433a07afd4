/** The pure hold decision (src/core/hold/): what is held, until when, and the policy keys that drive it. */
import { describe, expect, it } from 'vitest';
import { decideHold, nextEvaluation } from '../../src/core/hold/hold-decision.js';
import { concernsHold, parseHeldDeployment } from '../../src/core/hold/held-deployment.js';
import { renderHoldNotice, renderHoldRejection, renderReleaseComment } from '../../src/core/hold/render-hold.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import type { Report } from '../../src/core/report/report-schema.js';
import { reportFor } from '../support/reports.js';

const H = 3_600_000;
const since = new Date('2026-11-23T12:00:00Z');
const at = (ms: number) => new Date(since.getTime() + ms);
const hold = (limit = '24h') => ({ onBlock: 'hold' as const, hold: { limit, limitMs: 0, interval: '5m', intervalMs: 300_000 } });
const policyOf = (yaml: string, environment = 'production') => resolvePolicy(parsePolicy(yaml), gateInputsSchema.parse({ environment }));

/** A report whose only blocking finding comes from `source`. */
function blockedBy(report: Report, source: Report['findings'][number]['source']): Report {
  return {
    ...report,
    decision: { ...report.decision, canDeploy: false, status: 'FREEZE', blockOn: 'WARNING' },
    findings: [{ source, status: 'FREEZE', message: `blocked by ${source}` }],
  };
}

describe('decideHold', () => {
  it('approves what the gate lets through, and what report mode lets through', async () => {
    const normal = await reportFor(100);
    expect(decideHold({ report: normal, policy: policyOf('on-block: hold'), since, now: since })).toEqual({ action: 'approve' });
    const exhausted = await reportFor(1500);
    const report = { ...exhausted, decision: { ...exhausted.decision, mode: 'report' as const } };
    expect(decideHold({ report, policy: policyOf('on-block: hold'), since, now: since })).toEqual({ action: 'approve' });
  });

  it('holds a budget, fast-burn or freeze block until the limit, with what it waits for', async () => {
    const exhausted = await reportFor(1500);
    const policy = policyOf('on-block: hold\nhold: { limit: 6h }');
    expect(decideHold({ report: exhausted, policy, since, now: at(H) })).toEqual({
      action: 'hold',
      until: at(6 * H),
      waitingFor: [expect.stringMatching(/error budget remains/)],
    });
    for (const source of ['freeze', 'budget', 'burn-rate'] as const)
      expect(decideHold({ report: blockedBy(exhausted, source), policy, since, now: since }).action).toBe('hold');
  });

  it('rejects at once what a hold does not wait for: an evaluation error, a DR drill, anything else', async () => {
    const exhausted = await reportFor(1500);
    const policy = policyOf('on-block: hold');
    for (const source of ['dr', 'error', 'override'] as const)
      expect(decideHold({ report: blockedBy(exhausted, source), policy, since, now: since })).toEqual({
        action: 'reject',
        why: 'not-holdable',
      });
    const unknown = { ...exhausted, decision: { ...exhausted.decision, status: 'UNKNOWN' as const } };
    expect(decideHold({ report: unknown, policy, since, now: since })).toEqual({ action: 'reject', why: 'not-holdable' });
    // A mixed block (freeze and a stale drill) is not held either: the drill would not clear by waiting.
    const mixed = blockedBy(exhausted, 'freeze');
    mixed.findings.push({ source: 'dr', status: 'WARNING', message: 'drill stale' });
    expect(decideHold({ report: mixed, policy, since, now: since }).action).toBe('reject');
  });

  it('rejects when the policy says reject (the default)', async () => {
    expect(decideHold({ report: await reportFor(1500), policy: policyOf(''), since, now: since })).toEqual({
      action: 'reject',
      why: 'policy',
    });
  });

  it('rejects at the limit: the policy’s, the one promised when held, and GitHub’s 30 days, whichever is first', async () => {
    const report = await reportFor(1500);
    const policy = { ...hold(), hold: { ...hold().hold, limitMs: 24 * H } };
    expect(decideHold({ report, policy, since, now: at(24 * H) })).toEqual({ action: 'reject', why: 'limit' });
    expect(decideHold({ report, policy, since, now: at(24 * H - 1) }).action).toBe('hold');
    // A policy lengthened since never extends the promised end.
    const longer = { ...policy, hold: { ...policy.hold, limitMs: 48 * H } };
    expect(decideHold({ report, policy: longer, since, now: at(30 * H), until: at(24 * H) })).toEqual({ action: 'reject', why: 'limit' });
    const unbounded = { ...policy, hold: { ...policy.hold, limitMs: 90 * 24 * H } };
    expect(decideHold({ report, policy: unbounded, since, now: at(30 * 24 * H) })).toEqual({ action: 'reject', why: 'limit' });
  });
});

describe('nextEvaluation', () => {
  it('spreads evaluations by ±10% of the interval, and never past the end of the hold', () => {
    const end = at(H);
    expect(nextEvaluation(since, 600_000, end, 0)).toEqual(at(540_000));
    expect(nextEvaluation(since, 600_000, end, 0.5)).toEqual(at(600_000));
    expect(nextEvaluation(since, 600_000, end, 0.999999).getTime()).toBeLessThan(at(660_000).getTime());
    expect(nextEvaluation(since, 2 * H, end, 0.5)).toEqual(end);
  });
});

describe('the policy keys', () => {
  it('defaults to reject, a 24h limit and a 5m interval; an environment may choose its own', () => {
    expect(policyOf('')).toMatchObject({ onBlock: 'reject', hold: { limit: '24h', limitMs: 24 * H, interval: '5m', intervalMs: 300_000 } });
    const file =
      'on-block: hold\nhold: { limit: 4h }\nenvironments:\n  production: { on-block: reject }\n  staging: { hold: { interval: 1m } }';
    expect(policyOf(file, 'production').onBlock).toBe('reject');
    expect(policyOf(file, 'staging')).toMatchObject({ onBlock: 'hold', hold: { limit: '4h', intervalMs: 60_000 } });
  });

  it('refuses a limit over 30 days, an interval under a minute and an unknown on-block, naming the key, the value and the form', () => {
    const problem = (yaml: string) => {
      try {
        parsePolicy(yaml);
      } catch (error: unknown) {
        if (error instanceof PolicyError) return error.message;
      }
      return 'accepted';
    };
    expect(problem('hold: { limit: 31d }')).toMatch(/hold\.limit.*at most 30d/);
    expect(problem('hold: { interval: 30s }')).toMatch(/hold\.interval.*at least 1m/);
    expect(problem('on-block: wait')).toMatch(/on-block.*expected one of hold, reject; got "wait"/);
    expect(problem('hold: { limit: 30d, interval: 1m }')).toBe('accepted');
  });
});

describe('held deployment records and comments', () => {
  it('drops a damaged record instead of acting on it', () => {
    expect(parseHeldDeployment('{"owner":"a"}')).toBeNull();
    expect(parseHeldDeployment('not json')).toBeNull();
  });

  it('concerns the repository’s holds, and every hold of the owner for an organisation-wide freeze', () => {
    const h = { owner: 'Acme', repo: 'api' };
    expect(concernsHold(h, { owner: 'acme', repo: 'API' })).toBe(true);
    expect(concernsHold(h, { owner: 'acme', repo: '.github' })).toBe(true);
    expect(concernsHold(h, { owner: 'acme', repo: 'web' })).toBe(false);
    expect(concernsHold(h, { owner: 'evil', repo: '.github' })).toBe(false);
  });

  it('renders user text inert and answers within GitHub’s 1,024 characters', async () => {
    const report = await reportFor(1500);
    const loud = '@everyone [click](https://evil.example) <img src=x>'.repeat(40);
    const notice = renderHoldNotice({ environment: 'prod@team', runUrl: 'javascript:alert(1)', until: since, waitingFor: [loud] });
    expect(notice).not.toMatch(/@everyone|<img|\]\(https|javascript:/);
    expect(notice).not.toContain('Disagree');
    // The policy's escalation is the one real mention, and only in the accepted form.
    const named = renderHoldNotice({
      environment: 'prod',
      runUrl: 'https://github.com/a/b/actions/runs/1',
      until: since,
      waitingFor: [],
      escalation: 'acme/sre',
    });
    expect(named).toContain('**Disagree with the hold?** The policy names @acme/sre to decide (escalation).');
    expect(
      renderHoldNotice({ environment: 'prod', runUrl: '', until: since, waitingFor: [], escalation: 'x](http://evil)' }),
    ).not.toContain('@');
    const released = renderReleaseComment(report, { heldMs: 90 * 60_000, waitedFor: [loud, loud, loud, loud, loud] });
    expect(released).toMatch(/approved after a hold of 1h 30m/);
    expect(released.length).toBeLessThanOrEqual(1024);
    expect(renderHoldRejection(report, { heldMs: 24 * H, why: 'limit', limit: '24h' })).toMatch(
      /rejected after a hold of 1d, the longest the policy allows \(hold\.limit 24h\)/,
    );
  });
});
