/**
 * Turns the policy file, the environment's section and the inputs into one fully
 * populated policy. Precedence, lowest first: built-in defaults, the file's top
 * level, `environments.<name>`, inputs.
 */
import { formatPromDuration, parseDurationMs } from '../duration.js';
import type { ExclusionConfig } from '../exclusions/exclusion-schema.js';
import { resolveSli, type ResolvedSli } from '../sli/registry.js';
import type { BlockableStatus } from '../status.js';
import { unknownEnvironmentMessage } from './environment-names.js';
import { appliesTo, type RuleTarget } from './inherit/applies-to.js';
import type { GateInputs } from './inputs.js';
import { objectiveProblem } from './objective.js';
import { PolicyError } from './policy-error.js';
import type { EnvironmentPolicy, FreezeWindowConfig, Permission, PolicyFile, SloConfig } from './schema.js';
import {
  DEFAULT_BLOCK_ON,
  DEFAULT_FREEZE_PERMISSION,
  DEFAULT_GUARDS,
  DEFAULT_HOLD_INTERVAL,
  DEFAULT_HOLD_LIMIT,
  DEFAULT_LEVEL_PERMISSIONS,
  DEFAULT_MIN_REASON_LENGTH,
  DEFAULT_THRESHOLDS,
} from './defaults.js';
import { resolveChangeClasses, type ResolvedChangeClasses } from '../change-class/change-class-policy.js';
import { overlay } from './overlay.js';
import { resolveVerifySettings, type VerifySettings } from '../verify/verify-settings.js';
import { resolveActionItemRule, type ActionItemRule } from '../postmortem/postmortem-policy.js';

export const DEFAULT_ERROR_QUERY = 'sum(increase(http_requests_total{status=~"5.."}[{{window}}]))';
const DEFAULT_TOTAL_QUERY = 'sum(increase(http_requests_total[{{window}}]))';
const DEFAULT_SLO_NAME = 'availability';

export interface ResolvedSlo {
  name: string;
  description?: string;
  service: string;
  /** Objective in percent, e.g. 99.9. */
  objective: number;
  /** The window as written, e.g. `30d`. */
  window: string;
  windowMs: number;
  sli: ResolvedSli;
  runbook?: string;
  /** `enforcement: advisory`: its findings are reported as "would have blocked" and never block (absent: enforced). */
  advisory?: boolean;
  /**
   * The policy's `scrape-interval`, when set: the generated rules size their base window from it, and the gate reads
   * the series named after it (src/core/generate/recorded-series.ts).
   */
  scrapeInterval?: string;
  /**
   * Sloth's SLO id (`sloth_id`) when the SLO came from the policy's Sloth spec as written: the gate may read Sloth's
   * recordings for it (src/core/evaluate/sloth-ratios.ts).
   */
  slothId?: string;
}

export interface ResolvedPrometheus {
  url: string;
  /** Request headers including Authorization. */
  headers: Record<string, string>;
  timeoutMs: number;
  /** Values to mask in logs: tokens, passwords, header values. */
  secrets: string[];
}

export interface ResolvedDr {
  metric: string;
  maxAgeMs: number;
  maxAge: string;
  lookback: string;
  backupProbe: { query: string; lookback: string } | null;
  rto: { metric: string; maxSeconds: number; max: string } | null;
  rpo: { metric: string; maxSeconds: number; max: string } | null;
  status: BlockableStatus;
  /** `enforcement: advisory` (absent: enforced). */
  advisory?: boolean;
}

export interface ResolvedGuard {
  name: string;
  long: string;
  short: string;
  factor: number;
  status: BlockableStatus;
  /** `enforcement: advisory` (absent: enforced). */
  advisory?: boolean;
}

export type OverrideLevel = 'warning' | 'freeze' | 'exhausted';

interface ResolvedOverrideLevel {
  permission: Permission;
  requireEnvironmentApproval: boolean;
}

