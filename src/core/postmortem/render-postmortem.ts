/**
 * The postmortem document: its issue title, the path it is published to, and
 * its body, from the built-in blameless template or the repository's own.
 *
 * The template is the repository's and trusted; every fact that a person or an
 * alert controls (title, severity label, author, timeline events) is rendered
 * inert: no mention, link, HTML or heading, and no line that could pose as an
 * action item or an approval box. Lengths are capped so that no fact can push
 * the body past GitHub's 65,536-character limit on its own.
 */
import { humanDuration } from '../duration.js';
import { formatPercent } from '../render/format-values.js';
import { inert, inertUrl } from '../render/inert-markdown.js';
import { hasActionItemsSection } from './action-items.js';
import { renderApprovals } from './approvals.js';
import type { ApprovalRole } from './postmortem-policy.js';

/** One row of the timeline table. */
export interface TimelineEntry {
  /** ISO 8601 time. */
  at: string;
  /** User or alert text. */
  event: string;
}

/** One SLO's error budget around the incident: remaining (%) before and after, consumed in percentage points. */
export interface BudgetImpactRow {
  slo: string;
  /** Objective in percent, e.g. 99.9. */
  objective: number;
  before: number | null;
  after: number | null;
  consumed: number | null;
}

/** What is known when the postmortem is opened. */
export interface PostmortemFacts {
  /** User text. */
  title: string;
  /** YYYY-MM-DD of the incident, or today. */
  date: string;
  incident: { number: number; url: string } | null;
  severity: string | null;
  /** Login of whoever opened it; null when opened automatically. */
  author: string | null;
  /** ISO times of the incident. */
  startedAt: string | null;
  endedAt: string | null;
  timeline: TimelineEntry[];
  /** Null when Prometheus was not configured or not reachable. */
  budget: BudgetImpactRow[] | null;
  approvals: ApprovalRole[];
}

/** GitHub refuses issue titles longer than this. */
const TITLE_LIMIT = 256;
const SLUG_LIMIT = 80;
const DEFAULT_DOCS_PATH = 'docs/postmortems';
const FIELD_LIMIT = 200;
const EVENT_LIMIT = 300;
/** Characters of timeline rows before the rest are summarized: alerts can be many. */
const TIMELINE_BUDGET = 20_000;

// On its own line so that the directive stays next to the regular expression however the code is wrapped.
// eslint-disable-next-line no-control-regex
const TITLE_CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

/**
 * `Postmortem: 2026-11-25 Checkout outage`: the title on one line, trimmed,
 * cut (with an ellipsis, never inside a surrogate pair) to fit GitHub's limit.
 */
export function postmortemTitle(date: string, title: string): string {
  const clean = title.replace(TITLE_CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const prefix = `Postmortem: ${date}`;
  if (clean === '') return prefix;
  return `${prefix} ${truncate(clean, TITLE_LIMIT - prefix.length - 1)}`;
}

/** At most `max` UTF-16 units of `text`, cut at a code point boundary and ending in '…' when cut. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/**
 * `docs/postmortems/2026-11-25-checkout-outage.md`: the title in ASCII
 * kebab-case (accents dropped), at most 80 characters, `postmortem` when
 * nothing is left. Empty, `.` and `..` segments of `docsPath` are dropped, so
 * the path cannot leave the directory it names.
 */
export function postmortemDocPath(docsPath: string, date: string, title: string): string {
  const dir = docsPath
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .join('/');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : kebab(date).slice(0, 10);
  const name = [day, kebab(title).slice(0, SLUG_LIMIT).replace(/-+$/, '') || 'postmortem'].filter(Boolean).join('-');
  return `${dir || DEFAULT_DOCS_PATH}/${name}.md`;
}

function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An elapsed time for people (how long the incident lasted), not a Prometheus duration (that is
 * `formatPromDuration` in core/duration.ts): `1h 23m`, `2d 4h`, `45s`, the two largest units,
 * truncated; `unknown` for a negative or non-finite span.
 */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown';
  return humanDuration(Math.floor(ms / 1000));
}

