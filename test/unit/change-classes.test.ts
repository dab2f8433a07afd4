import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChangeClass } from '../../src/core/change-class/apply-change-class.js';
import { CLASS_SOURCES, classesAllowedAt, resolveChangeClasses } from '../../src/core/change-class/change-class-policy.js';
import { resolveChangeClass, type ClassEvidence } from '../../src/core/change-class/resolve-change-class.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { reportFor } from '../support/reports.js';

const classes = resolveChangeClasses({ classes: ['data-fix'] })!;
const admin = { roleName: 'admin', permission: 'admin' };
const triage = { roleName: 'triage', permission: 'read' };

describe('change classes: the policy', () => {
  it("uses the workbook's defaults: a freeze lets rollback, security and hotfix through; an exhausted budget rollback and security", () => {
    expect(classesAllowedAt(classes, 'FREEZE')).toEqual(['rollback', 'security', 'hotfix']);
    expect(classesAllowedAt(classes, 'EXHAUSTED')).toEqual(['rollback', 'security']);
    // A class allowed at a worse status passes a milder one; UNKNOWN lets nothing through.
    expect(classesAllowedAt(classes, 'WARNING')).toEqual(['rollback', 'security', 'hotfix']);
    expect(classesAllowedAt(classes, 'UNKNOWN')).toEqual([]);
  });

  it('refuses feature in allow, unknown class names and bad names, naming the field', () => {
    const issues = (yaml: string) => {
      try {
        parsePolicy(yaml);
        return '';
      } catch (error) {
        return error instanceof PolicyError ? error.message : String(error);
      }
    };
    expect(issues('change-classes: { allow: { FREEZE: [feature] } }')).toMatch(
      /change-classes\.allow\.FREEZE\[0\]: feature is what a block stops/,
    );
    expect(issues('change-classes: { allow: { FREEZE: [hotfx] } }')).toMatch(
      /unknown class "hotfx"; expected one of rollback, security, hotfix, feature/,
    );
    expect(issues('change-classes: { classes: [Data_Fix] }')).toMatch(/change-classes\.classes\[0\]: expected a class name/);
    expect(issues('change-classes: { sources: [labels] }')).toMatch(
      /sources\[0\]: expected one of input, label, trailer, rollback; got "labels"/,
    );
  });
});

