/**
 * The tenants file (app/tenants): the hardened loader and its schema, the
 * generated JSON Schema, which tenant a repository resolves to (most specific
 * wins, ties refused, no tenant refused naming who must act), and the tenancy
 * variables read at start.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import { parseTenantsFile, type TenantDirectory } from '../../app/tenants/load-tenants.js';
import { resolveTenant } from '../../app/tenants/resolve-tenant.js';
import { parseTenancyEnv, type ReadText, type Tenancy } from '../../app/tenants/tenancy-env.js';
import { combineEnv, formatProblem, type EnvParser } from '../../app/config/env.js';
import { authenticateAlertmanager, callerMayOpen } from '../../app/tenants/alertmanager-tokens.js';

/** The hex SHA-256 an operator writes in the tokens file for a token, as the docs say: `printf %s "$TOKEN" | sha256sum`. */
const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const example = readFileSync(new URL('../../examples/tenants/tenants.yml', import.meta.url), 'utf8');
const ENV = { MIMIR_TOKEN_PAYMENTS: 'tok-payments-0123456789' };

function issues(text: string, env: NodeJS.ProcessEnv = ENV): string {
  try {
    parseTenantsFile(text, env);
  } catch (error: unknown) {
    if (error instanceof PolicyError) return error.message;
    throw error;
  }
  throw new Error('no problem found');
}

const target = (url = 'https://p.example.com') => `    prometheus: { url: ${url} }\n`;

describe('parseTenantsFile', () => {
  it('reads the example: headers, the token from the environment, timeout, matcher, tokens', () => {
    const dir = parseTenantsFile(example, ENV);
    expect(dir.tenants.map((t) => t.target.name)).toEqual(['payments', 'acme', 'widgets']);
    expect(dir.tenants[0]!.target).toEqual({
      name: 'payments',
      url: 'https://mimir.internal.example.com/prometheus',
      headers: { 'X-Scope-OrgID': 'payments', Authorization: 'Bearer tok-payments-0123456789' },
      timeoutMs: 4000,
    });
    expect(dir.tenants[1]!.target.requiredMatcher).toEqual({ name: 'team', value: 'acme-platform' });
    expect(dir.tenants[2]!.installation).toBe(4242);
    expect(dir.alertmanagerTokens.map((t) => t.name)).toEqual(['payments-alertmanager']);
  });

  it('names a token variable that is not set', () => {
    expect(issues(example, {})).toMatch(/tenants\[0\]\.prometheus\.bearer-token-env: the variable MIMIR_TOKEN_PAYMENTS is not set/);
  });

  it('refuses credentials written in the file', () => {
    const literal = issues(
      `tenants:\n  - name: a\n    owner: acme\n    prometheus:\n      url: https://p.example.com\n      headers: { Authorization: "Bearer abc-secret" }\n`,
    );
    expect(literal).toMatch(/headers\.Authorization: got the credential header Authorization: credentials do not belong in the file/);
    expect(literal).not.toContain('abc-secret');
    expect(issues(`tenants:\n  - name: a\n    owner: acme\n    prometheus: { url: "https://u:p@p.example.com" }\n`)).toMatch(
      /credentials do not belong in the URL/,
    );
  });

  it('refuses unknown keys, a tenant that covers nothing, and bad patterns', () => {
    expect(issues(`tenants:\n  - name: a\n    owner: acme\n    prometheus: { url: https://p.example.com, tenant-id: x }\n`)).toMatch(
      /unknown key "tenant-id"/,
    );
    expect(issues(`tenants:\n  - name: a\n${target()}`)).toMatch(/at least one of installation, owner or repositories/);
    expect(issues(`tenants:\n  - name: a\n    repositories: ["acme"]\n${target()}`)).toMatch(/expected owner\/repo/);
    expect(
      issues(
        `tenants:\n  - name: a\n    owner: acme\n    prometheus: { url: https://p.example.com, label-matcher: { name: __name__, value: x } }\n`,
      ),
    ).toMatch(/reserved/);
  });

  it('refuses one owner, repository or installation in two tenants, naming both', () => {
    expect(issues(`tenants:\n  - name: a\n    owner: acme\n${target()}  - name: b\n    owner: ACME\n${target()}`)).toMatch(
      /the owner acme is also in tenant a/,
    );
    expect(
      issues(`tenants:\n  - name: a\n    repositories: [acme/x]\n${target()}  - name: b\n    repositories: [Acme/X]\n${target()}`),
    ).toMatch(/the repository acme\/x is also in tenant a/);
    expect(issues(`tenants:\n  - name: a\n    installation: 1\n${target()}  - name: a\n    installation: 1\n${target()}`)).toMatch(
      /tenant name a[\s\S]*installation 1/,
    );
  });

  it("has the policy loader's defences: size, depth, alias bombs, duplicate keys", () => {
    expect(issues(`# ${'x'.repeat(1024 * 1024)}\ntenants: []\n`)).toMatch(/at most 1048576/);
    expect(issues(`tenants: ${'['.repeat(40)}${']'.repeat(40)}\n`)).toMatch(/nested more than 16/);
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      'tenants: *i',
    ].join('\n');
    const started = Date.now();
    expect(issues(bomb)).toMatch(/YAML aliases/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(issues(`tenants:\n  - name: a\n    name: b\n    owner: acme\n${target()}`)).toMatch(/"name" is repeated at line 3/);
  });
});

