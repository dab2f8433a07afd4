/**
 * Drives signed webhook deliveries into app instances and checks what they left
 * behind in the GitHub stand-in.
 *
 * The driver keeps `concurrency` deliveries in flight, sends delivery i to
 * target i mod n (alternating instances behind one webhook stream), gives each a
 * unique X-GitHub-Delivery id, and records status and latency. A 202 means the
 * delivery was queued (the app handles it afterwards): callers wait for every
 * instance's queue to drain before judging state.
 */
import { createHmac } from 'node:crypto';
import { parseRecords, verifyChain } from '../../src/core/audit/hash-chain.js';
import { issueMarker } from '../../src/github/open-issue.js';
import { INSTANCE_OPERATOR_TOKEN } from './app-instances.js';
import type { GitHubState } from './github-state-stand-in.js';

export interface Delivery {
  event: string;
  payload: Record<string, unknown>;
  /** The mix's name for it (block, override, ...), for per-kind figures. */
  kind: string;
  /** What an acknowledged delivery must leave behind in the audit log and issues. */
  expects?: {
    repository: string;
    auditId?: string;
    reviewIssueKey?: string;
    issueKeys?: string[];
    comment?: { issue: number; marker: string };
  };
}

export interface DeliveryResult {
  id: string;
  kind: string;
  target: number;
  /** HTTP status; 0 when no answer came (connection error or the driver's timeout). */
  status: number;
  ms: number;
  delivery: Delivery;
}

export interface DriveOptions {
  targets: string[];
  secret: string;
  concurrency: number;
  /** Prefix of the X-GitHub-Delivery ids (unique per run). */
  idPrefix: string;
  /** Give up on an answer after this long (GitHub gives up after 10 s). */
  timeoutMs?: number;
}

export const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export async function driveDeliveries(deliveries: Delivery[], o: DriveOptions): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = new Array(deliveries.length);
  let next = 0;
  const worker = async () => {
    while (next < deliveries.length) {
      const i = next++;
      const delivery = deliveries[i]!;
      const target = i % o.targets.length;
      const id = `${o.idPrefix}-${i}`;
      const body = JSON.stringify(delivery.payload);
      const started = performance.now();
      let status = 0;
      try {
        const response = await fetch(o.targets[target]!, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': delivery.event,
            'x-github-delivery': id,
            'x-hub-signature-256': sign(o.secret, body),
          },
          body,
          signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch (error: unknown) {
        // No answer in time, or the connection failed: recorded as status 0 and judged by the caller.
        if (!(error instanceof Error)) throw error;
      }
      results[i] = { id, kind: delivery.kind, target, status, ms: performance.now() - started, delivery };
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, deliveries.length) }, worker));
  return results;
}

/** What `GET /deploy-governor/queue` answers. */
export interface QueueStats {
  queued: number;
  delayed: number;
  inFlight: number;
  dead: number;
}

