/**
 * The delivery queue in this process's memory: for a single instance without
 * Redis. One queue per installation, served round-robin; delivery ids are
 * remembered in a bounded LRU set (`replayMemory` ids for `replayTtlMs`): past
 * that bound the oldest ids are forgotten first, and a replay of one of them
 * would be handled again (Redis remembers every id for the whole TTL).
 */
import {
  DEFAULT_MAX_PER_INSTALLATION,
  DEFAULT_REPLAY_TTL_MS,
  installationOf,
  MAX_DEAD,
  type Claim,
  type DeliveryQueue,
  type ForgetOutcome,
  type PushOutcome,
  type QueuedDelivery,
  type QueueOptions,
  type QueueStats,
} from './delivery-queue.js';

interface Entry {
  delivery: QueuedDelivery & { installation: string };
  state: 'waiting' | 'leased' | 'delayed';
  handle?: string;
  timer?: NodeJS.Timeout;
}

/** Settled ids (handled or dead), oldest first, each until its expiry. */
function createReplayMemory(max: number, ttlMs: number) {
  const ids = new Map<string, { state: 'done' | 'dead'; expires: number }>();
  return {
    get(id: string): 'done' | 'dead' | null {
      const e = ids.get(id);
      if (!e) return null;
      if (e.expires <= Date.now()) {
        ids.delete(id);
        return null;
      }
      return e.state;
    },
    set(id: string, state: 'done' | 'dead') {
      ids.delete(id);
      ids.set(id, { state, expires: Date.now() + ttlMs });
      while (ids.size > max) ids.delete(ids.keys().next().value!);
    },
    delete: (id: string) => ids.delete(id),
  };
}

export function createMemoryDeliveryQueue(o: QueueOptions & { replayMemory?: number } = {}): DeliveryQueue {
  const maxPerInstallation = o.maxPerInstallation ?? DEFAULT_MAX_PER_INSTALLATION;
  /** Every delivery not settled yet, by id. */
  const entries = new Map<string, Entry>();
  /** Waiting ids per installation, oldest first. */
  const queues = new Map<string, string[]>();
  /** Installations with waiting deliveries, in the order they are served (served ones go to the back). */
  const ring = new Set<string>();
  /** Deliveries queued, delayed or in flight per installation. */
  const pending = new Map<string, number>();
  const dead = new Map<string, QueuedDelivery>();
  const seen = createReplayMemory(o.replayMemory ?? 100_000, o.replayTtlMs ?? DEFAULT_REPLAY_TTL_MS);
  const counts = { queued: 0, delayed: 0, inFlight: 0 };
  const listeners: (() => void)[] = [];
  let next = 0;

  function enqueue(entry: Entry): void {
    entry.state = 'waiting';
    counts.queued += 1;
    const inst = entry.delivery.installation;
    const queue = queues.get(inst);
    if (queue) queue.push(entry.delivery.id);
    else queues.set(inst, [entry.delivery.id]);
    ring.add(inst);
    for (const listener of listeners) listener();
  }

  function settle(claim: Claim): Entry | null {
    const entry = entries.get(claim.delivery.id);
    if (!entry || entry.handle !== claim.handle) return null;
    counts.inFlight -= 1;
    entry.handle = undefined;
    return entry;
  }

  function release(entry: Entry): void {
    entries.delete(entry.delivery.id);
    const inst = entry.delivery.installation;
    const n = (pending.get(inst) ?? 1) - 1;
    if (n > 0) pending.set(inst, n);
    else pending.delete(inst);
  }

  return {
    durable: false,
    ready: () => true,
    onQueued: (listener) => void listeners.push(listener),
    async push(delivery): Promise<PushOutcome> {
      const existing = entries.get(delivery.id);
      if (existing?.state === 'delayed') {
        clearTimeout(existing.timer);
        counts.delayed -= 1;
        enqueue(existing);
        return { outcome: 'retry-now' };
      }
      if (existing) return { outcome: 'pending' };
      const before = seen.get(delivery.id);
      if (before === 'done') return { outcome: 'done' };
      const installation = installationOf(delivery);
      const held = pending.get(installation) ?? 0;
      if (held >= maxPerInstallation) return { outcome: 'full', pending: held };
      const wasDead = dead.delete(delivery.id) || before === 'dead';
      seen.delete(delivery.id);
      pending.set(installation, held + 1);
      const entry: Entry = { delivery: { ...delivery, installation, attempts: 0 }, state: 'waiting' };
      entries.set(delivery.id, entry);
      enqueue(entry);
      return { outcome: wasDead ? 'requeued' : 'queued' };
    },
    async claim(c = {}): Promise<Claim | null> {
      for (const inst of ring) {
        if (c.exclude?.has(inst)) continue;
        const queue = queues.get(inst)!;
        const id = queue.shift()!;
        ring.delete(inst);
        if (queue.length > 0) ring.add(inst);
        else queues.delete(inst);
        const entry = entries.get(id)!;
        counts.queued -= 1;
        counts.inFlight += 1;
        entry.state = 'leased';
        entry.handle = `${id}#${++next}`;
        return { delivery: entry.delivery, handle: entry.handle };
      }
      return null;
    },
    async complete(claim) {
      const entry = settle(claim);
      if (!entry) return;
      release(entry);
      seen.set(entry.delivery.id, 'done');
    },
    async retryLater(claim, delivery, delayMs) {
      const entry = settle(claim);
      if (!entry) return;
      entry.delivery = { ...delivery, installation: entry.delivery.installation };
      entry.state = 'delayed';
      counts.delayed += 1;
      entry.timer = setTimeout(() => {
        counts.delayed -= 1;
        enqueue(entry);
      }, delayMs);
    },
    async bury(claim, delivery) {
      const entry = settle(claim);
      if (!entry) return;
      release(entry);
      dead.set(delivery.id, { ...delivery, installation: entry.delivery.installation });
      while (dead.size > MAX_DEAD) dead.delete(dead.keys().next().value!);
      seen.set(delivery.id, 'dead');
    },
    async forget(id): Promise<ForgetOutcome> {
      if (entries.has(id)) return 'pending';
      const known = seen.get(id) !== null || dead.has(id);
      seen.delete(id);
      return known ? 'forgotten' : 'unknown';
    },
    async stats(): Promise<QueueStats> {
      const installations = [...pending]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([installation, n]) => ({ installation, pending: n }));
      return { queued: counts.queued, delayed: counts.delayed, inFlight: counts.inFlight, dead: dead.size, installations };
    },
    async close() {
      for (const entry of entries.values()) clearTimeout(entry.timer);
    },
  };
}
