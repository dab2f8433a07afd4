/**
 * The freeze status on pull requests, decided in the pure core
 * (src/core/freeze/merge-status.ts): which base branches carry which
 * environments, which freezes hold them (on command, organisation-wide, policy
 * windows), the description GitHub shows, and the policy key's validation.
 */
import fc from 'fast-check';
import pino from 'pino';
import type { Logger } from 'probot';
import { describe, expect, it } from 'vitest';
import { createWindowTimers, type WindowTarget } from '../../app/freezes/merge-status-windows.js';
import type { StoredFreeze } from '../../src/core/freeze/freeze-command.js';
import {
  branchAffectedBy,
  environmentsOfBranch,
  MAX_STATUS_DESCRIPTION,
  mergeStatusPolicy,
  nextWindowEdge,
  planMergeStatuses,
  plainDescription,
  sameStatus,
  type OpenPull,
} from '../../src/core/freeze/merge-status.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { PolicyFile } from '../../src/core/policy/schema.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const POLICY = `
environments: { production: {}, staging: {} }
freezes:
  merge-status:
    branches:
      main: [production]
      "release/*": [production, staging]
      "hotfix/**": [production]
`;
const file = parsePolicy(POLICY, 'policy.yml');
const policy = mergeStatusPolicy(file)!;

function freeze(o: Partial<StoredFreeze['record']> & { issue?: number; repository?: string } = {}): StoredFreeze {
  const { issue = 7, repository, ...record } = o;
  return {
    issue,
    ...(repository ? { repository } : {}),
    record: { scope: 'production', until: '2026-12-01T14:00:00Z', reason: 'migration', by: 'maint', at: '2026-12-01T11:00:00Z', ...record },
  };
}

let numbers = 0;
const pull = (base: string, headSha = `sha-${++numbers}`): OpenPull => ({ number: ++numbers, base, headSha });

function plan(pulls: OpenPull[], stored: StoredFreeze[] = [], f: PolicyFile = file, now = NOW) {
  return planMergeStatuses({
    file: f,
    policy: mergeStatusPolicy(f)!,
    stored,
    repository: 'acme/checkout',
    pulls,
    now,
    source: 'policy.yml',
  });
}
const only = (pulls: OpenPull[], stored: StoredFreeze[] = [], f?: PolicyFile, now?: Date) => plan(pulls, stored, f, now)[0]!.status;

describe('the policy key', () => {
  it('is off when absent or disabled, and keeps the globs in order', () => {
    expect(mergeStatusPolicy({})).toBeNull();
    expect(mergeStatusPolicy(parsePolicy('freezes: { merge-status: { enabled: false, branches: { main: [x] } } }', 'p'))).toBeNull();
    expect(policy.branches.map((b) => b.pattern)).toEqual(['main', 'release/*', 'hotfix/**']);
    expect(mergeStatusPolicy(parsePolicy('freezes: { merge-status: {} }', 'p'))).toEqual({ branches: [] });
  });

  it('refuses an environment its environments map does not name, naming the field, the value and the accepted names', () => {
    const error = (() => {
      try {
        parsePolicy('environments: { production: {} }\nfreezes: { merge-status: { branches: { main: [prodution] } } }', 'p.yml');
      } catch (e: unknown) {
        return e as PolicyError;
      }
      throw new Error('expected a PolicyError');
    })();
    expect(error).toBeInstanceOf(PolicyError);
    expect(error.message).toContain('freezes.merge-status.branches.main[0]');
    expect(error.message).toContain('"prodution"');
    expect(error.message).toContain('did you mean production?');
  });

  it('refuses what is not an environment name or a branch glob, and more globs than the bound', () => {
    expect(() => parsePolicy('freezes: { merge-status: { branches: { main: ["prod uction"] } } }', 'p')).toThrow(
      /expected an environment name such as production/,
    );
    expect(() => parsePolicy('freezes: { merge-status: { branches: { "": [production] } } }', 'p')).toThrow(/expected a base-branch glob/);
    expect(() => parsePolicy('freezes: { merge-status: { branch: { main: [production] } } }', 'p')).toThrow(/branch/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`b${i}`, ['production']]));
    expect(() => parsePolicy(`freezes: { merge-status: { branches: ${JSON.stringify(many)} } }`, 'p')).toThrow(/at most 50/);
  });
});

