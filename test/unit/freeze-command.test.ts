import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeCommandFreezes,
  freezeScopeWords,
  isFreezeActive,
  isFreezeCommand,
  parseFreezeCommand,
  renderFreezeIssue,
  type StoredFreeze,
} from '../../src/core/freeze/freeze-command.js';
import { readMeta, renderMeta, writeMeta, type FreezeRecord } from '../../src/core/postmortem/issue-metadata.js';
import { policyFileSchema } from '../../src/core/policy/schema.js';
import { freezeAuditRecord } from '../../src/core/audit/freeze-audit-record.js';
import { chainRecord, GENESIS_HASH, verifyChain } from '../../src/core/audit/hash-chain.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { mergeLayers, layerOf } from '../../src/core/policy/inherit/merge-policies.js';

const now = new Date('2026-11-29T12:00:00Z');
const envs = ['production', 'staging'];
const parse = (body: string, environments: readonly string[] = envs) => parseFreezeCommand(body, { environments, now });

describe('parseFreezeCommand', () => {
  it('reads a freeze for a duration, until a time, and an unfreeze', () => {
    expect(parse('/freeze production 2h database migration')).toEqual({
      kind: 'freeze',
      scope: 'production',
      until: '2026-11-29T14:00:00.000Z',
      reason: 'database migration',
    });
    expect(parse('/freeze all 1d release week')).toMatchObject({ kind: 'freeze', scope: 'all', until: '2026-11-30T12:00:00.000Z' });
    expect(parse('/FREEZE ALL until 2026-12-01T18:00Z black friday\nmore text')).toEqual({
      kind: 'freeze',
      scope: 'all',
      until: '2026-12-01T18:00:00.000Z',
      reason: 'black friday',
    });
    expect(parse('/freeze staging until 2026-12-01T18:00+01:00 x')).toMatchObject({ until: '2026-12-01T17:00:00.000Z' });
    expect(parse('/unfreeze production')).toEqual({ kind: 'unfreeze', scope: 'production' });
    expect(parse('\uFEFF/unfreeze all')).toEqual({ kind: 'unfreeze', scope: 'all' });
  });

  it('is null for anything that is no command', () => {
    for (const body of [
      '',
      'LGTM',
      'please /freeze production 2h x',
      '/freezer production 2h x',
      '/postmortem x',
      '\n/freeze production 2h x',
    ])
      expect(parse(body), body).toBeNull();
  });

  it('explains mistakes without freezing', () => {
    const cases: [string, RegExp][] = [
      ['/freeze', /usage/],
      ['/freeze production', /duration/],
      ['/freeze production 2h', /reason is required/],
      ['/freeze production 2h    ', /reason is required/],
      ['/freeze prodution 2h x', /did you mean production/],
      ['/freeze prod 2h x', /names no environment "prod" \(it names production, staging\)/],
      ['/freeze ../etc 2h x', /not an environment name/],
      ['/freeze production 0h x', /duration/],
      ['/freeze production -2h x', /duration/],
      ['/freeze production 2 hours', /duration/],
      ['/freeze production 91d x', /at most 90 days/],
      ['/freeze production until 2026-11-29T11:00Z x', /already passed/],
      ['/freeze production until tomorrow x', /expected a time/],
      ['/freeze production until 2026-12-01 x', /expected a time/],
      ['/freeze production until 2027-12-01T00:00Z x', /at most 90 days/],
      [`/freeze production 2h ${'x'.repeat(301)}`, /longer than 300/],
      ['/unfreeze', /usage/],
      ['/unfreeze production now please', /usage/],
      ['/unfreeze prodution', /did you mean production/],
    ];
    for (const [body, message] of cases) {
      const command = parse(body);
      expect(command?.kind, body).toBe('invalid');
      expect(command?.kind === 'invalid' ? command.message : '', body).toMatch(message);
    }
  });

  it('accepts any valid environment name when the policy names none', () => {
    expect(parse('/freeze canary-eu.1 30m x', [])).toMatchObject({ kind: 'freeze', scope: 'canary-eu.1' });
    expect(parse('/freeze canary/eu 30m x', [])).toMatchObject({ kind: 'invalid' });
  });

  it('keeps the reason plain: control and bidirectional characters removed, one line', () => {
    const command = parse('/freeze production 2h a\u202eb\u0007c\td');
    expect(command).toMatchObject({ kind: 'freeze', reason: 'a b c d' });
  });

  const word = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((w) => !/\s/.test(w));
  const hostile = fc.oneof(
    fc.string({ maxLength: 400, unit: 'binary' }),
    fc
      .array(
        fc.constantFrom('/freeze', '/unfreeze', 'all', 'production', 'until', '2h', '@here', '<!--', '-->', '\u202e', '\n', ' ', '`', '#1'),
        {
          maxLength: 10,
        },
      )
      .map((parts) => parts.join(' ')),
  );

  it('never throws, and any freeze it returns is well formed (property)', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (body, withEnvs) => {
        const command = parse(body, withEnvs ? envs : []);
        expect(isFreezeCommand(body)).toBe(command !== null);
        if (command?.kind === 'freeze') {
          expect(command.scope === 'all' || !withEnvs || envs.includes(command.scope)).toBe(true);
          expect(Date.parse(command.until)).toBeGreaterThan(now.getTime());
          expect(Date.parse(command.until) - now.getTime()).toBeLessThanOrEqual(90 * 86_400_000);
          expect(command.reason.length).toBeGreaterThan(0);
          expect(command.reason.length).toBeLessThanOrEqual(300);
          // eslint-disable-next-line no-control-regex
          expect(command.reason).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
        }
      }),
    );
  });

  it('a duration freezes exactly that long, and the record round-trips through the issue body (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2160 }),
        fc.constantFrom(...envs, 'all'),
        fc.array(word, { minLength: 1, maxLength: 5 }),
        (hours, scope, reasonWords) => {
          const command = parse(`/freeze ${scope} ${hours}h ${reasonWords.join(' ')}`);
          if (command?.kind !== 'freeze') {
            // Only a reason over the limit is refused here.
            expect(command).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/longer than 300/) });
            return;
          }
          expect(Date.parse(command.until) - now.getTime()).toBe(hours * 3_600_000);
          const record: FreezeRecord = { scope, until: command.until, reason: command.reason, by: 'alice', at: now.toISOString() };
          const issue = renderFreezeIssue(record, { issue: 7 });
          expect(readMeta('freeze', `${issue.body}\n\n${renderMeta('freeze', record)}`)).toEqual(record);
        },
      ),
    );
  });
});