describe('change classes: where the class comes from', () => {
  const base: ClassEvidence = {
    input: { name: 'security', actor: 'alice', role: admin },
    pullRequests: [{ number: 7, label: 'hotfix', labeledBy: 'bob', role: admin }],
    trailers: { commits: [{ sha: 'a'.repeat(40), trailer: 'data-fix' }], reviewed: true },
    rollback: { detected: true, detail: 'deployed to production before (deployment 12)' },
  };

  it('consults input, then labels, then trailers, then rollback detection, then defaults to feature', () => {
    expect(resolveChangeClass(base, classes, 'write')).toMatchObject({ name: 'security', source: 'input' });
    expect(resolveChangeClass({ ...base, input: undefined }, classes, 'write')).toMatchObject({ name: 'hotfix', source: 'label' });
    expect(resolveChangeClass({ ...base, input: undefined, pullRequests: [] }, classes, 'write')).toMatchObject({
      name: 'data-fix',
      source: 'trailer',
    });
    expect(resolveChangeClass({ rollback: base.rollback }, classes, 'write')).toMatchObject({ name: 'rollback', source: 'rollback' });
    expect(resolveChangeClass({}, classes, 'write')).toMatchObject({ name: 'feature', source: 'default' });
  });

  it('property: the first source in the policy order that yields a usable class wins', () => {
    const sourceYields = fc.record({ input: fc.boolean(), label: fc.boolean(), trailer: fc.boolean(), rollback: fc.boolean() });
    fc.assert(
      fc.property(sourceYields, fc.shuffledSubarray([...CLASS_SOURCES], { minLength: 1 }), (yields, order) => {
        const evidence: ClassEvidence = {
          ...(yields.input ? { input: base.input } : {}),
          ...(yields.label ? { pullRequests: base.pullRequests } : {}),
          ...(yields.trailer ? { trailers: base.trailers } : {}),
          ...(yields.rollback ? { rollback: base.rollback } : {}),
        };
        const expected = order.find((s) => yields[s]) ?? 'default';
        expect(resolveChangeClass(evidence, { ...classes, sources: order }, 'write').source).toBe(expected);
      }),
    );
  });

  it('does not let someone below the role choose a class, by the input or by applying the label', () => {
    const r = resolveChangeClass(
      {
        input: { name: 'security', actor: 'mallory', role: triage },
        pullRequests: [{ number: 7, label: 'hotfix', labeledBy: 'mallory', role: triage }],
      },
      classes,
      'write',
    );
    expect(r).toMatchObject({ name: 'feature', source: 'default' });
    expect(r.notes.join('\n')).toMatch(/change-class security from mallory was not used: choosing a class needs the write role/);
    expect(r.notes.join('\n')).toMatch(/#7 by mallory/);
    // A role that could not be read is not a role.
    expect(resolveChangeClass({ input: { name: 'security', actor: 'x', role: null } }, classes, 'write').name).toBe('feature');
  });

  it('needs every deployed pull request and commit to agree, and trailers only on reviewed commits', () => {
    const split = resolveChangeClass(
      {
        pullRequests: [
          { number: 1, label: 'hotfix', labeledBy: 'a', role: admin },
          { number: 2, label: null, labeledBy: null, role: null },
        ],
      },
      classes,
      'write',
    );
    expect(split.name).toBe('feature');
    expect(split.notes.join('\n')).toMatch(/do not all carry the same deploy-class label \(#1: hotfix, #2: none\)/);
    const unreviewed = resolveChangeClass(
      { trailers: { commits: [{ sha: 'b'.repeat(40), trailer: 'security' }], reviewed: false } },
      classes,
      'write',
    );
    expect(unreviewed.name).toBe('feature');
    expect(unreviewed.notes.join('\n')).toMatch(/only count on commits of the default branch/);
    expect(
      resolveChangeClass({ trailers: { commits: [{ sha: 'c'.repeat(40), trailer: 'nonsense' }], reviewed: true } }, classes, 'write').name,
    ).toBe('feature');
  });
});

describe('change classes: the decision', () => {
  it('lets a hotfix through a FREEZE but not an EXHAUSTED budget, and a feature through neither', async () => {
    const freeze = await reportFor(900); // FREEZE
    const exhausted = await reportFor(1500);
    const hotfix = { name: 'hotfix', source: 'label' as const, detail: 'label deploy-class:hotfix on #7', notes: [] };
    const passed = applyChangeClass(freeze, hotfix, classes);
    expect(passed.decision).toMatchObject({
      canDeploy: true,
      status: 'FREEZE',
      requiredOverride: null,
      changeClass: { name: 'hotfix', allowedThrough: true },
    });
    expect(passed.decision.reasons[0]).toMatch(
      /^Allowed as a hotfix deploy \(label deploy-class:hotfix on #7\): FREEZE lets rollback, security, hotfix through/,
    );
    const refused = applyChangeClass(exhausted, hotfix, classes);
    expect(refused.decision).toMatchObject({ canDeploy: false, status: 'EXHAUSTED', changeClass: { allowedThrough: false } });
    expect(refused.decision.reasons.at(-1)).toMatch(/EXHAUSTED lets only rollback, security through/);
    const feature = applyChangeClass(freeze, { name: 'feature', source: 'default', detail: 'no input', notes: [] }, classes);
    expect(feature.decision.canDeploy).toBe(false);
  });

  it('lets nothing through an evaluation that failed', async () => {
    const report = await reportFor(100);
    const unknown = { ...report, decision: { ...report.decision, canDeploy: false, status: 'UNKNOWN' as const } };
    const r = applyChangeClass(unknown, { name: 'rollback', source: 'rollback', detail: 'x', notes: [] }, classes);
    expect(r.decision.canDeploy).toBe(false);
    expect(r.decision.reasons.at(-1)).toMatch(/no class passes an evaluation that failed/);
  });
});

describe('change classes: an organisation lock', () => {
  it('lets a repository let fewer classes through, never more, and never add a source', async () => {
    const { lockViolations } = await import('../../src/core/policy/inherit/locks.js');
    const { layerOf, mergeLayers } = await import('../../src/core/policy/inherit/merge-policies.js');
    const parent = parsePolicy(
      'change-classes: { allow: { EXHAUSTED: [rollback] }, sources: [input, rollback] }\nlocked: [change-classes]',
    );
    const locks = { 'change-classes': 'acme/.github:.github/deploy-governor.yml' };
    const check = (child: string) =>
      lockViolations(parent, mergeLayers(layerOf(parent, 'parent'), layerOf(parsePolicy(child), 'child')).file, locks).map(
        (i) => `${i.path}: ${i.message}`,
      );
    expect(check('change-classes: { allow: { EXHAUSTED: [] } }')).toEqual([]);
    expect(check('change-classes: { allow: { FREEZE: [rollback, hotfix] } }')).toEqual(
      ['CAUTION', 'WARNING', 'FREEZE'].map((status) =>
        expect.stringMatching(
          new RegExp(
            `^change-classes: change-classes may only let fewer classes through; ${status} would let hotfix through.*locked by acme/\\.github`,
          ),
        ),
      ),
    );
    expect(check('change-classes: { sources: [input, label, rollback] }')).toEqual([
      expect.stringMatching(/change-classes\.sources may only lose sources; label is not among the parent's/),
    ]);
    expect(check('environments: { production: { change-classes: { permission: read } } }')).toEqual([
      expect.stringMatching(/^environments\.production\.change-classes: change-classes\.permission is left to the override levels/),
    ]);
  });
});