export interface ResolvedPolicy {
  environment: string;
  /** Null when neither the file nor the inputs name a Prometheus (an error at evaluation). */
  prometheus: ResolvedPrometheus | null;
  slos: ResolvedSlo[];
  thresholds: { caution: number; warning: number; freeze: number };
  blockOn: BlockableStatus;
  onError: 'block' | 'allow';
  mode: 'enforce' | 'report';
  /** Whether to read the series `generate rules` records (see src/core/generate/rules.ts). */
  useRecordingRules: 'true' | 'false' | 'auto';
  dr: ResolvedDr | null;
  /** Windows that apply to this environment. */
  freezeWindows: FreezeWindowConfig[];
  burnRateGuards: ResolvedGuard[];
  /** Whether a guard whose window has no data blocks (`block`) or is only shown as unknown (`allow`). */
  unknownGuards: 'allow' | 'block';
  /** `refs`: full refs besides the default branch whose workflows may record an override. */
  overrides: { minReasonLength: number; refs: string[]; levels: Record<OverrideLevel, ResolvedOverrideLevel> };
  /** `app`: slug of the GitHub App whose commits alone may change the log. */
  audit: { branch: string; path: string; app: string };
  /** Budget exclusions of this environment (`environments.<name>.exclusions` replaces the top level's); src/core/exclusions/. */
  exclusions: ExclusionConfig[];
  /** Post-deploy verification (the verify step's inputs apply over it: core/verify/verify-inputs.ts). */
  verify: VerifySettings;
  /**
   * Freezes on command: `permission` may run `/freeze` and `/unfreeze`; `app` is the slug of the GitHub App whose
   * `deploy-freeze` issues the Action and the CLI read (null: they read none).
   */
  freezes: { permission: Permission; app: string | null };
  /** What the app's protection rule does with a deploy blocked by a freeze or the budget (src/core/hold/). */
  onBlock: 'hold' | 'reject';
  /** The longest hold and how often a held deploy is evaluated again, as written and in milliseconds. */
  hold: { limit: string; limitMs: number; interval: string; intervalMs: number };
  /** Who decides disagreements (`escalation`: a login or `org/team`, without `@`); absent when the policy names nobody. */
  escalation?: string;
  /** `change-classes` (issue 16); absent when the policy has none: every deploy is a feature. */
  changeClasses?: ResolvedChangeClasses;
  /** `postmortems.action-items`: overdue action items that block feature deploys; null when the policy has no `postmortems`. */
  actionItems: ActionItemRule | null;
}

/** Deep merge for policy sections (overlay.ts): objects merge key by key, arrays and scalars replace. */
export function mergePolicy<T extends Record<string, unknown>>(base: T, over: Partial<T> | undefined): T {
  return overlay(base, over) as T;
}

function resolveSlo(slo: SloConfig, inputs: GateInputs, source: string): ResolvedSlo {
  const window = inputs.window ?? slo.window ?? '30d';
  const objective = inputs['slo-target'] ?? slo.objective ?? 99.9;
  // The schemas refuse a fraction already; this holds for SLOs built any other way (a Sloth spec, a hand-built policy).
  const problem = objectiveProblem(objective);
  if (problem !== null) {
    throw new PolicyError(source, [
      {
        path: inputs['slo-target'] !== undefined ? 'slo-target' : `slos (${slo.name}).objective`,
        message: `${problem} (got ${objective})`,
      },
    ]);
  }
  return {
    name: slo.name,
    ...(slo.description !== undefined ? { description: slo.description } : {}),
    service: slo.service ?? slo.name,
    objective,
    window,
    windowMs: parseDurationMs(window),
    sli: resolveSli(slo.sli),
    ...(slo.runbook !== undefined ? { runbook: slo.runbook } : {}),
    ...(slo.enforcement === 'advisory' ? { advisory: true } : {}),
    ...(slo.slothId !== undefined ? { slothId: slo.slothId } : {}),
  };
}

