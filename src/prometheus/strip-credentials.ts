/** A URL fit for messages and reports: user info, query and fragment removed. */
export function stripCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/+$/, '');
  } catch {
    // Not a URL: drop anything that looks like user info rather than echo it.
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}
