/**
 * The policy-file parser under random and hostile input: whatever the text, it
 * returns a policy that re-validates against the schema or throws a PolicyError
 * whose every issue has a message and whose message names the offending path.
 * Never another error type, never a hang (each property's total time is bounded
 * by the runner: interruptAfterTimeLimit with markInterruptAsFailure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { MAX_POLICY_CHARS, parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { formatPath } from '../../src/core/policy/policy-issues.js';
import { policyFileSchema, type PolicyFile } from '../../src/core/policy/schema.js';

/** Each property may take this long in total; past it fast-check stops and fails the property. */
const runner = (numRuns: number, seconds = 20) => ({ numRuns, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: true });

type Outcome = { ok: true; policy: PolicyFile } | { ok: false; error: PolicyError };

/** Parses, and fails the test for anything but a valid policy or a well-formed PolicyError. */
function outcome(text: string): Outcome {
  let policy: PolicyFile;
  try {
    policy = parsePolicy(text, 'fuzz.yml');
  } catch (error: unknown) {
    if (!(error instanceof PolicyError)) throw new Error(`parsePolicy threw ${String(error)} instead of a PolicyError`, { cause: error });
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.message.trim()).not.toBe('');
      // The message names each issue by its path (or says "(top level)"), on its own line.
      expect(error.message).toContain(`\n  - ${issue.path || '(top level)'}: ${issue.message}`);
    }
    expect(error.message.startsWith('fuzz.yml: ')).toBe(true);
    return { ok: false, error };
  }
  // Accepted: the result is exactly what the schema makes of itself.
  expect(policyFileSchema.parse(policy)).toEqual(policy);
  return { ok: true, policy };
}

/**
 * The parser agrees with the schema on a well-formed YAML document: it refuses exactly what the
 * schema refuses and returns exactly what the schema makes of the rest. Without this a property
 * that checks only what a refusal says passes against a parser that refuses nothing (one that
 * falls back to the defaults, or lets any value through).
 */
function expectAgreesWithSchema(text: string, result: Outcome): void {
  const expected = policyFileSchema.safeParse(parse(text) ?? {});
  expect(
    result.ok,
    result.ok ? `accepted what the schema refuses: ${expected.error?.message}` : `refused what the schema accepts: ${result.error.message}`,
  ).toBe(expected.success);
  if (result.ok) expect(result.policy).toEqual(expected.data);
}

function rejected(text: string): PolicyError {
  const result = outcome(text);
  if (result.ok) throw new Error(`expected a PolicyError for ${JSON.stringify(text.slice(0, 200))}`);
  return result.error;
}

/** A policy using every section, as data (serialized to YAML by the properties). */
const VALID = {
  $schema: 'https://example.com/schema.json',
  version: 1,
  prometheus: {
    url: 'https://mimir.example.com/prometheus',
    'bearer-token-env': 'PROM_TOKEN',
    headers: { 'X-Scope-OrgID': 'tenant-a' },
    timeout: '10s',
  },
  slos: [
    {
      name: 'api-availability',
      description: 'Checkout answers',
      objective: 99.9,
      window: '28d',
      runbook: 'https://runbooks.example.com/api',
      sli: {
        events: {
          error: 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))',
          total: 'sum(increase(http_requests_total[{{window}}]))',
        },
      },
    },
    { name: 'api-latency', sli: { latency: { metric: 'http_request_duration_seconds', threshold: 0.3, selector: 'job="api"' } } },
  ],
  thresholds: { caution: 70, warning: 50, freeze: 20 },
  'block-on': 'WARNING',
  'on-error': 'block',
  mode: 'enforce',
  dr: { enabled: true, metric: 'dr_last_test_timestamp', 'max-age': '7d', 'backup-probe': { lookback: '1h' }, rto: { max: '1h' } },
  'freeze-windows': [
    { name: 'weekend', start: '0 18 * * 5', end: '0 8 * * 1', timezone: 'Europe/Berlin' },
    { name: 'black-friday', from: '2026-11-27T00:00:00Z', to: '2026-11-30T23:59:59Z', reason: 'Peak traffic' },
  ],
  'burn-rate-guards': [{ long: '1h', short: '5m', factor: 14.4 }],
  overrides: { 'min-reason-length': 10, levels: { freeze: { permission: 'maintain', 'require-environment-approval': true } } },
  audit: { branch: 'deploy-governor-audit' },
  alerting: { 'min-traffic': 100, labels: { team: 'payments' } },
  environments: { staging: { 'block-on': 'EXHAUSTED', thresholds: { caution: 60 } } },
};

type Path = (string | number)[];

/** Every path in the value (the root included), with whether it holds an object (where keys can be added). */
function paths(value: unknown, at: Path = []): { path: Path; isObject: boolean }[] {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const here = [{ path: at, isObject }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (isObject) return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path.at(-1)!] = value;
  return copy;
}

const ALL_PATHS = paths(VALID);
const OBJECT_PATHS = ALL_PATHS.filter((p) => p.isObject);

