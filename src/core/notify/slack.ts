/**
 * Slack incoming webhooks (and the Slack-compatible ones of Mattermost and
 * Rocket.Chat): `{ text, blocks }`. Block Kit renders in Slack; `text` is the
 * notification's fallback there and what Mattermost and Rocket.Chat show.
 *
 * User text is inert in both:
 * - in `blocks` it is only ever a `plain_text` text object with `emoji: false`:
 *   Slack parses formatting, links and mentions in `mrkdwn` text only
 *   (https://docs.slack.dev/reference/block-kit/composition-objects/text-object);
 * - in `text` (mrkdwn for Slack, Markdown for Mattermost and Rocket.Chat) it is
 *   an inline code span: no formatting, link or mention inside one in either.
 * Both also get `&`, `<` and `>` escaped, as Slack requires of every text
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping), so
 * `<!here>`, `<!channel>`, `<@U123>` and `<https://x|label>` never reach the
 * parser, and a zero-width space after `@` keeps Mattermost's `@channel`,
 * `@here`, `@all` and `@user` from pinging anyone.
 *
 * Limits (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks
 * in a message; a header's plain_text at most 150 characters; a section's text
 * at most 3000, its fields at most 10 of at most 2000; a context block at most 10
 * elements. Everything is cut with a marker below them.
 */
import {
  clip,
  CUT_MARKER,
  deployFigures,
  deployIcon,
  freezeFigures,
  headline,
  MAX_ITEMS,
  oneLine,
  shownReasons,
  type DeployNotification,
  type FreezeNotification,
} from './chat-text.js';
import type { Notification } from './notification.js';

/** A text object (only the fields this renderer uses). */
type PlainText = { type: 'plain_text'; text: string; emoji: false };
type SlackText = PlainText | { type: 'mrkdwn'; text: string };

type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'divider' };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const SLACK_LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  field: 2000,
  fields: 10,
  text: 3000,
} as const;

const ZWSP = '\u200b';

/** `&`, `<`, `>` as entities, and no `@` mention: the escaping every Slack text gets. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, `@${ZWSP}`);
}

/** Cut escaped text without splitting an entity (or the zero-width space after an @). */
function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max - CUT_MARKER.length)
    .replace(/[\ud800-\udbff]$/, '')
    .replace(/&[a-z]{0,3}$/, '')
    .replace(/@$/, '');
  return `${cut}${CUT_MARKER}`;
}

/** User text as a Block Kit `plain_text` object of at most `max` characters. */
function plain(text: string, max: number = SLACK_LIMITS.sectionText): PlainText {
  const value = clipEscaped(escapeSlack(oneLine(text)), max);
  return { type: 'plain_text', text: value === '' ? ' ' : value, emoji: false };
}

/** Lines of user text, each made one line (so no user text adds a line), in one `plain_text` object. */
function plainLines(lines: readonly string[], max: number = SLACK_LIMITS.sectionText): PlainText {
  const value = clipEscaped(lines.map((l) => escapeSlack(oneLine(l))).join('\n'), max);
  return { type: 'plain_text', text: value.trim() === '' ? ' ' : value, emoji: false };
}

/** Our own mrkdwn (labels, figures, links we build): never user text. */
function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): SlackText {
  return { type: 'mrkdwn', text: clip(text, max) };
}

