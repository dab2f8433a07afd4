/**
 * Label enforcement (src/core/prometheus/enforce-label.ts): every selector of a
 * query carries the tenant's matcher, or the query is refused naming the
 * selector. Hostile queries included.
 */
import { parser } from '@prometheus-io/lezer-promql';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePromqlString, enforceLabel } from '../../src/core/prometheus/enforce-label.js';

const A = { name: 'tenant', value: 'a' };

function enforced(query: string): string {
  const out = enforceLabel(query, A);
  if ('refused' in out) throw new Error(`refused: ${out.refused}`);
  return out.query;
}

function refused(query: string): string {
  const out = enforceLabel(query, A);
  if ('query' in out) throw new Error(`not refused: ${out.query}`);
  return out.refused;
}

/** Every selector of a query, as text, read back with the same parser. */
function selectorsOf(query: string): string[] {
  const out: string[] = [];
  parser.parse(query).iterate({
    enter(n) {
      if (n.name === 'VectorSelector') out.push(query.slice(n.from, n.to));
    },
  });
  return out;
}

describe('enforceLabel: adding the matcher', () => {
  it.each([
    ['up', 'up{tenant="a"}'],
    ['up{}', 'up{tenant="a"}'],
    ['up{job="x"}', 'up{job="x", tenant="a"}'],
    ['up{job="x",}', 'up{job="x", tenant="a",}'],
    ['{__name__=~".+"}', '{__name__=~".+", tenant="a"}'],
    ['{"my.metric"}', '{"my.metric", tenant="a"}'],
    ['rate(http_requests_total[5m])', 'rate(http_requests_total{tenant="a"}[5m])'],
    ['sum(rate(x[5m] offset 1h))', 'sum(rate(x{tenant="a"}[5m] offset 1h))'],
    ['x @ 1700000000', 'x{tenant="a"} @ 1700000000'],
    ['x @ start()', 'x{tenant="a"} @ start()'],
    ['max_over_time(rate(x[5m])[1h:1m])', 'max_over_time(rate(x{tenant="a"}[5m])[1h:1m])'],
    ['x offset -5m', 'x{tenant="a"} offset -5m'],
  ])('%s → %s', (query, expected) => {
    expect(enforced(query)).toBe(expected);
  });

  it('keeps a matcher that is already exactly the required one, and adds none twice', () => {
    expect(enforced('up{tenant="a"}')).toBe('up{tenant="a"}');
    expect(enforced("up{tenant='a'}")).toBe("up{tenant='a'}");
    expect(enforced('up{tenant=`a`, job="x"}')).toBe('up{tenant=`a`, job="x"}');
    expect(enforced('up{"tenant"="a"}')).toBe('up{"tenant"="a"}');
  });

  it('reaches both sides of on()/group_left joins and every argument of nested functions', () => {
    const q =
      'sum by (job) (rate(errors[5m])) / on(job) group_left(team) max by (job, team) (label_replace(info_metric, "team", "$1", "owner", "(.*)"))';
    const out = enforced(q);
    expect(selectorsOf(out)).toEqual(['errors{tenant="a"}', 'info_metric{tenant="a"}']);
    expect(out).toContain('on(job) group_left(team)');
    expect(out).toContain('"team", "$1", "owner", "(.*)"');
  });

  it('leaves string literals, comments and label_replace arguments alone, even with braces in them', () => {
    const q = 'label_replace(up, "dst", "{x=\\"1\\"}", "src", "{.*}") # not{a="selector"}\n+ on() vector(1)';
    const out = enforced(q);
    expect(out).toBe('label_replace(up{tenant="a"}, "dst", "{x=\\"1\\"}", "src", "{.*}") # not{a="selector"}\n+ on() vector(1)');
    expect(selectorsOf(out)).toEqual(['up{tenant="a"}']);
  });

  it('covers absent() and absent_over_time(), so an absent series is judged within the tenant', () => {
    expect(enforced('absent(up{job="x"})')).toBe('absent(up{job="x", tenant="a"})');
    expect(enforced('absent_over_time(up[5m])')).toBe('absent_over_time(up{tenant="a"}[5m])');
  });

  it('covers subqueries of subqueries, @ and offset together, and unary minus', () => {
    const q = '-min_over_time(max_over_time(x{job="a"}[5m:1m] offset 1h)[1d:5m] @ end())';
    const out = enforced(q);
    expect(selectorsOf(out)).toEqual(['x{job="a", tenant="a"}']);
  });

  it('covers a matcher written over several lines with a comment inside the braces', () => {
    const q = 'sum(up{\n  job="x", # the job\n})';
    expect(selectorsOf(enforced(q))).toEqual(['up{\n  job="x", tenant="a", # the job\n}']);
  });

  it('leaves a query without selectors as it is', () => {
    expect(enforced('vector(1) + scalar(time())')).toBe('vector(1) + scalar(time())');
  });

  it('writes a value that needs escaping as PromQL reads it', () => {
    const out = enforceLabel('up', { name: 'tenant', value: 'a"b\\c' });
    expect(out).toEqual({ query: 'up{tenant="a\\"b\\\\c"}' });
  });
});

