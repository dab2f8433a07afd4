/**
 * Policy inheritance (src/core/policy/inherit/): the `extends` grammar, the
 * per-key merge table, the locks (every lockable key loosened several ways and
 * refused; tightening accepted), cycles and depth, `applies-to` globs, and the
 * provenance of each effective key. Parents come from an in-memory map: no I/O.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { appliesTo, globMatches } from '../../src/core/policy/inherit/applies-to.js';
import { describeSpec, parseExtends, type ExtendsSpec } from '../../src/core/policy/inherit/extends-spec.js';
import { inputLockViolations, LOCKABLE_KEYS } from '../../src/core/policy/inherit/locks.js';
import { layerOf, mergeLayers, MERGE_RULES } from '../../src/core/policy/inherit/merge-policies.js';
import { MAX_PARENTS, resolveChain, type ReadParent } from '../../src/core/policy/inherit/resolve-chain.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { policyFileSchema, type PolicyFile } from '../../src/core/policy/schema.js';
import { renderPolicyExplain } from '../../src/core/render/render-policy-explain.js';
import { renderSummary } from '../../src/core/render/render-summary.js';
import { renderTextReport } from '../../src/core/render/render-text.js';
import { reportSchema } from '../../src/core/report/report-schema.js';
import { reportFor } from '../support/reports.js';

const CHILD = 'acme/payments-api:.github/deploy-governor.yml';
const ORG = 'acme/.github:.github/deploy-governor.yml@default';
const options = { owner: 'acme', self: { owner: 'acme', repo: 'payments-api', path: '.github/deploy-governor.yml', ref: null } };

/** Parents by `owner/repo:path@ref` text. */
function parents(files: Record<string, string>): ReadParent & { reads: string[] } {
  const reads: string[] = [];
  const read = async (spec: ExtendsSpec) => {
    const name = describeSpec(spec);
    reads.push(name);
    const text = files[name];
    if (text === undefined) throw new Error(`${name} was not found`);
    return { text, source: name };
  };
  return Object.assign(read, { reads });
}

async function chain(child: string, files: Record<string, string>) {
  return resolveChain(parsePolicy(child, CHILD), CHILD, parents(files), options);
}

async function refusal(child: string, files: Record<string, string>): Promise<PolicyError> {
  const error = await chain(child, files).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PolicyError);
  return error as PolicyError;
}

const ORG_POLICY = `
locked: [block-on, freeze-windows, overrides]
block-on: WARNING
thresholds: { caution: 85 }
freeze-windows:
  - name: holiday
    from: 2026-12-20T00:00:00Z
    to: 2027-01-02T00:00:00Z
overrides:
  min-reason-length: 20
  refs: [refs/heads/release, refs/heads/hotfix]
  levels:
    exhausted: { permission: admin, require-environment-approval: true }
`;

