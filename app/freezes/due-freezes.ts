/**
 * When each freeze this app keeps is due to end, for the expiry scheduler
 * (freeze-expiry.ts). In memory for one instance; with REDIS_URL a sorted set
 * shared by every instance (score: the due time in ms), which survives restarts.
 * A due freeze is claimed for a lease before it is closed: the claim moves its
 * score to the lease's end in one Lua script, so one instance closes each
 * freeze, and one that dies mid-way leaves it for another once the lease ends.
 */
import { Redis } from 'ioredis';

/** A freeze's issue and the installation that reaches it. */
export interface DueFreeze {
  installationId: number;
  owner: string;
  repo: string;
  issue: number;
}

export interface DueFreezes {
  /** Records a freeze's due time; one already known keeps its time (or its claim). */
  add(freeze: DueFreeze, dueAt: number): Promise<void>;
  /** Moves a claimed freeze to a new due time (it turned out to end later, or closing it failed). */
  move(freeze: DueFreeze, dueAt: number): Promise<void>;
  /** The earliest due time (a claim's end included), or null when none is known. */
  earliest(): Promise<number | null>;
  /** Claims up to `limit` freezes due at `now` until `now + leaseMs`: each is claimed by one caller. */
  claimDue(now: number, leaseMs: number, limit: number): Promise<DueFreeze[]>;
  remove(freeze: DueFreeze): Promise<void>;
  /** Whether the store outlives the process (a start-up scan then runs once, for every instance). */
  readonly durable: boolean;
  /** Whether a start-up scan has already filled the store. */
  scanned(): Promise<boolean>;
  markScanned(): Promise<void>;
  close(): Promise<void>;
}

const MEMBER = /^(\d+):([^/]+)\/([^#]+)#(\d+)$/;

function memberOf(f: DueFreeze): string {
  return `${f.installationId}:${f.owner}/${f.repo}#${f.issue}`;
}

function freezeOf(member: string): DueFreeze {
  const m = MEMBER.exec(member);
  if (!m) throw new Error(`unexpected member ${JSON.stringify(member)} in the freeze expiry set`);
  return { installationId: Number(m[1]), owner: m[2]!, repo: m[3]!, issue: Number(m[4]) };
}

export function memoryDueFreezes(): DueFreezes {
  const due = new Map<string, number>();
  const ordered = () => [...due.entries()].sort((a, b) => a[1] - b[1]);
  return {
    durable: false,
    add: async (f, at) => void (due.has(memberOf(f)) || due.set(memberOf(f), at)),
    move: async (f, at) => void due.set(memberOf(f), at),
    earliest: async () => ordered()[0]?.[1] ?? null,
    async claimDue(now, leaseMs, limit) {
      const claimed = ordered()
        .filter(([, at]) => at <= now)
        .slice(0, limit);
      for (const [member] of claimed) due.set(member, now + leaseMs);
      return claimed.map(([member]) => freezeOf(member));
    },
    remove: async (f) => void due.delete(memberOf(f)),
    scanned: async () => false,
    markScanned: async () => undefined,
    close: async () => undefined,
  };
}

const DUE_KEY = 'deploy-governor:freeze-expiry:due';
const SCANNED_KEY = 'deploy-governor:freeze-expiry:scanned';
/** Claims what is due in one step: no two instances get the same member. */
const CLAIM = `local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
for _, m in ipairs(due) do redis.call('zadd', KEYS[1], ARGV[2], m) end
return due`;

export function redisDueFreezes(redisUrl: string): DueFreezes {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // A failed command fails the scheduler's pass, which logs it and tries again later; ioredis would print every reconnection.
  redis.on('error', () => undefined);
  return {
    durable: true,
    add: async (f, at) => void (await redis.zadd(DUE_KEY, 'NX', at, memberOf(f))),
    move: async (f, at) => void (await redis.zadd(DUE_KEY, at, memberOf(f))),
    async earliest() {
      const [, score] = await redis.zrange(DUE_KEY, 0, 0, 'WITHSCORES');
      return score === undefined ? null : Number(score);
    },
    async claimDue(now, leaseMs, limit) {
      const members = (await redis.eval(CLAIM, 1, DUE_KEY, now, now + leaseMs, limit)) as string[];
      return members.map(freezeOf);
    },
    remove: async (f) => void (await redis.zrem(DUE_KEY, memberOf(f))),
    scanned: async () => (await redis.exists(SCANNED_KEY)) === 1,
    markScanned: async () => void (await redis.set(SCANNED_KEY, new Date().toISOString())),
    close: async () => void (await redis.quit()),
  };
}
