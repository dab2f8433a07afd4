/**
 * A line-level reading of a markdown issue body, just deep enough to find the
 * task-list boxes people tick in a postmortem: which lines are code (fenced
 * blocks), which are hidden (HTML comments), which are ATX headings, and which
 * sections a heading opens. One pass, no regular expression that can
 * backtrack more than linearly, so a hostile or huge body costs linear time.
 *
 * Lines are `body.split('\n')`; a trailing `\r` is kept apart and written back
 * as it was, so a rewrite leaves every untouched line byte-identical.
 */

/** One line of the body as the scanner saw it. */
export interface MarkdownLine {
  /** 0-based index in `body.split('\n')`. */
  index: number;
  /** The line without its trailing `\r`. */
  text: string;
  /** `'\r'` for a CRLF line, else `''`. */
  eol: string;
  /** Inside a fenced code block, or one of its fences. */
  code: boolean;
  /** The line begins inside an HTML comment opened on an earlier line. */
  startsInComment: boolean;
  /** The text with HTML comments cut out (empty for code lines). */
  visible: string;
  /** Where a comment that is still open at the end of the line starts, else null. */
  openCommentAt: number | null;
  /** The ATX heading on this line, else null. */
  heading: { level: number; text: string } | null;
}

interface Fence {
  char: '`' | '~';
  length: number;
}

const COMMENT_OPEN = '<!--';
const COMMENT_CLOSE = '-->';

/** Reads every line of the body, in order. */
export function scanMarkdownLines(body: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let fence: Fence | null = null;
  let inComment = false;
  const raw = body.split('\n');
  for (let index = 0; index < raw.length; index++) {
    const full = raw[index] ?? '';
    const eol = full.endsWith('\r') ? '\r' : '';
    const text = eol ? full.slice(0, -1) : full;
    if (fence) {
      // A closing fence ends the block; everything up to it is code, comments included.
      if (closesFence(text, fence)) fence = null;
      out.push(codeLine(index, text, eol));
      continue;
    }
    const opened = inComment ? null : openingFence(text);
    if (opened) {
      fence = opened;
      out.push(codeLine(index, text, eol));
      continue;
    }
    const startsInComment = inComment;
    const cut = cutComments(text, inComment);
    inComment = cut.openAt !== null;
    out.push({
      index,
      text,
      eol,
      code: false,
      startsInComment,
      visible: cut.visible,
      openCommentAt: cut.openAt,
      heading: startsInComment ? null : atxHeading(cut.visible),
    });
  }
  return out;
}

function codeLine(index: number, text: string, eol: string): MarkdownLine {
  return { index, text, eol, code: true, startsInComment: false, visible: '', openCommentAt: null, heading: null };
}

/**
 * A fence opening this line: three or more backticks or tildes. Any
 * indentation is accepted (fences nested in list items are indented), which
 * errs towards treating text as code, i.e. towards finding fewer boxes.
 */
function openingFence(text: string): Fence | null {
  const start = leadingSpaceEnd(text);
  const char = text[start];
  if (char !== '`' && char !== '~') return null;
  const length = runLength(text, start, char);
  if (length < 3) return null;
  // CommonMark: a backtick fence's info string cannot contain a backtick (that is inline code).
  if (char === '`' && text.includes('`', start + length)) return null;
  return { char, length };
}

function closesFence(text: string, fence: Fence): boolean {
  const start = leadingSpaceEnd(text);
  const length = runLength(text, start, fence.char);
  return length >= fence.length && text.slice(start + length).trim() === '';
}