describe('enforceLabel: refusing', () => {
  it.each([
    ['up{tenant=~".*"}', /up\{tenant=~"\.\*"\} at column 1 matches the label tenant with tenant=~"\.\*"/],
    ['up{tenant!="a"}', /tenant!="a"/],
    ['up{tenant!~"b"}', /tenant!~"b"/],
    ['up{tenant="b"}', /tenant="b"; this repository may only read series with tenant="a"/],
    ['up{tenant=~"a"}', /tenant=~"a"/],
    ['up{tenant=""}', /tenant=""/],
    ['up{tenant="a", tenant="b"}', /tenant="b"/],
    ['up{"tenant"="b"}', /"tenant"="b"/],
    ['up{"ten\\u0061nt"=~".+"}', /"ten\\u0061nt"=~"\.\+"/],
    ['{__name__=~".+", tenant=~".+"}', /\{__name__=~"\.\+", tenant=~"\.\+"\}/],
  ])('%s', (query, message) => {
    expect(refused(query)).toMatch(message);
  });

  it('names the selector and where it is in a bigger query', () => {
    const q = 'sum(rate(ok{tenant="a"}[5m]))\n/ on() group_left sum(rate(other{tenant=~"b|a"}[5m]))';
    expect(refused(q)).toMatch(/the selector other\{tenant=~"b\|a"\} at line 2, column 28/);
  });

  it('refuses a conflicting matcher hidden in a subquery, an absent() or a join', () => {
    expect(refused('max_over_time(rate(x{tenant!="a"}[5m])[1h:])')).toMatch(/x\{tenant!="a"\}/);
    expect(refused('absent(x{tenant="b"})')).toMatch(/x\{tenant="b"\}/);
    expect(refused('a / on(tenant) group_left b{tenant=~".*"}')).toMatch(/b\{tenant=~"\.\*"\}/);
  });

  it('refuses what does not parse, with the position', () => {
    expect(refused('sum(rate(x[5m])')).toMatch(/does not parse at column/);
    expect(refused('up{job="x')).toMatch(/does not parse|unterminated/);
    expect(refused('nosuchfunction(up)')).toMatch(/does not parse at column/);
  });

  it('refuses an unterminated string or an invalid escape that lezer accepts', () => {
    expect(refused('up{job="a\\q"}')).toMatch(/cannot read|invalid escape/);
    expect(refused('label_replace(up, "a", "b\\z", "c", "d")')).toMatch(/invalid escape/);
  });

  it('refuses a huge query without parsing it', () => {
    expect(refused(`up${' '.repeat(70_000)}`)).toMatch(/at most/);
  });
});

describe('decodePromqlString', () => {
  it.each([
    ['"a"', 'a'],
    ["'a\\'b'", "a'b"],
    ['`a\\n`', 'a\\n'],
    ['"\\x41\\u0042\\U00000043\\101"', 'ABCA'],
    ['"a\\tb"', 'a\tb'],
  ])('%s', (literal, value) => {
    expect(decodePromqlString(literal)).toBe(value);
  });

  it.each(['"a', '"a\\"', '"\\q"', '"\\x4"', '"\\uD800"', '\'a"', '"\\400"'])('rejects %s', (literal) => {
    expect(decodePromqlString(literal)).toBeNull();
  });
});

