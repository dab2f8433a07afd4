/**
 * Which webhook deliveries the app will act on, decided at the edge from the
 * event name, the action and the few payload fields the handlers look at
 * first, so that a delivery they would ignore is answered `200 {"ignored"}`
 * and never queued. An organisation-wide installation receives a `check_run`
 * for every check of every app, most of them nothing to the app.
 *
 * Pure, and deliberately conservative: a delivery is dropped only when its
 * handler (app/handlers/*, wired in app/index.ts) would return without doing
 * anything, judging by fields that need no GitHub request. Whatever depends on
 * the repository's policy (its postmortem or incident label) is left to the
 * handler. A new handler, or a new early return in one, belongs here too.
 *
 * | Event and action | Handled when |
 * | --- | --- |
 * | `check_run.completed` | named `deploy-governor / <env>`, created by GitHub Actions or this app, and its `output.text` carries a report block (for `deploy-governor / freeze-request`, a freeze-request block; for `deploy-governor / <env> / verify`, created by GitHub Actions only, a verification block) |
 * | `deployment_protection_rule.requested` | always |
 * | `issue_comment.created` | by a person (not a bot), and the comment's first line is `/postmortem …`, `/freeze …` or `/unfreeze …` |
 * | `issues.opened`, `issues.edited` | by a person, on an issue with at least one label (a postmortem carries the policy's label); by anyone on a `deploy-freeze` issue; opened by a person with `/freeze …` or `/unfreeze …` as the body's first line (a freeze request) |
 * | `issues.closed` | the issue has at least one label (an action item, or an incident with its severity) |
 * | `issues.reopened` | the issue is labelled `action-item` |
 * | `issues.unlabeled` | the label removed is `deploy-freeze` (by anyone: a bot other than this app may not lift a freeze either) |
 * | `pull_request.opened`, `.synchronize`, `.reopened` | always (the freeze status on its head commit; the policy decides whether there is one) |
 * | `pull_request.edited` | its base branch changed |
 * | anything else | never |
 */
import { FREEZE_LABEL, isFreezeCommand } from '../../src/core/freeze/freeze-command.js';
import { FREEZE_REQUEST_CHECK_NAME } from '../../src/core/freeze/freeze-request.js';
import { hasFencedJson } from '../../src/core/fenced-json.js';
import { VERIFICATION_TAG } from '../../src/core/verify/embed-verification.js';
import { verifyCheckRunEnvironment } from '../../src/core/verify/extract-verification.js';
import { parsePostmortemCommand } from '../postmortems/postmortem-command.js';

/** The events the app subscribes to (app.yml's default_events); every other event is ignored unread. */
export const SUBSCRIBED_EVENTS: ReadonlySet<string> = new Set([
  'check_run',
  'deployment_protection_rule',
  'issues',
  'issue_comment',
  'pull_request',
]);

/** The handlers' actions per event (app/index.ts). */
const HANDLED_ACTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  check_run: new Set(['completed']),
  deployment_protection_rule: new Set(['requested']),
  issue_comment: new Set(['created']),
  issues: new Set(['opened', 'edited', 'closed', 'reopened', 'unlabeled']),
  pull_request: new Set(['opened', 'synchronize', 'reopened', 'edited']),
};

/** The Action's check run (app/handlers/check-run-completed.ts). */
const CHECK_NAME = /^deploy-governor \/ (.+)$/;
/** Opens the report block in a check run's text (src/core/report/extract-report.ts). */
const REPORT_FENCE = '```json deploy-governor-report\n';
/** Opens the block of a workflow's freeze request (src/core/freeze/freeze-request.ts). */
const FREEZE_REQUEST_FENCE = '```json deploy-governor-freeze-request\n';
/** The label of an action item (app/postmortems/sync-action-items.ts). */
const ACTION_ITEM_LABEL = 'action-item';

interface Relevant {
  relevant: true;
  /** The installation whose queue the delivery waits in. */
  installation: string;
  action: string | null;
  /** `owner/name`, for log lines (never the payload). */
  repository: string | null;
}

interface Irrelevant {
  relevant: false;
  /** Why, in the app's words: answered to GitHub in the 200's body (it shows in the app's delivery log). */
  reason: string;
  /** Worth a warning in the app's log (a check run posing as the gate's). */
  suspicious?: boolean;
}

