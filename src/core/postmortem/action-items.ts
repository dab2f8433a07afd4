/**
 * Action items of a postmortem: the task-list lines of its "Action items"
 * section, `- [ ] [P0..P3] <text> @owner due:YYYY-MM-DD`, each under a "Short term",
 * "Medium term" or "Long term" subsection. The app turns every new item into an
 * issue and rewrites the line to reference it (`... (#123)`), so that the next
 * edit does not create it again; closing that issue ticks the line.
 *
 * The body is written by people, so the reading is tolerant (any bullet,
 * indentation, `[X]`, tokens in any order) and the rewrites are surgical: one
 * line changes, every other line stays byte-identical, CRLF included.
 */
import { createHash } from 'node:crypto';
import {
  headingWords,
  replaceLines,
  scanMarkdownLines,
  sectionLines,
  taskBox,
  withMark,
  type MarkdownLine,
  type TaskBox,
} from './markdown-lines.js';
import type { Priority } from './priorities.js';

type Horizon = 'short' | 'medium' | 'long';

/** One task-list line of the Action items section. */
export interface ActionItem {
  /** 0-based index of the item's line in `body.split('\n')`. */
  line: number;
  checked: boolean;
  /** The item text without owner, due date and issue reference, whitespace collapsed. */
  text: string;
  /** The first token that is a mention (`@login` or `@org/team`), without the `@`. */
  owner: string | null;
  /** `due:YYYY-MM-DD` when that is a real calendar date. */
  due: string | null;
  /** Why the `due:` token is unusable; null when it is fine or absent. */
  dueProblem: string | null;
  /** The first `P0`..`P3` token (any case), upper-cased; null when the line has none. */
  priority: Priority | null;
  /** The issue the line references, once created: a trailing `(#123)`. */
  issue: number | null;
  /** From the `###` subsection the item stands in; null outside the three horizons. */
  horizon: Horizon | null;
  /**
   * Identity within this body: a hash of the normalized text, `-`, and the
   * occurrence index among items with that text (two identical lines are two
   * items). Owner, due date, priority and issue reference are not part of it, so the key
   * survives linking and edits elsewhere in the body.
   */
  key: string;
}

/** An item with where its line can be rewritten. */
interface LocatedItem extends ActionItem {
  source: MarkdownLine;
  box: TaskBox;
}