describe('freeze records', () => {
  const record: FreezeRecord = {
    scope: 'production',
    until: '2026-11-29T14:00:00.000Z',
    reason: 'migration',
    by: 'alice',
    at: now.toISOString(),
  };

  it('are strict: an extra or missing key, or a bad scope, is no record', () => {
    const body = renderMeta('freeze', record);
    expect(readMeta('freeze', body)).toEqual(record);
    expect(readMeta('freeze', body.replace('"by":"alice"', '"by":"alice","admin":true'))).toBeNull();
    expect(readMeta('freeze', body.replace(',"by":"alice"', ''))).toBeNull();
    expect(readMeta('freeze', body.replace('"scope":"production"', '"scope":"../x"'))).toBeNull();
    expect(readMeta('freeze', body.replace('"until":"2026-11-29T14:00:00.000Z"', '"until":"soon"'))).toBeNull();
  });

  it('a reason cannot close the hidden comment or ping anyone in the issue', () => {
    const hostile = { ...record, reason: '--> @everyone <!-- deploy-governor:freeze {} --> #1 [x](https://e.vil)' };
    const issue = renderFreezeIssue(hostile, { issue: 3 });
    const body = writeMeta('freeze', issue.body, hostile);
    expect(readMeta('freeze', body)).toEqual(hostile);
    expect(issue.body).not.toMatch(/@everyone|<!--|-->|#1|\]\(/);
    // The hidden record holds no mention either, and exactly one comment.
    expect(body).not.toMatch(/@everyone/);
    expect(body.match(/<!--/g)).toHaveLength(1);
  });

  it('are active until their end (exclusive), for their environment or all', () => {
    const stored: StoredFreeze[] = [
      { issue: 1, record },
      { issue: 2, record: { ...record, scope: 'all', until: '2026-11-29T13:00:00Z' } },
      { issue: 3, record: { ...record, scope: 'staging' } },
      { issue: 4, record: { ...record, until: '2026-11-29T12:00:00Z' } },
    ];
    expect(isFreezeActive(stored[3]!.record, now)).toBe(false);
    expect(activeCommandFreezes(stored, 'production', now)).toEqual([
      { name: 'freeze #2 by alice', reason: 'migration', since: now.toISOString(), until: '2026-11-29T13:00:00.000Z' },
      { name: 'freeze #1 by alice', reason: 'migration', since: now.toISOString(), until: '2026-11-29T14:00:00.000Z' },
    ]);
    expect(activeCommandFreezes(stored, 'production', new Date('2026-11-29T14:00:00Z'))).toEqual([]);
  });
});

describe('organisation-wide freeze issues', () => {
  it('say every repository of the owner, in the title, the body and the words of replies', () => {
    const record: FreezeRecord = {
      scope: 'all',
      until: '2026-12-01T18:00:00.000Z',
      reason: 'year end',
      by: 'lead',
      at: '2026-11-30T18:00:00.000Z',
    };
    const issue = renderFreezeIssue(record, { issue: 4, organisation: 'acme' });
    expect(issue.title).toBe('Deploy freeze: all environments in every repository of acme until 2026-12-01T18:00:00.000Z');
    expect(issue.body).toContain('Deploys to all environments in every repository of acme are frozen until');
    expect(issue.body).toContain('on any issue or pull request of this repository');
    expect(renderFreezeIssue(record, { issue: 4 }).title).toBe('Deploy freeze: all environments until 2026-12-01T18:00:00.000Z');
    expect(freezeScopeWords('prod', 'acme')).toBe('`prod` in every repository of acme');
    expect(freezeScopeWords('prod')).toBe('`prod`');
  });
});

describe('freezes in the audit log', () => {
  const record: FreezeRecord = {
    scope: 'prod',
    until: '2026-12-01T18:00:00.000Z',
    reason: 'migration',
    by: 'lead',
    at: '2026-11-30T18:00:00.000Z',
  };
  const facts = {
    repository: 'acme/.github',
    organisationWide: true,
    issue: 9,
    record,
    actor: 'lead',
    at: record.at,
    how: 'command' as const,
  };

  it('are records of their own kind, one id per freeze issue and change, that chain and verify like overrides', () => {
    const set = freezeAuditRecord({ ...facts, change: 'freeze' });
    const lifted = freezeAuditRecord({ ...facts, change: 'unfreeze', actor: null, at: record.until, how: 'expired' });
    expect(set).toEqual({
      kind: 'freeze',
      id: 'freeze-9',
      at: record.at,
      repository: 'acme/.github',
      environment: 'prod',
      scope: 'organisation',
      actor: 'lead',
      reason: 'migration',
      until: record.until,
      issue: 9,
      how: 'command',
    });
    expect(lifted).toMatchObject({ kind: 'unfreeze', id: 'unfreeze-9', actor: null, how: 'expired' });
    const first = chainRecord(set, GENESIS_HASH);
    const log = `${JSON.stringify(first)}\n${JSON.stringify(chainRecord(lifted, first.hash))}\n`;
    expect(verifyChain(log)).toEqual({ ok: true, records: 2 });
    expect(verifyChain(log.replace('"how":"expired"', '"how":"command"'))).toMatchObject({ ok: false, line: 2 });
  });
});

describe('the freezes policy key', () => {
  it('takes the slug of the app whose freezes the Action and the CLI read, resolved to null when absent', () => {
    expect(policyFileSchema.safeParse({ freezes: { app: 'acme-governor' } }).success).toBe(true);
    const bad = policyFileSchema.safeParse({ freezes: { app: 'Not A Slug' } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('expected a GitHub App slug such as deploy-governor');
    expect(resolvePolicy({}, gateInputsSchema.parse({})).freezes).toEqual({ permission: 'maintain', app: null });
    expect(resolvePolicy({ freezes: { app: 'acme-governor', permission: 'admin' } }, gateInputsSchema.parse({})).freezes).toEqual({
      permission: 'admin',
      app: 'acme-governor',
    });
  });

  it('is strict, defaults to maintain (documented), and merges as an object', () => {
    expect(policyFileSchema.safeParse({ freezes: { permission: 'admin' } }).success).toBe(true);
    expect(policyFileSchema.safeParse({ freezes: { permission: 'owner' } }).success).toBe(false);
    expect(policyFileSchema.safeParse({ freezes: { permision: 'admin' } }).success).toBe(false);
    const merged = mergeLayers(layerOf({ freezes: { permission: 'admin' } }, 'org'), layerOf({ freezes: {} }, 'repo'));
    expect(merged.file.freezes).toEqual({ permission: 'admin' });
  });
});
