/** The `/postmortem <title>` comment command: parsing is pure; the title is user text and is rendered inert later. */

/** The command's title (may be empty: the issue's own title is used then), or null when the comment is no command. */
export function parsePostmortemCommand(comment: string): { title: string } | null {
  const first = comment
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .trim();
  const m = /^\/postmortem(?:\s+(.*))?$/i.exec(first);
  if (!m) return null;
  return { title: (m[1] ?? '').trim().slice(0, 200) };
}
