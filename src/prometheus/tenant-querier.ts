/**
 * A PrometheusQuerier for one tenant: every query passes label enforcement
 * (src/core/prometheus/enforce-label.ts) before it is sent, and the tenant's
 * queries share a process-wide cap on how many run at once, so one repository's
 * policy (or one installation's flood) cannot take the whole of a shared
 * Prometheus, nor every query slot of the app.
 */
import { enforceLabel, type LabelMatcher } from '../core/prometheus/enforce-label.js';
import type { InstantResult, PrometheusQuerier } from '../core/prometheus/querier.js';
import { PrometheusQueryError } from '../core/prometheus/query-error.js';
import { queryForMessage } from './message-text.js';

const DEFAULT_TENANT_CONCURRENCY = 16;

/** How long a query waits for one of its tenant's slots before it fails as a timeout. */
const DEFAULT_SLOT_WAIT_MS = 30_000;

interface Slots {
  active: number;
  waiting: (() => void)[];
}

/**
 * Counting semaphores keyed by tenant name. One instance is shared by the
 * whole process (`tenantQueryLimits`); tests make their own.
 */
export class TenantQueryLimits {
  private readonly slots = new Map<string, Slots>();

  constructor(
    /** Queries per tenant at once. */
    public concurrency: number = DEFAULT_TENANT_CONCURRENCY,
    /** Longest wait for a slot. */
    public maxWaitMs: number = DEFAULT_SLOT_WAIT_MS,
  ) {}

  /** Queries of `tenant` running now (for tests and metrics). */
  active(tenant: string): number {
    return this.slots.get(tenant)?.active ?? 0;
  }

  /** Queries of `tenant` waiting for a slot. */
  queued(tenant: string): number {
    return this.slots.get(tenant)?.waiting.length ?? 0;
  }

  /** A slot of `tenant`'s (call the returned function once to give it back), or null when none freed up within maxWaitMs. */
  async acquire(tenant: string): Promise<(() => void) | null> {
    let s = this.slots.get(tenant);
    if (!s) {
      s = { active: 0, waiting: [] };
      this.slots.set(tenant, s);
    }
    const slots = s;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = slots.waiting.shift();
      if (next) {
        next(); // the slot passes straight to the next query: active stays the same
      } else {
        slots.active -= 1;
        if (slots.active === 0) this.slots.delete(tenant);
      }
    };
    if (slots.active < this.concurrency) {
      slots.active += 1;
      return release;
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        const i = slots.waiting.indexOf(wake);
        if (i >= 0) slots.waiting.splice(i, 1);
        resolve(null);
      }, this.maxWaitMs);
      slots.waiting.push(wake);
    });
  }
}

/** The process's limits; the app sets `concurrency` from PROMETHEUS_TENANT_CONCURRENCY at start. */
export const tenantQueryLimits = new TenantQueryLimits();

export interface TenantQuerierOptions {
  /** The tenant's name: the key of its concurrency cap. */
  tenant: string;
  /** The matcher every query must carry, when the tenant has one. */
  requiredMatcher?: LabelMatcher;
  /** Defaults to the process's `tenantQueryLimits`. */
  limits?: TenantQueryLimits;
}

export class TenantQuerier implements PrometheusQuerier {
  readonly displayUrl: string;
  private readonly limits: TenantQueryLimits;

  constructor(
    private readonly inner: PrometheusQuerier,
    private readonly options: TenantQuerierOptions,
  ) {
    this.displayUrl = inner.displayUrl;
    this.limits = options.limits ?? tenantQueryLimits;
  }

  async query(promql: string, time: Date): Promise<InstantResult> {
    let sent = promql;
    const required = this.options.requiredMatcher;
    if (required) {
      const enforced = enforceLabel(promql, required);
      if ('refused' in enforced) {
        throw new PrometheusQueryError(
          'bad-query',
          `the app refused to send this query: ${enforced.refused} (query: ${queryForMessage(promql)})`,
          {
            url: this.displayUrl,
            query: promql,
            attempts: 0,
          },
        );
      }
      sent = enforced.query;
    }
    const release = await this.limits.acquire(this.options.tenant);
    if (!release) {
      throw new PrometheusQueryError(
        'timeout',
        `all ${this.limits.concurrency} Prometheus query slots of this repository's tenant stayed busy for ${this.limits.maxWaitMs} ms (other evaluations of the tenant are running): try again later (query: ${queryForMessage(promql)})`,
        { url: this.displayUrl, query: promql, attempts: 0 },
      );
    }
    try {
      return await this.inner.query(sent, time);
    } finally {
      release();
    }
  }
}

/** PROMETHEUS_TENANT_CONCURRENCY: Prometheus queries per tenant at once, process-wide (default 16). */
export function parseTenantConcurrencyEnv(
  env: Readonly<Record<string, string | undefined>>,
): { value: number } | { problems: { variable: string; value: string | null; message: string }[] } {
  const raw = env.PROMETHEUS_TENANT_CONCURRENCY;
  if (raw === undefined || raw.trim() === '') return { value: DEFAULT_TENANT_CONCURRENCY };
  if (!/^[1-9]\d{0,3}$/.test(raw.trim())) {
    return {
      problems: [
        {
          variable: 'PROMETHEUS_TENANT_CONCURRENCY',
          value: raw,
          message: 'expected a whole number of concurrent queries per tenant from 1 to 9999 (default 16)',
        },
      ],
    };
  }
  return { value: Number(raw.trim()) };
}
