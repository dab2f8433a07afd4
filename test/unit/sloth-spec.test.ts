import { describe, expect, it } from 'vitest';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { applySlothSource } from '../../src/core/sloth/apply-sloth-source.js';
import { readFileSync } from 'node:fs';
import { readSlothSpec, slothSpecSchema } from '../../src/core/sloth/from-sloth-spec.js';
import { KNOWN_SLOTH_PLUGINS, slothPluginVerdict } from '../../src/core/sloth/sloth-plugins.js';
import { goFloat32String, SLOTH_YAML_OPTIONS } from '../../src/core/sloth/sloth-yaml.js';
import { parse } from 'yaml';
import { renderWindowQuery } from '../../src/core/promql/promql.js';

/** The SLOs of a spec (readSlothSpec also returns its warnings). */
const slosOf = (text: string, source: string) => readSlothSpec(text, source).slos;

/** Sloth's getting-started spec, plus a raw SLI. */
const SPEC = `
version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
slos:
  # We allow failing (5xx and 429) 1 request every 1000 requests (99.9%).
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
      labels:
        category: "availability"
      annotations:
        summary: "High error rate on 'myservice' requests responses"
        runbook: https://runbooks.example.com/myservice
      page_alert:
        labels:
          severity: pageteam
      ticket_alert:
        labels:
          severity: "slack"
  - name: "queue-freshness"
    objective: 99
    sli:
      raw:
        error_ratio_query: avg_over_time(queue_stale_ratio{job="myservice"}[{{.window}}])
`;

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('Sloth prometheus/v1 specs as SLOs', () => {
  it('convert events and raw SLIs, naming each SLO by its Sloth id and keeping objective, description and runbook', () => {
    expect(slosOf(SPEC, 'slos/myservice.yml')).toEqual([
      {
        name: 'myservice-requests-availability',
        service: 'myservice',
        objective: 99.9,
        description: 'Common SLO based on availability for HTTP request responses.',
        runbook: 'https://runbooks.example.com/myservice',
        sli: {
          events: {
            // rate() read as increase(): the same ratio, and event counts for the traffic guard.
            error: 'sum(increase(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
            total: 'sum(increase(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
          },
        },
        // Sloth's own id, so the gate can read the series Sloth records for it.
        slothId: 'myservice-requests-availability',
      },
      {
        name: 'myservice-queue-freshness',
        service: 'myservice',
        objective: 99,
        sli: { ratio: { query: 'avg_over_time(queue_stale_ratio{job="myservice"}[{{.window}}])' } },
        slothId: 'myservice-queue-freshness',
      },
    ]);
  });

  it("keep Sloth's {{.window}} placeholder, which the gate substitutes like its own, and leave irate() alone", () => {
    const [slo] = slosOf(
      SPEC.replace(
        'sum(rate(http_request_duration_seconds_count{job="myservice"}',
        'sum(irate(http_request_duration_seconds_count{job="myservice"}',
      ),
      's.yml',
    );
    expect(renderWindowQuery(slo!.sli.events!.total, '30d')).toBe('sum(irate(http_request_duration_seconds_count{job="myservice"}[30d]))');
  });

  it('read every document of a multi-document file', () => {
    const second = SPEC.replace('service: "myservice"', 'service: "billing"');
    expect(slosOf(`${SPEC}\n---\n${second}`, 's.yml').map((s) => s.name)).toEqual([
      'myservice-requests-availability',
      'myservice-queue-freshness',
      'billing-requests-availability',
      'billing-queue-freshness',
    ]);
  });

  it('refuse what the gate cannot read, naming the key and the accepted form', () => {
    expect(issuesOf(() => slosOf(SPEC.replace('prometheus/v1', 'sloth/v1'), 's.yml'))).toEqual([
      'version: expected version "prometheus/v1" (the Sloth Prometheus spec; Kubernetes PrometheusServiceLevel and OpenSLO files are not read) (got "sloth/v1")',
    ]);
    expect(issuesOf(() => slosOf(SPEC.replace('[{{.window}}]))\n    alerting', '[5m]))\n    alerting'), 's.yml'))).toEqual([
      'slos[0].sli.events.total_query: expected a PromQL query with {{.window}} where the range goes, as Sloth requires (got "sum(rate(http_request_duration_seconds_count{job=\\"myservice\\"}[5m]))")',
    ]);
    const plugin = `version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli: { plugin: { id: sloth-common/kubernetes/apiserver/availability } }\n`;
    expect(issuesOf(() => slosOf(plugin, 's.yml'))[0]).toMatch(
      /^slos\[0\]\.sli\.plugin: Sloth SLI plugins \(here "sloth-common\/kubernetes\/apiserver\/availability"\) generate their queries inside Sloth/,
    );
    expect(issuesOf(() => slosOf(SPEC.replace('objective: 99.9', 'objective: 100'), 's.yml'))[0]).toMatch(
      /^slos\[0\]\.objective: expected a percentage below 100/,
    );
    expect(issuesOf(() => slosOf(SPEC.replace('"queue-freshness"', '"requests-availability"'), 's.yml'))).toEqual([
      'slos: SLO ids must be unique; "myservice-requests-availability" appears twice',
    ]);
    expect(issuesOf(() => slosOf('', 's.yml'))[0]).toMatch(/the file is empty/);
    expect(issuesOf(() => slosOf('version: [', 's.yml'))[0]).toMatch(/YAML syntax/);
  });

  it("add to the policy's own SLOs through the sloth key, which resolvePolicy refuses to see unread", () => {
    const file = parsePolicy('sloth: slos/myservice.yml\nslos:\n  - name: own\n    sli: { ratio: { query: "r[{{window}}]" } }\n');
    expect(issuesOf(() => resolvePolicy(file, gateInputsSchema.parse({})))).toEqual([
      'sloth: the Sloth spec slos/myservice.yml was not loaded by this entry point; list the SLOs under slos instead, or use one that reads sloth files',
    ]);
    const applied = applySlothSource(file, SPEC);
    expect(applied.sloth).toBeUndefined();
    const policy = resolvePolicy(applied, gateInputsSchema.parse({}));
    expect(policy.slos.map((s) => [s.name, s.service, s.window])).toEqual([
      ['own', 'own', '30d'],
      ['myservice-requests-availability', 'myservice', '30d'],
      ['myservice-queue-freshness', 'myservice', '30d'],
    ]);
    expect(issuesOf(() => applySlothSource(file, 'version: prometheus/v1\nservice: s\nslos: []\n'))).toEqual([
      'slos: expected at least one SLO (got [])',
    ]);
  });

  it('read scalars as Sloth does: label values and names stringified (tier: 2 is "2"), YAML 1.1 booleans, keys in any case', () => {
    const spec = `version: prometheus/v1
service: 42
labels: { tier: 2, critical: true, ratio: 1.50, big: 1234567.0, small: 0.00001, hex: 0x1F, octal: 010, thousand: 1_000, paging: yes, quiet: off, none: ~, when: 2024-01-02, clock: 1:30 }
slos:
  - Name: 2024
    OBJECTIVE: 99
    Description: 3.5
    labels: { team: 7 }
    sli:
      Events:
        error_query: sum(rate(e[{{.window}}]))
        total_query: sum(rate(t[{{.window}}]))
    alerting:
      name: 12
      labels: { severity: 1 }
      annotations: { runbook: https://runbooks.example.com/x, priority: 2 }
      page_alert: { labels: { paging: true } }
`;
    const parsed = slothSpecSchema.parse(parse(spec, SLOTH_YAML_OPTIONS));
    expect(parsed.labels).toEqual({
      tier: '2',
      critical: 'true',
      ratio: '1.5',
      big: '1.234567e+06',
      small: '1e-05',
      hex: '31',
      octal: '8',
      thousand: '1000',
      paging: 'true',
      quiet: 'false',
      none: '',
      when: '2024-01-02',
      clock: '1:30',
    });
    expect(parsed.slos[0]!.labels).toEqual({ team: '7' });
    expect(slosOf(spec, 's.yml')).toEqual([
      {
        name: '42-2024',
        service: '42',
        objective: 99,
        description: '3.5',
        runbook: 'https://runbooks.example.com/x',
        sli: { events: { error: 'sum(increase(e[{{.window}}]))', total: 'sum(increase(t[{{.window}}]))' } },
        slothId: '42-2024',
      },
    ]);
    // What Sloth would refuse, refused: a quoted objective is a string where Sloth's struct has a float.
    expect(issuesOf(() => slosOf(spec.replace('OBJECTIVE: 99', 'objective: "99"'), 's.yml'))[0]).toMatch(
      /^slos\[0\]\.objective: expected the objective in percent/,
    );
  });

  it("print floats as Go's FormatFloat(v, 'g', -1, 32) does", () => {
    expect(
      [1.5, 1, 0.1, 1e6, 1234567, 100000, 0.0001, 0.00001, 3.14159265, -2.5, 99.9, Infinity, -Infinity, NaN, 0].map(goFloat32String),
    ).toEqual([
      '1.5',
      '1',
      '0.1',
      '1e+06',
      '1.234567e+06',
      '100000',
      '0.0001',
      '1e-05',
      '3.1415927',
      '-2.5',
      '99.9',
      '+Inf',
      '-Inf',
      'NaN',
      '0',
    ]);
  });

  it('ignore SLO plugins that leave the maths alone, with a warning naming each, and refuse those that change it', () => {
    const examples = (name: string) => readFileSync(`test/fixtures/sloth/${name}`, 'utf8');
    // Sloth's own examples: debug plugins on the spec and on the SLO, and the contrib info_labels and rule_intervals plugins.
    const debug = readSlothSpec(examples('slo-plugin-getting-started.yml'), 'debug.yml');
    expect(debug.slos.map((s) => s.name)).toEqual(['myservice-requests-availability']);
    expect(debug.warnings.map((w) => w.path)).toEqual([
      'slo_plugins.chain[0]',
      'slo_plugins.chain[1]',
      ...[0, 1, 2, 3, 4].map((i) => `slos[0].plugins.chain[${i}]`),
    ]);
    expect(debug.warnings[0]!.message).toBe(
      'the Sloth SLO plugin "sloth.dev/core/debug/v1" is ignored: it only logs; the SLO\'s maths is unchanged',
    );
    const contrib = readSlothSpec(examples('contrib-slo-plugins.yml'), 'contrib.yml');
    expect(contrib.slos).toHaveLength(2);
    expect(contrib.warnings.map((w) => `${w.path}: ${w.message.split(':')[0]}`)).toEqual([
      'slos[0].plugins.chain[0]: the Sloth SLO plugin "sloth.dev/contrib/info_labels/v1" is ignored',
      'slos[1].plugins.chain[0]: the Sloth SLO plugin "sloth.dev/contrib/rule_intervals/v1" is ignored',
    ]);

    const base = examples('getting-started.yml');
    const withPlugins = (spec: string, slo: string) =>
      base.replace('slos:\n', `${spec}slos:\n`).replace('    objective: 99.9\n', `    objective: 99.9\n${slo}`);
    const corrected = withPlugins('', '    plugins:\n      chain:\n        - id: sloth.dev/contrib/denominator_corrected_rules/v1\n');
    expect(issuesOf(() => slosOf(corrected, 's.yml'))).toEqual([
      'slos[0].plugins.chain[0]: the Sloth SLO plugin "sloth.dev/contrib/denominator_corrected_rules/v1" is refused: it replaces the SLI with a denominator-corrected one (each window\'s errors divided by the whole period\'s traffic), which is not the error/total ratio the gate and `generate rules` measure, so the gate would judge another SLO than Sloth reports; remove it from the spec deploy-governor reads, or write the SLO in the policy file',
    ]);
    const custom = withPlugins(
      'slo_plugins:\n  overridePrevious: true\n  chain:\n    - id: acme.example/sli_tweak/v1\n      config: { weight: 2 }\n',
      '',
    );
    expect(issuesOf(() => slosOf(custom, 's.yml'))).toEqual([
      'slo_plugins.chain[0]: the Sloth SLO plugin "acme.example/sli_tweak/v1" is refused: it is not one of the plugins Sloth ships, and a custom plugin can rewrite the SLI rules, which deploy-governor cannot run to find out, so the gate would judge another SLO than Sloth reports; remove it from the spec deploy-governor reads, or write the SLO in the policy file',
    ]);
    const ignored = withPlugins(
      'slo_plugins:\n  overridePrevious: true\n  chain:\n    - id: sloth.dev/core/sli_rules/v1\n      config: { disableOptimized: true }\n',
      '',
    );
    expect(readSlothSpec(ignored, 's.yml').warnings.map((w) => w.path)).toEqual(['slo_plugins.chain[0]', 'slo_plugins.overridePrevious']);

    // The adapters pass a callback; each warning names the file.
    const warned: string[] = [];
    applySlothSource(parsePolicy('sloth: slos/debug.yml\n'), examples('contrib-slo-plugins.yml'), (w) => warned.push(w));
    expect(warned[0]).toMatch(
      /^slos\/debug\.yml: slos\[0\]\.plugins\.chain\[0\]: the Sloth SLO plugin "sloth\.dev\/contrib\/info_labels\/v1" is ignored: it adds labels to Sloth's info series; the SLO's maths is unchanged$/,
    );
  });

  it('classify every plugin Sloth ships', () => {
    expect(KNOWN_SLOTH_PLUGINS.refused).toEqual(['sloth.dev/contrib/denominator_corrected_rules/v1']);
    expect(KNOWN_SLOTH_PLUGINS.ignored).toHaveLength(11);
    for (const id of KNOWN_SLOTH_PLUGINS.ignored) expect(slothPluginVerdict(id).effect).toBe('ignored');
    expect(slothPluginVerdict('sloth.dev/contrib/denominator_corrected_rules/v2').effect).toBe('refused');
  });
});

describe('ignored Sloth plugins reach the user', () => {
  it('readPolicyFile returns one warning per ignored plugin, naming the spec', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { readPolicyFile } = await import('../../src/gate/read-policy-file.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-sloth-'));
    try {
      await writeFile(path.join(dir, 'policy.yml'), 'sloth: slos.yml\ndr: { enabled: false }\n');
      await writeFile(path.join(dir, 'slos.yml'), readFileSync('test/fixtures/sloth/slo-plugin-getting-started.yml', 'utf8'));
      const loaded = await readPolicyFile(dir, 'policy.yml');
      expect(loaded.warnings.length).toBeGreaterThan(0);
      expect(loaded.warnings[0]).toMatch(
        /^slos\.yml: slo_plugins\.chain\[0\]: the Sloth SLO plugin "sloth\.dev\/core\/debug\/v1" is ignored/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
