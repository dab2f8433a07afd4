/**
 * A freeze request issue (issue 15): `deploy-governor freeze` and `unfreeze`
 * (src/cli/commands/freeze.ts) open an issue, with the person's own token, whose
 * body's first line is the command. The app takes it as it takes a `/freeze`
 * comment: the same parser, the same role check on its author (the signed
 * event's sender, whose role is read from GitHub), the same reply, on the request,
 * and then closes the request. Only the body the issue was opened with counts:
 * an edit (which anyone with write could make to someone else's issue) runs nothing.
 */
import { closeIssue } from '../../src/github/close-issue.js';
import type { FreezeDeps } from './freeze-deps.js';
import type { IssueLock } from '../issue-lock.js';
import { runFreezeCommand } from './run-freeze-command.js';

export async function runFreezeRequest(r: {
  deps: FreezeDeps;
  lock: IssueLock;
  owner: string;
  repo: string;
  /** The request issue as the `issues.opened` event carries it. */
  request: { number: number; id: number; body: string; createdAt: string };
  sender: string;
}): Promise<void> {
  const { owner, repo, request } = r;
  const { client } = r.deps;
  // The issue's id keys the reply and the freeze issue, as a comment's id does for a comment (a redelivery opens nothing twice).
  await runFreezeCommand({
    deps: r.deps,
    lock: r.lock,
    owner,
    repo,
    issue: request.number,
    comment: { id: request.id, body: request.body, createdAt: request.createdAt },
    sender: r.sender,
  });
  await closeIssue(client, { owner, repo }, request.number);
  r.deps.log.info({ issue: request.number, sender: r.sender }, 'freeze request answered and closed');
}
