/**
 * Probot's Octokit as the app runs it:
 *
 * - One throttle queue per installation. Probot's throttling keys its write
 *   queue (1 s between writes, 3 s between comments and issues, as GitHub asks
 *   per token) by `throttle.id`, which defaults to one id for the whole process
 *   (and, with Redis, for every instance): one busy repository would hold back
 *   every other installation's writes.
 * - Conditional reads (github-cache/conditional-requests.ts): the allow-listed
 *   GETs an installation repeats are sent with the ETag of the last answer, and
 *   a 304 (not counted against the installation's quota) returns the body kept
 *   for that installation. Every read is still answered by GitHub: a change is
 *   seen at once. Each installation's Octokit also carries its view of the
 *   files known absent at a default branch's head (github-cache/absent-files.ts).
 * - One app JWT reused until shortly before it expires (app-jwt.ts), instead of
 *   a fresh RSA signature for every installation token.
 */
import { ProbotOctokit } from 'probot';
import { cachedAppJwt } from './app-jwt.js';
import { AbsentFiles } from './github-cache/absent-files.js';
import { ConditionalCache } from './github-cache/conditional-cache.js';
import { conditionalRequests } from './github-cache/conditional-requests.js';

/** The answers kept for conditional reads, every installation's (bounded; entries are per installation). */
const githubAnswers = new ConditionalCache();
/** Files known absent at a default branch's head, every installation's (bounded; entries are per installation). */
const absentFiles = new AbsentFiles();

/** One JWT signer per private key (Probot builds an Octokit per delivery; the key is parsed once). */
const signers = new Map<string, ReturnType<typeof cachedAppJwt>>();

function withCachedJwt(auth: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  // Probot merges its own auth options (with the key) into every instance's, including those built from an
  // instance whose options this already rewrote: the key always wins over a createJwt carried along.
  if (!auth || typeof auth.privateKey !== 'string' || auth.appId === undefined) return auth;
  const { privateKey, createJwt: _carried, ...rest } = auth;
  let createJwt = signers.get(privateKey);
  if (!createJwt) {
    createJwt = cachedAppJwt(privateKey);
    signers.set(privateKey, createJwt);
  }
  // auth-app takes either privateKey or createJwt, never both.
  return { ...rest, createJwt };
}

/** The app's Octokit class over `cache` and `absent` (tests pass their own). */
export function appOctokit(o: { cache: ConditionalCache; absent?: AbsentFiles }) {
  return ProbotOctokit.plugin(conditionalRequests({ answers: o.cache, ...(o.absent ? { absent: o.absent } : {}) })).defaults(
    (options: Record<string, unknown>) => {
      const auth = options.auth as ({ installationId?: number | string } & Record<string, unknown>) | undefined;
      const throttle = options.throttle as Record<string, unknown> | undefined;
      return { ...options, auth: withCachedJwt(auth), throttle: { ...throttle, id: `installation-${auth?.installationId ?? 'app'}` } };
    },
  );
}

export const AppOctokit = appOctokit({ cache: githubAnswers, absent: absentFiles });
