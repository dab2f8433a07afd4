/**
 * JSON that travels inside check-run text (`output.text`) in a fenced block
 * whose info string names what it is (`json deploy-governor-report`,
 * `json deploy-governor-freeze-request`, …): one note line, then the block.
 * Reading takes the first block of that tag and keeps it only when it
 * validates against the schema; anything else is no value at all (null), never
 * an error, because check-run text is whatever the workflow wrote.
 */
import type { z } from 'zod';

const FENCE_CLOSE = '```';

const fenceOpen = (tag: string) => `\`\`\`json ${tag}`;

/** `value` as check-run text under `tag`, after a one-line `note`. */
export function embedFencedJson(tag: string, note: string, value: unknown): string {
  return `${note}\n\n${fenceOpen(tag)}\n${JSON.stringify(value)}\n${FENCE_CLOSE}\n`;
}

/** Whether `text` has a block tagged `tag` (the edge's cheap look, before anything is parsed). */
export function hasFencedJson(text: string | null | undefined, tag: string): boolean {
  return text?.includes(`${fenceOpen(tag)}\n`) ?? false;
}

/** The first block tagged `tag`, validated; or why there is none (for a log line). */
export type FencedJson<T> = { value: T } | { problem: string };

/**
 * The value of the first block tagged `tag` in `text`, when it parses and validates, or the problem.
 * `maxChars`: a longer block is refused before it is parsed.
 */
export function readFencedJson<S extends z.ZodType>(
  text: string | null | undefined,
  tag: string,
  schema: S,
  maxChars = Infinity,
): FencedJson<z.output<S>> {
  if (!text) return { problem: 'the check run has no text' };
  const open = fenceOpen(tag);
  const start = text.indexOf(`${open}\n`);
  if (start < 0) return { problem: `the check run carries no ${tag} block` };
  const bodyStart = start + open.length + 1;
  const end = text.indexOf(`\n${FENCE_CLOSE}`, bodyStart);
  if (end < 0) return { problem: `the ${tag} block is not closed` };
  if (end - bodyStart > maxChars) return { problem: `the ${tag} block is over ${maxChars} characters` };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(bodyStart, end));
  } catch {
    return { problem: `the ${tag} block is not JSON` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `the ${tag} block does not validate: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` };
}

/** The value of the first block tagged `tag` in `text`, when it parses and validates; else null. */
export function extractFencedJson<S extends z.ZodType>(text: string | null | undefined, tag: string, schema: S): z.output<S> | null {
  const read = readFencedJson(text, tag, schema);
  return 'value' in read ? read.value : null;
}