describe('the generated JSON Schema', () => {
  it('accepts the example and rejects an unknown key, as the zod schema does', () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(new URL('../../schema/tenants.schema.json', import.meta.url), 'utf8')) as object,
    );
    const doc = parse(example) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(validate({ ...doc, tennants: [] })).toBe(false);
  });
});

describe('resolveTenant', () => {
  const dir: TenantDirectory = parseTenantsFile(
    [
      'tenants:',
      '  - name: exact',
      '    repositories: [acme/payments-api]',
      target('https://exact.example.com'),
      '  - name: payments',
      '    repositories: ["acme/payments-*"]',
      target('https://payments.example.com'),
      '  - name: broad-glob',
      '    repositories: ["acme/*"]',
      target('https://broad.example.com'),
      '  - name: owner',
      '    owner: acme',
      target('https://owner.example.com'),
      '  - name: install',
      '    installation: 77',
      '    repositories: ["*-labs/*-api"]',
      target('https://install.example.com'),
      '  - name: other-glob',
      '    repositories: ["globex/*-api"]',
      target('https://other.example.com'),
      '  - name: tie',
      '    repositories: ["globex/web-*"]',
      target('https://tie.example.com'),
    ].join('\n'),
    {},
  );
  const who = (owner: string, repo: string, installationId: number | null = 77) => {
    const r = resolveTenant(dir, { owner, repo, installationId });
    return 'tenant' in r ? r.tenant.name : r.refused;
  };

  it('exact owner/repo > repository glob > owner > installation', () => {
    expect(who('acme', 'payments-api')).toBe('exact');
    expect(who('ACME', 'Payments-API')).toBe('exact');
    expect(who('acme', 'payments-web')).toBe('payments');
    expect(who('acme', 'billing')).toBe('broad-glob');
    expect(who('initech', 'anything')).toBe('install');
  });

  it('among globs, the one with more literal characters', () => {
    expect(who('acme', 'payments-')).toBe('payments');
  });

  it("an owner beats an installation; a glob of the installation's tenant beats an owner", () => {
    const d = parseTenantsFile(
      `tenants:\n  - name: o\n    owner: initech\n${target()}  - name: i\n    installation: 77\n    repositories: ["initech/x-*"]\n${target()}`,
      {},
    );
    expect(resolveTenant(d, { owner: 'initech', repo: 'y', installationId: 77 })).toMatchObject({ tenant: { name: 'o' } });
    expect(resolveTenant(d, { owner: 'initech', repo: 'x-1', installationId: 77 })).toMatchObject({ tenant: { name: 'i' } });
  });

  it("refuses a tie between two tenants' globs, naming both", () => {
    expect(who('globex', 'web-api', null)).toMatch(
      /globex\/web-api matches two tenants equally \((other-glob|tie) by .*, (other-glob|tie) by .*\).*operator must make one of them more specific in PROMETHEUS_TENANTS/,
    );
  });

  it('refuses a repository no tenant covers, saying the operator must add it', () => {
    expect(who('initech', 'anything', 5)).toBe(
      "no tenant is assigned to initech/anything (installation 5), so the app queries no Prometheus for it: the app's operator must add initech/anything (or its owner initech) to a tenant in PROMETHEUS_TENANTS",
    );
    expect(who('initech', 'anything', null)).toMatch(/^no tenant is assigned to initech\/anything, so/);
  });
});

