/**
 * src/notify/post-webhook.ts against a local receiver (127.0.0.1): a redirect
 * is reported and not followed, the timeout bounds a slow webhook, a body over
 * the bound is never sent, and no outcome ever contains the URL, whose path is
 * the secret.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { postWebhook } from '../../src/notify/post-webhook.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.behaviour = {};
});

const SECRET_PATH = '/services/T000/B000/s3cr3t-token-value';

describe('postWebhook', () => {
  it('posts JSON and reports the status', async () => {
    expect(await postWebhook(receiver.url(SECRET_PATH), { text: 'hi' })).toEqual({ ok: true, status: 200 });
    expect(receiver.received).toEqual([{ path: SECRET_PATH, body: { text: 'hi' } }]);
  });

  it('reports a redirect without following it', async () => {
    receiver.behaviour[SECRET_PATH] = { status: 302 };
    const outcome = await postWebhook(receiver.url(SECRET_PATH), { text: 'hi' });
    expect(outcome).toEqual({ ok: false, error: 'the webhook answered HTTP 302 (a redirect, not followed)' });
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up at its timeout, and never names the URL', async () => {
    receiver.behaviour[SECRET_PATH] = { delayMs: 10_000 };
    const started = Date.now();
    const outcome = await postWebhook(receiver.url(SECRET_PATH), { text: 'hi' }, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(outcome).toEqual({ ok: false, error: 'the webhook could not be reached: timed out' });
  });

  it('redacts the URL from an answer that echoes it and from a connection error', async () => {
    receiver.behaviour[SECRET_PATH] = { status: 400 };
    const echoed = await postWebhook(receiver.url(SECRET_PATH), { text: 'hi' });
    expect(echoed).toEqual({ ok: false, error: 'the webhook answered HTTP 400: no_service for ***' });
    const closed = await postWebhook(`http://127.0.0.1:${await getFreePort()}${SECRET_PATH}`, { text: 'hi' });
    expect(closed.ok).toBe(false);
    expect(JSON.stringify(closed)).not.toContain('s3cr3t');
  });

  it('never sends a body over its bound', async () => {
    const outcome = await postWebhook(receiver.url(SECRET_PATH), { text: 'x'.repeat(30_000) });
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^the message is \d+ bytes; at most 28000 are sent$/) });
    expect(receiver.received).toEqual([]);
  });
});
