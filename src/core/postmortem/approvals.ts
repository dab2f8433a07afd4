/**
 * The approvals of a postmortem: a table of roles and who may approve for
 * each, and below it one task-list box per role, `- [ ] Approved by <role>`.
 * The app unticks a box ticked by anyone else and publishes the postmortem once
 * every box is ticked, so every function here agrees on which box is a role's:
 * the first `Approved by <role>` box, outside code and comments, in a section
 * whose heading mentions approvals. Later copies of a box are ignored.
 */
import { inert } from '../render/inert-markdown.js';
import type { ApprovalRole } from './postmortem-policy.js';
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

/** A role's box in the Approvals section. */
export interface ApprovalBox {
  /** 0-based index of its line in `body.split('\n')`. */
  line: number;
  role: string;
  checked: boolean;
}

const BOX_PREFIX = 'approved by ';
// The approver forms the policy schema accepts: a login or org/team-slug.
const APPROVER = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9._-]{1,100})?$/;
const AUTHOR = '$author';

/**
 * The `## Approvals` section: a `| Role | Approvers |` table (approvers as
 * `@login` or `@org/team`, so they are notified; `$author` as the author's
 * login, or "anyone with maintain access" when there is no author) and one
 * unticked box per role.
 */
export function renderApprovals(roles: ApprovalRole[], author: string | null): string {
  const rows = roles.map((role) => `| ${role.role} | ${role.approvers.map((approver) => approverCell(approver, author)).join(', ')} |`);
  const boxes = roles.map((role) => `- [ ] Approved by ${role.role}`);
  return [
    '## Approvals',
    '',
    'Only the people named for a role (or members of the team named) may tick its box; the app unticks any other tick. The postmortem is published when every box is ticked.',
    '',
    '| Role | Approvers |',
    '| --- | --- |',
    ...rows,
    '',
    ...boxes,
  ].join('\n');
}

/**
 * Policy approvers are validated by the schema; the author comes from a
 * webhook. Either way only a well-formed login or team becomes a mention:
 * anything else is shown inert.
 */
function approverCell(approver: string, author: string | null): string {
  if (approver === AUTHOR) {
    if (author === null) return 'anyone with maintain access';
    return APPROVER.test(author) && !author.includes('/') ? `@${author}` : inert(author);
  }
  return APPROVER.test(approver) ? `@${approver}` : inert(approver);
}

/**
 * The box of each configured role found in the Approvals section, in body
 * order: a box whose text is exactly `Approved by <role>` (the `Approved by`
 * in any case, surrounding whitespace ignored). Boxes of unknown roles, and
 * any later box of a role already found, are ignored.
 */
export function parseApprovalBoxes(body: string, roles: string[]): ApprovalBox[] {
  return locateBoxes(scanMarkdownLines(body), roles).map(({ line, role, checked }) => ({ line, role, checked }));
}

/** Roles whose box is ticked in `after` but not in `before` (a missing box counts as unticked), in `roles` order. */
export function newlyTickedRoles(before: string, after: string, roles: string[]): string[] {
  const was = tickedRoles(before, roles);
  const now = tickedRoles(after, roles);
  return roles.filter((role) => now.has(role) && !was.has(role));
}

/** The body with the role's box set; unchanged when the role has no box or it is already in that state. */
export function setApprovalChecked(body: string, role: string, checked: boolean): string {
  const lines = scanMarkdownLines(body);
  const box = locateBoxes(lines, [role])[0];
  if (!box || box.checked === checked) return body;
  return replaceLines(body, lines, new Map([[box.line, withMark(box.source, box.box, checked)]]));
}

/**
 * Every role has a ticked box. False when a role's box is missing, and false
 * for no roles at all: publishing is irreversible, so nothing to approve is
 * never read as approved.
 */
export function allApproved(body: string, roles: string[]): boolean {
  const ticked = tickedRoles(body, roles);
  return roles.length > 0 && roles.every((role) => ticked.has(role));
}

function tickedRoles(body: string, roles: string[]): Set<string> {
  return new Set(parseApprovalBoxes(body, roles).flatMap((box) => (box.checked ? [box.role] : [])));
}

interface LocatedBox extends ApprovalBox {
  source: MarkdownLine;
  box: TaskBox;
}

function locateBoxes(lines: readonly MarkdownLine[], roles: readonly string[]): LocatedBox[] {
  const wanted = new Set(roles);
  const found = new Map<string, LocatedBox>();
  for (const { line } of sectionLines(lines, isApprovalsHeading)) {
    const box = taskBox(line);
    const role = box ? boxRole(box.content) : null;
    if (box && role !== null && wanted.has(role) && !found.has(role)) {
      found.set(role, { line: line.index, role, checked: box.checked, source: line, box });
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

function isApprovalsHeading(text: string): boolean {
  return /\bapprovals?\b/.test(headingWords(text));
}

/** The role named by a box's text, `Approved by <role>`, else null. */
function boxRole(content: string): string | null {
  const text = content.trim();
  if (text.slice(0, BOX_PREFIX.length).toLowerCase() !== BOX_PREFIX) return null;
  return text.slice(BOX_PREFIX.length).trim();
}
