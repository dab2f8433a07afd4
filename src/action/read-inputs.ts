/**
 * Reads the Action's inputs once, at the edge, into the shared validated object.
 */
import * as core from './runner.js';
import { gateInputsSchema, type GateInputs } from '../core/policy/inputs.js';
import { toPolicyIssues } from '../core/policy/policy-issues.js';
import { PolicyError } from '../core/policy/policy-error.js';

export interface ActionInputs {
  gate: GateInputs;
  githubToken: string | undefined;
}

export function readActionInputs(): ActionInputs {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(gateInputsSchema.shape)) raw[name] = core.getInput(name);
  // Mask before anything can be logged, even when validation fails below.
  for (const secret of [raw['prometheus-token'], ...(raw['prometheus-headers'] ?? '').split(/\r?\n/).map((l) => l.split(':').slice(1).join(':').trim())]) {
    if (secret) core.setSecret(secret);
  }
  const parsed = gateInputsSchema.safeParse(raw);
  if (!parsed.success) {
    // Input issues already name the input; show which value was rejected without echoing secrets.
    throw new PolicyError(
      'action inputs',
      toPolicyIssues(parsed.error, { ...raw, 'prometheus-token': '***', 'prometheus-headers': '***' }),
    );
  }
  const githubToken = core.getInput('github-token') || undefined;
  if (githubToken) core.setSecret(githubToken);
  return { gate: parsed.data, githubToken };
}
