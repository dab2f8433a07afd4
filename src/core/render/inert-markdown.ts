/**
 * Renders text that users control (override reasons, SLO and window names,
 * branch names, messages that quote queries) inert inside a GitHub comment: no
 * mention or team ping notifies anyone, no HTML renders, no markdown breaks out
 * of its place, no issue reference links, and nothing can pose as our marker.
 */

const ZWSP = '\u200b';

/** Inline text: one line, every markdown control character escaped. */
export function inert(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      // Bidirectional embeddings, overrides and isolates: they would reorder the text that follows, ours included.
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\r?\n|\r/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Markdown punctuation that could open links, emphasis, code, tables or headings.
      .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
      // @user and @org/team: a zero-width space after @ keeps the text but stops the ping.
      .replace(/@/g, `@${ZWSP}`)
      // #123 and owner/repo#123 cross-references.
      .replace(/#(?=\d)/g, `#${ZWSP}`)
      // GH-123 references link like #123.
      .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
      // Bare URLs (scheme:// and www.) stay visible but do not autolink into something clickable and misleading.
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\b(www)\./gi, `$1${ZWSP}.`)
  );
}

/** A value inside a table cell or list item, capped so one field cannot flood the comment. */
export function inertLimited(text: string, max = 500): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return inert(clipped);
}

/**
 * A URL safe as a markdown link target: http(s) only, normalised by the URL
 * parser (which percent-encodes spaces, quotes and angle brackets), with the
 * parentheses that would end the target encoded too. Null for anything else.
 */
export function inertUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
