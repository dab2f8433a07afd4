/**
 * Alertmanager's webhook (payload version "4") as incident candidates: the
 * app's `POST /deploy-governor/alertmanager` validates the body here and opens
 * one incident issue and one postmortem draft per candidate, deduplicated by
 * the candidate's `key`.
 *
 * The body comes from the network: parsing never throws, never trusts a field
 * it did not validate, and caps sizes so a hostile payload costs little. Every
 * problem names the field, the value it got (truncated) and the accepted form.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Caps on what one notification may carry. Alertmanager's own `max_alerts` is unlimited by default. */
export const ALERTMANAGER_LIMITS = { alerts: 1000, labels: 100, stringLength: 16_384, problems: 20 } as const;

/** RFC 3339 as Go's time.Time marshals it (fractional seconds up to nanoseconds, Z or an offset). Linear: no nested quantifiers. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const text = z
  .string()
  .max(ALERTMANAGER_LIMITS.stringLength, { message: `expected a string of at most ${ALERTMANAGER_LIMITS.stringLength} characters` });

// One check, so a bad time is one problem, not one per rule it breaks.
const time = z
  .string({ message: 'expected an RFC 3339 time such as "2026-11-25T18:00:00Z"' })
  .refine((s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)), { message: 'expected an RFC 3339 time such as "2026-11-25T18:00:00Z"' });

/** Label and annotation sets: string to string. UTF-8 label names are allowed since Alertmanager 0.27. */
const stringMap = z
  .record(text.min(1, { message: 'expected a non-empty label name' }), text)
  .refine((m) => Object.keys(m).length <= ALERTMANAGER_LIMITS.labels, {
    message: `expected at most ${ALERTMANAGER_LIMITS.labels} entries`,
  });

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved'], { message: 'expected "firing" or "resolved"' }),
  labels: stringMap,
  annotations: stringMap.default({}),
  startsAt: time,
  /** Go's zero time (0001-01-01T00:00:00Z) while an alert fires without a known end. */
  endsAt: time,
  generatorURL: text.default(''),
  fingerprint: text.default(''),
});

/**
 * Alertmanager's webhook payload, version "4". Unknown keys are tolerated (and
 * dropped) because Alertmanager adds fields over time; `truncatedAlerts` is
 * missing before Alertmanager 0.22, so it defaults to 0.
 */
const alertmanagerPayloadSchema = z.object({
  version: z.literal('4', { message: 'expected "4" (Alertmanager\'s webhook payload version)' }),
  status: z.enum(['firing', 'resolved'], { message: 'expected "firing" or "resolved"' }),
  groupKey: text.min(1, { message: 'expected a non-empty group key' }),
  truncatedAlerts: z.number().int().min(0).default(0),
  receiver: text,
  groupLabels: stringMap.default({}),
  commonLabels: stringMap.default({}),
  commonAnnotations: stringMap.default({}),
  externalURL: text.default(''),
  alerts: z.array(alertSchema).max(ALERTMANAGER_LIMITS.alerts, { message: `expected at most ${ALERTMANAGER_LIMITS.alerts} alerts` }),
});

export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;
type AlertmanagerAlert = AlertmanagerPayload['alerts'][number];

export type ParsedAlertmanagerPayload = { ok: true; payload: AlertmanagerPayload } | { ok: false; problems: string[] };

/** `body.alerts[0].labels["odd key"]`: identifiers dotted, other keys quoted and capped. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)
      ? `${acc}.${name}`
      : `${acc}[${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}]`;
  }, 'body');
}

/** A short, safe rendering of any value: never throws, never prints more than 80 characters. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let shown: string;
  try {
    shown = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    // Cycles and the like cannot come from JSON.parse, but the function takes unknown.
    shown = Object.prototype.toString.call(value);
  }
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * Validates a webhook body (already JSON-parsed). Never throws.
 * @returns the payload, or one problem per invalid field (at most {@link ALERTMANAGER_LIMITS.problems}),
 *   each `body.<path>: <accepted form> (got <value>)`.
 */
export function parseAlertmanagerPayload(body: unknown): ParsedAlertmanagerPayload {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: [`body: expected a JSON object with Alertmanager's webhook fields (got ${describeValue(body)})`] };
  }
  let result: ReturnType<typeof alertmanagerPayloadSchema.safeParse>;
  try {
    result = alertmanagerPayloadSchema.safeParse(body);
  } catch (error: unknown) {
    // Only an object built in code (a throwing getter, a proxy) gets here; JSON.parse cannot build one.
    return { ok: false, problems: [`body: could not be read (${error instanceof Error ? error.message : describeValue(error)})`] };
  }
  if (result.success) return { ok: true, payload: result.data };
  const issues = result.error.issues;
  const problems = issues.slice(0, ALERTMANAGER_LIMITS.problems).map((issue) => {
    const value = valueAt(body, issue.path);
    const message = issue.message.replace(/^Invalid input: /, '');
    return `${formatPath(issue.path)}: ${message} (got ${value === undefined ? 'nothing' : describeValue(value)})`;
  });
  if (issues.length > problems.length) problems.push(`... and ${issues.length - problems.length} more problem(s)`);
  return { ok: false, problems };
}

/** True when every selector label is present on the alert with exactly that value (Alertmanager's `=` matchers). */
export function matchesSelector(labels: Readonly<Record<string, string>>, selector: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([name, value]) => Object.hasOwn(labels, name) && labels[name] === value);
}

/** The label that names the repository an alert belongs to, as `owner/name`. */
export const REPOSITORY_LABEL = 'repository';

