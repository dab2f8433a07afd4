/**
 * Zod models of the parts of Slack's Block Kit and of Adaptive Cards (as Teams
 * workflow webhooks take them) that deploy-governor's notifications use,
 * written from the official references, with their documented limits. Tests
 * validate every rendered payload against them; nothing is vendored.
 *
 * Block Kit:
 * - message payload (`text`, `blocks`): https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
 *   and https://docs.slack.dev/reference/block-kit/blocks (at most 50 blocks per message)
 * - text object: https://docs.slack.dev/reference/block-kit/composition-objects/text-object
 *   (`plain_text` or `mrkdwn`, 1 to 3000 characters; `emoji` only on plain_text, `verbatim` only on mrkdwn)
 * - header: https://docs.slack.dev/reference/block-kit/blocks/header-block (plain_text, at most 150 characters)
 * - section: https://docs.slack.dev/reference/block-kit/blocks/section-block (`text` at most 3000,
 *   `fields` at most 10 of at most 2000; one of the two required)
 * - context: https://docs.slack.dev/reference/block-kit/blocks/context-block (1 to 10 elements)
 *
 * Adaptive Cards:
 * - the card and its `version`: https://adaptivecards.io/explorer/AdaptiveCard.html; Teams renders up to 1.5
 *   (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference)
 * - TextBlock, RichTextBlock, TextRun, FactSet, Action.OpenUrl: https://adaptivecards.io/explorer/
 * - the Teams envelope `{type: 'message', attachments: [{contentType: 'application/vnd.microsoft.card.adaptive', content}]}`:
 *   https://learn.microsoft.com/connectors/teams/?tabs=text1#microsoft-teams-webhook (messages up to about 28 KB)
 */
import { z } from 'zod';

const plainText = (max: number) =>
  z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const mrkdwnText = (max: number) =>
  z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });
const textObject = (max: number) => z.discriminatedUnion('type', [plainText(max), mrkdwnText(max)]);

const blockId = z.string().max(255).optional();

const slackBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), text: plainText(150), block_id: blockId }),
  z
    .strictObject({
      type: z.literal('section'),
      text: textObject(3000).optional(),
      fields: z.array(textObject(2000)).min(1).max(10).optional(),
      block_id: blockId,
    })
    .refine((s) => s.text !== undefined || s.fields !== undefined, 'a section needs text or fields'),
  z.strictObject({ type: z.literal('context'), elements: z.array(textObject(3000)).min(1).max(10), block_id: blockId }),
  z.strictObject({ type: z.literal('divider'), block_id: blockId }),
]);

/** A Slack incoming webhook's message (the Block Kit subset used). */
export const slackMessageSchema = z.strictObject({
  text: z.string().min(1).max(40_000),
  blocks: z.array(slackBlockSchema).max(50),
});

const textRunSchema = z.strictObject({
  type: z.literal('TextRun'),
  text: z.string(),
  weight: z.enum(['Lighter', 'Default', 'Bolder']).optional(),
  size: z.enum(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']).optional(),
  isSubtle: z.boolean().optional(),
});

const cardElementSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('TextBlock'),
    text: z.string(),
    wrap: z.boolean().optional(),
    weight: z.enum(['Lighter', 'Default', 'Bolder']).optional(),
    size: z.enum(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']).optional(),
    isSubtle: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('RichTextBlock'), inlines: z.array(textRunSchema).min(1) }),
  z.strictObject({ type: z.literal('FactSet'), facts: z.array(z.strictObject({ title: z.string(), value: z.string() })) }),
]);

const adaptiveCardSchema = z.strictObject({
  type: z.literal('AdaptiveCard'),
  $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json').optional(),
  version: z.enum(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']),
  body: z.array(cardElementSchema),
  actions: z
    .array(z.strictObject({ type: z.literal('Action.OpenUrl'), title: z.string(), url: z.url({ protocol: /^https?$/ }) }))
    .optional(),
});

/** A Teams workflow webhook's message with one Adaptive Card. */
export const teamsMessageSchema = z.strictObject({
  type: z.literal('message'),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal('application/vnd.microsoft.card.adaptive'),
        contentUrl: z.string().nullable().optional(),
        content: adaptiveCardSchema,
      }),
    )
    .length(1),
});

/** Teams refuses larger messages. */
export const TEAMS_MAX_BYTES = 28_000;

type SlackMessage = z.infer<typeof slackMessageSchema>;
type TeamsMessage = z.infer<typeof teamsMessageSchema>;

/** Every text object of a Slack message, with its type. */
export function slackTexts(m: SlackMessage): { type: 'plain_text' | 'mrkdwn'; text: string }[] {
  return m.blocks.flatMap((b) => {
    if (b.type === 'header') return [b.text];
    if (b.type === 'section') return [...(b.text ? [b.text] : []), ...(b.fields ?? [])];
    if (b.type === 'context') return b.elements;
    return [];
  });
}

/** Every text of a Teams card: TextRuns (where user text goes) apart from the rest. */
export function teamsTexts(m: TeamsMessage): { runs: string[]; other: string[]; urls: string[] } {
  const card = m.attachments[0]!.content;
  const runs: string[] = [];
  const other: string[] = [];
  for (const e of card.body) {
    if (e.type === 'RichTextBlock') runs.push(...e.inlines.map((i) => i.text));
    else if (e.type === 'TextBlock') other.push(e.text);
    else other.push(...e.facts.flatMap((f) => [f.title, f.value]));
  }
  return { runs, other, urls: (card.actions ?? []).map((a) => a.url) };
}
