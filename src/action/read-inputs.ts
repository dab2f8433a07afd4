/**
 * Reads the Action's inputs once, at the edge, into the shared validated object.
 * The raw strings are kept apart from their validation, so that a run whose
 * inputs are invalid can still write a report that says what they were (see
 * core/report/error-report.ts).
 */
import * as core from './runner.js';
import { z } from 'zod';
import { NOTIFY_FORMATS, type NotifyFormat } from '../core/notify/notify-format-names.js';
import { isHttpUrl } from '../core/http-url.js';
import { gateInputsSchema, type GateInputs } from '../core/policy/inputs.js';
import { policyErrorFromZod } from '../core/policy/policy-issues.js';
import type { RawInputs } from '../core/report/error-report.js';

export interface ActionInputs {
  gate: GateInputs;
  githubToken: string | undefined;
  /** Where to post a chat notification of a blocked or overridden deploy (a secret), and in which format; null when unset. */
  notify: { url: string; format: NotifyFormat } | null;
  /** Reads the files the policy `extends`; unset: githubToken. */
  policyToken: string | undefined;
}

/**
 * The Action's own notification inputs (not the CLI's: the app notifies for teams that have it). The URL is
 * never quoted in a message: it is a secret.
 */
const notifyInputsSchema = z.object({
  'notify-webhook-url': z
    .string()
    .refine((v) => v === '' || isHttpUrl(v), { message: 'expected an http(s) webhook URL (from a secret; not shown)' }),
  'notify-format': z
    .string()
    .transform((v) => v.toLowerCase() || 'slack')
    .pipe(z.enum(NOTIFY_FORMATS, { message: `expected one of ${NOTIFY_FORMATS.join(', ')}` })),
});

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
  for (const token of [core.getInput('github-token'), core.getInput('policy-token'), core.getInput('notify-webhook-url')])
    if (token) core.setSecret(token);
  return raw;
}

/** Validates the raw inputs; a bad one is a PolicyError naming the input. */
export function parseActionInputs(raw: RawInputs): ActionInputs {
  const parsed = gateInputsSchema.safeParse(raw);
  if (!parsed.success) {
    // Input issues already name the input; show which value was rejected without echoing secrets.
    throw policyErrorFromZod(parsed.error, { ...raw, 'prometheus-token': '***', 'prometheus-headers': '***' }, 'input', 'action inputs');
  }
  const notify = notifyInputsSchema.safeParse({
    'notify-webhook-url': core.getInput('notify-webhook-url'),
    'notify-format': core.getInput('notify-format'),
  });
  if (!notify.success) {
    throw policyErrorFromZod(
      notify.error,
      { 'notify-webhook-url': '***', 'notify-format': core.getInput('notify-format') },
      'input',
      'action inputs',
    );
  }
  const url = notify.data['notify-webhook-url'];
  return {
    gate: parsed.data,
    githubToken: core.getInput('github-token') || undefined,
    policyToken: core.getInput('policy-token') || undefined,
    notify: url ? { url, format: notify.data['notify-format'] } : null,
  };
}
