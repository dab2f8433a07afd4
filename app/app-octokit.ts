/**
 * Probot's Octokit with one throttle queue per installation. Probot's throttling
 * keys its write queue (1 s between writes, 3 s between comments and issues, as
 * GitHub asks per token) by `throttle.id`, which defaults to one id for the
 * whole process (and, with Redis, for every instance): one busy repository
 * would hold back every other installation's writes.
 */
import { ProbotOctokit } from 'probot';

export const AppOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
  const auth = options.auth as { installationId?: number | string } | undefined;
  const throttle = options.throttle as Record<string, unknown> | undefined;
  return { ...options, throttle: { ...throttle, id: `installation-${auth?.installationId ?? 'app'}` } };
});