// A login (GitHub's rules: alphanumerics and single dashes, up to 39) or org/team-slug; the whole token.
const MENTION = /^@([A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9._-]{1,100})?)$/;
const DUE_PREFIX = 'due:';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISSUE_REF = /^\(#(\d{1,10})\)$/;
const PRIORITY = /^p[0-3]$/i;
// Short/medium/mid/long followed by "term", after any numbering or emoji: "2. Medium-term (this quarter)".
const HORIZON_HEADING = /^[^\p{L}]*(short|medium|mid|long)[\s_-]*term/iu;

/**
 * The action items of a postmortem body: task-list lines (`-`, `*` or `+`
 * bullets, any indentation, `[ ]`, `[x]` or `[X]`) inside a section whose
 * heading contains "action items", up to the next heading of the same or a
 * higher level. Lines in fenced code blocks or HTML comments are not items,
 * nor are boxes left without text once owner, due date and issue reference are
 * taken out. One line is one item: continuation lines are not read.
 */
export function parseActionItems(body: string): ActionItem[] {
  return locateItems(scanMarkdownLines(body)).map(({ source: _source, box: _box, ...item }) => item);
}

/**
 * The body with the item `key` rewritten to reference `issue`: the line
 * without its trailing spaces, then ` (#123)`. Unchanged when there is no
 * such unlinked item (a concurrent edit may have linked or removed it).
 */
export function linkActionItem(body: string, key: string, issue: number): string {
  assertIssueNumber(issue);
  const lines = scanMarkdownLines(body);
  const item = locateItems(lines).find((candidate) => candidate.key === key && candidate.issue === null);
  if (!item) return body;
  return replaceLines(body, lines, new Map([[item.line, withIssueReference(item.source, issue)]]));
}

/**
 * The body with the item lines that reference `issue` ticked (or unticked).
 * Unchanged when no item references it or they are already in that state.
 */
export function setActionItemChecked(body: string, issue: number, checked: boolean): string {
  const lines = scanMarkdownLines(body);
  const replacements = new Map<number, string>();
  for (const item of locateItems(lines)) {
    if (item.issue === issue && item.checked !== checked) {
      replacements.set(item.line, withMark(item.source, item.box, checked));
    }
  }
  return replaceLines(body, lines, replacements);
}

/** True when the body has an Action items section (outside code and comments), even an empty one. */
export function hasActionItemsSection(body: string): boolean {
  return scanMarkdownLines(body).some((line) => line.heading !== null && isActionItemsHeading(line.heading.text));
}

function assertIssueNumber(issue: number): void {
  // The parser reads at most ten digits: a reference it could not read back would be created again and again.
  if (!Number.isSafeInteger(issue) || issue < 1 || issue > 9_999_999_999) {
    throw new RangeError(`expected an issue number, got ${issue}`);
  }
}

/**
 * The reference goes at the end of the visible text: after the line, or, when
 * the line opens a comment it does not close, before that comment (appended
 * inside it, the reference would be invisible and the item linked forever anew).
 */
function withIssueReference(line: MarkdownLine, issue: number): string {
  const at = line.openCommentAt;
  if (at === null) return `${line.text.trimEnd()} (#${issue})`;
  return `${line.text.slice(0, at).trimEnd()} (#${issue}) ${line.text.slice(at)}`;
}

function locateItems(lines: readonly MarkdownLine[]): LocatedItem[] {
  const items: LocatedItem[] = [];
  const occurrences = new Map<string, number>();
  let horizon = NO_HORIZON;
  let currentSection = -1;
  for (const { line, section } of sectionLines(lines, isActionItemsHeading)) {
    if (section.line !== currentSection) {
      currentSection = section.line;
      horizon = NO_HORIZON;
    }
    if (line.heading) {
      horizon = nextHorizon(horizon, line.heading, section.level);
      continue;
    }
    const box = taskBox(line);
    if (!box) continue;
    const fields = readContent(box.content);
    if (fields.text === '') continue;
    const hash = textHash(fields.text);
    const occurrence = occurrences.get(hash) ?? 0;
    occurrences.set(hash, occurrence + 1);
    items.push({
      line: line.index,
      checked: box.checked,
      ...fields,
      horizon: horizon.value,
      key: `${hash}-${occurrence}`,
      source: line,
      box,
    });
  }
  return items;
}

/** The horizon in force and the level of the heading that set it. */
interface HorizonState {
  value: Horizon | null;
  level: number;
}

const NO_HORIZON: HorizonState = { value: null, level: Infinity };

function isActionItemsHeading(text: string): boolean {
  return /\baction items?\b/.test(headingWords(text));
}

/**
 * The horizon after a heading inside the section: a horizon heading sets it; a
 * deeper heading under it ("#### Team A" under "### Short term") keeps it; any
 * other heading at its level or above leaves the horizons.
 */
function nextHorizon(current: HorizonState, heading: { level: number; text: string }, sectionLevel: number): HorizonState {
  const match = HORIZON_HEADING.exec(heading.text);
  if (match?.[1]) return { value: toHorizon(match[1].toLowerCase()), level: heading.level };
  if (heading.level > current.level && heading.level > sectionLevel) return current;
  return NO_HORIZON;
}

function toHorizon(word: string): Horizon {
  if (word === 'short') return 'short';
  if (word === 'long') return 'long';
  return 'medium';
}

type ItemFields = Pick<ActionItem, 'text' | 'owner' | 'due' | 'dueProblem' | 'priority' | 'issue'>;

/**
 * Splits the text after the box into whitespace-separated tokens: a trailing
 * `(#123)` is the issue, the first mention token the owner, the first `due:`
 * token the due date, the first `P0`..`P3` token the priority; the rest, joined by single spaces, is the text.
 */
function readContent(content: string): ItemFields {
  const tokens = content.split(/\s+/).filter((token) => token !== '');
  const fields: ItemFields = { text: '', owner: null, due: null, dueProblem: null, priority: null, issue: null };
  const last = tokens.at(-1);
  const ref = last === undefined ? null : ISSUE_REF.exec(last);
  if (ref?.[1] && Number(ref[1]) > 0) {
    fields.issue = Number(ref[1]);
    tokens.pop();
  }
  const rest: string[] = [];
  let sawDue = false;
  for (const token of tokens) {
    const mention = fields.owner === null ? MENTION.exec(token) : null;
    if (mention?.[1]) {
      fields.owner = mention[1];
    } else if (!sawDue && token.toLowerCase().startsWith(DUE_PREFIX)) {
      sawDue = true;
      const value = token.slice(DUE_PREFIX.length);
      if (isCalendarDate(value)) fields.due = value;
      else fields.dueProblem = dueProblem(token);
    } else if (fields.priority === null && PRIORITY.test(token)) {
      fields.priority = token.toUpperCase() as Priority;
    } else {
      rest.push(token);
    }
  }
  fields.text = rest.join(' ');
  return fields;
}

function dueProblem(token: string): string {
  // The token is user text quoted back in a comment: cap it so a hostile one cannot flood it.
  const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
  return `${shown} is not a date (expected due:YYYY-MM-DD)`;
}

/** True for `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Hash of the text as a reader sees it: compatibility-normalized, invisible
 * format characters (zero-width spaces and joiners) dropped, case folded, so
 * re-typing or re-capitalizing a line does not make it a new item.
 */
function textHash(text: string): string {
  const normalized = text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}
