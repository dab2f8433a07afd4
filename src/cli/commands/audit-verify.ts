/**
 * `deploy-governor audit verify [file] [--repo owner/name]`: checks the override
 * audit log's hash chain, from a local file or through the API (GITHUB_TOKEN),
 * and names the first broken line.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { verifyChain } from '../../core/audit/hash-chain.js';
import { messageOf } from '../../github/client.js';
import { readRepoFile } from '../../github/read-repo-file.js';
import { createGitHubClient } from '../../github/rest-client.js';
import { CliExit } from '../cli-exit.js';

async function readLog(file: string | undefined, options: { repo?: string; branch: string; path: string }): Promise<{ text: string; source: string }> {
  if (options.repo) {
    const [owner, repo] = options.repo.split('/');
    if (!owner || !repo) throw new Error(`--repo must be owner/name; got "${options.repo}"`);
    const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
    if (!token) throw new Error('set GITHUB_TOKEN (contents: read on the repository) to read the log through the API');
    const log = await readRepoFile(createGitHubClient(token), { owner, repo, path: options.path, ref: options.branch });
    if (!log) throw new Error(`no ${options.path} on branch ${options.branch} of ${options.repo} (or the token cannot see it)`);
    return { text: log.text, source: `${options.repo}:${options.branch}:${options.path}` };
  }
  if (!file) throw new Error('name a log file, or use --repo owner/name');
  return { text: await readFile(file, 'utf8'), source: file };
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The override audit log.');
  audit
    .command('verify [file]')
    .description('Verify the hash chain of an audit log; exit 1 at the first broken line.')
    .option('--repo <owner/name>', 'read the log through the GitHub API (GITHUB_TOKEN)')
    .option('--branch <branch>', 'branch of the log', 'deploy-governor-audit')
    .option('--path <path>', 'path of the log', 'audit/overrides.jsonl')
    .action(async (file: string | undefined, options: { repo?: string; branch: string; path: string }) => {
      let log: { text: string; source: string };
      try {
        log = await readLog(file, options);
      } catch (error: unknown) {
        process.stderr.write(`deploy-governor: ${messageOf(error)}\n`);
        throw new CliExit(99);
      }
      const verdict = verifyChain(log.text);
      if (verdict.ok) {
        process.stdout.write(`OK: ${verdict.records} record(s), hash chain intact (${log.source})\n`);
        throw new CliExit(0);
      }
      process.stdout.write(`BROKEN at line ${verdict.line} of ${log.source}: ${verdict.reason} (${verdict.records} record(s) before it are intact)\n`);
      throw new CliExit(1);
    });
}
