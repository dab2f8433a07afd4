/**
 * Which environments a workflow file governs with the Action, read statically
 * from its YAML. An environment counts as governed by a workflow when a job that
 * deploys to it (`environment: <name>` or `environment: { name: <name> }`)
 * either has a deploy-governor step itself, or `needs:` (directly or through
 * other jobs) a job that has one, and that step
 * - is `uses: <owner>/deploy-governor@<ref>` (any owner: a fork or a pinned SHA
 *   counts; a subdirectory action `<owner>/deploy-governor/<path>@<ref>` too),
 * - gates that environment: its `environment` input is the job's environment
 *   (default `production`) or an expression (`${{ … }}`, not known statically),
 * - can block: not `continue-on-error: true` and not `mode: report`.
 *
 * Not detected: reusable workflows (`uses:` at job level), composite actions
 * that wrap the Action, an environment named by an expression, `if:` conditions
 * that skip the gate. A file that does not parse governs nothing (the caller
 * reports it). Pure: the caller reads the files.
 */
import { parseHardenedYaml } from '../yaml/parse-hardened-yaml.js';

const ACTION_USES = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/deploy-governor(?:\/[^@\s]*)?@\S+$/;
const DEFAULT_ENVIRONMENT = 'production';
const WORKFLOW_LIMITS = { maxChars: 512 * 1024, maxDepth: 32, maxAliasCount: 100 };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExpression = (v: string) => v.includes('${{');

/** The outcome for one workflow file: the environments it governs, or why it could not be read. */
export type WorkflowCoverage = { ok: true; environments: string[] } | { ok: false; error: string };

/** The environment name a job deploys to, or null (none, or an expression). */
function jobEnvironment(job: Json): string | null {
  const env = job.environment;
  const name = typeof env === 'string' ? env : isObject(env) && typeof env.name === 'string' ? env.name : null;
  return name === null || name === '' || isExpression(name) ? null : name;
}

/** The environments this job's blocking deploy-governor steps gate: a name, or `*` for an expression. */
function gatedByJob(job: Json): string[] {
  const steps = Array.isArray(job.steps) ? job.steps : [];
  const gated: string[] = [];
  for (const step of steps) {
    if (!isObject(step) || typeof step.uses !== 'string' || !ACTION_USES.test(step.uses.trim())) continue;
    if (step['continue-on-error'] === true || step['continue-on-error'] === 'true') continue;
    const inputs = isObject(step.with) ? step.with : {};
    if (inputs.mode === 'report') continue;
    const environment = typeof inputs.environment === 'string' && inputs.environment !== '' ? inputs.environment : DEFAULT_ENVIRONMENT;
    gated.push(isExpression(environment) ? '*' : environment.toLowerCase());
  }
  return gated;
}

function needsOf(job: Json): string[] {
  if (typeof job.needs === 'string') return [job.needs];
  return Array.isArray(job.needs) ? job.needs.filter((n): n is string => typeof n === 'string') : [];
}

/** The environments a workflow file governs with the Action (see the module's comment for what counts). */
export function workflowCoverage(text: string): WorkflowCoverage {
  const parsed = parseHardenedYaml(text, WORKFLOW_LIMITS);
  if (!parsed.ok) return { ok: false, error: parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') };
  if (!isObject(parsed.data) || !isObject(parsed.data.jobs)) return { ok: true, environments: [] };
  const jobs = parsed.data.jobs;
  const gates = new Map<string, string[]>();
  for (const [id, job] of Object.entries(jobs)) gates.set(id, isObject(job) ? gatedByJob(job) : []);

  // The gates a job runs after: its own and those of every job it needs, transitively (cycles stop at a visit).
  const upstream = (id: string): string[] => {
    const seen = new Set<string>();
    const stack = [id];
    const found: string[] = [];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      found.push(...(gates.get(next) ?? []));
      const job = jobs[next];
      if (isObject(job)) stack.push(...needsOf(job));
    }
    return found;
  };
  const governed = new Set<string>();
  for (const [id, job] of Object.entries(jobs)) {
    if (!isObject(job)) continue;
    const environment = jobEnvironment(job);
    if (environment === null) continue;
    const gated = upstream(id);
    // GitHub compares environment names without case.
    if (gated.includes(environment.toLowerCase()) || gated.includes('*')) governed.add(environment);
  }
  return { ok: true, environments: [...governed].sort() };
}