/** Values of the wrong type, or right-typed values that are absurd. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER * 1e10,
    5e-324,
    NaN,
    Infinity,
    -Infinity,
    '',
    ' ',
    '.nan',
    '.inf',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '0x1F',
    '99.9%',
    [],
    {},
    [[[]]],
    { '': '' },
  ),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** The mutated path or one of its ancestors, where zod reports a wrong value (refinements report at the object). */
function ancestorsOf(path: Path): string[] {
  return path
    .map((_, i) => formatPath(path.slice(0, i + 1)))
    .concat('')
    .reverse();
}

/** Some issue is at the mutated path, above it (a refinement of the object) or inside the value put there. */
function expectNamesMutatedPath(error: PolicyError, path: Path): void {
  const candidates = ancestorsOf(path);
  const here = formatPath(path);
  const named = error.issues.filter((i) => candidates.includes(i.path) || i.path.startsWith(`${here}.`) || i.path.startsWith(`${here}[`));
  expect(named.length, `no issue at, above or inside ${here || '(top level)'}: ${error.message}`).toBeGreaterThan(0);
}

const yamlish = fc
  .array(
    fc.constantFrom(
      'a',
      'slos',
      'mode',
      'report',
      'name',
      'sli',
      'objective',
      '99.9',
      '.nan',
      '.inf',
      '~',
      'null',
      'true',
      ':',
      ': ',
      ' ',
      '  ',
      '\n',
      '\t',
      '- ',
      '? ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '&a ',
      '*a',
      '&b ',
      '*b',
      '!!str ',
      '!!binary ',
      '!custom ',
      '"',
      "'",
      '\\',
      '# ',
      '|',
      '>',
      '---',
      '...',
      '%YAML 1.2',
      '<<: ',
      '@',
      '`',
      '\u0000',
      '\ufeff',
      '\u202e',
      '\r\n',
      'ö',
      '💥',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

describe('policy parser, random input (property)', () => {
  it('accepts or rejects random YAML-ish and arbitrary text with a PolicyError naming the path', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ maxLength: 200, unit: 'binary' }), fc.string({ maxLength: 200 })), (text) => {
        outcome(text);
      }),
      runner(250),
    );
  });

  it('handles any JSON-shaped document, named keys or not', () => {
    const policyKey = fc.constantFrom(...Object.keys(VALID), 'environments', 'sloth', 'use-recording-rules');
    const doc = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.dictionary(fc.oneof(policyKey, fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }),
    );
    fc.assert(
      fc.property(doc, (value) => {
        const text = stringify(value);
        const result = outcome(text);
        expectAgreesWithSchema(text, result);
        // Something other than a mapping at the top, or an unknown top-level key, is always named.
        if (!result.ok && (typeof value !== 'object' || value === null || Array.isArray(value))) {
          expect(result.error.issues.some((i) => i.path === '')).toBe(true);
        }
      }),
      runner(200),
    );
  });
});

describe('policy parser, mutations of a valid policy (property)', () => {
  it('accepts the unmutated policy', () => {
    expect(outcome(stringify(VALID)).ok).toBe(true);
  });

  it('names the path of a wrong or absurd value, at any depth', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PATHS), hostileValue, ({ path }, value) => {
        const text = stringify(setAt(VALID, path, value));
        const result = outcome(text);
        // Refused exactly when the value is wrong: naming the path is checked only on a refusal.
        expectAgreesWithSchema(text, result);
        if (!result.ok) expectNamesMutatedPath(result.error, path);
      }),
      runner(250),
    );
  });

  it('rejects an unknown key at every depth, naming the key and where it is', () => {
    // Record-typed objects (headers, labels, environments) take many names, but none with a space.
    const unknownKey = fc.stringMatching(/^[a-z]{1,8} [a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.constantFrom(...OBJECT_PATHS), unknownKey, hostileValue, ({ path }, key, value) => {
        const error = rejected(stringify(setAt(VALID, [...path, key], value)));
        expectNamesMutatedPath(error, [...path, key]);
        const here = error.issues.find((i) => i.path === formatPath(path) && i.message.includes(`"${key}"`));
        const inRecord = error.issues.find((i) => i.path === formatPath([...path, key]));
        expect(here ?? inRecord, error.message).toBeDefined();
      }),
      runner(200),
    );
  });

  it('never takes NaN or Infinity for a number, however they are written', () => {
    for (const written of ['.nan', '.NaN', '.inf', '-.inf', '+.Inf', '1e400', '-1e400']) {
      const error = rejected(
        `slos:\n  - name: a\n    objective: ${written}\n    sli: { ratio: { query: "x[{{window}}]" } }\nthresholds: { caution: ${written} }\n`,
      );
      expect(error.issues.map((i) => i.path).sort()).toEqual(['slos[0].objective', 'thresholds.caution']);
    }
    // Quoted, they are strings, named as such.
    expect(rejected('thresholds: { caution: ".nan" }').message).toMatch(/thresholds\.caution: .*number.*got "\.nan"/);
  });
});