/** User text inside mrkdwn or Markdown: an inline code span, backticks replaced so it cannot close. */
function code(text: string, max = 300): string {
  const inner = clipEscaped(escapeSlack(oneLine(text).replace(/`/g, 'ˋ')), max);
  return inner.trim() === '' ? '(empty)' : `\`${inner}\``;
}

/** An http(s) URL as a Slack link `<url|label>`; `|` and `>` cannot appear in a parsed URL's href. */
function link(url: string | null, label: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `<${u.href.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${label}>`;
  } catch {
    return null;
  }
}

function deployBlocks(n: DeployNotification): SlackBlock[] {
  const blocks: SlackBlock[] = [
    { type: 'header', text: plain(`${deployIcon(n)} ${headline(n, (e) => e)}`, SLACK_LIMITS.header) },
    {
      type: 'section',
      fields: [
        mrkdwn('*Repository*'),
        plain(n.repository, SLACK_LIMITS.field),
        ...deployFigures(n).flatMap(([label, value]) => [mrkdwn(`*${label}*`), plain(value, SLACK_LIMITS.field)]),
      ].slice(0, SLACK_LIMITS.fields),
    },
  ];
  if (n.kind === 'override') {
    blocks.push({ type: 'section', text: mrkdwn('*Overridden by*') }, { type: 'section', text: plain(`${n.actor}: ${n.reason}`) });
  }
  const { shown, more } = shownReasons(n.reasons);
  if (shown.length > 0) {
    blocks.push(
      { type: 'section', text: mrkdwn('*Why*') },
      { type: 'section', text: plainLines([...shown.map((r) => `• ${r}`), ...(more > 0 ? [`… and ${more} more`] : [])]) },
    );
  }
  const run = link(n.runUrl, 'Workflow run');
  blocks.push({ type: 'context', elements: [...(run ? [mrkdwn(run)] : []), plain(`evaluated ${n.evaluatedAt} · deploy-governor`, 200)] });
  return blocks;
}

function overdueBlocks(n: Extract<Notification, { kind: 'postmortem-overdue' }>): SlackBlock[] {
  const items = n.items.slice(0, MAX_ITEMS);
  return [
    { type: 'header', text: plain(`⏰ ${headline(n, (e) => e)}`, SLACK_LIMITS.header) },
    { type: 'section', fields: [mrkdwn('*Repository*'), plain(n.repository, SLACK_LIMITS.field)] },
    ...items.map((i): SlackBlock => ({
      type: 'section',
      fields: [
        mrkdwn(link(i.url, `#${i.issue}`) ?? `#${i.issue}`),
        plain(`due ${i.due}, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue${i.owner ? `, owner ${i.owner}` : ''}`, 300),
      ],
    })),
    ...(n.items.length > items.length
      ? [{ type: 'context', elements: [plain(`… and ${n.items.length - items.length} more`)] } as SlackBlock]
      : []),
  ];
}

function freezeBlocks(n: FreezeNotification): SlackBlock[] {
  const issue = link(n.issueUrl, 'Freeze issue');
  return [
    { type: 'header', text: plain(`${n.kind === 'freeze-started' ? '🧊' : '🌤️'} ${headline(n, (e) => e)}`, SLACK_LIMITS.header) },
    {
      type: 'section',
      fields: [
        mrkdwn('*Repository*'),
        plain(n.repository, SLACK_LIMITS.field),
        ...freezeFigures(n).flatMap(([label, value]) => [mrkdwn(`*${label}*`), plain(value, SLACK_LIMITS.field)]),
      ].slice(0, SLACK_LIMITS.fields),
    },
    { type: 'section', text: mrkdwn('*Reason*') },
    { type: 'section', text: plain(n.reason) },
    { type: 'context', elements: [...(issue ? [mrkdwn(issue)] : []), plain('deploy-governor', 200)] },
  ];
}

/** The fallback text (and Mattermost's and Rocket.Chat's message): user text in code spans. */
function fallback(n: Notification): string {
  switch (n.kind) {
    case 'blocked':
    case 'override':
    case 'held-released':
    case 'held-expired': {
      const lines = [`*${headline(n, (e) => code(e, 100))}* in ${code(n.repository, 140)}`];
      if (n.kind === 'override') lines.push(`Overridden by ${code(n.actor, 60)} at level ${n.level}: ${code(n.reason, 500)}`);
      const { shown, more } = shownReasons(n.reasons);
      lines.push(...shown.map((r) => `- ${code(r)}`), ...(more > 0 ? [`- … and ${more} more`] : []));
      const run = link(n.runUrl, 'Workflow run');
      if (run) lines.push(run);
      return lines.join('\n');
    }
    case 'freeze-started':
    case 'freeze-ended': {
      const issue = link(n.issueUrl, 'Freeze issue');
      return [
        `*${headline(n, (e) => code(e, 100))}* (${code(n.repository, 140)})`,
        `Frozen by ${code(n.by, 60)}: ${code(n.reason, 500)}`,
        ...(issue ? [issue] : []),
      ].join('\n');
    }
    case 'postmortem-overdue':
      return [
        `*${headline(n, (e) => e)}* in ${code(n.repository, 140)}`,
        ...n.items
          .slice(0, MAX_ITEMS)
          .map((i) => `- #${i.issue}: due ${code(i.due, 20)}, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue`),
        ...(n.items.length > MAX_ITEMS ? [`- … and ${n.items.length - MAX_ITEMS} more`] : []),
      ].join('\n');
  }
}

/** Cut the fallback at a line break below the limit. */
function clipLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 2);
  const at = cut.lastIndexOf('\n');
  return `${at > 0 ? cut.slice(0, at) : ''}\n${CUT_MARKER}`;
}

export function renderSlack(n: Notification): SlackMessage {
  const blocks = (() => {
    switch (n.kind) {
      case 'postmortem-overdue':
        return overdueBlocks(n);
      case 'freeze-started':
      case 'freeze-ended':
        return freezeBlocks(n);
      default:
        return deployBlocks(n);
    }
  })();
  return { text: clipLines(fallback(n), SLACK_LIMITS.text), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