describe('enforceLabel: every result has the matcher on every selector', () => {
  it.each([
    'sum by (le) (rate(http_request_duration_seconds_bucket{le!="+Inf"}[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))',
    '(sum(increase(errors_total[30d])) or vector(0)) / sum(increase(requests_total[30d]))',
    'count_values("v", up) > bool 0 unless on() absent(up)',
    'topk(3, sum without (instance) (up)) and ignoring(job) group_right(x) down',
  ])('%s', (query) => {
    const out = enforced(query);
    const found = selectorsOf(out);
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) expect(s).toMatch(/tenant="a"/);
  });
});

/** A generated query and whether one of its selectors contradicts tenant="a". */
interface Generated {
  text: string;
  conflict: boolean;
  selectors: number;
}

const matcherArb: fc.Arbitrary<{ text: string; conflict: boolean }> = fc.oneof(
  fc
    .constantFrom('job="api"', 'status=~"5.."', 'le!="+Inf"', '__name__=~".+"', 'code!~"2.."', '"quoted.name"="x"')
    .map((text) => ({ text, conflict: false })),
  fc.constantFrom('tenant="a"', "tenant='a'", '"tenant"="a"').map((text) => ({ text, conflict: false })),
  fc
    .constantFrom('tenant="b"', 'tenant=~"a"', 'tenant!="a"', 'tenant!~"x"', 'tenant=""', '"ten\\u0061nt"=~".*"')
    .map((text) => ({ text, conflict: true })),
);

const selectorArb: fc.Arbitrary<Generated> = fc
  .record({
    name: fc.constantFrom('up', 'http_requests_total', 'node:cpu:rate5m', ''),
    matchers: fc.array(matcherArb, { maxLength: 3 }),
    braces: fc.boolean(),
    trailingComma: fc.boolean(),
  })
  .map(({ name, matchers, braces, trailingComma }) => {
    const inner = matchers.map((m) => m.text).join(', ') + (trailingComma && matchers.length > 0 ? ',' : '');
    const needBraces = braces || name === '' || matchers.length > 0;
    const body = name === '' && matchers.length === 0 ? '__name__=~".+"' : inner;
    return { text: `${name}${needBraces ? `{${body}}` : ''}`, conflict: matchers.some((m) => m.conflict), selectors: 1 };
  });

const exprArb: fc.Arbitrary<Generated> = fc.letrec<{ expr: Generated }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    selectorArb,
    fc
      .tuple(tie('expr'), fc.constantFrom('rate', 'increase', 'max_over_time', 'absent_over_time'))
      .map(([e, f]) => ({ ...e, text: `${f}((${e.text})[5m:1m])` })),
    selectorArb.map((e) => ({ ...e, text: `rate(${e.text}[5m] offset 1h)` })),
    tie('expr').map((e) => ({ ...e, text: `sum by (job) (${e.text})` })),
    tie('expr').map((e) => ({ ...e, text: `absent(${e.text})` })),
    tie('expr').map((e) => ({ ...e, text: `label_replace(${e.text}, "dst", "{tenant=\\"b\\"}", "src", "(.*)")` })),
    tie('expr').map((e) => ({ ...e, text: `(${e.text}) @ end() # {tenant="b"}\n` })),
    fc
      .tuple(tie('expr'), tie('expr'), fc.constantFrom('/ on(job) group_left(team)', '* ignoring(x)', 'or', 'and on()', '> bool'))
      .map(([l, r, op]) => ({
        text: `(${l.text}) ${op} (${r.text})`,
        conflict: l.conflict || r.conflict,
        selectors: l.selectors + r.selectors,
      })),
  ),
})).expr;

describe('enforceLabel: generated queries', () => {
  it('either refuses a query with a conflicting selector, or puts tenant="a" on every selector and changes nothing else', () => {
    fc.assert(
      fc.property(exprArb, (g) => {
        const out = enforceLabel(g.text, A);
        if (g.conflict) {
          expect(out).toHaveProperty('refused');
          return;
        }
        if ('refused' in out) throw new Error(`refused ${g.text}: ${out.refused}`);
        const found = selectorsOf(out.query);
        expect(found).toHaveLength(g.selectors);
        for (const s of found) expect(s).toMatch(/(tenant|"tenant")=("a"|'a')/);
        // Only matchers were added: the query is a subsequence of the result, longer by at most one matcher per selector.
        let i = 0;
        for (const c of out.query) if (c === g.text[i]) i++;
        expect(i).toBe(g.text.length);
        expect(out.query.length - g.text.length).toBeLessThanOrEqual(', tenant="a"'.length * g.selectors);
      }),
      { numRuns: 300 },
    );
  });
});
