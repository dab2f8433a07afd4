/**
 * The app's tenancy settings, read from its environment at start (the operator's,
 * never a repository's). Each `parse…Env` follows app/config/env.ts's convention:
 * it returns the value or every problem at once, each naming the variable, and
 * reads the files the variables name synchronously; nothing here throws.
 *
 * | Variable | Meaning |
 * | --- | --- |
 * | `PROMETHEUS_TENANTS` | path of the tenants file (YAML; schema/tenants.schema.json) |
 * | `PROMETHEUS_SINGLE_TENANT` | `true`: every repository uses `PROMETHEUS_URL`, as before tenants existed |
 * | `PROMETHEUS_ALLOWED_NETWORKS` | comma-separated CIDRs of private, loopback or link-local networks a tenant's or allow-listed Prometheus may resolve to |
 * | `PROMETHEUS_TENANT_CONCURRENCY` | concurrent Prometheus queries per tenant, process-wide (default 16) |
 * | `ALERTMANAGER_TOKENS` | path of a YAML file with an `alertmanager-tokens:` list (as in the tenants file) |
 *
 * Modes:
 * - `tenants`: PROMETHEUS_TENANTS is set. Every repository is resolved to its
 *   tenant; one with none is refused. PROMETHEUS_URL, PROMETHEUS_TOKEN and
 *   PROMETHEUS_HEADERS must then be unset (a problem otherwise: which one wins
 *   would be a guess), and so must PROMETHEUS_SINGLE_TENANT.
 * - `single`: PROMETHEUS_SINGLE_TENANT=true: today's behaviour, said explicitly.
 * - `implicit-single`: neither, but PROMETHEUS_URL is set: today's behaviour, so
 *   existing deployments keep working, with one warning at start (returned in
 *   `warnings`) asking the operator to choose.
 *   (The single ALERTMANAGER_TOKEN's warning is logged by the Alertmanager route.)
 * - `none`: no operator Prometheus at all; only allow-listed URLs can be used.
 */
import { readFileSync } from 'node:fs';
import { PolicyError } from '../../src/core/policy/policy-error.js';
import type { Cidr } from '../../src/core/network/address-ranges.js';
import { parseAllowedNetworksEnv } from '../../src/prometheus/checked-fetch.js';
import { parseTenantConcurrencyEnv } from '../../src/prometheus/tenant-querier.js';
import { safeProblem, type Env, type EnvProblem, type EnvResult } from '../config/env.js';
import { parseAlertmanagerTokensFile, parseTenantsFile, type AlertmanagerTokenScope, type TenantDirectory } from './load-tenants.js';

/** Reads a file named by a variable; injectable for tests. */
export type ReadText = (path: string) => string;
const readText: ReadText = (path) => readFileSync(path, 'utf8');

/** Longest file read (the parsers have their own, lower caps). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function readNamedFile(variable: string, path: string, read: ReadText): { text: string } | { problem: EnvProblem } {
  try {
    const text = read(path);
    if (text.length > MAX_FILE_BYTES)
      return {
        problem: { variable, value: path, message: `the file it names has ${text.length} characters; at most ${MAX_FILE_BYTES} are read` },
      };
    return { text };
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return {
      problem: {
        variable,
        value: path,
        message: `cannot read the file it names${code ? ` (${code})` : ''}: set ${variable} to the path of a readable YAML file`,
      },
    };
  }
}

function policyProblems(variable: string, path: string, error: unknown): EnvProblem[] {
  if (!(error instanceof PolicyError)) throw error;
  return error.issues.map((i) => ({ variable, value: path, message: `${i.path ? `${i.path}: ` : ''}${i.message}` }));
}

const set = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** PROMETHEUS_TENANTS: the tenants file, parsed and checked (credentials read from `env`); null when unset. */
function parseTenantsEnv(env: Env, read: ReadText = readText): EnvResult<TenantDirectory | null> {
  const path = env.PROMETHEUS_TENANTS?.trim();
  if (!set(path)) return { value: null };
  const file = readNamedFile('PROMETHEUS_TENANTS', path, read);
  if ('problem' in file) return { problems: [file.problem] };
  try {
    return { value: parseTenantsFile(file.text, env, 'PROMETHEUS_TENANTS') };
  } catch (error: unknown) {
    return { problems: policyProblems('PROMETHEUS_TENANTS', path, error) };
  }
}

