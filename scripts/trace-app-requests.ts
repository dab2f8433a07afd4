/**
 * The GitHub requests the app sends for each delivery of the bench's mix, one
 * pull request's schedule at a time (`npx tsx scripts/trace-app-requests.ts`;
 * TRACE_PULL_REQUESTS=n for more): the compiled app (`npx tsc -p
 * tsconfig.app.json` first) against the stateful stand-in, each delivery sent
 * alone and drained before the next, so every request is charged to the
 * delivery that caused it. What to read before trying to lower the bench's
 * requests per delivery (README, *Operating at scale*).
 */
import { generateAppKey, startAppInstances } from './lib/app-instances.js';
import { buildMix } from './lib/app-load-mix.js';
import { startGitHubStateStandIn } from './lib/github-state-stand-in.js';
import { driveDeliveries, waitForDrained } from './lib/webhook-load.js';
import { startLocalOidcIssuer } from '../test/support/oidc-issuer.js';
import { checkRequestAgainstOpenApi } from '../test/support/openapi-checker.js';

const SECRET = 'trace-secret';
const pullRequests = Number(process.env.TRACE_PULL_REQUESTS ?? 1);
if (!Number.isInteger(pullRequests) || pullRequests < 1) throw new Error(`TRACE_PULL_REQUESTS must be a positive integer`);

const github = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkRequestAgainstOpenApi });
const issuer = await startLocalOidcIssuer();
const apps = await startAppInstances(1, {
  appId: 4242,
  privateKey: generateAppKey(),
  webhookSecret: SECRET,
  githubUrl: github.url,
  env: { GITHUB_OIDC_ISSUER: issuer.url },
});
try {
  // The bench's schedule is ten deliveries per pull request.
  const mix = await buildMix(github.state, { deliveries: 10 * pullRequests, pullRequests, installations: pullRequests, issuer });
  let quota = 0;
  for (const [i, delivery] of mix.entries()) {
    github.resetStats();
    await driveDeliveries([delivery], { targets: apps.map((a) => a.webhookUrl), secret: SECRET, concurrency: 1, idPrefix: `trace-${i}` });
    await waitForDrained(apps.map((a) => a.baseUrl));
    const { byOperation, notModifiedByOperation, quotaCounted } = github.stats;
    quota += quotaCounted;
    console.log(`#${i + 1} ${delivery.kind}: ${quotaCounted} quota-counted`);
    for (const [op, n] of Object.entries(byOperation)) {
      const notModified = notModifiedByOperation[op];
      console.log(`    ${n}x ${op}${notModified ? ` (${notModified} answered 304)` : ''}`);
    }
  }
  console.log(`${quota} quota-counted requests for ${mix.length} deliveries: ${(quota / mix.length).toFixed(2)} per delivery`);
  if (github.problems.length > 0) console.log(`stand-in problems: ${[...new Set(github.problems)].join('; ')}`);
} finally {
  await Promise.all(apps.map((a) => a.stop()));
  await issuer.stop();
  await github.stop();
}
