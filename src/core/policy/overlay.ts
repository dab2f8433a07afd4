/**
 * How one policy section lays over another, wherever the policy does it (an environment's section over the
 * top level, a repository's object over its organisation's): objects merge key by key, recursively; lists and
 * scalars replace; an undefined value changes nothing.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function overlay(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) if (value !== undefined) out[key] = overlay(out[key], value);
  return out;
}
