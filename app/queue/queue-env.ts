/**
 * The environment of the delivery queue and the webhook edge: fairness between
 * installations, replay memory, bodies in flight, and the operator token of
 * the queue's routes. Every problem is returned (none thrown), each naming its
 * variable, the value (tokens masked) and the accepted form, so start-up can
 * list them all at once beside the app's other variables.
 */
import { parseDurationMs } from '../../src/core/duration.js';
import { DEFAULT_BODIES_IN_FLIGHT } from '../edge/edge-limits.js';
import { LEASE_MS } from './delivery-queue.js';

export interface QueueEnv {
  /** Deliveries one installation may have queued, delayed or in flight; one more is answered 429. */
  maxPerInstallation: number;
  /** Share of an instance's workers one installation may hold at once (at least one worker). */
  installationShare: number;
  /** How long a delivery id is remembered against replays (at least 24 h). */
  replayTtlMs: number;
  /** Delivery ids the in-memory queue remembers (without Redis); the oldest are forgotten first. */
  replayMemory: number;
  /** Webhook bodies read at once; beyond it 503 with Retry-After. */
  bodiesInFlight: number;
  /** How long a worker holds a delivery in Redis before another instance may take it (its instance presumed dead). */
  leaseMs: number;
  /** Bearer token of GET /deploy-governor/queue and DELETE /deploy-governor/deliveries/<id>; while unset they answer 401. */
  operatorToken: string | null;
}

export interface EnvProblem {
  variable: string;
  value: string;
  message: string;
}

export const QUEUE_ENV_DEFAULTS: QueueEnv = {
  maxPerInstallation: 1000,
  installationShare: 0.25,
  // GitHub lets a delivery be redelivered for 3 days: remembered a little longer than that.
  replayTtlMs: 4 * 86_400_000,
  replayMemory: 100_000,
  bodiesInFlight: DEFAULT_BODIES_IN_FLIGHT,
  leaseMs: LEASE_MS,
  operatorToken: null,
};

const DAY_MS = 86_400_000;

export function parseQueueEnv(env: NodeJS.ProcessEnv = process.env): { value: QueueEnv } | { problems: EnvProblem[] } {
  const problems: EnvProblem[] = [];
  const value: QueueEnv = { ...QUEUE_ENV_DEFAULTS };
  const read = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? null : v.trim();
  };
  const integer = (name: string, min: number, max: number, set: (n: number) => void) => {
    const raw = read(name);
    if (raw === null) return;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push({ variable: name, value: raw, message: `expected a whole number from ${min} to ${max}` });
    } else {
      set(Number(raw));
    }
  };
  integer('QUEUE_MAX_PER_INSTALLATION', 1, 1_000_000, (n) => (value.maxPerInstallation = n));
  integer('QUEUE_REPLAY_MEMORY', 1000, 10_000_000, (n) => (value.replayMemory = n));
  integer('WEBHOOK_BODIES_IN_FLIGHT', 1, 10_000, (n) => (value.bodiesInFlight = n));

  const share = read('QUEUE_INSTALLATION_SHARE');
  if (share !== null) {
    const m = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(share);
    const fraction = m ? Number(m[1]) / (m[2] ? 100 : 1) : Number.NaN;
    if (!(fraction > 0 && fraction <= 1))
      problems.push({
        variable: 'QUEUE_INSTALLATION_SHARE',
        value: share,
        message: 'expected a share of the workers above 0 and at most 1, such as 0.25 or 25%',
      });
    else value.installationShare = fraction;
  }

  const duration = (name: string, min: number, max: number, form: string, set: (ms: number) => void) => {
    const raw = read(name);
    if (raw === null) return;
    let ms = Number.NaN;
    try {
      ms = parseDurationMs(raw);
    } catch {
      // reported below
    }
    if (!(ms >= min && ms <= max)) problems.push({ variable: name, value: raw, message: form });
    else set(ms);
  };
  duration(
    'QUEUE_REPLAY_TTL',
    DAY_MS,
    365 * DAY_MS,
    'expected a duration of at least 24h, such as 96h or 4d (GitHub redelivers up to 3 days back)',
    (ms) => (value.replayTtlMs = ms),
  );
  duration(
    'QUEUE_LEASE',
    10_000,
    3_600_000,
    'expected a duration from 10s to 1h, such as 2m (longer than a delivery takes to handle)',
    (ms) => (value.leaseMs = ms),
  );

  const token = read('OPERATOR_TOKEN');
  if (token !== null) {
    if (token.length < 16)
      problems.push({ variable: 'OPERATOR_TOKEN', value: '***', message: 'expected a random token of at least 16 characters' });
    else value.operatorToken = token;
  }
  return problems.length > 0 ? { problems } : { value };
}
