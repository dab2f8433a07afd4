/**
 * The `Deploy-Class:` trailer of a commit message (git's trailer convention:
 * `Key: value` lines in the message's last paragraph), and the
 * `deploy-class:<name>` label of a pull request. Case-insensitive keys, as git
 * treats trailers; the value is one class name or nothing.
 */

const TRAILER = /^deploy-class:\s*([A-Za-z0-9-]+)\s*$/i;
const TRAILER_LINE = /^[A-Za-z0-9-]+:\s/;

/** The class a commit message's trailer names, or null. Only the last paragraph is the trailer block. */
export function deployClassTrailer(message: string): string | null {
  const paragraphs = message
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  if (paragraphs.length < 2) return null;
  const lines = paragraphs.at(-1)!.split('\n');
  // Git only reads a paragraph made of trailers (continuation lines aside) as the trailer block.
  if (!lines.every((l) => TRAILER_LINE.test(l) || /^\s/.test(l))) return null;
  const found = lines.map((l) => TRAILER.exec(l)?.[1]).filter((v): v is string => v !== undefined);
  return found.length === 0 ? null : found.at(-1)!.toLowerCase();
}

/** The label prefix that names a pull request's class. */
const CLASS_LABEL_PREFIX = 'deploy-class:';

/** The class named by a pull request's labels: null when none, or when two labels name different classes (ambiguous). */
export function deployClassLabel(labels: readonly string[]): string | null {
  const names = [
    ...new Set(
      labels
        .filter((l) => l.toLowerCase().startsWith(CLASS_LABEL_PREFIX))
        .map((l) => l.slice(CLASS_LABEL_PREFIX.length).trim().toLowerCase()),
    ),
  ];
  return names.length === 1 ? names[0]! : null;
}