function resolveSlos(merged: EnvironmentPolicy, inputs: GateInputs, source: string): ResolvedSlo[] {
  const fileSlos = merged.slos;
  const errorQuery = inputs['error-query'];
  const totalQuery = inputs['total-query'];
  if (!fileSlos || fileSlos.length === 0) {
    const sloConfig: SloConfig = {
      name: DEFAULT_SLO_NAME,
      sli: { events: { error: errorQuery ?? DEFAULT_ERROR_QUERY, total: totalQuery ?? DEFAULT_TOTAL_QUERY } },
    };
    return [resolveSlo(sloConfig, inputs, source)];
  }
  if (errorQuery !== undefined || totalQuery !== undefined) {
    const events = fileSlos.filter((s) => s.sli.events);
    if (fileSlos.length !== 1 || events.length !== 1) {
      throw new PolicyError(source, [
        {
          path: 'error-query/total-query',
          message: `the inputs error-query and total-query replace the queries of a single events SLO, but the policy file defines ${fileSlos.length} SLO(s) (${fileSlos.map((s) => s.name).join(', ')}); set the queries in the file instead`,
        },
      ]);
    }
    // Queries from the inputs are no longer the Sloth spec's: Sloth's recordings do not measure them.
    const { slothId: _slothId, ...only }: SloConfig = fileSlos[0]!;
    return [
      resolveSlo(
        {
          ...only,
          sli: { events: { error: errorQuery ?? only.sli.events!.error, total: totalQuery ?? only.sli.events!.total } },
        },
        inputs,
        source,
      ),
    ];
  }
  const seen = new Set<string>();
  for (const slo of fileSlos) {
    if (seen.has(slo.name)) {
      throw new PolicyError(source, [{ path: 'slos', message: `SLO names must be unique; "${slo.name}" appears twice` }]);
    }
    seen.add(slo.name);
  }
  return fileSlos.map((slo) => resolveSlo(slo, inputs, source));
}

function resolvePrometheus(
  merged: EnvironmentPolicy,
  inputs: GateInputs,
  env: Readonly<Record<string, string | undefined>>,
  source: string,
): ResolvedPrometheus | null {
  const cfg = merged.prometheus ?? {};
  const url = inputs['prometheus-url'] ?? cfg.url;
  if (!url) return null;
  const headers: Record<string, string> = { ...(cfg.headers ?? {}), ...(inputs['prometheus-headers'] ?? {}) };
  const secrets = Object.values(headers).filter((v) => v.length > 0);
  let token = inputs['prometheus-token'];
  if (token === undefined && cfg['bearer-token-env']) {
    token = env[cfg['bearer-token-env']];
    if (!token) {
      throw new PolicyError(source, [
        {
          path: 'prometheus.bearer-token-env',
          message: `environment variable ${cfg['bearer-token-env']} is empty or unset; export it (e.g. from a secret) or remove bearer-token-env`,
        },
      ]);
    }
  }
  if (token !== undefined) {
    headers.Authorization = `Bearer ${token}`;
    secrets.push(token);
  } else if (cfg['basic-auth']) {
    const { username, 'password-env': passwordEnv } = cfg['basic-auth'];
    const password = env[passwordEnv];
    if (!password) {
      throw new PolicyError(source, [
        {
          path: 'prometheus.basic-auth.password-env',
          message: `environment variable ${passwordEnv} is empty or unset; export it (e.g. from a secret)`,
        },
      ]);
    }
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    headers.Authorization = `Basic ${encoded}`;
    secrets.push(password, encoded);
  }
  const timeout = inputs.timeout ?? cfg.timeout ?? '10s';
  return { url: url.replace(/\/+$/, ''), headers, timeoutMs: parseDurationMs(timeout), secrets };
}