/** `GET /deploy-governor/queue` with the operator token (startAppInstance's unless told). */
export async function queueStats(baseUrl: string, token = INSTANCE_OPERATOR_TOKEN): Promise<QueueStats> {
  const response = await fetch(`${baseUrl}/deploy-governor/queue`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${baseUrl}/deploy-governor/queue answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as QueueStats;
}

/**
 * Resolves with the last queue figures once no instance has anything queued,
 * delayed or in flight (with Redis they share one queue); throws after `maxMs`.
 */
export async function waitForDrained(baseUrls: string[], maxMs = 600_000): Promise<QueueStats[]> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const stats = await Promise.all(baseUrls.map((url) => queueStats(url)));
    if (stats.every((s) => s.queued + s.delayed + s.inFlight === 0)) return stats;
    if (Date.now() > deadline) throw new Error(`the app's queue did not drain within ${maxMs} ms: ${JSON.stringify(stats)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const COMMENT_MARKER = /^<!-- deploy-governor:pr-comment environment=.*? -->/;

export interface InvariantReport {
  /** App comments beyond one per pull request and environment. */
  duplicateComments: number;
  /** Acknowledged blocks whose pull request has no app comment for the environment. */
  commentsLost: number;
  /** Acknowledged (2xx) overrides missing from their audit log. */
  auditLinesLost: number;
  /** Audit records beyond one per id. */
  auditLinesDuplicated: number;
  /** Acknowledged deliveries whose issue (review issue, postmortem action item) is missing. */
  issuesLost: number;
  /** Issues beyond one per key. */
  issuesDuplicated: number;
  /** `owner/repo: reason` for every audit log whose hash chain does not verify. */
  chainProblems: string[];
  /** Contents PUTs that resent a sha already answered 409 as stale. */
  staleResends: number;
}

export function checkInvariants(state: GitHubState, results: DeliveryResult[], audit: { branch: string; path: string }): InvariantReport {
  const report: InvariantReport = {
    duplicateComments: 0,
    commentsLost: 0,
    auditLinesLost: 0,
    auditLinesDuplicated: 0,
    issuesLost: 0,
    issuesDuplicated: 0,
    chainProblems: [],
    staleResends: 0,
  };
  const auditIds = new Map<string, Map<string, number>>();
  const issueKeys = new Map<string, Map<string, number>>();
  for (const [key, repo] of state.repos) {
    report.staleResends += repo.staleResends;
    for (const number of repo.issues.keys()) {
      const markers = state
        .appComments(repo, number)
        .map((c) => COMMENT_MARKER.exec(c.body)?.[0])
        .filter((m): m is string => m !== undefined);
      report.duplicateComments += markers.length - new Set(markers).size;
    }
    const text = state.fileText(repo, audit.branch, audit.path) ?? '';
    const verdict = verifyChain(text);
    if (!verdict.ok) report.chainProblems.push(`${key}: line ${verdict.line}: ${verdict.reason}`);
    const ids = new Map<string, number>();
    for (const r of parseRecords(text)) ids.set(String(r.id), (ids.get(String(r.id)) ?? 0) + 1);
    report.auditLinesDuplicated += [...ids.values()].reduce((sum, n) => sum + n - 1, 0);
    auditIds.set(key, ids);
    const keys = new Map<string, number>();
    for (const issue of repo.issues.values()) {
      const found = /<!-- deploy-governor:issue key=(\S+) -->/.exec(issue.body ?? '')?.[1];
      if (found) keys.set(found, (keys.get(found) ?? 0) + 1);
    }
    report.issuesDuplicated += [...keys.values()].reduce((sum, n) => sum + n - 1, 0);
    issueKeys.set(key, keys);
  }
  for (const r of results) {
    const e = r.delivery.expects;
    if (!e || r.status < 200 || r.status >= 300) continue;
    const repo = e.repository.toLowerCase();
    if (e.auditId && !auditIds.get(repo)?.has(e.auditId)) report.auditLinesLost += 1;
    if (e.comment) {
      const [owner, name] = e.repository.split('/') as [string, string];
      if (!state.appComments(state.repo(owner, name), e.comment.issue).some((c) => c.body.startsWith(e.comment!.marker)))
        report.commentsLost += 1;
    }
    for (const key of [...(e.reviewIssueKey ? [e.reviewIssueKey] : []), ...(e.issueKeys ?? [])]) {
      const marker = /key=(\S+) -->/.exec(issueMarker(key))![1]!;
      if (!issueKeys.get(repo)?.has(marker)) report.issuesLost += 1;
    }
  }
  return report;
}

export const invariantsHold = (r: InvariantReport) =>
  r.duplicateComments === 0 &&
  r.commentsLost === 0 &&
  r.auditLinesLost === 0 &&
  r.auditLinesDuplicated === 0 &&
  r.issuesLost === 0 &&
  r.issuesDuplicated === 0 &&
  r.chainProblems.length === 0 &&
  r.staleResends === 0;

/**
 * What the app left in GitHub, independent of timing and order: app comments per
 * pull request and environment, audit record ids per repository (sorted: two
 * instances may land concurrent overrides in another order, which the chain
 * allows), and the issues the app opened (title, state, labels and key; their
 * bodies quote the record's position in the chain). Two runs of one mix compare equal.
 */
export function finalState(
  state: GitHubState,
  audit: { branch: string; path: string },
): { comments: string[]; auditIds: string[]; issues: string[] } {
  const comments: string[] = [];
  const auditIds: string[] = [];
  const issues: string[] = [];
  for (const [key, repo] of state.repos) {
    for (const number of repo.issues.keys()) {
      for (const c of state.appComments(repo, number))
        comments.push(`${key}#${number} ${COMMENT_MARKER.exec(c.body)?.[0] ?? '(no marker)'}`);
    }
    for (const r of parseRecords(state.fileText(repo, audit.branch, audit.path) ?? '')) auditIds.push(`${key} ${String(r.id)}`);
    for (const i of repo.issues.values()) {
      const issueKey = /<!-- deploy-governor:issue key=(\S+) -->/.exec(i.body ?? '')?.[1] ?? '(no key)';
      if (i.user.login === state.appUser().login)
        issues.push(`${key} ${i.state} ${i.title} [${i.labels.map((l) => l.name).join(',')}] ${issueKey}`);
    }
  }
  return { comments: comments.sort(), auditIds: auditIds.sort(), issues: issues.sort() };
}