function leadingSpaceEnd(text: string): number {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function runLength(text: string, start: number, char: string): number {
  let i = start;
  while (text[i] === char) i++;
  return i - start;
}

/** The line with HTML comments removed, and where a comment left open at its end starts. */
function cutComments(text: string, startsInComment: boolean): { visible: string; openAt: number | null } {
  let visible = '';
  let pos = 0;
  let openAt: number | null = startsInComment ? 0 : null;
  for (;;) {
    if (openAt !== null) {
      const close = text.indexOf(COMMENT_CLOSE, pos);
      if (close < 0) break;
      openAt = null;
      pos = close + COMMENT_CLOSE.length;
    } else {
      const open = text.indexOf(COMMENT_OPEN, pos);
      if (open < 0) {
        visible += text.slice(pos);
        break;
      }
      visible += text.slice(pos, open);
      openAt = open;
      pos = open + COMMENT_OPEN.length;
    }
  }
  return { visible, openAt };
}

/** An ATX heading (`## Text ##`), with its closing hashes and surrounding spaces removed. */
function atxHeading(line: string): { level: number; text: string } | null {
  let start = 0;
  while (start < 3 && line[start] === ' ') start++;
  const level = runLength(line, start, '#');
  if (level < 1 || level > 6) return null;
  const after = line[start + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  let text = line.slice(start + level).trim();
  // An optional closing sequence: hashes preceded by a space (or making up the whole text).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end).trim();
  return { level, text };
}

/**
 * Every line inside a section whose heading satisfies `isSection`, from the
 * line after that heading to the next heading of the same or a higher level
 * (headings nested deeper are yielded too). Several matching sections are all
 * read, in order; `section` says which one (its heading's line) and its level.
 */
export function* sectionLines(
  lines: readonly MarkdownLine[],
  isSection: (headingText: string) => boolean,
): Generator<{ line: MarkdownLine; section: { line: number; level: number } }> {
  let section: { line: number; level: number } | null = null;
  for (const line of lines) {
    const heading = line.heading;
    if (heading && (section === null || heading.level <= section.level)) {
      section = isSection(heading.text) ? { line: line.index, level: heading.level } : null;
      continue;
    }
    if (section !== null) yield { line, section };
  }
}

/** Lower-case, with dashes and underscores as spaces and whitespace collapsed, for heading matching. */
export function headingWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/** A task-list box on a line: `- [ ] text`, `* [x] text`, `+ [X] text`, at any indentation. */
export interface TaskBox {
  /** Offset of the character between the brackets. */
  markAt: number;
  checked: boolean;
  /** The visible text after the box, comments cut out. */
  content: string;
}

// Anchored at the start, each part a character class disjoint from the next: linear.
const TASK_PREFIX = /^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]+/;

/** The task box that begins this line, if the line is markdown GitHub would render as one. */
export function taskBox(line: MarkdownLine): TaskBox | null {
  if (line.code || line.startsInComment) return null;
  const match = TASK_PREFIX.exec(line.text);
  if (!match) return null;
  const prefix = match[0].length;
  // The box itself must be visible: a comment opened inside the prefix hides it.
  const firstComment = line.text.indexOf(COMMENT_OPEN);
  if (firstComment >= 0 && firstComment < prefix) return null;
  const content = line.visible.slice(prefix);
  if (content.trim() === '') return null;
  // The prefix holds exactly one '[': indentation and bullet cannot contain one.
  return { markAt: match[0].indexOf('[') + 1, checked: match[1] !== ' ', content };
}

/** The body with some lines replaced (each keeps its own line ending); every other line byte-identical. */
export function replaceLines(body: string, lines: readonly MarkdownLine[], replacements: ReadonlyMap<number, string>): string {
  if (replacements.size === 0) return body;
  const raw = body.split('\n');
  for (const [index, text] of replacements) {
    const line = lines[index];
    if (line) raw[index] = text + line.eol;
  }
  return raw.join('\n');
}

/** The line with its box set to `checked` (` ` or `x`). */
export function withMark(line: MarkdownLine, box: TaskBox, checked: boolean): string {
  return line.text.slice(0, box.markAt) + (checked ? 'x' : ' ') + line.text.slice(box.markAt + 1);
}
