/** parseQueueEnv (app/queue/queue-env.ts): defaults, accepted forms, and every problem named at once. */
import { describe, expect, it } from 'vitest';
import { parseQueueEnv, QUEUE_ENV_DEFAULTS } from '../../app/queue/queue-env.js';

describe('parseQueueEnv', () => {
  it('defaults: 1,000 per installation, a quarter of the workers, 4 days of replay memory, 32 bodies, no operator token', () => {
    expect(parseQueueEnv({})).toEqual({ value: QUEUE_ENV_DEFAULTS });
    expect(QUEUE_ENV_DEFAULTS).toMatchObject({
      maxPerInstallation: 1000,
      installationShare: 0.25,
      replayTtlMs: 4 * 86_400_000,
      bodiesInFlight: 32,
      leaseMs: 120_000,
      operatorToken: null,
    });
    expect(parseQueueEnv({ OPERATOR_TOKEN: '', QUEUE_INSTALLATION_SHARE: '  ' })).toEqual({ value: QUEUE_ENV_DEFAULTS });
  });

  it('reads each variable', () => {
    const parsed = parseQueueEnv({
      QUEUE_MAX_PER_INSTALLATION: '50',
      QUEUE_INSTALLATION_SHARE: '50%',
      QUEUE_REPLAY_TTL: '3d',
      QUEUE_REPLAY_MEMORY: '5000',
      QUEUE_LEASE: '30s',
      WEBHOOK_BODIES_IN_FLIGHT: '8',
      OPERATOR_TOKEN: 'a-long-random-operator-token',
    });
    expect(parsed).toEqual({
      value: {
        maxPerInstallation: 50,
        installationShare: 0.5,
        replayTtlMs: 3 * 86_400_000,
        replayMemory: 5000,
        leaseMs: 30_000,
        bodiesInFlight: 8,
        operatorToken: 'a-long-random-operator-token',
      },
    });
    expect(parseQueueEnv({ QUEUE_INSTALLATION_SHARE: '0.1' })).toMatchObject({ value: { installationShare: 0.1 } });
    expect(parseQueueEnv({ QUEUE_INSTALLATION_SHARE: '1' })).toMatchObject({ value: { installationShare: 1 } });
  });

  it('lists every problem at once, naming the variable, the value (tokens masked) and the accepted form', () => {
    const parsed = parseQueueEnv({
      QUEUE_MAX_PER_INSTALLATION: '0',
      QUEUE_INSTALLATION_SHARE: '2',
      QUEUE_REPLAY_TTL: '1h',
      QUEUE_LEASE: 'soon',
      WEBHOOK_BODIES_IN_FLIGHT: '-3',
      OPERATOR_TOKEN: 'short',
    });
    expect('problems' in parsed && parsed.problems).toEqual([
      { variable: 'QUEUE_MAX_PER_INSTALLATION', value: '0', message: 'expected a whole number from 1 to 1000000' },
      { variable: 'WEBHOOK_BODIES_IN_FLIGHT', value: '-3', message: 'expected a whole number from 1 to 10000' },
      {
        variable: 'QUEUE_INSTALLATION_SHARE',
        value: '2',
        message: 'expected a share of the workers above 0 and at most 1, such as 0.25 or 25%',
      },
      {
        variable: 'QUEUE_REPLAY_TTL',
        value: '1h',
        message: 'expected a duration of at least 24h, such as 96h or 4d (GitHub redelivers up to 3 days back)',
      },
      {
        variable: 'QUEUE_LEASE',
        value: 'soon',
        message: 'expected a duration from 10s to 1h, such as 2m (longer than a delivery takes to handle)',
      },
      { variable: 'OPERATOR_TOKEN', value: '***', message: 'expected a random token of at least 16 characters' },
    ]);
    for (const share of ['0', '0%', 'abc', '101%', '-0.5'])
      expect(parseQueueEnv({ QUEUE_INSTALLATION_SHARE: share }), share).toHaveProperty('problems');
  });
});