export type Relevance = Relevant | Irrelevant;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function labelCount(issue: Obj | null): number {
  const labels = issue?.labels;
  return Array.isArray(labels) ? labels.length : 0;
}

function hasLabel(issue: Obj | null, name: string): boolean {
  const labels = issue?.labels;
  return Array.isArray(labels) && labels.some((l) => (typeof l === 'string' ? l : str(obj(l)?.name)) === name);
}

const isBot = (payload: Obj) => obj(payload.sender)?.type === 'Bot';

/** Whether the handlers would act on this delivery; `appId` is this app's (its own check runs count). */
export function relevanceOf(name: string, body: unknown, o: { appId: number }): Relevance {
  if (!SUBSCRIBED_EVENTS.has(name)) return { relevant: false, reason: `the app does not handle ${name} events` };
  const payload = obj(body);
  if (!payload) return { relevant: false, reason: 'the payload is not a JSON object' };
  const action = str(payload.action);
  if (!action || !HANDLED_ACTIONS[name]!.has(action))
    return { relevant: false, reason: `the app does not handle ${name}.${action ?? '(no action)'}` };
  const ignored = (reason: string, suspicious = false): Irrelevant => ({ relevant: false, reason, ...(suspicious ? { suspicious } : {}) });

  switch (name) {
    case 'check_run': {
      const run = obj(payload.check_run);
      const runName = str(run?.name);
      if (!runName || !CHECK_NAME.test(runName)) return ignored('not a deploy-governor check run');
      const app = obj(run?.app);
      if (app?.slug !== 'github-actions' && app?.id !== o.appId) return ignored('a deploy-governor check run created by another app', true);
      const text = str(obj(run?.output)?.text);
      if (verifyCheckRunEnvironment(runName) !== null) {
        // Only the Action publishes verdicts (app/verify/read-verdict.ts).
        if (app?.slug !== 'github-actions') return ignored('a verify check run created by another app', true);
        if (!hasFencedJson(text, VERIFICATION_TAG)) return ignored('the check run carries no verification');
      } else if (runName === FREEZE_REQUEST_CHECK_NAME) {
        if (!text?.includes(FREEZE_REQUEST_FENCE)) return ignored('the check run carries no freeze request');
      } else if (!text?.includes(REPORT_FENCE)) return ignored('the check run carries no deploy-governor report');
      break;
    }
    case 'issue_comment': {
      if (isBot(payload)) return ignored('a comment by a bot');
      const comment = str(obj(payload.comment)?.body);
      if (!comment || !(parsePostmortemCommand(comment) || isFreezeCommand(comment)))
        return ignored('the comment is no /postmortem, /freeze or /unfreeze command');
      break;
    }
    case 'issues': {
      const issue = obj(payload.issue);
      // A freeze's issue changed by any bot still goes to its guard: only this app may (a writer's workflow is a bot).
      if ((action === 'opened' || action === 'edited') && isBot(payload) && !hasLabel(issue, FREEZE_LABEL))
        return ignored('an issue change by a bot');
      if (action === 'unlabeled') {
        if (str(obj(payload.label)?.name) !== FREEZE_LABEL) return ignored(`the label removed is not ${FREEZE_LABEL}`);
      } else if (action === 'reopened') {
        if (!hasLabel(issue, ACTION_ITEM_LABEL)) return ignored(`the issue is not labelled ${ACTION_ITEM_LABEL}`);
      } else if (action === 'opened' && !isBot(payload) && isFreezeCommand(str(issue?.body) ?? '')) {
        // A freeze request (the CLI's `deploy-governor freeze`): app/freezes/freeze-request.ts.
      } else if (labelCount(issue) === 0) {
        return ignored('the issue has no labels (neither a postmortem, an incident nor an action item)');
      }
      break;
    }
    case 'pull_request':
      if (action === 'edited' && obj(obj(payload.changes)?.base) === null) return ignored('the pull request was edited, not its base');
      break;
    default:
      break;
  }
  const installation = obj(payload.installation)?.id;
  if (typeof installation !== 'number' && typeof installation !== 'string') return ignored('the delivery names no installation');
  return { relevant: true, installation: String(installation), action, repository: str(obj(payload.repository)?.full_name) };
}
