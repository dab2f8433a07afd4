/**
 * Who this app is on GitHub: its bot account's login (`<slug>[bot]`), read once
 * with the app's JWT (`GET /app`) and kept. Facts about a change's author come
 * from the signed payload's `sender`; whether that sender is this app must not
 * rest on `sender.type === 'Bot'`, because every app is a bot, including the
 * `github-actions[bot]` a writer's branch workflow acts as.
 */
import type { Probot } from 'probot';

export interface AppIdentity {
  /** Whether `login` is this app's own bot account. */
  isThisApp(login: string): Promise<boolean>;
}

export function appIdentity(probot: Pick<Probot, 'auth'>): AppIdentity {
  let login: Promise<string> | null = null;
  const read = async () => {
    const octokit = await probot.auth();
    const { data } = await octokit.request('GET /app');
    const slug = (data as { slug?: unknown } | null)?.slug;
    if (typeof slug !== 'string' || slug === '') throw new Error('GET /app answered no slug: the app cannot tell its own changes apart');
    return `${slug}[bot]`.toLowerCase();
  };
  return {
    async isThisApp(candidate) {
      login ??= read();
      // A failed read is not kept: the delivery fails (and is retried), and the next one asks again.
      login.catch(() => (login = null));
      return candidate.toLowerCase() === (await login);
    },
  };
}
