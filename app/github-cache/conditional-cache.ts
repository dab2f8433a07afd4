/**
 * The app's memory of GitHub answers it may ask for again: for each GET (by
 * installation and full URL), the answer's ETag and body. It is never trusted
 * on its own: every use sends the ETag back (`If-None-Match`) and GitHub
 * answers 304 only when the representation is still the one stored, so a
 * change on GitHub is always seen. A 304 costs nothing against the
 * installation's quota of 5,000 requests an hour; a 200 replaces the entry.
 *
 * Bounded: least recently used entries go first once there are more than
 * `maxEntries` or their bodies exceed `maxBytes`; a body larger than
 * `maxEntryBytes` is not kept at all. Bodies are kept as JSON text, so no
 * caller can change what the next one gets.
 */

export interface CachedAnswer {
  etag: string;
  /** The body as JSON text. */
  json: string;
  /** The answer's headers worth handing back on a 304 (content type, link for pagination, ...). */
  headers: Record<string, string>;
}

export interface ConditionalCacheOptions {
  /** Most entries kept (default 4,000). */
  maxEntries?: number;
  /** Most body bytes kept, all entries together (default 16 MiB). */
  maxBytes?: number;
  /** Bodies larger than this are not kept (default 1 MiB). */
  maxEntryBytes?: number;
}

export interface ConditionalCacheStats {
  entries: number;
  bytes: number;
  /** Answers stored (first reads and 200s that replaced an entry). */
  stored: number;
  /** 304s answered from an entry. */
  revalidated: number;
  evicted: number;
}

/** The scope of an entry: the installation (never shared between two) and the identity the request was sent as. */
export interface CacheScope {
  installationId: number | string;
}

/** The key of one answer: installation, full URL (query included) and the representation asked for. */
export function cacheKey(scope: CacheScope, url: string, accept: string | undefined, apiVersion: string | undefined): string {
  return `installation:${scope.installationId}\n${url}\naccept:${accept ?? ''}\nversion:${apiVersion ?? ''}`;
}

export class ConditionalCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private readonly counts = { stored: 0, revalidated: 0, evicted: 0 };
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;

  constructor(o: ConditionalCacheOptions = {}) {
    this.maxEntries = o.maxEntries ?? 4000;
    this.maxBytes = o.maxBytes ?? 16 * 1024 * 1024;
    this.maxEntryBytes = Math.min(o.maxEntryBytes ?? 1024 * 1024, this.maxBytes);
  }

  /** The entry for `key` (now the most recently used), if any. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps an answer (replacing any earlier one), unless its body is too large; evicts the least recently used beyond the bounds. */
  set(key: string, answer: CachedAnswer): void {
    this.delete(key);
    const size = sizeOf(key, answer);
    if (size > this.maxEntryBytes) return;
    this.entries.set(key, answer);
    this.bytes += size;
    this.counts.stored += 1;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, entry);
      this.counts.evicted += 1;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry);
  }

  /** Counts a 304 answered from an entry. */
  noteRevalidated(): void {
    this.counts.revalidated += 1;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): ConditionalCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, ...this.counts };
  }
}

/** Bytes an entry holds (UTF-16 strings: two bytes a character, roughly). */
function sizeOf(key: string, answer: CachedAnswer): number {
  let headers = 0;
  for (const [k, v] of Object.entries(answer.headers)) headers += k.length + v.length;
  return 2 * (key.length + answer.etag.length + answer.json.length + headers);
}
