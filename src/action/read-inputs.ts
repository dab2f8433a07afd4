/**
 * Reads the Action's inputs once, at the edge, into the shared validated object.
 * The raw strings are kept apart from their validation, so that a run whose
 * inputs are invalid can still write a report that says what they were (see
 * core/report/error-report.ts).
 */
import * as core from './runner.js';
import { gateInputsSchema, type GateInputs } from '../core/policy/inputs.js';
import { policyErrorFromZod } from '../core/policy/policy-issues.js';
import type { RawInputs } from '../core/report/error-report.js';

export interface ActionInputs {
  gate: GateInputs;
  githubToken: string | undefined;
  /** Reads the files the policy `extends`; unset: githubToken. */
  policyToken: string | undefined;
}

/** The gate's inputs as the runner passes them, secrets masked before anything can be logged. */
export function readRawActionInputs(): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(gateInputsSchema.shape)) raw[name] = core.getInput(name);
  // Mask before anything can be logged, even when validation fails below.
  for (const secret of [
    raw['prometheus-token'],
    ...(raw['prometheus-headers'] ?? '').split(/\r?\n/).map((l) => l.split(':').slice(1).join(':').trim()),
  ]) {
    if (secret) core.setSecret(secret);
  }
  for (const token of [core.getInput('github-token'), core.getInput('policy-token')]) if (token) core.setSecret(token);
  return raw;
}

/** Validates the raw inputs; a bad one is a PolicyError naming the input. */
export function parseActionInputs(raw: RawInputs): ActionInputs {
  const parsed = gateInputsSchema.safeParse(raw);
  if (!parsed.success) {
    // Input issues already name the input; show which value was rejected without echoing secrets.
    throw policyErrorFromZod(parsed.error, { ...raw, 'prometheus-token': '***', 'prometheus-headers': '***' }, 'input', 'action inputs');
  }
  return {
    gate: parsed.data,
    githubToken: core.getInput('github-token') || undefined,
    policyToken: core.getInput('policy-token') || undefined,
  };
}
