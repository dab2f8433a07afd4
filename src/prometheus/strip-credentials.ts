/**
 * A URL fit for messages and reports: user info (`user:pass@`), query string and
 * fragment removed (either may carry a token), trailing slashes trimmed.
 *
 * Never throws, and errs on the side of hiding: text that is not an http(s) URL,
 * or that has an `@` the URL parser did not read as user info (an unencoded `/`,
 * `?` or `#` in a password moves the password into the host, port or fragment),
 * loses everything up to its last `@`.
 */
export function stripCredentials(url: string): string {
  const text = url.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
  const rest = text.slice(scheme.length);
  // An `@` after the first character that ends the authority (`/ ? # \`) means a password held one of them unencoded:
  // the parser would put part of it in the path, so clean by hand.
  const authorityEnd = rest.search(/[/?#\\]/);
  const suspicious = rest.lastIndexOf('@') > (authorityEnd === -1 ? rest.length : authorityEnd);
  try {
    if (suspicious) throw new Error('user info the parser would misread');
    const parsed = new URL(text);
    const http = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    if (http && (!rest.includes('@') || parsed.username !== '' || parsed.password !== '')) {
      parsed.username = '';
      parsed.password = '';
      parsed.search = '';
      parsed.hash = '';
      return parsed.toString().replace(/\/+$/, '');
    }
  } catch {
    // Not a URL (e.g. `user:pass@host:9090`, or a password with an unencoded `/`): clean it by hand.
  }
  return `${scheme}${rest.slice(rest.lastIndexOf('@') + 1)}`.replace(/[?#].*$/s, '').replace(/\/+$/, '');
}
