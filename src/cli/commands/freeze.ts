/**
 * `deploy-governor freeze <environment|all> <duration|until time> <reason>` and
 * `deploy-governor unfreeze <environment|all>` (issue 15): a freeze request. The
 * CLI never writes a freeze itself: only the deploy-governor app's own
 * `deploy-freeze` issues count. With the person's own token (GITHUB_TOKEN or
 * GH_TOKEN, issues: write) it opens an issue in `--repo` whose first line is the
 * command; the app checks the author's role from GitHub as it does for a
 * `/freeze` comment, answers on the issue and closes it
 * (app/freezes/freeze-request.ts). The CLI waits for that answer and prints it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseFreezeCommand } from '../../core/freeze/freeze-command.js';
import type { GitHubClient } from '../../github/client.js';
import { createGitHubClient } from '../../github/rest-client.js';
import { commandAction } from '../cli-exit.js';
import { parseRepo } from '../parent-access.js';
import { flagError, UsageError } from '../usage-error.js';

/** Exit codes, as the commands' help states them. */
const FREEZE_EXIT = { answered: 0, unanswered: 1 } as const;
const POLL_MS = 1_000;

interface RequestOptions {
  repo?: string;
  wait: string;
}

const created = z.object({ number: z.number().int(), id: z.number().int(), html_url: z.string() });
const comments = z.array(
  z.object({
    body: z.string().nullable().optional(),
    user: z.object({ type: z.string() }).nullable(),
    performed_via_github_app: z.object({ id: z.number() }).nullable().optional(),
  }),
);

function parseWait(value: string): number {
  if (!/^\d{1,4}$/.test(value)) throw flagError('--wait', `expected whole seconds from 0 to 9999; got "${value}"`);
  return Number(value);
}

/** The app's reply on the request (a comment by an app carrying the command's marker), without its marker. */
async function readReply(client: GitHubClient, target: { owner: string; repo: string }, request: { number: number; id: number }) {
  const marker = `<!-- deploy-governor:freeze-command ${request.id} -->`;
  const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...target,
    issue_number: request.number,
    per_page: 100,
  });
  const reply = comments.parse(data).find((c) => c.performed_via_github_app && c.user?.type === 'Bot' && c.body?.includes(marker));
  return reply ? reply.body!.replace(marker, '').trim() : null;
}

async function request(line: string, options: RequestOptions): Promise<number> {
  if (!options.repo)
    throw flagError('--repo', 'expected owner/name, the repository to freeze (its .github repository for every repository of an owner)');
  const target = parseRepo(options.repo);
  const wait = parseWait(options.wait);
  // The app parses it again with the repository's environments; this catches a typo before anything is opened.
  const parsed = parseFreezeCommand(line, { environments: [], now: new Date() });
  if (parsed?.kind === 'invalid') throw flagError(parsed.command, parsed.message.replace(/`/g, ''));
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!token)
    throw new UsageError('set GITHUB_TOKEN (or GH_TOKEN) to your own token with issues: write on the repository: the app checks your role');
  const client = createGitHubClient(token);
  const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
    ...target,
    title: `deploy-governor request: ${line.slice(0, 200)}`,
    body: `${line}\n\nA request from the deploy-governor CLI: the deploy-governor app checks the author's role, answers here and closes this issue.`,
    request: { retries: 0 },
  });
  const opened = created.parse(data);
  process.stdout.write(`request opened: ${opened.html_url}\n`);
  for (let waited = 0; waited < wait * 1000; waited += POLL_MS) {
    await sleep(POLL_MS);
    const reply = await readReply(client, target, opened);
    if (reply !== null) {
      process.stdout.write(`${reply}\n`);
      return FREEZE_EXIT.answered;
    }
  }
  if (wait > 0)
    process.stderr.write(`deploy-governor: no answer from the app within ${wait} s; it answers on ${opened.html_url} once it runs\n`);
  return wait > 0 ? FREEZE_EXIT.unanswered : FREEZE_EXIT.answered;
}

const EXIT_HELP =
  'Exit 0 when the app answered (its answer is printed: done, or why not), 1 when it did not answer within --wait, 99 on an error.';

export function registerFreezeCommands(program: Command): void {
  program
    .command('freeze')
    .description(
      `Ask the deploy-governor app to freeze deploys, as a /freeze comment does: opens a request issue with your GITHUB_TOKEN and prints the app's answer. ${EXIT_HELP}`,
    )
    .argument('<environment>', 'an environment of the policy, or all')
    .argument('<when...>', 'a duration (2h, 1d) or "until <time>" (2026-12-01T18:00Z), then the reason')
    .requiredOption('--repo <owner/name>', "the repository (its owner's .github repository freezes every repository of the owner)")
    .option('--wait <seconds>', 'how long to wait for the answer (0: do not wait)', '60')
    .action(
      commandAction((environment: string, when: string[], options: RequestOptions) =>
        request(`/freeze ${environment} ${when.join(' ')}`, options),
      ),
    );
  program
    .command('unfreeze')
    .description(`Ask the deploy-governor app to lift freezes, as an /unfreeze comment does. ${EXIT_HELP}`)
    .argument('<environment>', 'an environment of the policy, or all')
    .requiredOption('--repo <owner/name>', 'the repository that keeps the freeze')
    .option('--wait <seconds>', 'how long to wait for the answer (0: do not wait)', '60')
    .action(commandAction((environment: string, options: RequestOptions) => request(`/unfreeze ${environment}`, options)));
}