describe('branches and environments', () => {
  it('maps base branches through globs (`*` stops at `/`, `**` does not), every matching glob adding its environments once', () => {
    expect(environmentsOfBranch(policy, 'main')).toEqual(['production']);
    expect(environmentsOfBranch(policy, 'release/2.0')).toEqual(['production', 'staging']);
    expect(environmentsOfBranch(policy, 'release/2.0/rc')).toEqual([]);
    expect(environmentsOfBranch(policy, 'hotfix/a/b')).toEqual(['production']);
    expect(environmentsOfBranch(policy, 'Main')).toEqual([]);
    expect(environmentsOfBranch({ branches: [...policy.branches, { pattern: '**', environments: ['production'] }] }, 'release/1')).toEqual([
      'production',
      'staging',
    ]);
  });

  it('says which branches a freeze change can affect', () => {
    expect(branchAffectedBy(policy, 'staging', 'release/1')).toBe(true);
    expect(branchAffectedBy(policy, 'staging', 'main')).toBe(false);
    expect(branchAffectedBy(policy, 'all', 'main')).toBe(true);
    expect(branchAffectedBy(policy, 'all', 'docs')).toBe(false);
  });
});

describe('the decision', () => {
  it('holds a pull request into a branch of a frozen environment with the end and the reason; not another; not an unmapped one', () => {
    const stored = [freeze()];
    expect(only([pull('main')], stored)).toEqual({
      state: 'pending',
      description: 'Frozen until 2026-12-01 14:00 UTC (production): migration',
    });
    expect(only([pull('docs')], stored)).toEqual({ state: 'success', description: 'No deploy freeze applies to this base branch' });
    expect(only([pull('release/1')], [freeze({ scope: 'staging' })])).toMatchObject({ state: 'pending' });
    expect(only([pull('main')], [freeze({ scope: 'staging' })])).toEqual({
      state: 'success',
      description: 'No deploy freeze (production)',
    });
  });

  it('an organisation-wide freeze and a freeze of all environments hold too; an expired one does not (its end is exclusive)', () => {
    expect(only([pull('main')], [freeze({ scope: 'all', repository: 'acme/.github' })])).toMatchObject({ state: 'pending' });
    expect(only([pull('main')], [freeze()], file, new Date('2026-12-01T14:00:00Z'))).toMatchObject({ state: 'success' });
    expect(only([pull('main')], [freeze()], file, new Date('2026-12-01T13:59:59Z'))).toMatchObject({ state: 'pending' });
  });

  it('names the freeze that ends last, and every environment held', () => {
    const stored = [
      freeze({ scope: 'staging', until: '2026-12-03T00:00:00Z', reason: 'load test' }),
      freeze({ scope: 'production', until: '2026-12-02T00:00:00Z', reason: 'migration' }),
    ];
    expect(only([pull('release/1')], stored).description).toBe('Frozen until 2026-12-03 00:00 UTC (production, staging): load test');
  });

  it("counts the policy's freeze windows for the environment and the base branch (applies-to), a window without an end as further notice", () => {
    const windows = parsePolicy(
      `${POLICY}
freeze-windows:
  - { name: launch, from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z", environments: [staging], reason: product launch }
  - { name: nightly, start: "0 22 * * *", end: "0 6 * * *", applies-to: { branches: ["hotfix/**"] } }
`,
      'p',
    );
    expect(only([pull('release/1')], [], windows)).toEqual({
      state: 'pending',
      description: 'Frozen until 2026-12-02 00:00 UTC (staging): product launch',
    });
    expect(only([pull('main')], [], windows)).toMatchObject({ state: 'success' });
    const night = new Date('2026-12-01T23:00:00Z');
    expect(only([pull('hotfix/x')], [], windows, night)).toEqual({
      state: 'pending',
      description: 'Frozen until 2026-12-02 06:00 UTC (production): nightly',
    });
    expect(only([pull('main')], [], windows, night)).toMatchObject({ state: 'success' });
    // The environment's own section replaces the top level's windows for it, as the gate resolves them.
    const own = parsePolicy(
      `freezes: { merge-status: { branches: { main: [production], "release/*": [staging] } } }
freeze-windows: [{ name: december, from: "2026-12-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }]
environments:
  production: { freeze-windows: [] }
  staging: {}`,
      'p',
    );
    expect(only([pull('main')], [], own)).toMatchObject({ state: 'success' });
    expect(only([pull('release/1')], [], own)).toMatchObject({ state: 'pending', description: expect.stringContaining('december') });
  });

  it('gives a head commit shared by several pull requests the strictest answer, and lists them', () => {
    const stored = [freeze()];
    const planned = plan([pull('docs', 'same'), pull('main', 'same'), pull('docs', 'other')], stored);
    expect(planned).toHaveLength(2);
    expect(planned[0]).toMatchObject({ sha: 'same', status: { state: 'pending' } });
    expect(planned[0]!.pulls).toHaveLength(2);
    expect(planned[1]).toMatchObject({ sha: 'other', status: { state: 'success' } });
  });

  it('throws PolicyError for a mapped environment the merged policy cannot resolve (the caller fails closed)', () => {
    const inherited: PolicyFile = { environments: { production: {} }, freezes: { 'merge-status': { branches: { main: ['staging'] } } } };
    expect(() => only([pull('main')], [], inherited)).toThrow(PolicyError);
  });

  it('compares statuses by state and description', () => {
    const s = { state: 'pending' as const, description: 'x' };
    expect(sameStatus(null, s)).toBe(false);
    expect(sameStatus({ ...s }, s)).toBe(true);
    expect(sameStatus({ ...s, description: 'y' }, s)).toBe(false);
  });
});

