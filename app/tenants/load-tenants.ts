/**
 * The tenants file's text to a TenantDirectory: hardened YAML, the strict schema
 * (tenants-schema.ts), the checks the schema cannot express (no repository,
 * owner or installation in two tenants; names unique), and credentials taken
 * from the app's environment by variable name. Any problem throws a PolicyError
 * naming the key and the line.
 */
import { parseDurationMs } from '../../src/core/duration.js';
import type { LabelMatcher } from '../../src/core/prometheus/enforce-label.js';
import { PolicyError, type PolicyIssue } from '../../src/core/policy/policy-error.js';
import { toPolicyIssues } from '../../src/core/policy/policy-issues.js';
import { parseHardenedYaml } from '../../src/core/yaml/parse-hardened-yaml.js';
import { compileRepositoryPattern, type RepositoryPattern } from './repository-pattern.js';
import { alertmanagerTokensFileSchema, tenantsFileSchema, type AlertmanagerTokenInput } from './tenants-schema.js';

/** Where and how to query Prometheus for one tenant, credentials resolved. */
export interface TenantTarget {
  /** The tenant's name: logs, and the key of its concurrency cap. */
  name: string;
  url: string;
  /** The file's headers, plus `Authorization: Bearer …` from `bearer-token-env`. */
  headers: Record<string, string>;
  timeoutMs: number;
  /** The matcher every query must carry, when the file sets `label-matcher`. */
  requiredMatcher?: LabelMatcher;
}

interface TenantEntry {
  target: TenantTarget;
  installation: number | null;
  /** Lower-cased. */
  owner: string | null;
  repositories: RepositoryPattern[];
}

/** An Alertmanager token's digest and what it may open incidents in. */
export interface AlertmanagerTokenScope {
  name: string;
  /** SHA-256 of the token (32 bytes). */
  digest: Buffer;
  /** Lower-cased. */
  owners: string[];
  repositories: RepositoryPattern[];
}

export interface TenantDirectory {
  tenants: readonly TenantEntry[];
  /** From the file's `alertmanager-tokens` section; empty when it has none. */
  alertmanagerTokens: readonly AlertmanagerTokenScope[];
}

/** Limits of the tenants file: thousands of repositories fit; depth 8 is the schema's deepest. */
const TENANTS_FILE_LIMITS = { maxChars: 1024 * 1024, maxDepth: 16, maxAliasCount: 100 };

const DEFAULT_TIMEOUT_MS = 4000;

/** The first place a key was seen, to name both when it repeats. */
function duplicates(issues: PolicyIssue[], what: string, entries: { key: string; path: string; owner: string }[]): void {
  const seen = new Map<string, { path: string; owner: string }>();
  for (const e of entries) {
    const first = seen.get(e.key);
    if (first && first.owner !== e.owner)
      issues.push({
        path: e.path,
        message: `${what} ${e.key} is also in ${first.owner} (${first.path}): each may belong to one tenant only`,
      });
    else if (first) issues.push({ path: e.path, message: `${what} ${e.key} is listed twice` });
    else seen.set(e.key, { path: e.path, owner: e.owner });
  }
}

function tokenScopes(tokens: readonly AlertmanagerTokenInput[], issues: PolicyIssue[], prefix: string): AlertmanagerTokenScope[] {
  duplicates(
    issues,
    'the token name',
    tokens.map((t, i) => ({ key: t.name, path: `${prefix}[${i}].name`, owner: `${prefix}[${i}]` })),
  );
  duplicates(
    issues,
    'the digest',
    tokens.map((t, i) => ({ key: t.sha256.toLowerCase(), path: `${prefix}[${i}].sha256`, owner: `token ${t.name}` })),
  );
  return tokens.map((t) => ({
    name: t.name,
    digest: Buffer.from(t.sha256, 'hex'),
    owners: (t.owners ?? []).map((o) => o.toLowerCase()),
    repositories: (t.repositories ?? []).map(compileRepositoryPattern),
  }));
}