/** Every section of the built-in blameless template, pre-filled with the facts. */
export function renderBuiltInPostmortem(facts: PostmortemFacts): string {
  return [
    `# Postmortem: ${inline(facts.date)} ${inline(facts.title)}`,
    '',
    '> **This postmortem is blameless.** It asks what in our systems and processes let this happen and how to make it less likely, not who is at fault: everyone acted on what they knew at the time. Replace each _italic prompt_ with what you know.',
    '',
    headerTable(facts),
    '',
    executiveSummary(facts),
    '',
    '## Timeline',
    '',
    timelineTable(facts.timeline),
    '',
    DETECTION,
    '',
    ROOT_CAUSE,
    '',
    resolution(facts),
    '',
    '## Error-budget impact',
    '',
    budgetTable(facts.budget),
    '',
    ACTION_ITEMS,
    '',
    LESSONS_AND_PROCESS,
    '',
    renderApprovals(facts.approvals, facts.author),
    '',
    '## Notes',
    '',
    '_Anything that fits nowhere else._',
  ].join('\n');
}

/**
 * The repository's template with its placeholders filled: `{{title}}`,
 * `{{date}}`, `{{incident}}`, `{{severity}}`, `{{duration}}`, `{{author}}`,
 * `{{started}}`, `{{ended}}`, `{{timeline}}`, `{{budget}}`, `{{approvals}}`
 * (spaces inside the braces allowed). Unknown placeholders stay as written.
 * The approvals and an Action items section are appended when the template
 * has none, since publishing and action items depend on them.
 */
export function renderCustomPostmortem(template: string, facts: PostmortemFacts): string {
  const values = placeholderValues(facts);
  let hasApprovals = false;
  let body = template.replace(/\{\{[ \t]*([A-Za-z_]+)[ \t]*\}\}/g, (whole, name: string) => {
    const value = values.get(name.toLowerCase());
    if (value === undefined) return whole;
    if (name.toLowerCase() === 'approvals') hasApprovals = true;
    return value();
  });
  if (!hasActionItemsSection(body)) body = `${body.trimEnd()}\n\n${ACTION_ITEMS}`;
  if (!hasApprovals) body = `${body.trimEnd()}\n\n${renderApprovals(facts.approvals, facts.author)}`;
  return body;
}

function placeholderValues(facts: PostmortemFacts): Map<string, () => string> {
  return new Map<string, () => string>([
    ['title', () => inline(facts.title)],
    ['date', () => inline(facts.date)],
    ['incident', () => incidentLink(facts.incident) ?? 'none'],
    ['severity', () => (facts.severity === null ? 'unknown' : inline(facts.severity))],
    ['duration', () => incidentDuration(facts) ?? 'unknown'],
    ['author', () => authorText(facts.author)],
    ['started', () => time(facts.startedAt) ?? 'unknown'],
    ['ended', () => time(facts.endedAt) ?? 'unknown'],
    ['timeline', () => timelineTable(facts.timeline)],
    ['budget', () => budgetTable(facts.budget)],
    ['approvals', () => renderApprovals(facts.approvals, facts.author)],
  ]);
}

/**
 * User text for one line: inert, capped, and with a leading `-`, `+`, `=` or
 * `1.` escaped, so that even at the start of a template line it cannot open a
 * list item or underline the line above into a heading.
 */