describe('extends grammar', () => {
  it('parses owner/repo with the default path and branch, and a pinned path and ref', () => {
    expect(parseExtends('acme/.github')).toEqual({
      spec: { owner: 'acme', repo: '.github', path: '.github/deploy-governor.yml', ref: null },
    });
    expect(parseExtends('acme/policies:teams/payments.yml@v2.1')).toEqual({
      spec: { owner: 'acme', repo: 'policies', path: 'teams/payments.yml', ref: 'v2.1' },
    });
    expect(parseExtends('acme/.github@refs/heads/main')).toMatchObject({ spec: { ref: 'refs/heads/main' } });
  });

  it.each([
    ['.github', /owner is missing/],
    ['acme/../x', /repository name/],
    ['acme/.github:../../etc/passwd', /no \.\. segment/],
    ['acme/.github:a/../../b.yml', /no \.\. segment/],
    ['acme/.github:/etc/passwd', /without a leading \//],
    ['acme/.github:', /path after : is empty/],
    ['acme/.github@', /ref after @ is empty/],
    ['acme/.github@main..x', /may not contain \.\./],
    ['acme/.github@-delete', /may not start/],
    ['-acme/.github', /owner name/],
    ['acme/.github:a//b.yml', /empty or \. segment/],
    ['acme/.github:a b.yml', /path segment/],
  ])('refuses %s', (value, problem) => {
    const parsed = parseExtends(value);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });

  it('is refused by the schema with the file, the key, the value and the accepted form', () => {
    expect(() => parsePolicy('extends: acme/.github:../secrets.yml', CHILD)).toThrow(
      /acme\/payments-api:\.github\/deploy-governor\.yml: invalid value\n {2}- extends: the path must stay inside the repository: no \.\. segment; expected owner\/repo.*\(got "acme\/\.github:\.\.\/secrets\.yml"\)/,
    );
    expect(() => parsePolicy('locked: [slos]', CHILD)).toThrow(/locked\[0\]: expected one of block-on, on-error, mode/);
  });
});

describe('the merge table', () => {
  it('has a rule for every key of the policy file', () => {
    expect(Object.keys(MERGE_RULES).sort()).toEqual(Object.keys(policyFileSchema.shape).sort());
  });

  it('merges objects key by key, named lists by name, and lets scalars override', async () => {
    const { file, chain: c } = await chain(
      `
extends: acme/.github
mode: report
thresholds: { warning: 60 }
slos:
  - { name: api, objective: 99.5, sli: { events: { error: 'e2[{{window}}]', total: 't2[{{window}}]' } } }
  - { name: web, sli: { events: { error: 'e3[{{window}}]', total: 't3[{{window}}]' } } }
burn-rate-guards: [{ long: 6h, short: 30m, factor: 6 }]
`,
      {
        [ORG]: `
mode: enforce
thresholds: { caution: 90, warning: 55 }
prometheus: { url: https://prom.acme.example, timeout: 5s }
slos:
  - { name: api, objective: 99.9, sli: { events: { error: 'e1[{{window}}]', total: 't1[{{window}}]' } } }
  - { name: db, sli: { events: { error: 'e4[{{window}}]', total: 't4[{{window}}]' } } }
`,
      },
    );
    expect(file.mode).toBe('report');
    expect(file.thresholds).toEqual({ caution: 90, warning: 60 });
    expect(file.prometheus).toEqual({ url: 'https://prom.acme.example', timeout: '5s' });
    expect(file.slos?.map((s) => [s.name, s.objective])).toEqual([
      ['api', 99.5],
      ['db', undefined],
      ['web', undefined],
    ]);
    expect(file.extends).toBeUndefined();
    expect(c?.files).toEqual([CHILD, ORG]);
    expect(c?.provenance).toMatchObject({
      mode: [CHILD],
      thresholds: [ORG, CHILD],
      prometheus: [ORG],
      'slos[api]': [CHILD],
      'slos[db]': [ORG],
      'slos[web]': [CHILD],
      'burn-rate-guards[6h/30m > 6x]': [CHILD],
    });
  });

  it('merges environments by name, each key by its own rule', async () => {
    const { file } = await chain(
      `
extends: acme/.github
environments:
  prod: { thresholds: { freeze: 30 } }
  staging: { mode: report }
`,
      { [ORG]: 'environments:\n  prod: { mode: enforce, thresholds: { caution: 95 } }\n' },
    );
    expect(file.environments).toEqual({ prod: { mode: 'enforce', thresholds: { caution: 95, freeze: 30 } }, staging: { mode: 'report' } });
  });

  it('merging over an empty parent is the identity (property)', () => {
    const policies = fc.constantFrom<PolicyFile>(
      { 'block-on': 'FREEZE', thresholds: { caution: 90 } },
      { 'freeze-windows': [{ name: 'a', start: '0 18 * * 5', end: '0 8 * * 1' }], locked: ['mode'] },
      { slos: [{ name: 'x', sli: { events: { error: 'e', total: 't' } } }], environments: { prod: { mode: 'report' } } },
      {},
    );
    fc.assert(
      fc.property(policies, (file) => {
        expect(mergeLayers(layerOf({}, 'parent'), layerOf(file, 'child')).file).toEqual(file);
        expect(mergeLayers(layerOf(file, 'parent'), layerOf({}, 'child')).file).toEqual(file);
      }),
    );
  });

  it("adds a child's locks to its parent's and never removes one", async () => {
    const { chain: c } = await chain('extends: acme/.github\nlocked: [mode]\n', { [ORG]: 'locked: [block-on]\n' });
    expect(c?.locks).toEqual({ 'block-on': ORG, mode: CHILD });
    const unlocked = await refusal('extends: acme/.github\nlocked: []\nblock-on: EXHAUSTED\n', { [ORG]: ORG_POLICY });
    expect(unlocked.message).toMatch(/block-on: block-on may only become stricter.*locked by acme\/\.github/);
  });
});

describe('locks', () => {
  const loosen = (child: string) => refusal(`extends: acme/.github\n${child}`, { [ORG]: ORG_POLICY });
  const tighten = (child: string) => chain(`extends: acme/.github\n${child}`, { [ORG]: ORG_POLICY });

  it.each([
    ['block-on: FREEZE', 'block-on'],
    ['block-on: exhausted', 'block-on'],
    ['environments:\n  prod: { block-on: EXHAUSTED }', 'environments.prod.block-on'],
    ['freeze-windows:\n  - { name: holiday, from: 2026-12-24T00:00:00Z, to: 2026-12-25T00:00:00Z }', 'freeze-windows'],
    ['freeze-windows:\n  - { name: holiday, reason: shorter, from: 2026-12-20T00:00:00Z, to: 2027-01-02T00:00:00Z }', 'freeze-windows'],
    [
      "freeze-windows:\n  - { name: holiday, from: 2026-12-20T00:00:00Z, to: 2027-01-02T00:00:00Z, applies-to: { repositories: ['nothing-*'] } }",
      'freeze-windows',
    ],
    ['environments:\n  prod: { freeze-windows: [] }', 'environments.prod.freeze-windows'],
    ['overrides: { min-reason-length: 5 }', 'overrides'],
    ['overrides: { refs: [refs/heads/release, refs/heads/anything] }', 'overrides'],
    ['overrides: { levels: { exhausted: { permission: write } } }', 'overrides'],
    ['overrides: { levels: { exhausted: { require-environment-approval: false } } }', 'overrides'],
    ['overrides: { levels: { warning: { permission: read } } }', 'overrides'],
    ['environments:\n  prod: { overrides: { min-reason-length: 1 } }', 'environments.prod.overrides'],
  ])('refuses a child that loosens a lock: %s', async (child, path) => {
    const error = await loosen(child);
    expect(error.source).toBe(CHILD);
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect(error.message).toContain(`is locked by ${ORG}`);
  });

  it('refuses overriding a locked freeze window by reusing its name, and names the lock and its file', async () => {
    const error = await loosen('freeze-windows:\n  - { name: holiday, start: "0 0 1 1 *", end: "0 1 1 1 *" }');
    expect(error.message).toContain(
      `freeze-windows: the freeze window "holiday" set by the parent may not be changed (give a new freeze window another name): freeze-windows is locked by ${ORG} (locked: [freeze-windows])`,
    );
  });

  it('accepts tightening every locked key', async () => {
    const { file } = await tighten(`
block-on: CAUTION
freeze-windows:
  - { name: release-week, start: "0 0 * * 1", end: "0 0 * * 2" }
overrides:
  min-reason-length: 40
  refs: [refs/heads/release]
  levels:
    warning: { permission: maintain, require-environment-approval: true }
    exhausted: { permission: admin, require-environment-approval: true }
`);
    expect(file['block-on']).toBe('CAUTION');
    expect(file['freeze-windows']?.map((w) => w.name)).toEqual(['holiday', 'release-week']);
    expect(file.overrides?.['min-reason-length']).toBe(40);
  });

  const others: [string, string, string, string][] = [
    ['on-error', 'on-error: block', 'on-error: allow', 'on-error: block'],
    ['mode', 'mode: enforce', 'mode: report', 'mode: enforce'],
    ['unknown-guards', 'unknown-guards: block', 'unknown-guards: allow', 'unknown-guards: block'],
    ['thresholds', 'thresholds: { warning: 60 }', 'thresholds: { warning: 40 }', 'thresholds: { warning: 70, freeze: 30 }'],
    [
      'burn-rate-guards',
      'locked: [burn-rate-guards]',
      'environments:\n  prod: { burn-rate-guards: [] }',
      'burn-rate-guards: [{ long: 1h, short: 5m, factor: 14.4 }, { long: 6h, short: 30m, factor: 6 }]',
    ],
    // A held deploy may go out unattended later: reject (the default) is stricter, and so is a shorter hold.
    ['on-block', 'on-block: reject', 'environments:\n  prod: { on-block: hold }', 'on-block: reject'],
    ['on-block', 'on-block: hold\nhold: { limit: 4h }', 'hold: { limit: 2d }', 'on-block: reject'],
    ['on-block', 'on-block: hold\nhold: { limit: 4h }', 'hold: { limit: 5h }', 'hold: { limit: 1h, interval: 1m }'],
    // A class let through a status is a block lifted: fewer classes (or fewer sources) are stricter.
    [
      'change-classes',
      'change-classes: { allow: { FREEZE: [rollback, hotfix] } }',
      'environments:\n  prod: { change-classes: { allow: { EXHAUSTED: [security] } } }',
      'change-classes: { allow: { FREEZE: [rollback] }, sources: [input] }',
    ],
  ];
  it('locks freezes: a child may raise permission and set an app where the parent has none, never lower it or change the app', async () => {
    const parent = { [ORG]: 'locked: [freezes]\nfreezes: { permission: maintain, app: acme-governor }\n' };
    const lower = await refusal('extends: acme/.github\nfreezes: { permission: write }', parent);
    expect(lower.message).toContain(
      `freezes: freezes.permission may only be raised; the parent has maintain, this file write: freezes is locked by ${ORG} (locked: [freezes])`,
    );
    const other = await refusal('extends: acme/.github\nfreezes: { app: my-own-app }', parent);
    expect(other.message).toContain('freezes.app is acme-governor in the parent and may not be changed to my-own-app');
    // Reported once, at the top level, however many environments the files name.
    const withEnvironments = await refusal(
      'extends: acme/.github\nfreezes: { permission: triage }\nenvironments:\n  prod: {}\n  staging: {}',
      parent,
    );
    expect(withEnvironments.issues.map((i) => i.path)).toEqual(['freezes']);
    const { file } = await chain('extends: acme/.github\nfreezes: { permission: admin }', parent);
    expect(file.freezes).toEqual({ permission: 'admin', app: 'acme-governor' });
    // The default (maintain) is what a parent without a permission locks.
    const bare = { [ORG]: 'locked: [freezes]\n' };
    expect((await refusal('extends: acme/.github\nfreezes: { permission: write }', bare)).message).toContain('the parent has maintain');
    await expect(chain('extends: acme/.github\nfreezes: { app: acme-governor }', bare)).resolves.toBeTruthy();
  });

  it.each(others)('locks %s: looser refused, stricter accepted', async (key, parentValue, looser, stricter) => {
    const parent = { [ORG]: `locked: [${key}]\n${parentValue.startsWith('locked') ? '' : parentValue}\n` };
    const error = await refusal(`extends: acme/.github\n${looser}`, parent);
    expect(error.message).toContain(`${key} is locked by ${ORG}`);
    await expect(chain(`extends: acme/.github\n${stricter}`, parent)).resolves.toBeTruthy();
  });

  it('covers every lockable key (a locked key is never loosened by a generated child: property)', async () => {
    expect([...LOCKABLE_KEYS].sort()).toEqual([
      'block-on',
      'burn-rate-guards',
      'change-classes',
      'freeze-windows',
      'freezes',
      'mode',
      'on-block',
      'on-error',
      'overrides',
      'thresholds',
      'unknown-guards',
    ]);
    const statuses = ['CAUTION', 'WARNING', 'FREEZE', 'EXHAUSTED'] as const;
    const rank = (s: string) => statuses.indexOf(s as (typeof statuses)[number]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...statuses),
        fc.option(fc.constantFrom(...statuses), { nil: undefined }),
        fc.option(fc.constantFrom(...statuses), { nil: undefined }),
        async (parentBlockOn, childTop, childProd) => {
          const child: PolicyFile = {
            extends: 'acme/.github',
            ...(childTop ? { 'block-on': childTop } : {}),
            ...(childProd ? { environments: { prod: { 'block-on': childProd } } } : {}),
          };
          const read = parents({ [ORG]: `locked: [block-on]\nblock-on: ${parentBlockOn}\n` });
          const result = await resolveChain(child, CHILD, read, options).then(
            (r) => r.file,
            () => null,
          );
          if (result === null) return;
          for (const env of childProd ? ['prod'] : [null]) {
            const effective = resolvePolicy(result, gateInputsSchema.parse(env ? { environment: env } : {})).blockOn;
            expect(rank(effective)).toBeLessThanOrEqual(rank(parentBlockOn));
          }
        },
      ),
    );
  });

  it('binds inputs too: an input may tighten a locked key, never loosen it', () => {
    const files = { blockOn: 'WARNING', onError: 'block', mode: 'enforce', thresholds: { caution: 80, warning: 50, freeze: 20 } } as const;
    const locks = { 'block-on': ORG, mode: ORG, thresholds: ORG };
    expect(
      inputLockViolations(files, { ...files, blockOn: 'CAUTION', thresholds: { caution: 90, warning: 50, freeze: 20 } }, locks),
    ).toEqual([]);
    const issues = inputLockViolations(
      files,
      { ...files, blockOn: 'EXHAUSTED', mode: 'report', thresholds: { caution: 80, warning: 10, freeze: 20 } },
      locks,
    );
    expect(issues.map((i) => i.path)).toEqual(['input block-on', 'input mode', 'input thresholds']);
    expect(issues[0]!.message).toContain(`locked by ${ORG} (locked: [block-on]), so no input may loosen it`);
  });
});

