/** Text that goes into PrometheusQueryError messages: short, one line, no secrets. */

const MAX_QUERY_CHARS = 300;
const MAX_EXCERPT_CHARS = 200;
/** Shorter values (e.g. a header "1") are not worth redacting: they would mangle ordinary text. */
const MIN_SECRET_CHARS = 4;

// On its own line so that the directive stays next to the regular expression however the code is wrapped.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]+/g;

function oneLine(text: string): string {
  return text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, the ellipsis included. */
function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The query as messages show it: one line, about 300 characters at most. */
export function queryForMessage(query: string): string {
  return cut(oneLine(query), MAX_QUERY_CHARS);
}

/** A body excerpt: one line, control characters removed, `max` (200) characters at most. */
export function excerpt(body: string, max = MAX_EXCERPT_CHARS): string {
  const clean = oneLine(body);
  return clean === '' ? '(empty body)' : cut(clean, max);
}

/**
 * Removes known secrets (header values, URL credentials) from text a server sent
 * back: an echoing proxy or a chatty error page must not put a token into a log.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(values: readonly string[]) {
    const all = new Set<string>();
    for (const value of values) {
      all.add(value);
      // "Bearer abc", "Basic dXNlcjpwYXNz": the credential alone may be echoed too.
      const credential = /^\s*[A-Za-z-]+\s+(\S+)\s*$/.exec(value)?.[1];
      if (credential) all.add(credential);
    }
    // Longest first, so a secret that contains another is removed whole.
    this.secrets = [...all].filter((s) => s.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    return this.secrets.reduce((out, secret) => out.split(secret).join('***'), text);
  }
}