function inline(text: string, max = FIELD_LIMIT): string {
  const trimmed = text.trim();
  return defuseSectionNames(inert(truncate(trimmed, max)))
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Templates put the title in headings (`# {{title}}`), and a heading that
 * names "action items" or "approvals" opens the section the app reads: a title
 * "Action items" in a level-1 heading would turn every box below it, approval
 * boxes included, into action items. Writing the first letter of those words
 * as a character reference renders the same but no longer names a section.
 */
function defuseSectionNames(text: string): string {
  // The parser lowers case and reads '_' as a space, so only a preceding letter or digit protects a word.
  return text.replace(/(?<![A-Za-z0-9])a(?=(?:ction|pprovals?)\b)/gi, (letter) => `&#${letter.charCodeAt(0)};`);
}

function incidentLink(incident: PostmortemFacts['incident']): string | null {
  if (!incident || !Number.isSafeInteger(incident.number) || incident.number < 1) return null;
  // A link, not a bare #12: the published copy is a file in the repository, where #12 links nowhere.
  const url = inertUrl(incident.url);
  return url ? `[#${incident.number}](${url})` : `#${incident.number}`;
}

function authorText(author: string | null): string {
  // Named, not mentioned: the author opened the postmortem and needs no notification.
  return author === null ? 'none (opened automatically)' : inline(`@${author}`);
}

/** `2026-11-25 14:03:07 UTC`, or null for a missing or unreadable time. */
function time(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function incidentDuration(facts: PostmortemFacts): string | null {
  if (facts.startedAt === null || facts.endedAt === null) return null;
  const span = Date.parse(facts.endedAt) - Date.parse(facts.startedAt);
  return Number.isFinite(span) && span >= 0 ? formatElapsed(span) : null;
}

function headerTable(facts: PostmortemFacts): string {
  const duration = incidentDuration(facts);
  const window = facts.startedAt && facts.endedAt ? ` (${time(facts.startedAt) ?? '?'} to ${time(facts.endedAt) ?? '?'})` : '';
  return [
    '| | |',
    '| --- | --- |',
    `| **Date** | ${inline(facts.date)} |`,
    `| **Incident** | ${incidentLink(facts.incident) ?? '_none linked_'} |`,
    `| **Duration** | ${duration ? `${duration}${window}` : '_from first impact to full recovery_'} |`,
    `| **Severity** | ${facts.severity === null ? '_sev1, sev2, …_' : inline(facts.severity)} |`,
    `| **Author** | ${authorText(facts.author)} |`,
    '| **Reviewers** | _the approvers listed under Approvals, and anyone else who should read this_ |',
  ].join('\n');
}

function executiveSummary(facts: PostmortemFacts): string {
  const burnt = (facts.budget ?? []).filter((row) => row.consumed !== null && row.consumed > 0);
  // Violated over its window: the budget ran out. Anything less is for the author to judge.
  const slos = (facts.budget ?? [])
    .filter((row) => row.after !== null && row.after < 0)
    .map((row) => inline(row.slo))
    .join(', ');
  const consumed = burnt.map((row) => `${inline(row.slo)} ${points(row.consumed)}`).join(', ');
  return [
    '## Executive summary',
    '',
    '_Two or three sentences: what happened, what it meant for users, how it was resolved._',
    '',
    '- **Users affected:** _how many, which ones, and what they experienced_',
    `- **Downtime:** ${incidentDuration(facts) ?? '_how long users were affected_'}`,
    `- **SLO violated:** ${slos || '_which SLOs, if any_'}`,
    `- **Error budget consumed:** ${consumed || "_percentage points of each SLO's budget_"}`,
  ].join('\n');
}

function points(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)} pp`;
}

/** The timeline table, rows in the order given, summarized past a size budget. */
function timelineTable(entries: readonly TimelineEntry[]): string {
  const rows: string[] = [];
  let size = 0;
  for (const entry of entries) {
    const row = `| ${time(entry.at) ?? inline(entry.at, 40)} | ${inline(entry.event, EVENT_LIMIT)} |`;
    if (size + row.length > TIMELINE_BUDGET) break;
    rows.push(row);
    size += row.length;
  }
  const omitted = entries.length - rows.length;
  if (rows.length === 0 && omitted === 0)
    rows.push('| _YYYY-MM-DD HH:MM:SS UTC_ | _first sign of trouble, alerts, decisions, mitigation, recovery_ |');
  const table = ['| Time (UTC) | Event |', '| --- | --- |', ...rows].join('\n');
  return omitted > 0 ? `${table}\n\n_${omitted} more events are not shown; see the incident._` : table;
}

function budgetTable(budget: readonly BudgetImpactRow[] | null): string {
  const header = [
    '| SLO | Objective | Budget before | Consumed during the incident | Budget after |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  if (budget === null) {
    return [
      '_deploy-governor could not reach Prometheus for this incident, so the figures below are to be filled in by hand (budget remaining before and after, in %; consumed, in percentage points)._',
      '',
      ...header,
      '| _SLO_ | _99.9%_ | _%_ | _pp_ | _%_ |',
    ].join('\n');
  }
  const rows = budget.map(
    (row) =>
      `| ${inline(row.slo)} | ${row.objective}% | ${formatPercent(row.before, 1)} | ${points(row.consumed)} | ${formatPercent(row.after, 1)} |`,
  );
  return [...header, ...(rows.length > 0 ? rows : ['| _no SLO in the policy_ | | | | |'])].join('\n');
}

function resolution(facts: PostmortemFacts): string {
  const duration = incidentDuration(facts);
  return [
    '## Resolution',
    '',
    `- **Time to repair:** _from detection to full recovery_${duration ? ` (the incident lasted ${duration})` : ''}`,
    '- **What restored service:** _rollback, failover, fix forward, …_',
    '- **What slowed recovery:** _missing access, unclear runbook, …_',
  ].join('\n');
}

const DETECTION = [
  '## Detection',
  '',
  '- **Time to detect:** _from the first user impact to the first alert or report_',
  '- **How we found out:** _alert, dashboard, customer report, …_',
  '- **Could we have known sooner?** _which signal would have caught it_',
].join('\n');

const ROOT_CAUSE = [
  '## Root cause',
  '',
  '_Ask "why?" until you reach a condition we can change. A cause is a condition of the system or the process, never a person._',
  '',
  '1. **Why did users see errors?** _…_',
  '2. **Why?** _…_',
  '3. **Why?** _…_',
  '4. **Why?** _…_',
  '5. **Why?** _…_',
].join('\n');

/**
 * The Action items section. The example of the line format in each horizon is
 * an HTML comment, so it is never read as an item; the format is also shown in
 * inline code, which is not a task line either.
 */
const ACTION_ITEMS = [
  '## Action items',
  '',
  'One task per line, under its horizon: `- [ ] <what> @owner due:YYYY-MM-DD`. deploy-governor opens an issue for each new task and links it here; closing that issue ticks the box. Tasks without an owner or a due date get a reminder.',
  '',
  '### Short term',
  '',
  '_This week: stop the same failure from recurring._',
  '',
  '<!-- - [ ] Alert on checkout queue depth @owner due:YYYY-MM-DD -->',
  '',
  '### Medium term',
  '',
  '_This quarter: make the failure less likely or less harmful._',
  '',
  '<!-- - [ ] Add a circuit breaker in front of the payment provider @owner due:YYYY-MM-DD -->',
  '',
  '### Long term',
  '',
  '_Architecture and process: remove the class of failure._',
  '',
  '<!-- - [ ] Run checkout in two regions @owner due:YYYY-MM-DD -->',
].join('\n');

const LESSONS_AND_PROCESS = [
  '## Lessons learned',
  '',
  '### What went well',
  '',
  '- _…_',
  '',
  '### What went wrong',
  '',
  '- _…_',
  '',
  '### Where we got lucky',
  '',
  '- _…_',
  '',
  '## Process improvements',
  '',
  '- **Monitoring:** _signals and alerts to add or tune_',
  '- **Documentation:** _runbooks and diagrams to write or fix_',
  '- **Automation:** _manual steps to automate_',
  '- **Architecture:** _design changes that remove the failure mode_',
  '',
  '## Communication',
  '',
  '- _Who was told, when and how: status page, customers, support, internal channels._',
  '',
  '## Sensitive information',
  '',
  '_Everyone who can read this repository can read this postmortem, and its published copy. Leave out credentials, personal data and customer identifiers; link to a restricted document instead, and say here that one exists._',
  '',
  '## Attachments',
  '',
  '- _Graphs, dashboards, redacted logs._',
].join('\n');
