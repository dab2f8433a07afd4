/**
 * NOTIFY_WEBHOOKS (validated at start with the rest of the environment, every
 * problem at once, never a URL shown) and the notifier: the operator's
 * repository allow-list, the per-channel token bucket and sending once per key.
 */
import { describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../app/app-config.js';
import { formatProblem } from '../../app/config/env.js';
import { createNotifier, type ChannelOutcome } from '../../app/notify/notifier.js';
import { parseNotifyEnv } from '../../app/notify/notify-env.js';
import type { Notification } from '../../src/core/notify/notification.js';

const SECRET_URL = 'https://hooks.slack.example/services/T000/B000/XXXXXXXXSECRET';

const notification: Notification = {
  kind: 'blocked',
  repository: 'acme/checkout',
  environment: 'production',
  status: 'FREEZE',
  budgetRemaining: 10,
  burnRate: 2,
  reasons: ['budget low'],
  runUrl: null,
  evaluatedAt: '2026-11-23T12:00:00Z',
  blockOn: 'WARNING',
  requiredOverride: 'freeze',
};

describe('NOTIFY_WEBHOOKS', () => {
  it('reads the JSON itself or a YAML file, format slack by default', () => {
    const json = parseNotifyEnv({
      NOTIFY_WEBHOOKS: JSON.stringify({
        a: { url: SECRET_URL, repositories: ['acme/*'] },
        b: { url: SECRET_URL, format: 'teams', repositories: ['*/*'] },
      }),
    });
    expect('value' in json && [...json.value.values()].map((c) => [c.name, c.format])).toEqual([
      ['a', 'slack'],
      ['b', 'teams'],
    ]);
    const file = parseNotifyEnv({ NOTIFY_WEBHOOKS: '/etc/notify.yml' }, (path) => {
      expect(path).toBe('/etc/notify.yml');
      return `deploys:\n  url: ${SECRET_URL}\n  format: teams\n  repositories: [acme/checkout]\n`;
    });
    expect('value' in file && file.value.get('deploys')?.repositories[0]!.matches('ACME', 'checkout')).toBe(true);
    expect(parseNotifyEnv({})).toEqual({ value: new Map() });
  });

  it('reports every problem at once, naming the variable, never showing a URL', () => {
    const result = parseNotifyEnv({
      NOTIFY_WEBHOOKS: JSON.stringify({
        'bad name!': { url: SECRET_URL, repositories: ['a/b'] },
        noUrl: { url: `ftp://x/${SECRET_URL}`, format: 'discord', repositories: [] },
        extra: { url: SECRET_URL, repositories: ['a/b'], headers: { x: 'y' } },
      }),
    });
    expect('problems' in result).toBe(true);
    const lines = 'problems' in result ? result.problems.map(formatProblem) : [];
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      expect(line.startsWith('NOTIFY_WEBHOOKS: ')).toBe(true);
      expect(line).not.toContain('SECRET');
      expect(line).not.toContain('hooks.slack');
    }
    expect(lines.join('\n')).toMatch(/expected one of slack, teams/);
    expect(lines.join('\n')).toMatch(/name at least one repository/);
  });

  it('names an unreadable file, and joins the rest of the environment at start', () => {
    const result = parseEnvironment({
      APP_ID: 'x',
      NOTIFY_WEBHOOKS: '/nonexistent/notify.yml',
    });
    expect('problems' in result).toBe(true);
    const variables = 'problems' in result ? result.problems.map((p) => p.variable) : [];
    expect(variables).toContain('APP_ID');
    expect(variables).toContain('NOTIFY_WEBHOOKS');
  });
});

describe('the notifier', () => {
  const channels = (() => {
    const r = parseNotifyEnv({
      NOTIFY_WEBHOOKS: JSON.stringify({
        checkout: { url: 'https://hooks.example/checkout', repositories: ['acme/checkout'] },
        payments: { url: 'https://hooks.example/payments', format: 'teams', repositories: ['acme/payments-*'] },
      }),
    });
    if (!('value' in r)) throw new Error('bad fixture');
    return r.value;
  })();
  const logs: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    info: (fields: Record<string, unknown>, message: string) => logs.push({ level: 'info', fields, message }),
    warn: (fields: Record<string, unknown>, message: string) => logs.push({ level: 'warn', fields, message }),
  } as never;

  it("sends to allowed channels only, warns about the rest, and never to another repository's channel", async () => {
    const posted: string[] = [];
    const notifier = createNotifier(channels, { post: async (url) => (posted.push(url), { ok: true, status: 200 }) });
    const outcomes = await notifier.notify(
      { owner: 'acme', repo: 'checkout', policy: { channels: ['checkout', 'payments', 'nope'] }, log, key: 'k1' },
      notification,
    );
    expect(outcomes).toEqual<Record<string, ChannelOutcome>>({ checkout: 'sent', payments: 'not-allowed', nope: 'unknown-channel' });
    expect(posted).toEqual(['https://hooks.example/checkout']);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.fields.channel)).toEqual(['payments', 'nope']);
    expect(JSON.stringify(logs)).not.toContain('hooks.example');
  });

  it('sends nothing for a kind the policy does not subscribe to, and each key once', async () => {
    let posts = 0;
    const notifier = createNotifier(channels, { post: async () => (posts++, { ok: true, status: 200 }) });
    const req = { owner: 'acme', repo: 'checkout', log, key: 'same' };
    expect(await notifier.notify({ ...req, policy: { channels: ['checkout'], on: ['override'] } }, notification)).toEqual({});
    await notifier.notify({ ...req, policy: { channels: ['checkout'] } }, notification);
    expect(await notifier.notify({ ...req, policy: { channels: ['checkout'] } }, notification)).toEqual({ checkout: 'duplicate' });
    expect(posts).toBe(1);
  });

  it("drops messages over the channel's rate (burst 5, then 1 a second), and lets a failed one be retried", async () => {
    let now = 0;
    let fail = false;
    const notifier = createNotifier(channels, {
      now: () => now,
      post: async () => (fail ? { ok: false, error: 'the webhook answered HTTP 500' } : { ok: true, status: 200 }),
    });
    const send = (key: string) =>
      notifier.notify({ owner: 'acme', repo: 'checkout', policy: { channels: ['checkout'] }, log, key }, notification);
    const first = [];
    for (let i = 0; i < 8; i++) first.push((await send(`a${i}`)).checkout);
    expect(first).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'rate-limited', 'rate-limited', 'rate-limited']);
    now += 1000;
    expect((await send('b1')).checkout).toBe('sent');
    expect((await send('b2')).checkout).toBe('rate-limited');
    now += 3000;
    fail = true;
    expect((await send('c')).checkout).toBe('failed');
    fail = false;
    expect((await send('c')).checkout).toBe('sent');
  });
});