function parsed<T>(
  text: string,
  source: string,
  validate: (data: unknown) => { success: true; data: T } | { success: false; error: Parameters<typeof toPolicyIssues>[0] },
): T {
  const yaml = parseHardenedYaml(text, TENANTS_FILE_LIMITS);
  if (!yaml.ok) throw new PolicyError(source, yaml.issues);
  const result = validate(yaml.data ?? {});
  if (!result.success) throw new PolicyError(source, toPolicyIssues(result.error, yaml.data).slice(0, 50));
  return result.data;
}

/**
 * The tenants file, validated, with credentials read from `env`.
 * @throws PolicyError naming each problem (key path or line, and what is accepted)
 */
export function parseTenantsFile(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  source = 'PROMETHEUS_TENANTS',
): TenantDirectory {
  const file = parsed(text, source, (d) => tenantsFileSchema.safeParse(d));
  const issues: PolicyIssue[] = [];
  duplicates(
    issues,
    'the tenant name',
    file.tenants.map((t, i) => ({ key: t.name, path: `tenants[${i}].name`, owner: `tenants[${i}]` })),
  );
  duplicates(
    issues,
    'the repository',
    file.tenants.flatMap((t, i) =>
      (t.repositories ?? []).map((r, j) => ({ key: r.toLowerCase(), path: `tenants[${i}].repositories[${j}]`, owner: `tenant ${t.name}` })),
    ),
  );
  duplicates(
    issues,
    'the owner',
    file.tenants.flatMap((t, i) =>
      t.owner ? [{ key: t.owner.toLowerCase(), path: `tenants[${i}].owner`, owner: `tenant ${t.name}` }] : [],
    ),
  );
  duplicates(
    issues,
    'the installation',
    file.tenants.flatMap((t, i) =>
      t.installation !== undefined ? [{ key: String(t.installation), path: `tenants[${i}].installation`, owner: `tenant ${t.name}` }] : [],
    ),
  );
  const tenants = file.tenants.map((t, i): TenantEntry => {
    const p = t.prometheus;
    const headers: Record<string, string> = { ...(p.headers ?? {}) };
    const variable = p['bearer-token-env'];
    if (variable) {
      const token = env[variable];
      if (!token)
        issues.push({
          path: `tenants[${i}].prometheus.bearer-token-env`,
          message: `the variable ${variable} is not set in the app's environment (tenant ${t.name} needs its token there)`,
        });
      else headers.Authorization = `Bearer ${token}`;
    }
    const matcher = p['label-matcher'];
    return {
      target: {
        name: t.name,
        url: p.url,
        headers,
        timeoutMs: p.timeout ? parseDurationMs(p.timeout) : DEFAULT_TIMEOUT_MS,
        ...(matcher ? { requiredMatcher: { name: matcher.name, value: matcher.value } } : {}),
      },
      installation: t.installation ?? null,
      owner: t.owner?.toLowerCase() ?? null,
      repositories: (t.repositories ?? []).map(compileRepositoryPattern),
    };
  });
  const alertmanagerTokens = tokenScopes(file['alertmanager-tokens'] ?? [], issues, 'alertmanager-tokens');
  if (issues.length > 0) throw new PolicyError(source, issues.slice(0, 50));
  return { tenants, alertmanagerTokens };
}

/**
 * The file named by ALERTMANAGER_TOKENS (`alertmanager-tokens:` and its list, as in the tenants file).
 * @throws PolicyError naming each problem
 */
export function parseAlertmanagerTokensFile(text: string, source = 'ALERTMANAGER_TOKENS'): AlertmanagerTokenScope[] {
  const file = parsed(text, source, (d) => alertmanagerTokensFileSchema.safeParse(d));
  const issues: PolicyIssue[] = [];
  const scopes = tokenScopes(file['alertmanager-tokens'], issues, 'alertmanager-tokens');
  if (issues.length > 0) throw new PolicyError(source, issues);
  return scopes;
}
