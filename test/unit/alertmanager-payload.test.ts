import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERTMANAGER_LIMITS,
  incidentsFromAlerts,
  matchesSelector,
  parseAlertmanagerPayload,
  type AlertmanagerPayload,
} from '../../src/core/postmortem/alertmanager.js';

/** An alert as Alertmanager 0.27 sends it (nanosecond times, Go's zero time while firing). */
function alert(over: Record<string, unknown> = {}) {
  return {
    status: 'resolved',
    labels: { alertname: 'CheckoutErrorBudgetBurn', severity: 'critical', repository: 'octo/shop', service: 'checkout' },
    annotations: { summary: 'Checkout is burning its error budget 14x' },
    startsAt: '2026-11-25T10:00:00.123456789Z',
    endsAt: '2026-11-25T10:45:00Z',
    generatorURL: 'https://prometheus.example.com/graph?g0.expr=...',
    fingerprint: 'c0ffee0000000001',
    ...over,
  };
}

function payload(alerts: unknown[], over: Record<string, unknown> = {}) {
  return {
    receiver: 'deploy-governor',
    status: 'resolved',
    alerts,
    groupLabels: { alertname: 'CheckoutErrorBudgetBurn' },
    commonLabels: { severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'https://alertmanager.example.com',
    version: '4',
    groupKey: '{}/{severity="critical"}:{alertname="CheckoutErrorBudgetBurn"}',
    truncatedAlerts: 0,
    ...over,
  };
}

function parsed(body: unknown): AlertmanagerPayload {
  const result = parseAlertmanagerPayload(body);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.payload;
}

const SELECTOR = { severity: 'critical' };

describe('parseAlertmanagerPayload', () => {
  it('accepts a real v4 payload, tolerating unknown top-level keys and a missing truncatedAlerts (Alertmanager < 0.22)', () => {
    const body = payload([alert()], { addedInAFutureRelease: { x: 1 } });
    delete (body as Record<string, unknown>).truncatedAlerts;
    const p = parsed(body);
    expect(p.truncatedAlerts).toBe(0);
    expect(p.alerts[0]!.labels.repository).toBe('octo/shop');
    expect(p).not.toHaveProperty('addedInAFutureRelease');
  });

  it('names the field, the value and the accepted form of each problem', () => {
    const result = parseAlertmanagerPayload(payload([alert({ startsAt: 'yesterday', status: 'pending' })], { version: '3' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'body.version: expected "4" (Alertmanager\'s webhook payload version) (got "3")',
        'body.alerts[0].status: expected "firing" or "resolved" (got "pending")',
        'body.alerts[0].startsAt: expected an RFC 3339 time such as "2026-11-25T18:00:00Z" (got "yesterday")',
      ]),
    );
    expect(result.problems).toHaveLength(3);
  });

  it('quotes and caps odd label names in the path', () => {
    const result = parseAlertmanagerPayload(payload([alert({ labels: { 'team name': 7, ['k'.repeat(100)]: null } })]));
    expect(result.ok || result.problems).toEqual([
      'body.alerts[0].labels["team name"]: expected string, received number (got 7)',
      `body.alerts[0].labels["${'k'.repeat(40)}…"]: expected string, received null (got null)`,
    ]);
  });

  it('says what is missing and rejects what is not an object', () => {
    const missing = parseAlertmanagerPayload({ version: '4' });
    expect(missing.ok || missing.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^body\.groupKey: .*\(got nothing\)$/), expect.stringMatching(/^body\.alerts: /)]),
    );
    for (const body of [null, 'text', 42, [payload([alert()])]]) {
      const result = parseAlertmanagerPayload(body);
      expect(result.ok || result.problems[0]).toMatch(/^body: expected a JSON object/);
    }
  });

  it('truncates long values and caps the number of problems', () => {
    const huge = 'x'.repeat(100_000);
    const result = parseAlertmanagerPayload(payload(Array.from({ length: 50 }, () => alert({ startsAt: huge }))));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(ALERTMANAGER_LIMITS.problems + 1);
    expect(result.problems.at(-1)).toBe(`... and ${50 - ALERTMANAGER_LIMITS.problems} more problem(s)`);
    expect(Math.max(...result.problems.map((p) => p.length))).toBeLessThan(300);
  });

  it('rejects more alerts than the cap', () => {
    const result = parseAlertmanagerPayload(payload(Array.from({ length: ALERTMANAGER_LIMITS.alerts + 1 }, () => alert())));
    expect(result.ok || result.problems[0]).toMatch(/^body\.alerts: expected at most 1000 alerts/);
  });

  it('never throws and names a field for random and hostile input', () => {
    const hostileValue = fc.oneof(
      fc.anything(),
      fc.constantFrom(
        '__proto__',
        'constructor',
        '',
        '\u0000',
        '\ud800',
        'x'.repeat(20_000),
        '9999-99-99T99:99:99Z',
        '0001-01-01T00:00:00Z',
      ),
      fc.constantFrom(null, -1, Number.MAX_SAFE_INTEGER, 1e308, true, [], {}),
    );
    const hostileAlert = fc.record(
      {
        status: hostileValue,
        labels: fc.oneof(fc.dictionary(fc.string(), fc.string()), hostileValue),
        annotations: hostileValue,
        startsAt: hostileValue,
        endsAt: hostileValue,
        fingerprint: hostileValue,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      // Valid-looking payloads with one field or more swapped for something hostile.
      fc.record(
        {
          version: fc.oneof(fc.constant('4'), hostileValue),
          status: hostileValue,
          groupKey: hostileValue,
          alerts: fc.oneof(fc.array(hostileAlert, { maxLength: 5 }), hostileValue),
          commonLabels: hostileValue,
        },
        { requiredKeys: ['version'] },
      ),
      // Parsed from JSON text, as the app receives it, including "__proto__" keys that JSON.parse keeps as own properties.
      fc
        .jsonValue()
        .map((v) => JSON.parse(`{"version":"4","__proto__":${JSON.stringify(v)},"alerts":[{"labels":{"__proto__":"x"}}]}`) as unknown),
    );
    fc.assert(
      fc.property(body, (input) => {
        const result = parseAlertmanagerPayload(input);
        if (result.ok) {
          // Whatever passes must be usable without throwing either.
          incidentsFromAlerts(result.payload, SELECTOR);
          return;
        }
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems)
          expect(problem).toMatch(
            /^(body(\.\w+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: .+ \(got .+\)|body: could not be read .+|\.\.\. and \d+ more problem\(s\))$/s,
          );
      }),
      { numRuns: 2000 },
    );
  });

  it('answers a deeply nested or very large body quickly', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { alerts: deep };
    const started = performance.now();
    expect(parseAlertmanagerPayload(deep).ok).toBe(false);
    expect(
      parseAlertmanagerPayload(payload([alert({ labels: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`l${i}`, 'v'])) })]))
        .ok,
    ).toBe(false);
    expect(parseAlertmanagerPayload({ ...payload([alert()]), groupKey: 'k'.repeat(5_000_000) }).ok).toBe(false);
    // Generous for two shared cores; a backtracking regex or a deep walk would take minutes, not seconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports a body that cannot even be read instead of throwing', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
      },
    );
    const result = parseAlertmanagerPayload(trap);
    expect(result.ok || result.problems).toEqual(['body: could not be read (trap)']);
  });
});