function resolveDr(merged: EnvironmentPolicy, inputs: GateInputs): ResolvedDr | null {
  const cfg = merged.dr ?? {};
  const enabled = inputs['dr-check'] ?? cfg.enabled ?? true;
  if (!enabled) return null;
  const maxAge = inputs['dr-max-age'] ?? cfg['max-age'] ?? '7d';
  const maxAgeMs = parseDurationMs(maxAge);
  const probe = cfg['backup-probe'];
  return {
    metric: inputs['dr-metric'] ?? cfg.metric ?? 'dr_last_test_timestamp',
    maxAge,
    maxAgeMs,
    lookback: cfg.lookback ?? formatPromDuration(2 * maxAgeMs),
    backupProbe: probe ? { query: probe.query ?? 'probe_success{job="dr-backup-check"}', lookback: probe.lookback ?? '1h' } : null,
    rto: cfg.rto
      ? { metric: cfg.rto.metric ?? 'dr_last_recovery_time_seconds', max: cfg.rto.max, maxSeconds: parseDurationMs(cfg.rto.max) / 1000 }
      : null,
    rpo: cfg.rpo
      ? { metric: cfg.rpo.metric ?? 'dr_last_data_loss_seconds', max: cfg.rpo.max, maxSeconds: parseDurationMs(cfg.rpo.max) / 1000 }
      : null,
    status: cfg.status ?? 'WARNING',
    ...(cfg.enforcement === 'advisory' ? { advisory: true } : {}),
  };
}

/** Where the app keeps the override audit log, and who writes it, unless the policy's `audit` section says otherwise. */
export const AUDIT_DEFAULTS = { branch: 'deploy-governor-audit', path: 'audit/overrides.jsonl', app: 'deploy-governor' } as const;

/**
 * Resolve the policy for one environment.
 *
 * @param file the validated policy file (`{}` when the repository has none)
 * @param inputs validated inputs; set values win over the file
 * @param env environment variables, for `bearer-token-env` and `password-env`
 * @param source where the file came from, for error messages
 * @param target the repository and branch the rules' `applies-to` is matched against (null: unknown, so a scoped rule applies)
 */
