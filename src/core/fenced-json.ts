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

/** The value of the first block tagged `tag` in `text`, when it parses and validates; else null. */
export function extractFencedJson<S extends z.ZodType>(text: string | null | undefined, tag: string, schema: S): z.output<S> | null {
  if (!text) return null;
  const open = fenceOpen(tag);
  const start = text.indexOf(`${open}\n`);
  if (start < 0) return null;
  const bodyStart = start + open.length + 1;
  const end = text.indexOf(`\n${FENCE_CLOSE}`, bodyStart);
  if (end < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(bodyStart, end));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