describe('the chain', () => {
  const B = 'acme/team-policies:.github/deploy-governor.yml@default';
  const C = 'acme/.github:base.yml@v1';
  it('follows up to three parents and merges from the root down', async () => {
    const read = parents({
      [B]: 'extends: acme/.github:base.yml@v1\nmode: report\n',
      [C]: 'extends: acme/.github\nblock-on: FREEZE\nmode: enforce\n',
      [ORG]: 'block-on: EXHAUSTED\nthresholds: { caution: 99 }\n',
    });
    const result = await resolveChain(parsePolicy('extends: acme/team-policies', CHILD), CHILD, read, options);
    expect(read.reads).toEqual([B, C, ORG]);
    expect(result.file).toEqual({ 'block-on': 'FREEZE', mode: 'report', thresholds: { caution: 99 } });
    expect(result.chain?.files).toEqual([CHILD, B, C, ORG]);
    expect(result.chain?.provenance['block-on']).toEqual([C]);
  });

  it(`refuses a chain deeper than ${MAX_PARENTS} parents`, async () => {
    const error = await refusal('extends: acme/p1', {
      'acme/p1:.github/deploy-governor.yml@default': 'extends: acme/p2',
      'acme/p2:.github/deploy-governor.yml@default': 'extends: acme/p3',
      'acme/p3:.github/deploy-governor.yml@default': 'extends: acme/p4',
      'acme/p4:.github/deploy-governor.yml@default': '{}',
    });
    expect(error.message).toMatch(/deeper than 3 parents/);
    expect(error.source).toBe('acme/p3:.github/deploy-governor.yml@default');
  });

  it('refuses cycles: A→B→A, and a file that extends itself', async () => {
    const ab = await refusal('extends: acme/b', { 'acme/b:.github/deploy-governor.yml@default': 'extends: acme/Payments-API' });
    expect(ab.message).toMatch(/makes a cycle: acme\/payments-api:.* → acme\/b:.* → acme\/Payments-API/);
    const self = await refusal('extends: acme/payments-api', {});
    expect(self.message).toMatch(/makes a cycle/);
    const loop = await refusal('extends: acme/x', {
      'acme/x:.github/deploy-governor.yml@default': 'extends: acme/y',
      'acme/y:.github/deploy-governor.yml@default': 'extends: acme/x',
    });
    expect(loop.message).toMatch(/makes a cycle/);
  });

  it('refuses a parent of another owner, and says it is a tenancy rule', async () => {
    const error = await refusal('extends: evil/.github', { 'evil/.github:.github/deploy-governor.yml@default': 'block-on: EXHAUSTED' });
    expect(error.issues[0]).toMatchObject({ path: 'extends' });
    expect(error.message).toMatch(
      /names a file of the owner evil, but this chain belongs to acme; a policy may only extend files of its own owner/,
    );
  });

  it('fails closed on a parent that cannot be read or parsed, with the same YAML limits as any policy', async () => {
    const missing = await refusal('extends: acme/.github', {});
    expect(missing.message).toMatch(/extends: cannot read acme\/\.github:\.github\/deploy-governor\.yml@default/);
    const huge = await refusal('extends: acme/.github', { [ORG]: `# ${'x'.repeat(300 * 1024)}\n` });
    expect(huge.source).toBe(ORG);
    expect(huge.message).toMatch(/a policy file may have at most/);
    const deep = await refusal('extends: acme/.github', { [ORG]: `a: ${'['.repeat(100)}${']'.repeat(100)}` });
    expect(deep.message).toMatch(/nested more than 64 levels/);
    const invalid = await refusal('extends: acme/.github', { [ORG]: 'block-on: sometimes' });
    expect(invalid.source).toBe(ORG);
    expect(invalid.message).toMatch(/block-on: expected one of CAUTION/);
  });

  it('refuses sloth or openslo in a parent, and duplicate names that make merging ambiguous', async () => {
    expect((await refusal('extends: acme/.github', { [ORG]: 'sloth: slos.yml' })).message).toMatch(
      /a parent policy may not name a sloth file/,
    );
    const dup = await refusal('extends: acme/.github', {
      [ORG]:
        'freeze-windows:\n  - { name: a, start: "0 0 * * 1", end: "0 1 * * 1" }\n  - { name: a, start: "0 0 * * 2", end: "0 1 * * 2" }\n',
    });
    expect(dup.message).toMatch(/the name "a" appears twice/);
  });

  it('validates the merge as one file: a parent window scoped to an environment the child map lacks is refused', async () => {
    const error = await refusal('extends: acme/.github\nenvironments: { staging: {} }', {
      [ORG]: 'freeze-windows:\n  - { name: prod-only, start: "0 0 * * 1", end: "0 1 * * 1", environments: [production] }\n',
    });
    expect(error.source).toBe(`${CHILD} merged with ${ORG}`);
  });

  it('is refused by resolvePolicy when an entry point did not load it', () => {
    expect(() => resolvePolicy({ extends: 'acme/.github' }, gateInputsSchema.parse({}))).toThrow(
      /the parent policy acme\/\.github was not loaded/,
    );
  });
});