const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** One incident to open: the resolved alerts of one group that name one repository. */
export interface IncidentCandidate {
  owner: string;
  repo: string;
  /**
   * Dedup key: hex SHA-256 of the group key, the repository and the earliest
   * `startsAt` (normalised to ISO 8601 UTC). Stable across redeliveries of the
   * same notification; distinct for another group, repository or episode.
   */
  key: string;
  /**
   * `annotations.summary` of the earliest alert, else the common summary, else its `alertname` (≤ 256 characters).
   * Untrusted text: render it inert.
   */
  title: string;
  /** Earliest `startsAt`, ISO 8601 UTC. */
  startedAt: string;
  /** Latest `endsAt`, ISO 8601 UTC. */
  endedAt: string;
  /** Labels every alert of the incident carries with the same value. */
  labels: Record<string, string>;
  alerts: AlertmanagerAlert[];
  /** Each alert's start and resolution, in time order. Untrusted text: render it inert. */
  timeline: { at: string; event: string }[];
}

/** An alert that opens nothing, and why. */
interface SkippedAlert {
  /** Index in `payload.alerts`. */
  index: number;
  fingerprint: string;
  reason: string;
}

export interface IncidentsFromAlerts {
  incidents: IncidentCandidate[];
  skipped: SkippedAlert[];
}

const GITHUB_TITLE_MAX = 256;

/** A map entry, never one inherited from Object.prototype (a label may be called "constructor"). */
function own(map: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

function alertName(alert: AlertmanagerAlert): string {
  return own(alert.labels, 'alertname') ?? 'alert';
}

function commonLabels(alerts: readonly AlertmanagerAlert[]): Record<string, string> {
  const [first, ...rest] = alerts;
  if (!first) return {};
  return Object.fromEntries(
    Object.entries(first.labels).filter(([k, v]) => rest.every((a) => Object.hasOwn(a.labels, k) && a.labels[k] === v)),
  );
}

/**
 * The incidents a notification opens: resolved alerts that match `selector`
 * (when given) and name a valid `repository` label, grouped per repository.
 * Firing alerts, non-matching alerts and alerts without a usable repository or
 * end time are returned in `skipped` with the reason.
 *
 * Only a resolved notification (every alert of the group resolved) opens
 * anything. A firing notification may carry alerts that resolved while others
 * still fire; opening on those would split one outage into several incidents
 * with different keys, since Alertmanager drops an alert from the group once
 * its resolution was sent. The cost: such an alert is missing from the
 * timeline of the incident opened when the group resolves.
 *
 * The selector applies per alert. Each repository's policy has its own
 * selector: to honour it, call once without a selector to learn the
 * repositories, then once per repository with its selector (and keep that
 * repository's candidate), so a critical alert grouped with a warning one
 * still opens its incident.
 */
export function incidentsFromAlerts(payload: AlertmanagerPayload, selector?: Readonly<Record<string, string>>): IncidentsFromAlerts {
  const skipped: SkippedAlert[] = [];
  const byRepository = new Map<string, { owner: string; repo: string; alerts: AlertmanagerAlert[] }>();
  payload.alerts.forEach((alert, index) => {
    const skip = (reason: string) => skipped.push({ index, fingerprint: alert.fingerprint, reason });
    if (alert.status !== 'resolved') return skip('still firing: an incident is opened once its group resolves');
    if (payload.status !== 'resolved') return skip('its group still fires: an incident is opened once the whole group resolves');
    if (selector && !matchesSelector(alert.labels, selector)) return skip(`labels do not match the selector ${JSON.stringify(selector)}`);
    const repository = own(alert.labels, REPOSITORY_LABEL);
    if (repository === undefined) return skip(`no "${REPOSITORY_LABEL}" label naming the repository (owner/name)`);
    const match = REPOSITORY.exec(repository);
    if (!match || match[2] === '.' || match[2] === '..')
      return skip(`"${REPOSITORY_LABEL}" label ${describeValue(repository)} is not a repository as owner/name`);
    if (Date.parse(alert.endsAt) < Date.parse(alert.startsAt)) return skip(`endsAt ${alert.endsAt} is before startsAt ${alert.startsAt}`);
    // GitHub owner and repository names are case-insensitive: one group per repository, however it is spelled.
    const id = repository.toLowerCase();
    const group = byRepository.get(id) ?? { owner: match[1]!, repo: match[2]!, alerts: [] };
    group.alerts.push(alert);
    byRepository.set(id, group);
  });

  const incidents = [...byRepository.entries()].map(([id, { owner, repo, alerts }]): IncidentCandidate => {
    const byStart = [...alerts].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    const earliest = byStart[0]!;
    const startedAt = new Date(Date.parse(earliest.startsAt)).toISOString();
    const endedAt = new Date(Math.max(...alerts.map((a) => Date.parse(a.endsAt)))).toISOString();
    const key = createHash('sha256').update(`${payload.groupKey}\n${id}\n${startedAt}`).digest('hex');
    const summary = own(earliest.annotations, 'summary') ?? own(payload.commonAnnotations, 'summary') ?? alertName(earliest);
    const timeline = alerts
      .flatMap((a) => [
        { at: new Date(Date.parse(a.startsAt)).toISOString(), event: `${alertName(a)} fired`, order: 0 },
        { at: new Date(Date.parse(a.endsAt)).toISOString(), event: `${alertName(a)} resolved`, order: 1 },
      ])
      .sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order)
      .map(({ at, event }) => ({ at, event }));
    return {
      owner,
      repo,
      key,
      title: summary.slice(0, GITHUB_TITLE_MAX),
      startedAt,
      endedAt,
      labels: commonLabels(alerts),
      alerts,
      timeline,
    };
  });
  return { incidents, skipped };
}
