/**
 * `deploy-governor postmortems sweep|report --repo owner/name`: the postmortem
 * sweep for a scheduled workflow, and the reliability report as markdown, JSON
 * or OpenMetrics. Both read the policy from the repository's default branch
 * through the API (as the app does) unless `--config` names a local file, and
 * take GITHUB_TOKEN (or GH_TOKEN).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parsePolicy } from '../../core/policy/load-policy.js';
import { resolvePostmortemPolicy, type PostmortemPolicy } from '../../core/postmortem/postmortem-policy.js';
import { renderReliabilityMarkdown, renderReliabilityOpenMetrics } from '../../core/postmortem/reliability-report.js';
import { readReliabilityReport, runPostmortemSweep } from '../../github/apply-sweep.js';
import type { GitHubClient } from '../../github/client.js';
import { resolveChain } from '../../core/policy/inherit/resolve-chain.js';
import { parentPolicyReader } from '../../github/read-parent-policy.js';
import { readRepoPolicy } from '../../github/read-repo-policy.js';
import { createGitHubClient } from '../../github/rest-client.js';
import { commandAction } from '../cli-exit.js';
import { flagError, UsageError } from '../usage-error.js';

/** Exit codes, as the commands' help states them. */
const POSTMORTEM_EXIT = { ok: 0, problems: 1, error: 99 } as const;

const REPORT_FORMATS = ['markdown', 'json', 'openmetrics'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

interface CommonOptions {
  repo?: string;
  config?: string;
}

function parseRepo(value: string | undefined): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(value ?? '');
  if (!match) throw flagError('--repo', `expected owner/name (e.g. octo/shop); got ${value === undefined ? 'nothing' : `"${value}"`}`);
  return { owner: match[1]!, repo: match[2]! };
}

function githubClient(): GitHubClient {
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!token) throw new UsageError('set GITHUB_TOKEN (issues: write for sweep, issues: read for report) to reach the repository');
  return createGitHubClient(token);
}

async function readPolicy(client: GitHubClient, owner: string, repo: string, config: string | undefined): Promise<PostmortemPolicy> {
  if (!config) return resolvePostmortemPolicy((await readRepoPolicy(client, owner, repo)).postmortems);
  // A local file that extends another is merged with it, through the same token, as the gate reads it.
  const { file } = await resolveChain(parsePolicy(await readFile(config, 'utf8'), config), config, parentPolicyReader(client, 'cli'), {
    owner,
    self: null,
  });
  return resolvePostmortemPolicy(file.postmortems);
}

export function registerPostmortemCommands(program: Command): void {
  const postmortems = program
    .command('postmortems')
    .description("Postmortem reminders and the reliability report (issues labelled by the policy's postmortems section).");

  postmortems
    .command('sweep')
    .description(
      'Remind owners of overdue action items (once a day, label "overdue"), remind on postmortems still unpublished after publish-reminder-after, and update the pinned "Reliability report" issue. ' +
        'Exit 0 when everything was done, 1 when some action failed (the others were still done; rerunning is safe), 99 on an error that stopped the sweep.',
    )
    .option('--repo <owner/name>', 'repository to sweep')
    .option('--config <path>', 'local policy file instead of .github/deploy-governor.yml on the default branch')
    .action(
      commandAction(async (options: CommonOptions) => {
        const { owner, repo } = parseRepo(options.repo);
        const client = githubClient();
        const policy = await readPolicy(client, owner, repo, options.config);
        const result = await runPostmortemSweep(client, { owner, repo, policy, now: new Date() });
        for (const { action, outcome, error } of result.actions) {
          process.stdout.write(`${outcome === 'done' ? 'done' : 'FAILED'}: #${action.issue} ${action.kind}${error ? `: ${error}` : ''}\n`);
        }
        if (result.actions.length === 0) process.stdout.write('nothing to remind about today\n');
        if (result.reportIssue)
          process.stdout.write(
            `reliability report: #${result.reportIssue.number} ${result.reportIssue.created ? 'created' : 'updated'}${result.reportIssue.pinned ? ', pinned' : ''}\n`,
          );
        for (const warning of result.warnings) process.stderr.write(`deploy-governor: warning: ${warning}\n`);
        for (const failure of result.failures) process.stderr.write(`deploy-governor: failed: ${failure}\n`);
        return result.failures.length > 0 ? POSTMORTEM_EXIT.problems : POSTMORTEM_EXIT.ok;
      }),
    );

  postmortems
    .command('report')
    .description(
      "Print the reliability report: time to postmortem, action-item completion within 30 days, overdue items and coverage, against the policy's goals. " +
        'Exit 0 (also when a goal is missed, so a metrics job keeps publishing), 1 with --check when a measured goal is missed, 99 on an error.',
    )
    .option('--repo <owner/name>', 'repository to report on')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')} (OpenMetrics text for a Pushgateway or a textfile collector)`, 'markdown')
    .option('--config <path>', 'local policy file instead of .github/deploy-governor.yml on the default branch')
    .option('--check', 'exit 1 when a measured goal is missed')
    .action(
      commandAction(async (options: CommonOptions & { format: string; check?: boolean }) => {
        const { owner, repo } = parseRepo(options.repo);
        if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
          throw flagError('--format', `expected one of ${REPORT_FORMATS.join(', ')}; got "${options.format}"`);
        }
        const format = options.format as ReportFormat;
        const client = githubClient();
        const policy = await readPolicy(client, owner, repo, options.config);
        const { report, warnings } = await readReliabilityReport(client, { owner, repo, policy, now: new Date() });
        for (const warning of warnings) process.stderr.write(`deploy-governor: warning: ${warning}\n`);
        const render = {
          markdown: renderReliabilityMarkdown,
          json: (r: typeof report) => `${JSON.stringify(r, null, 2)}\n`,
          openmetrics: renderReliabilityOpenMetrics,
        }[format];
        process.stdout.write(render(report));
        return options.check && !report.goalsMet ? POSTMORTEM_EXIT.problems : POSTMORTEM_EXIT.ok;
      }),
    );
}