describe('the description', () => {
  it('is plain inert text: no control or bidirectional characters, no mention, white space collapsed', () => {
    expect(plainDescription('a\u0000b\u202ec\u2066d\n\te  @team')).toBe('a b c d e @\u200bteam');
  });

  it(`never exceeds ${MAX_STATUS_DESCRIPTION} characters, nor splits a surrogate pair`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (reason) => {
        const text = plainDescription(`Frozen until 2026-12-01 14:00 UTC (production): ${reason}`);
        expect([...text].length).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION);
        expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
        expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        expect(text).not.toMatch(/@(?!\u200b)/);
      }),
    );
    expect(plainDescription('😀'.repeat(200))).toBe(`${'😀'.repeat(139)}…`);
  });
});

describe('freeze window edges', () => {
  const windows = parsePolicy(
    `${POLICY}
freeze-windows:
  - { name: launch, from: "2026-12-01T13:00:00Z", to: "2026-12-02T00:00:00Z", environments: [staging] }
  - { name: nightly, start: "30 22 * * *", end: "0 6 * * *", timezone: Europe/Berlin, applies-to: { branches: ["hotfix/**"] } }
`,
    'p',
  );
  const edge = (branches: string[], now = NOW) =>
    nextWindowEdge({
      file: windows,
      policy: mergeStatusPolicy(windows)!,
      repository: 'acme/checkout',
      branches,
      now,
      source: 'p',
    })?.toISOString() ?? null;

  it('is the earliest opening or closing, after now, of the windows that can hold the branches', () => {
    expect(edge(['main'])).toBeNull();
    expect(edge(['release/1'])).toBe('2026-12-01T13:00:00.000Z');
    expect(edge(['release/1'], new Date('2026-12-01T13:00:00Z'))).toBe('2026-12-02T00:00:00.000Z');
    expect(edge(['release/1'], new Date('2026-12-02T00:00:00Z'))).toBeNull();
    // 22:30 in Berlin is 21:30 UTC in December.
    expect(edge(['hotfix/x', 'main'])).toBe('2026-12-01T21:30:00.000Z');
    expect(edge(['hotfix/x', 'release/1'])).toBe('2026-12-01T13:00:00.000Z');
  });
});

describe('window timers', () => {
  const log = pino({ level: 'silent' }) as unknown as Logger;
  function timersWith(refresh: (t: WindowTarget) => Promise<Date | null>) {
    const set: { ms: number; fire: () => void; cancelled: boolean }[] = [];
    const timers = createWindowTimers({
      refresh,
      log,
      now: () => NOW,
      setTimer: (fire, ms) => {
        const t = { ms, fire, cancelled: false };
        set.push(t);
        return { cancel: () => void (t.cancelled = true) };
      },
    });
    return { timers, live: () => set.filter((t) => !t.cancelled) };
  }
  const target = { owner: 'acme', repo: 'checkout', installationId: 1 };
  const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

  it('keeps one timer per repository, the earliest asked for, capped at a day', () => {
    const { timers, live } = timersWith(async () => null);
    timers.at(target, later(5));
    timers.at(target, later(3));
    timers.at(target, later(4));
    timers.at(target, null);
    timers.at({ ...target, repo: 'payments' }, later(72));
    expect(live().map((t) => t.ms)).toEqual([3 * 3_600_000, 86_400_000]);
  });

  it('refreshes when it fires and waits for the edge the refresh returns; a failed refresh waits for the next event', async () => {
    const edges = [later(2), null];
    const refreshed: WindowTarget[] = [];
    const { timers, live } = timersWith(async (t) => {
      refreshed.push(t);
      const next = edges.shift();
      if (next === undefined) throw new Error('GitHub is down');
      return next;
    });
    const fire = async () => {
      const next = live()[0]!;
      next.cancelled = true;
      next.fire();
      await new Promise((resolve) => setImmediate(resolve));
    };
    timers.at(target, later(1));
    await fire();
    expect(refreshed).toEqual([target]);
    expect(live().map((t) => t.ms)).toEqual([2 * 3_600_000]);
    await fire();
    expect(live()).toEqual([]);
    timers.at(target, later(1));
    await fire();
    expect(refreshed).toHaveLength(3);
    expect(live()).toEqual([]);
  });
});