export function resolvePolicy(
  file: PolicyFile,
  inputs: GateInputs,
  env: Readonly<Record<string, string | undefined>> = {},
  source = '.github/deploy-governor.yml',
  target: Omit<RuleTarget, 'environment'> = { repository: null, branch: null },
): ResolvedPolicy {
  const environment = inputs.environment ?? 'production';
  const ruleTarget: RuleTarget = { ...target, environment };
  // `extends` and `locked` were consumed by the chain (inherit/resolve-chain.ts) before resolving.
  const { environments, $schema: _schema, version: _version, sloth, openslo, extends: _extends, locked: _locked, ...top } = file;
  // Adapters replace `sloth` by its SLOs (src/core/sloth/apply-sloth-source.ts) before resolving; one left here was
  // never read, and evaluating the default SLO instead would be wrong.
  if (sloth !== undefined) {
    throw new PolicyError(source, [
      {
        path: 'sloth',
        message: `the Sloth spec ${sloth} was not loaded by this entry point; list the SLOs under slos instead, or use one that reads sloth files`,
      },
    ]);
  }
  // Likewise `extends` (src/core/policy/inherit/resolve-chain.ts): evaluating the repository's file without its
  // parents would drop the organisation's rules.
  if (file.extends !== undefined) {
    throw new PolicyError(source, [
      {
        path: 'extends',
        message: `the parent policy ${file.extends} was not loaded by this entry point; the file cannot be evaluated without it`,
      },
    ]);
  }
  // Likewise `openslo` (src/core/openslo/apply-openslo-source.ts).
  if (openslo !== undefined) {
    throw new PolicyError(source, [
      {
        path: 'openslo',
        message: `the OpenSLO file ${openslo} was not loaded by this entry point; list the SLOs under slos instead, or use one that reads openslo files`,
      },
    ]);
  }
  // With an environments map, only the environments it names exist: an unknown name (a typo, another case) is refused,
  // never evaluated with the top level.
  const known = Object.keys(environments ?? {});
  if (known.length > 0 && !Object.hasOwn(environments!, environment)) {
    throw new PolicyError(source, [{ path: 'environment', message: unknownEnvironmentMessage(environment, known) }]);
  }
  const merged = mergePolicy<EnvironmentPolicy>(top, environments?.[environment]);

  const thresholds = {
    caution: inputs['caution-threshold'] ?? merged.thresholds?.caution ?? DEFAULT_THRESHOLDS.caution,
    warning: inputs['warning-threshold'] ?? merged.thresholds?.warning ?? DEFAULT_THRESHOLDS.warning,
    freeze: inputs['freeze-threshold'] ?? merged.thresholds?.freeze ?? DEFAULT_THRESHOLDS.freeze,
  };
  if (!(thresholds.caution >= thresholds.warning && thresholds.warning >= thresholds.freeze && thresholds.freeze >= 0)) {
    throw new PolicyError(source, [
      {
        path: 'thresholds',
        message: `expected caution ≥ warning ≥ freeze ≥ 0 (percent of budget remaining); got caution ${thresholds.caution}, warning ${thresholds.warning}, freeze ${thresholds.freeze}`,
      },
    ]);
  }

  const guards = (merged['burn-rate-guards'] ?? DEFAULT_GUARDS)
    .filter((g) => appliesTo(g['applies-to'], ruleTarget))
    .map((g) => ({
      name: g.name ?? `${g.long}/${g.short} > ${g.factor}x`,
      long: g.long,
      short: g.short,
      factor: g.factor,
      status: g.status ?? 'FREEZE',
      ...(g.enforcement === 'advisory' ? { advisory: true } : {}),
    }));

  const levels = {} as Record<OverrideLevel, ResolvedOverrideLevel>;
  for (const level of ['warning', 'freeze', 'exhausted'] as const) {
    const cfg = merged.overrides?.levels?.[level];
    levels[level] = {
      permission: cfg?.permission ?? DEFAULT_LEVEL_PERMISSIONS[level],
      requireEnvironmentApproval: cfg?.['require-environment-approval'] ?? false,
    };
  }

  return {
    environment,
    prometheus: resolvePrometheus(merged, inputs, env, source),
    slos: resolveSlos(merged, inputs, source).map((slo) =>
      merged['scrape-interval'] === undefined ? slo : { ...slo, scrapeInterval: merged['scrape-interval'] },
    ),
    thresholds,
    blockOn: inputs['block-on'] ?? merged['block-on'] ?? DEFAULT_BLOCK_ON,
    onError: inputs['on-error'] ?? merged['on-error'] ?? 'block',
    mode: inputs.mode ?? merged.mode ?? 'enforce',
    useRecordingRules: inputs['use-recording-rules'] ?? merged['use-recording-rules'] ?? 'auto',
    dr: resolveDr(merged, inputs),
    freezeWindows: (merged['freeze-windows'] ?? []).filter(
      (w) => (!w.environments || w.environments.includes(environment)) && appliesTo(w['applies-to'], ruleTarget),
    ),
    burnRateGuards: guards,
    unknownGuards: merged['unknown-guards'] ?? 'allow',
    overrides: {
      minReasonLength: merged.overrides?.['min-reason-length'] ?? DEFAULT_MIN_REASON_LENGTH,
      refs: merged.overrides?.refs ?? [],
      levels,
    },
    audit: {
      branch: merged.audit?.branch ?? AUDIT_DEFAULTS.branch,
      path: merged.audit?.path ?? AUDIT_DEFAULTS.path,
      app: merged.audit?.app ?? AUDIT_DEFAULTS.app,
    },
    exclusions: merged.exclusions ?? [],
    verify: resolveVerifySettings(merged.verify, source),
    // Top level only (never per environment): who may freeze is one rule per repository.
    freezes: { permission: file.freezes?.permission ?? DEFAULT_FREEZE_PERMISSION, app: file.freezes?.app ?? null },
    onBlock: merged['on-block'] ?? 'reject',
    hold: resolveHold(merged),
    ...(merged.escalation !== undefined ? { escalation: merged.escalation.replace(/^@/, '') } : {}),
    ...(merged['change-classes'] !== undefined ? { changeClasses: resolveChangeClasses(merged['change-classes'])! } : {}),
    // Top level only, as the postmortems section is.
    actionItems: resolveActionItemRule(file.postmortems),
  };
}

function resolveHold(merged: EnvironmentPolicy): ResolvedPolicy['hold'] {
  const limit = merged.hold?.limit ?? DEFAULT_HOLD_LIMIT;
  const interval = merged.hold?.interval ?? DEFAULT_HOLD_INTERVAL;
  return { limit, limitMs: parseDurationMs(limit), interval, intervalMs: parseDurationMs(interval) };
}
