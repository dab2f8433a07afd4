/**
 * `deploy-governor fleet --org <owner> [--json|--markdown] [--issue owner/repo]`:
 * the coverage report of an organisation, for a platform team: every
 * repository the token sees, which environments the app's protection rule or
 * the Action governs, the latest gate per environment, freezes, held
 * deployments, overrides, overdue action items, broken policies and, where a
 * rule runs in shadow mode, how many decisions of the last 30 days it would
 * have blocked, with the production environments nothing governs first. `--issue` keeps one pinned
 * issue current there (the scheduled recipe in examples/fleet-view.yml).
 * Takes GITHUB_TOKEN (or GH_TOKEN).
 */
import type { Command } from 'commander';
import type { FleetReport } from '../../core/fleet/fleet-report.js';
import { renderFleetMarkdown, renderFleetText } from '../../core/fleet/render-fleet.js';
import type { GitHubClient } from '../../github/client.js';
import { upsertFleetIssue } from '../../github/fleet-issue.js';
import { readFleet } from '../../github/fleet-read.js';
import { createGitHubClient } from '../../github/rest-client.js';
import { commandAction } from '../cli-exit.js';
import { parseRepo } from '../parent-access.js';
import { flagError, UsageError } from '../usage-error.js';

/** Exit codes, as the command's help states them. */
const FLEET_EXIT = { ok: 0, findings: 1 } as const;

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,38}$/;

export interface FleetOptions {
  org?: string;
  json?: boolean;
  markdown?: boolean;
  app: string;
  issue?: string;
  check?: boolean;
}

/** What the command needs from its surroundings (tests pass their own clock, client and output). */
export interface FleetIo {
  client: GitHubClient;
  now: Date;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The command's body: validates the flags, reads the fleet, prints it, updates the issue; returns the exit code. */
export async function runFleetCommand(options: FleetOptions, io: FleetIo): Promise<number> {
  if (!options.org || !OWNER.test(options.org))
    throw flagError(
      '--org',
      `expected an organisation login (e.g. acme); got ${options.org === undefined ? 'nothing' : `"${options.org}"`}`,
    );
  if (options.json && options.markdown) throw flagError('--json', 'choose one of --json and --markdown');
  if (!APP_SLUG.test(options.app)) throw flagError('--app', `expected a GitHub App slug such as deploy-governor; got "${options.app}"`);
  const target = options.issue === undefined ? null : parseRepo(options.issue);
  const report: FleetReport = await readFleet(io.client, {
    organisation: options.org,
    source: 'organisation',
    appSlug: options.app,
    keeper: { appSlug: options.app },
    now: io.now,
  });
  io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : options.markdown ? renderFleetMarkdown(report) : renderFleetText(report));
  for (const warning of report.warnings) io.err(`deploy-governor: warning: ${warning}\n`);
  if (target) {
    const issue = await upsertFleetIssue(io.client, target, renderFleetMarkdown(report));
    for (const warning of issue.warnings) io.err(`deploy-governor: warning: ${warning}\n`);
    io.err(
      `fleet issue: ${target.owner}/${target.repo}#${issue.number} ${issue.created ? 'created' : 'updated'}${issue.pinned ? ', pinned' : ''}\n`,
    );
  }
  const findings = report.summary.ungovernedProduction.length + report.summary.policyErrors.length;
  return options.check && findings > 0 ? FLEET_EXIT.findings : FLEET_EXIT.ok;
}

export function registerFleetCommands(program: Command): void {
  program
    .command('fleet')
    .description(
      "Report on an organisation's repositories: environments and which are governed (the app's protection rule, or the Action in a deploy workflow), " +
        'the latest gate per environment, active freezes, held deployments, overrides in the last 30 days, overdue action items, policies that fail to load, ' +
        'and how many decisions of the last 30 days each advisory rule would have blocked. ' +
        'Exit 0, or 1 with --check when a production-like environment is ungoverned or a policy fails to load; 99 on an error.',
    )
    .option('--org <owner>', 'the organisation whose repositories to list (every one the token sees; archived ones are skipped)')
    .option('--json', 'print the report as JSON (deploy-governor/fleet@1)')
    .option('--markdown', 'print the report as markdown')
    .option('--app <slug>', "the deploy-governor app's slug: its protection rules, freeze issues and action items count", 'deploy-governor')
    .option('--issue <owner/repo>', "keep one pinned fleet-view issue current in this repository (e.g. the organisation's .github)")
    .option('--check', 'exit 1 when a production-like environment is ungoverned or a policy fails to load')
    .action(
      commandAction(async (options: FleetOptions) => {
        const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
        if (!token)
          throw new UsageError(
            'set GITHUB_TOKEN (or GH_TOKEN) to a token that can read the organisation: contents, issues, actions and deployments: read (issues: write with --issue)',
          );
        return runFleetCommand(options, {
          client: createGitHubClient(token),
          now: new Date(),
          out: (t) => process.stdout.write(t),
          err: (t) => process.stderr.write(t),
        });
      }),
    );
}
