/**
 * The chat formats' names, apart from their renderers (notify-formats.ts), so
 * that validating an input does not load every format's rendering.
 */

/** `slack`: Slack, Mattermost and Rocket.Chat incoming webhooks; `teams`: Microsoft Teams workflow webhooks. */
export const NOTIFY_FORMATS = ['slack', 'teams'] as const;
export type NotifyFormat = (typeof NOTIFY_FORMATS)[number];
