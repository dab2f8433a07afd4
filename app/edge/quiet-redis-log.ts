/**
 * Probot's throttling keeps a Redis connection of its own (Bottleneck, when
 * REDIS_URL is set) and logs every failed reconnection at error level: about
 * ten lines a second, each with a stack, for as long as Redis is away. The
 * delivery queue already logs the outage once and the recovery once, so those
 * repeats are dropped here: the first line of each kind passes, the same line
 * again within `windowMs` does not.
 *
 * It wraps the write of the logger's destination (shared by every child
 * logger), found by pino's own `pino.stream` symbol; other lines pass untouched.
 *
 * ioredis prints `[ioredis] Unhandled error event: …` with console.error for
 * every reconnection of a client that has no `error` listener (the per-issue
 * locks' client in app/issue-lock.ts has none): `quietUnhandledIoredisErrors`
 * drops those repeats the same way. Once every client listens for its errors
 * it has nothing left to do.
 */
type Stream = { write(chunk: unknown, ...rest: unknown[]): boolean };

function destinationOf(log: object): Stream | null {
  for (let o: object | null = log; o; o = Object.getPrototypeOf(o) as object | null) {
    const sym = Object.getOwnPropertySymbols(o).find((s) => s.description === 'pino.stream');
    if (sym) return (o as Record<symbol, Stream>)[sym] ?? null;
  }
  return null;
}

/** Returns false when the logger is not pino's (nothing is changed then). */
export function quietRepeatedRedisErrors(log: object, windowMs = 60_000): boolean {
  const stream = destinationOf(log);
  if (!stream) return false;
  const write = stream.write.bind(stream);
  const last = new Map<string, number>();
  stream.write = (chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && chunk.includes('"source":"bottleneck"')) {
      const key = chunk.replace(/"time":\d+,?/, '');
      const now = Date.now();
      const seen = last.get(key);
      if (seen !== undefined && now - seen < windowMs) return true;
      if (last.size > 100) last.clear();
      last.set(key, now);
    }
    return write(chunk, ...rest);
  };
  return true;
}
