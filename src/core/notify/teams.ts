/**
 * Microsoft Teams workflow webhooks ("Post to a channel when a webhook request
 * is received"): `{ type: 'message', attachments: [{ contentType:
 * 'application/vnd.microsoft.card.adaptive', content: <Adaptive Card> }] }`.
 *
 * The card is version 1.4 (Teams renders up to 1.5:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card).
 * User text is only ever a `TextRun` inside a `RichTextBlock`, which Adaptive
 * Cards never read as Markdown (https://adaptivecards.io/explorer/TextRun.html:
 * unlike TextBlock, no Markdown), so no link, emphasis or list comes from it;
 * Teams mentions need `<at>` with an entity in `msteams.entities`, which the
 * card has none of. Our own labels and figures are TextBlocks and a FactSet,
 * and the only link is the workflow run, as an `Action.OpenUrl` with an http(s) URL.
 * Teams refuses messages over about 28 KB: the lists are cut well below that.
 */
import {
  clip,
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

type TextRun = { type: 'TextRun'; text: string; weight?: 'Bolder'; size?: 'Medium' };
type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; weight?: 'Bolder'; size?: 'Medium'; isSubtle?: true }
  | { type: 'RichTextBlock'; inlines: TextRun[] }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.4';
  body: CardElement[];
  actions?: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

export interface TeamsMessage {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

/** Longest user text in one run. */
const MAX_RUN = 1000;

/** User text: a TextRun, one clean line, cut with a marker. */
function run(text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text: clip(oneLine(text), MAX_RUN), ...style };
}

function rich(...inlines: TextRun[]): CardElement {
  return { type: 'RichTextBlock', inlines };
}

/** Our own text (never user input). */
function label(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, weight: 'Bolder' };
}

function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function deployBody(n: DeployNotification): CardElement[] {
  const body: CardElement[] = [
    // The environment is user text: the whole headline is a run, weighted like a heading.
    rich(run(`${deployIcon(n)} ${headline(n, (e) => e)}`, { weight: 'Bolder', size: 'Medium' })),
    rich(run(n.repository)),
    { type: 'FactSet', facts: deployFigures(n).map(([title, value]) => ({ title, value })) },
  ];
  if (n.kind === 'override') body.push(label('Overridden by'), rich(run(`${n.actor}: `, { weight: 'Bolder' }), run(n.reason)));
  const { shown, more } = shownReasons(n.reasons);
  if (shown.length > 0) {
    body.push(label('Why'), ...shown.map((r) => rich(run(`• ${r}`))));
    if (more > 0) body.push({ type: 'TextBlock', text: `… and ${more} more`, wrap: true, isSubtle: true });
  }
  body.push(rich(run(`evaluated ${n.evaluatedAt} · deploy-governor`)));
  return body;
}

function overdueBody(n: Extract<Notification, { kind: 'postmortem-overdue' }>): CardElement[] {
  const items = n.items.slice(0, MAX_ITEMS);
  return [
    rich(run(`⏰ ${headline(n, (e) => e)}`, { weight: 'Bolder', size: 'Medium' })),
    rich(run(n.repository)),
    {
      type: 'FactSet',
      facts: items.map((i) => ({
        title: `#${i.issue}`,
        value: `due ${clip(oneLine(i.due), 20).replace(/[^0-9-]/g, '')}, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue`,
      })),
    },
    ...(n.items.length > items.length
      ? [{ type: 'TextBlock', text: `… and ${n.items.length - items.length} more`, wrap: true, isSubtle: true } as const]
      : []),
  ];
}

function freezeBody(n: FreezeNotification): CardElement[] {
  return [
    rich(run(`${n.kind === 'freeze-started' ? '🧊' : '🌤️'} ${headline(n, (e) => e)}`, { weight: 'Bolder', size: 'Medium' })),
    rich(run(n.repository)),
    // The scope and who froze are user text: runs, never facts (a fact's value is markdown in Teams).
    ...freezeFigures(n).map(([title, value]) => rich(run(`${title}: `, { weight: 'Bolder' }), run(value))),
    label('Reason'),
    rich(run(n.reason)),
  ];
}

export function renderTeams(n: Notification): TeamsMessage {
  const freeze = n.kind === 'freeze-started' || n.kind === 'freeze-ended';
  const [body, url] = ((): [CardElement[], string | null] => {
    switch (n.kind) {
      case 'postmortem-overdue':
        return [overdueBody(n), null];
      case 'freeze-started':
      case 'freeze-ended':
        return [freezeBody(n), httpUrl(n.issueUrl)];
      default:
        return [deployBody(n), httpUrl(n.runUrl)];
    }
  })();
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(url ? { actions: [{ type: 'Action.OpenUrl' as const, title: freeze ? 'Freeze issue' : 'Workflow run', url }] } : {}),
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