/** ALERTMANAGER_TOKENS: per-tenant Alertmanager tokens from a YAML file; null when unset. */
function parseAlertmanagerTokensEnv(env: Env, read: ReadText = readText): EnvResult<AlertmanagerTokenScope[] | null> {
  const path = env.ALERTMANAGER_TOKENS?.trim();
  if (!set(path)) return { value: null };
  const file = readNamedFile('ALERTMANAGER_TOKENS', path, read);
  if ('problem' in file) return { problems: [file.problem] };
  try {
    return { value: parseAlertmanagerTokensFile(file.text, 'ALERTMANAGER_TOKENS') };
  } catch (error: unknown) {
    return { problems: policyProblems('ALERTMANAGER_TOKENS', path, error) };
  }
}

type TenancyMode = 'tenants' | 'single' | 'implicit-single' | 'none';

export interface Tenancy {
  mode: TenancyMode;
  /** The tenants file; null unless mode is `tenants`. */
  directory: TenantDirectory | null;
  /** PROMETHEUS_ALLOWED_NETWORKS. */
  allowedNetworks: Cidr[];
  /** PROMETHEUS_TENANT_CONCURRENCY. */
  tenantConcurrency: number;
  /** Per-tenant Alertmanager tokens (the tenants file's section or ALERTMANAGER_TOKENS); empty when none. */
  alertmanagerTokens: AlertmanagerTokenScope[];
  /** To log once at start, at warn level. */
  warnings: string[];
}

/** Every tenancy variable at once: the value, or all the problems. */
export function parseTenancyEnv(env: Env, read: ReadText = readText): EnvResult<Tenancy> {
  const problems: EnvProblem[] = [];
  const warnings: string[] = [];
  const single = env.PROMETHEUS_SINGLE_TENANT?.trim();
  if (set(single) && single !== 'true' && single !== 'false') {
    problems.push({
      variable: 'PROMETHEUS_SINGLE_TENANT',
      value: single,
      message: 'expected true (every repository uses PROMETHEUS_URL) or false',
    });
  }
  const tenants = parseTenantsEnv(env, read);
  if ('problems' in tenants) problems.push(...tenants.problems);
  const directory = 'value' in tenants ? tenants.value : null;
  if (set(env.PROMETHEUS_TENANTS)) {
    if (single === 'true') {
      problems.push({
        variable: 'PROMETHEUS_SINGLE_TENANT',
        value: single,
        message: 'contradicts PROMETHEUS_TENANTS: unset one of them (a tenants file means several tenants)',
      });
    }
    for (const variable of ['PROMETHEUS_URL', 'PROMETHEUS_TOKEN', 'PROMETHEUS_HEADERS'] as const) {
      if (set(env[variable])) {
        problems.push({
          variable,
          value: env[variable]!,
          message: `must be unset when PROMETHEUS_TENANTS is set (each repository's Prometheus comes from its tenant): move it into a tenant of the file`,
        });
      }
    }
  }
  const networks = parseAllowedNetworksEnv(env);
  if ('problems' in networks) problems.push(...networks.problems);
  const concurrency = parseTenantConcurrencyEnv(env);
  if ('problems' in concurrency) problems.push(...concurrency.problems);
  const tokens = parseAlertmanagerTokensEnv(env, read);
  if ('problems' in tokens) problems.push(...tokens.problems);
  const fileTokens = directory?.alertmanagerTokens ?? [];
  if ('value' in tokens && tokens.value && fileTokens.length > 0) {
    problems.push({
      variable: 'ALERTMANAGER_TOKENS',
      value: env.ALERTMANAGER_TOKENS ?? null,
      message: 'the tenants file (PROMETHEUS_TENANTS) has an alertmanager-tokens section too: keep the tokens in one place',
    });
  }
  // Values as a report may print them: secrets described by their length, URL passwords masked.
  if (problems.length > 0) return { problems: problems.map(safeProblem) };

  let mode: TenancyMode;
  if (directory) mode = 'tenants';
  else if (single === 'true') mode = 'single';
  else if (set(env.PROMETHEUS_URL)) mode = 'implicit-single';
  else mode = 'none';
  if (mode === 'implicit-single') {
    warnings.push(
      "PROMETHEUS_URL is used for every repository, with the operator's credentials, because neither PROMETHEUS_TENANTS nor PROMETHEUS_SINGLE_TENANT is set: if several teams share this app, give each its own tenant (PROMETHEUS_TENANTS); if not, set PROMETHEUS_SINGLE_TENANT=true to say so",
    );
  }
  const alertmanagerTokens = [...fileTokens, ...(('value' in tokens && tokens.value) || [])];
  return {
    value: {
      mode,
      directory,
      allowedNetworks: 'value' in networks ? networks.value : [],
      tenantConcurrency: 'value' in concurrency ? concurrency.value : 16,
      alertmanagerTokens,
      warnings,
    },
  };
}