describe('matchesSelector', () => {
  it('requires every selector label with its exact value', () => {
    expect(matchesSelector({ severity: 'critical', team: 'sre' }, { severity: 'critical' })).toBe(true);
    expect(matchesSelector({ severity: 'warning' }, { severity: 'critical' })).toBe(false);
    expect(matchesSelector({}, { severity: 'critical' })).toBe(false);
    expect(matchesSelector({ severity: 'critical' }, { severity: 'critical', team: 'sre' })).toBe(false);
    expect(matchesSelector({ anything: 'x' }, {})).toBe(true);
  });

  it('never matches a label inherited from Object.prototype', () => {
    expect(matchesSelector({}, { constructor: String(Object.prototype.constructor) })).toBe(false);
  });
});

describe('incidentsFromAlerts', () => {
  it('opens nothing for a firing alert and one incident once it resolves, with the timeline pre-filled', () => {
    const firing = incidentsFromAlerts(
      parsed(payload([alert({ status: 'firing', endsAt: '0001-01-01T00:00:00Z' })], { status: 'firing' })),
      SELECTOR,
    );
    expect(firing.incidents).toEqual([]);
    expect(firing.skipped).toEqual([
      { index: 0, fingerprint: 'c0ffee0000000001', reason: 'still firing: an incident is opened once its group resolves' },
    ]);

    // One alert resolved while another of its group still fires: nothing yet, so the outage becomes one incident.
    const partly = incidentsFromAlerts(
      parsed(
        payload([alert(), alert({ status: 'firing', endsAt: '0001-01-01T00:00:00Z', fingerprint: 'c0ffee0000000002' })], {
          status: 'firing',
        }),
      ),
      SELECTOR,
    );
    expect(partly.incidents).toEqual([]);
    expect(partly.skipped.map((s) => s.reason)).toEqual([
      'its group still fires: an incident is opened once the whole group resolves',
      'still firing: an incident is opened once its group resolves',
    ]);

    const resolved = incidentsFromAlerts(parsed(payload([alert()])), SELECTOR);
    expect(resolved.skipped).toEqual([]);
    expect(resolved.incidents).toHaveLength(1);
    expect(resolved.incidents[0]).toMatchObject({
      owner: 'octo',
      repo: 'shop',
      title: 'Checkout is burning its error budget 14x',
      startedAt: '2026-11-25T10:00:00.123Z',
      endedAt: '2026-11-25T10:45:00.000Z',
      labels: { alertname: 'CheckoutErrorBudgetBurn', severity: 'critical', repository: 'octo/shop', service: 'checkout' },
      timeline: [
        { at: '2026-11-25T10:00:00.123Z', event: 'CheckoutErrorBudgetBurn fired' },
        { at: '2026-11-25T10:45:00.000Z', event: 'CheckoutErrorBudgetBurn resolved' },
      ],
    });
    expect(resolved.incidents[0]!.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips alerts outside the selector and without a usable repository, saying why', () => {
    const { incidents, skipped } = incidentsFromAlerts(
      parsed(
        payload([
          alert({ labels: { alertname: 'A', severity: 'warning', repository: 'octo/shop' } }),
          alert({ labels: { alertname: 'B', severity: 'critical' } }),
          alert({ labels: { alertname: 'C', severity: 'critical', repository: 'not a repo' } }),
          alert({ labels: { alertname: 'D', severity: 'critical', repository: 'octo/..' } }),
          alert({ startsAt: '2026-11-25T11:00:00Z', endsAt: '2026-11-25T10:00:00Z' }),
        ]),
      ),
      SELECTOR,
    );
    expect(incidents).toEqual([]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'labels do not match the selector {"severity":"critical"}',
      'no "repository" label naming the repository (owner/name)',
      '"repository" label "not a repo" is not a repository as owner/name',
      '"repository" label "octo/.." is not a repository as owner/name',
      'endsAt 2026-11-25T10:00:00Z is before startsAt 2026-11-25T11:00:00Z',
    ]);
    // Without a selector the caller decides: the warning alert is a candidate.
    expect(
      incidentsFromAlerts(parsed(payload([alert({ labels: { alertname: 'A', severity: 'warning', repository: 'octo/shop' } })]))).incidents,
    ).toHaveLength(1);
  });

  it('groups a notification per repository, case-insensitively, with each alert on the timeline', () => {
    const { incidents } = incidentsFromAlerts(
      parsed(
        payload([
          alert({
            labels: { alertname: 'Latency', severity: 'critical', repository: 'octo/shop', zone: 'a' },
            annotations: {},
            startsAt: '2026-11-25T10:05:00Z',
            endsAt: '2026-11-25T10:30:00Z',
          }),
          alert({
            labels: { alertname: 'Errors', severity: 'critical', repository: 'Octo/Shop', zone: 'a' },
            annotations: { summary: 'Errors up' },
            startsAt: '2026-11-25T10:00:00Z',
            endsAt: '2026-11-25T10:20:00Z',
          }),
          alert({ labels: { alertname: 'Errors', severity: 'critical', repository: 'octo/payments' }, startsAt: '2026-11-25T10:00:00Z' }),
        ]),
      ),
      SELECTOR,
    );
    expect(incidents.map((i) => `${i.owner}/${i.repo}`)).toEqual(['octo/shop', 'octo/payments']);
    const shop = incidents[0]!;
    expect(shop.alerts).toHaveLength(2);
    expect(shop.title).toBe('Errors up'); // the earliest alert's summary
    expect(shop.startedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(shop.endedAt).toBe('2026-11-25T10:30:00.000Z');
    expect(shop.labels).toEqual({ severity: 'critical', zone: 'a' });
    expect(shop.timeline).toEqual([
      { at: '2026-11-25T10:00:00.000Z', event: 'Errors fired' },
      { at: '2026-11-25T10:05:00.000Z', event: 'Latency fired' },
      { at: '2026-11-25T10:20:00.000Z', event: 'Errors resolved' },
      { at: '2026-11-25T10:30:00.000Z', event: 'Latency resolved' },
    ]);
    expect(incidents[0]!.key).not.toBe(incidents[1]!.key);
  });

  it('falls back to the common summary, then the alert name, for the title', () => {
    const common = incidentsFromAlerts(
      parsed(payload([alert({ annotations: {} })], { commonAnnotations: { summary: 'Common' } })),
      SELECTOR,
    );
    expect(common.incidents[0]!.title).toBe('Common');
    const bare = incidentsFromAlerts(parsed(payload([alert({ annotations: {} })])), SELECTOR);
    expect(bare.incidents[0]!.title).toBe('CheckoutErrorBudgetBurn');
    const long = incidentsFromAlerts(parsed(payload([alert({ annotations: { summary: 's'.repeat(1000) } })])), SELECTOR);
    expect(long.incidents[0]!.title).toHaveLength(256);
  });

  it('keeps the dedup key stable across redeliveries and time spellings, and distinct per group or episode', () => {
    const key = (body: unknown) => incidentsFromAlerts(parsed(body), SELECTOR).incidents[0]!.key;
    const base = key(payload([alert()]));
    // A redelivery, the same instant written with an offset, and a changed end or summary: the same incident.
    expect(key(payload([alert()]))).toBe(base);
    expect(key(payload([alert({ startsAt: '2026-11-25T11:00:00.123+01:00' })]))).toBe(base);
    expect(key(payload([alert({ endsAt: '2026-11-25T11:00:00Z', annotations: { summary: 'edited' } })]))).toBe(base);
    // Another group, another episode of the same group, another repository: another incident.
    expect(key(payload([alert()], { groupKey: '{}:{alertname="Other"}' }))).not.toBe(base);
    expect(key(payload([alert({ startsAt: '2026-11-26T10:00:00Z', endsAt: '2026-11-26T10:30:00Z' })]))).not.toBe(base);
    expect(key(payload([alert({ labels: { severity: 'critical', repository: 'octo/other' } })]))).not.toBe(base);
  });
});
