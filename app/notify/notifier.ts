/**
 * Sends a notification to the channels a repository's policy names, through
 * the webhooks the operator configured (NOTIFY_WEBHOOKS), and only to those
 * the operator allows for that repository: a channel it is not allowed, or
 * that does not exist, is a warning in the log and no message.
 *
 * Each channel has a token bucket (1 message a second, bursts of 5: Slack's
 * documented limit for incoming webhooks is about one a second,
 * https://docs.slack.dev/apis/web-api/rate-limits): a message over it is
 * dropped with a log line, never queued. The same notification twice (a
 * redelivered webhook, a retried delivery) is sent once per process, by its key.
 * Nothing here throws: a slow or failing webhook costs at most the post's
 * timeout, never the delivery.
 */
import type { Logger } from 'probot';
import type { Notification } from '../../src/core/notify/notification.js';
import { NOTIFICATION_KINDS } from '../../src/core/notify/notification.js';
import { renderNotification } from '../../src/core/notify/notify-formats.js';
import type { NotifyConfig } from '../../src/core/policy/schema.js';
import { postWebhook, type PostOptions, type PostOutcome } from '../../src/notify/post-webhook.js';
import type { NotifyChannels } from './notify-env.js';

interface NotifyRequest {
  owner: string;
  repo: string;
  /** The repository's `notify` section (from its default branch); nothing is sent without one. */
  policy: NotifyConfig | undefined;
  log: Pick<Logger, 'info' | 'warn'>;
  /** The same key is sent once per channel (a redelivery, a retry). */
  key: string;
}

/** What happened per channel the policy named. */
export type ChannelOutcome = 'sent' | 'failed' | 'rate-limited' | 'not-allowed' | 'unknown-channel' | 'duplicate';

export interface Notifier {
  /** Whether any channel is configured: callers skip reading the policy otherwise. */
  readonly enabled: boolean;
  notify(request: NotifyRequest, notification: Notification): Promise<Record<string, ChannelOutcome>>;
}

export interface NotifierOptions {
  /** Messages per second per channel, and the burst (defaults 1 and 5). */
  rate?: { perSecond: number; burst: number };
  now?: () => number;
  post?: (url: string, payload: unknown, options: PostOptions) => Promise<PostOutcome>;
  timeoutMs?: number;
}

/** A token bucket per key: `take` is false when the key is over its rate. */
function tokenBuckets(rate: { perSecond: number; burst: number }, now: () => number): { take(key: string): boolean } {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: rate.burst, at: t };
      b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perSecond);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}

/** Keys already sent, the oldest forgotten first. */
const REMEMBERED_KEYS = 5000;

export function createNotifier(channels: NotifyChannels, options: NotifierOptions = {}): Notifier {
  const buckets = tokenBuckets(options.rate ?? { perSecond: 1, burst: 5 }, options.now ?? Date.now);
  const post = options.post ?? postWebhook;
  const sent = new Set<string>();
  return {
    enabled: channels.size > 0,
    async notify(request, notification) {
      const outcomes: Record<string, ChannelOutcome> = {};
      const wanted = request.policy?.on ?? NOTIFICATION_KINDS;
      if (!request.policy || !wanted.includes(notification.kind)) return outcomes;
      const repository = `${request.owner}/${request.repo}`;
      for (const name of new Set(request.policy.channels)) {
        const channel = channels.get(name);
        const fields = { repository, channel: name, kind: notification.kind };
        if (!channel) {
          request.log.warn(fields, 'the policy names a notify channel the app operator has not configured (NOTIFY_WEBHOOKS): nothing sent');
          outcomes[name] = 'unknown-channel';
          continue;
        }
        if (!channel.repositories.some((p) => p.matches(request.owner, request.repo))) {
          request.log.warn(fields, 'the policy names a notify channel the app operator does not allow for this repository: nothing sent');
          outcomes[name] = 'not-allowed';
          continue;
        }
        const id = `${name}\0${repository}\0${request.key}`;
        if (sent.has(id)) {
          outcomes[name] = 'duplicate';
          continue;
        }
        if (!buckets.take(name)) {
          request.log.warn(fields, 'notification dropped: the channel is over its rate (1 a second, bursts of 5)');
          outcomes[name] = 'rate-limited';
          continue;
        }
        sent.add(id);
        if (sent.size > REMEMBERED_KEYS) sent.delete(sent.values().next().value!);
        const outcome = await post(channel.url, renderNotification(channel.format, notification), { timeoutMs: options.timeoutMs ?? 5000 });
        if (outcome.ok) {
          request.log.info({ ...fields, status: outcome.status }, 'notification sent');
          outcomes[name] = 'sent';
        } else {
          // The URL is a secret: the channel's name says which, and the error never holds the URL.
          request.log.warn({ ...fields, err: outcome.error }, 'notification failed');
          // A redelivery may try again.
          sent.delete(id);
          outcomes[name] = 'failed';
        }
      }
      return outcomes;
    },
  };
}