describe('parseTenancyEnv', () => {
  const files: Record<string, string> = {
    '/t.yml': example,
    '/tokens.yml': `alertmanager-tokens:\n  - name: ops\n    sha256: ${tokenDigest('ops-token-0123456789abcdef')}\n    owners: [acme]\n`,
  };
  const read: ReadText = (p) => {
    const text = files[p];
    if (text === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return text;
  };
  const parsed = (env: NodeJS.ProcessEnv) => parseTenancyEnv(env, read);

  it("keeps today's behaviour with PROMETHEUS_URL alone, with one warning", () => {
    const r = parsed({ PROMETHEUS_URL: 'http://prom:9090' });
    expect(r).toMatchObject({ value: { mode: 'implicit-single', directory: null, tenantConcurrency: 16, allowedNetworks: [] } });
    expect('value' in r && r.value.warnings).toEqual([
      expect.stringMatching(/PROMETHEUS_URL is used for every repository.*PROMETHEUS_SINGLE_TENANT=true/),
    ]);
    expect(parsed({ PROMETHEUS_URL: 'http://prom:9090', PROMETHEUS_SINGLE_TENANT: 'true' })).toMatchObject({
      value: { mode: 'single', warnings: [] },
    });
    expect(parsed({})).toMatchObject({ value: { mode: 'none', warnings: [] } });
  });

  it('reads the tenants file, networks, concurrency and tokens', () => {
    const r = parsed({
      PROMETHEUS_TENANTS: '/t.yml',
      ...ENV,
      PROMETHEUS_ALLOWED_NETWORKS: '10.0.0.0/8, fd00::/8',
      PROMETHEUS_TENANT_CONCURRENCY: '4',
    });
    expect(r).toMatchObject({ value: { mode: 'tenants', tenantConcurrency: 4 } });
    if (!('value' in r)) throw new Error('problems');
    expect(r.value.allowedNetworks.map((c) => c.text)).toEqual(['10.0.0.0/8', 'fd00::/8']);
    expect(r.value.alertmanagerTokens.map((t) => t.name)).toEqual(['payments-alertmanager']);
    const t = parsed({ ALERTMANAGER_TOKENS: '/tokens.yml' });
    expect('value' in t && t.value.alertmanagerTokens.map((x) => x.name)).toEqual(['ops']);
  });

  it('lists every problem at once, each naming its variable and never a secret', () => {
    const r = parsed({
      PROMETHEUS_TENANTS: '/t.yml',
      PROMETHEUS_SINGLE_TENANT: 'true',
      PROMETHEUS_URL: 'http://prom:9090',
      PROMETHEUS_TOKEN: 'secret-token-value',
      PROMETHEUS_ALLOWED_NETWORKS: '10.0.0.0/8,10.0.0.0/33',
      PROMETHEUS_TENANT_CONCURRENCY: 'lots',
      ALERTMANAGER_TOKENS: '/missing.yml',
    });
    if (!('problems' in r)) throw new Error('no problems');
    expect(r.problems.map((p) => p.variable)).toEqual([
      'PROMETHEUS_TENANTS',
      'PROMETHEUS_SINGLE_TENANT',
      'PROMETHEUS_URL',
      'PROMETHEUS_TOKEN',
      'PROMETHEUS_ALLOWED_NETWORKS',
      'PROMETHEUS_TENANT_CONCURRENCY',
      'ALERTMANAGER_TOKENS',
    ]);
    expect(r.problems[0]!.message).toMatch(/MIMIR_TOKEN_PAYMENTS is not set/);
    expect(r.problems[4]!.value).toBe('10.0.0.0/33');
    expect(r.problems[6]!.message).toMatch(/cannot read the file it names \(ENOENT\)/);
    expect(JSON.stringify(r.problems)).not.toContain('secret-token-value');
  });

  it("plugs into app-config's envParsers: problems reported with the others, secrets described", () => {
    const parser: EnvParser<Tenancy> = (env) => parseTenancyEnv(env, read);
    const r = combineEnv({ tenancy: parser }, { PROMETHEUS_TENANTS: '/t.yml', PROMETHEUS_TOKEN: 'secret-token-value' });
    if (!('problems' in r)) throw new Error('no problems');
    expect(r.problems.map(formatProblem)).toEqual([
      'PROMETHEUS_TENANTS: tenants[0].prometheus.bearer-token-env: the variable MIMIR_TOKEN_PAYMENTS is not set in the app\'s environment (tenant payments needs its token there); got "/t.yml"',
      "PROMETHEUS_TOKEN: must be unset when PROMETHEUS_TENANTS is set (each repository's Prometheus comes from its tenant): move it into a tenant of the file; got a value of 18 characters (not shown)",
    ]);
    const direct: EnvParser<Tenancy> = parseTenancyEnv;
    expect(typeof direct).toBe('function');
  });

  it('refuses tokens in two places', () => {
    const r = parsed({ PROMETHEUS_TENANTS: '/t.yml', ...ENV, ALERTMANAGER_TOKENS: '/tokens.yml' });
    expect(r).toMatchObject({ problems: [{ variable: 'ALERTMANAGER_TOKENS', message: expect.stringMatching(/one place/) }] });
  });
});

describe('Alertmanager tokens', () => {
  const dir = parseTenantsFile(
    `tenants:\n  - name: a\n    owner: acme\n${target()}alertmanager-tokens:\n  - name: payments\n    sha256: ${tokenDigest('payments-token-0123456789')}\n    repositories: ["acme/payments-*"]\n  - name: globex\n    sha256: ${tokenDigest('globex-token-0123456789')}\n    owners: [globex]\n`,
    {},
  );
  const auth = { singleToken: 'the-single-token-0123456789', scoped: dir.alertmanagerTokens };

  it('finds the token by its digest and limits it to its scope', () => {
    const payments = authenticateAlertmanager('Bearer payments-token-0123456789', auth)!;
    expect(payments.name).toBe('payments');
    expect(callerMayOpen(payments, 'acme', 'payments-api')).toBe(true);
    expect(callerMayOpen(payments, 'acme', 'billing')).toBe(false);
    const globex = authenticateAlertmanager('Bearer globex-token-0123456789', auth)!;
    expect(callerMayOpen(globex, 'GLOBEX', 'anything')).toBe(true);
    expect(callerMayOpen(globex, 'acme', 'payments-api')).toBe(false);
  });

  it('keeps the single token working for every repository, and knows no other', () => {
    const single = authenticateAlertmanager('Bearer the-single-token-0123456789', auth)!;
    expect(single.name).toBe('ALERTMANAGER_TOKEN');
    expect(callerMayOpen(single, 'anyone', 'anything')).toBe(true);
    expect(authenticateAlertmanager('Bearer nope', auth)).toBeNull();
    expect(authenticateAlertmanager(undefined, auth)).toBeNull();
    expect(authenticateAlertmanager('Basic payments-token-0123456789', auth)).toBeNull();
  });
});