describe('applies-to', () => {
  it.each([
    ['payments-*', 'payments-api', true],
    ['payments-*', 'billing', false],
    ['prod*', 'production', true],
    ['release/*', 'release/1.2', true],
    ['release/*', 'release/1/hotfix', false],
    ['release/**', 'release/1/hotfix', true],
    ['v?', 'v1', true],
    ['v?', 'v10', false],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['*', '', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });

  it('matches in bounded time whatever the pattern (no backtracking)', () => {
    const started = Date.now();
    expect(globMatches('*a'.repeat(100) + 'b', 'a'.repeat(255))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('scopes by repository name or owner/name, branch and environment; unknown dimensions match (fail closed)', () => {
    const scope = { repositories: ['payments-*'], environments: ['prod*'] };
    expect(appliesTo(scope, { repository: 'acme/Payments-API', branch: 'main', environment: 'production' })).toBe(true);
    expect(appliesTo(scope, { repository: 'acme/billing', branch: 'main', environment: 'production' })).toBe(false);
    expect(appliesTo(scope, { repository: 'acme/payments-api', branch: null, environment: 'staging' })).toBe(false);
    expect(appliesTo(scope, { repository: null, branch: null, environment: 'prod-eu' })).toBe(true);
    expect(appliesTo({ repositories: ['other/*'] }, { repository: 'acme/x', branch: null, environment: 'p' })).toBe(false);
    expect(appliesTo({ branches: ['release/*'] }, { repository: null, branch: null, environment: 'p' })).toBe(true);
  });

  it('filters freeze windows and fast-burn guards in resolution', () => {
    const file = parsePolicy(`
freeze-windows:
  - { name: payments, start: "0 0 * * 1", end: "0 1 * * 1", applies-to: { repositories: [payments-*], environments: [prod*] } }
  - { name: all, start: "0 0 * * 2", end: "0 1 * * 2" }
burn-rate-guards:
  - { name: release, long: 1h, short: 5m, factor: 14.4, applies-to: { branches: [release/*] } }
`);
    const resolve = (repository: string | null, branch: string | null, environment: string) =>
      resolvePolicy(file, gateInputsSchema.parse({ environment }), {}, 'x', { repository, branch });
    expect(resolve('acme/payments-api', 'main', 'production').freezeWindows.map((w) => w.name)).toEqual(['payments', 'all']);
    expect(resolve('acme/billing', 'main', 'production').freezeWindows.map((w) => w.name)).toEqual(['all']);
    expect(resolve('acme/payments-api', 'main', 'staging').freezeWindows.map((w) => w.name)).toEqual(['all']);
    expect(resolve('acme/payments-api', 'main', 'production').burnRateGuards).toEqual([]);
    expect(resolve('acme/payments-api', 'release/2', 'production').burnRateGuards.map((g) => g.name)).toEqual(['release']);
    expect(resolve(null, null, 'production').burnRateGuards.map((g) => g.name)).toEqual(['release']);
  });
});

describe('extends, hostile', () => {
  it('never accepts a path that leaves the repository or a ref git would refuse (property)', () => {
    const piece = fc.constantFrom('acme', '.github', '..', '.', '/', ':', '@', 'a', '-', '//', 'x.yml', '\\', '%2e%2e', ' ', '~');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        (value) => {
          const parsed = parseExtends(value);
          if ('problem' in parsed) return;
          const { path, ref } = parsed.spec;
          expect(path.split('/')).not.toContain('..');
          expect(path.startsWith('/')).toBe(false);
          expect(ref === null || (!ref.includes('..') && !ref.startsWith('-'))).toBe(true);
        },
      ),
    );
  });
});

describe('the chain in the report', () => {
  it('is an optional report field, and the summary and the text print it in one line', async () => {
    const base = await reportFor(100);
    const report = reportSchema.parse({
      ...base,
      policySources: { chain: [CHILD, ORG], keys: { 'block-on': [ORG] }, locked: { 'block-on': ORG } },
    });
    // Inert markdown: a zero-width space after @ keeps GitHub from mentioning `@default`.
    expect(renderSummary(report).replace(/\u200b/g, '')).toContain(`**Policy:** ${CHILD} extends ${ORG}\n`);
    expect(renderTextReport(report, { color: false })).toContain(`Policy: ${CHILD} extends ${ORG}\n`);
    expect(renderTextReport(base, { color: false })).not.toContain('Policy:');
    expect(renderSummary(base)).not.toContain('**Policy:**');
  });
});

describe('policy explain', () => {
  it("shows one environment's values with the section's source where it sets them", async () => {
    const { file, chain: c } = await chain('extends: acme/.github\nenvironments:\n  prod: { block-on: CAUTION }\n  staging: {}\n', {
      [ORG]: 'block-on: FREEZE\nmode: report\n',
    });
    const text = renderPolicyExplain({ file, files: c!.files, provenance: c!.provenance, locks: c!.locks, environment: 'prod' });
    expect(text).toContain('for the environment prod');
    expect(text).toContain(`# from ${CHILD}\nblock-on: CAUTION`);
    expect(text).toContain(`# from ${ORG}\nmode: report`);
    expect(text).not.toContain('environments:');
  });

  it('prints the merged policy with a comment naming the source of each key and item, and the locks', async () => {
    const { file, chain: c } = await chain(
      'extends: acme/.github\nmode: report\nfreeze-windows:\n  - { name: mine, start: "0 0 * * 1", end: "0 1 * * 1" }\n',
      {
        [ORG]: ORG_POLICY,
      },
    );
    const text = renderPolicyExplain({ file, files: c!.files, provenance: c!.provenance, locks: c!.locks, environment: null });
    expect(text).toContain(`# locked: block-on (by ${ORG})`);
    expect(text).toContain(`# from ${ORG}; locked by ${ORG}\nblock-on: WARNING`);
    expect(text).toContain(`# from ${CHILD}\nmode: report`);
    expect(text).toMatch(new RegExp(`# from ${ORG.replace(/[.*]/g, '\\$&')}\\n {2}- name: holiday`));
    expect(text).toMatch(new RegExp(`# from ${CHILD.replace(/[.*]/g, '\\$&')}\\n {2}- name: mine`));
    // The printed policy is a valid policy file.
    expect(() => parsePolicy(text)).not.toThrow();
  });
});