describe('policy parser, resource exhaustion', () => {
  /** Billion laughs: each level aliases the previous one `width` times. */
  function laughs(depth: number, width: number): string {
    const lines = ['l0: &l0 [lol, lol]'];
    for (let i = 1; i <= depth; i++) lines.push(`l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
    return lines.join('\n');
  }

  it('refuses alias bombs quickly, naming the line of an alias (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 30 }), fc.integer({ min: 4, max: 12 }), (depth, width) => {
        const error = rejected(laughs(depth, width));
        expect(error.issues).toHaveLength(1);
        expect(error.issues[0]!.path).toMatch(/^line \d+$/);
        expect(error.message).toMatch(/YAML aliases: Excessive alias count/);
      }),
      runner(25),
    );
  });

  it('keeps the few anchors a real policy uses, and names an alias without its anchor', () => {
    const shared = 'thresholds: &t { caution: 70 }\nenvironments:\n  staging: { thresholds: *t }\n  prod: { thresholds: *t }\n';
    expect(parsePolicy(shared).environments?.prod?.thresholds).toEqual({ caution: 70 });
    const error = rejected('mode: enforce\nenvironments:\n  staging: *nowhere\n');
    expect(error.issues[0]).toMatchObject({ path: 'line 3' });
    expect(error.message).toMatch(/nowhere/);
  });

  it('refuses deep nesting, flow or block, with the line, and survives it again and again (property)', () => {
    const nested = fc.oneof(
      fc.integer({ min: 65, max: 20_000 }).map((n) => ({ text: `mode: report\nslos: ${'['.repeat(n)}${']'.repeat(n)}\n`, line: 2 })),
      fc.integer({ min: 65, max: 20_000 }).map((n) => ({ text: `${'{a: '.repeat(n)}1${'}'.repeat(n)}`, line: 1 })),
      fc
        .integer({ min: 65, max: 600 })
        .map((n) => ({ text: Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), line: 65 })),
      fc.integer({ min: 65, max: 20_000 }).map((n) => ({ text: `${'- '.repeat(n)}x`, line: 1 })),
    );
    // Repeated in one process on purpose: on Node 20 a second overflow inside yaml's recursion could abort the process.
    fc.assert(
      fc.property(nested, ({ text, line }) => {
        const error = rejected(text);
        expect(error.issues).toEqual([{ path: `line ${line}`, message: expect.stringMatching(/nested more than 64 levels/) }]);
      }),
      runner(30),
    );
  });

  it('still parses the nesting a real policy has', () => {
    expect(
      parsePolicy(
        'environments:\n  prod:\n    slos:\n      - name: a\n        sli:\n          events:\n            error: "e[{{window}}]"\n            total: "t[{{window}}]"\n',
      ).environments?.prod?.slos,
    ).toHaveLength(1);
  });

  it('refuses a multi-MB file by its size, whatever it holds', () => {
    const entry = (i: number) => `  - { name: w${i}, start: "0 18 * * 5", end: "0 8 * * 1" }\n`;
    let windows = 'freeze-windows:\n';
    for (let i = 0; windows.length < 4 * 1024 * 1024; i++) windows += entry(i);
    for (const text of [windows, `sloth: "${'y'.repeat(5 * 1024 * 1024)}"`, '"'.repeat(3 * 1024 * 1024)]) {
      const error = rejected(text);
      expect(error.issues).toEqual([
        { path: '', message: expect.stringContaining(`has ${text.length} characters; a policy file may have at most ${MAX_POLICY_CHARS}`) },
      ]);
    }
  });

  it('answers hostile text just under the size limit with a bounded list of problems', () => {
    const fill = (unit: string, size = MAX_POLICY_CHARS - 100) => unit.repeat(Math.floor(size / unit.length));
    const manyKeys = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n');
    const manyBad = `slos:\n${fill('  - { name: "bad name", sli: {} }\n', 64 * 1024)}`;
    // A long line of quotes and thousands of keys were quadratic (yaml's pretty errors and unique-key check).
    const cases = [fill('"'), manyKeys, `[${fill(',', 64 * 1024)}]`, manyBad];
    for (const text of cases) {
      expect(text.length).toBeLessThanOrEqual(MAX_POLICY_CHARS);
      const error = rejected(text);
      // At most 50 problems, each cut to 1,000 characters, and a count of the rest: a readable message, not megabytes of it.
      expect(error.issues.length).toBeLessThanOrEqual(51);
      expect(error.message.length).toBeLessThan(60_000);
    }
  });

  it('reports a repeated key as a syntax error with its line, in linear time', () => {
    const error = rejected(`${Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n')}\nk7: 2\n`);
    expect(error.issues).toEqual([
      { path: 'line 20001', message: expect.stringMatching(/YAML syntax: Map keys must be unique; "k7" is repeated/) },
    ]);
    expect(rejected('mode: enforce\nmode: report\n').issues[0]).toMatchObject({ path: 'line 2' });
  });
});
