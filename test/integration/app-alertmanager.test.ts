/**
 * POST /deploy-governor/alertmanager on the app's routes: bearer auth, a
 * resolved critical group opens an incident and a postmortem with its timeline,
 * once per group and start; firing and non-matching alerts open nothing. GitHub
 * is the stateful stand-in, every request checked against GitHub's OpenAPI
 * description.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { incidentsFromAlerts, parseAlertmanagerPayload } from '../../src/core/postmortem/alertmanager.js';
import { readMeta } from '../../src/core/postmortem/issue-metadata.js';
import { issueMarker } from '../../src/github/open-issue.js';
import { issuesEvent } from '../support/issue-payloads.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

const TOKEN = 'alertmanager-token-0123456789';
let h: StandInHarness;
let repo: RepoState;

beforeEach(async () => {
  h = await startStandInHarness({ ALERTMANAGER_TOKEN: TOKEN });
  repo = h.github.state.repo(OWNER, REPO);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

/** A notification as Alertmanager sends it (webhook version 4). */
function notification(
  o: { status?: 'firing' | 'resolved'; severity?: string; repository?: string; groupKey?: string; startsAt?: string; endsAt?: string } = {},
) {
  const status = o.status ?? 'resolved';
  const labels = {
    alertname: 'CheckoutErrorBudgetBurn',
    severity: o.severity ?? 'critical',
    repository: o.repository ?? `${OWNER}/${REPO}`,
    service: 'checkout',
  };
  return {
    version: '4',
    groupKey: o.groupKey ?? '{}:{alertname="CheckoutErrorBudgetBurn"}',
    truncatedAlerts: 0,
    status,
    receiver: 'deploy-governor',
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: { summary: 'Checkout burns its error budget at 14x' },
    externalURL: 'http://alertmanager.example:9093',
    alerts: [
      {
        status,
        labels,
        annotations: { summary: 'Checkout burns its error budget at 14x' },
        startsAt: o.startsAt ?? '2026-11-24T08:00:00Z',
        endsAt: status === 'resolved' ? (o.endsAt ?? '2026-11-24T09:15:00Z') : '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example:9090/graph',
        fingerprint: 'c0ffee00c0ffee00',
      },
    ],
  };
}

async function post(body: unknown, token: string | null = TOKEN): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.routesUrl}/deploy-governor/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const labelled = (label: string) => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === label));

describe('POST /deploy-governor/alertmanager', () => {
  it('answers 401 without the bearer token, or with a wrong one, and does nothing', async () => {
    expect((await post(notification(), null)).status).toBe(401);
    expect((await post(notification(), 'wrong-token-0123456789-xx')).status).toBe(401);
    expect(h.github.stats.total).toBe(0);
  });

  it('opens an incident and a postmortem draft for a resolved critical alert, with its timeline', async () => {
    const { status, json } = await post(notification());
    expect(status).toBe(200);
    const [incident] = labelled('incident');
    const [postmortem] = labelled('postmortem');
    expect(incident?.title).toBe('Incident: Checkout burns its error budget at 14x');
    expect(incident?.labels.map((l) => l.name)).toEqual(['incident', 'sev1']);
    expect(postmortem?.title).toBe('Postmortem: 2026-11-24 Checkout burns its error budget at 14x');
    expect(readMeta('postmortem', postmortem?.body)).toMatchObject({
      incident: incident!.number,
      author: null,
      startedAt: '2026-11-24T08:00:00.000Z',
      endedAt: '2026-11-24T09:15:00.000Z',
    });
    expect(postmortem?.body).toContain('2026-11-24T08:00:00.000Z');
    expect(postmortem?.body).toContain('2026-11-24T09:15:00.000Z');
    expect(postmortem?.body).toContain('1h 15m');
    expect(json.results).toEqual([
      expect.objectContaining({
        repository: `${OWNER}/${REPO}`,
        incident: incident!.number,
        postmortem: postmortem!.number,
        outcome: 'opened',
      }),
    ]);
  });

  it('opens no second postmortem when the incident it opened is closed later', async () => {
    await post(notification());
    const incident = labelled('incident')[0]!;
    incident.state = 'closed';
    incident.closed_at = new Date().toISOString();
    await h.receive('issues', issuesEvent('closed', incident, { login: 'alice' }));
    expect(labelled('postmortem')).toHaveLength(1);
  });

  it('deduplicates by group key and start time: a re-sent notification opens nothing new; a new episode does', async () => {
    await post(notification());
    const again = await post(notification());
    expect(again.json.results).toEqual([expect.objectContaining({ outcome: 'exists' })]);
    expect(labelled('incident')).toHaveLength(1);
    await post(notification({ startsAt: '2026-11-25T08:00:00Z', endsAt: '2026-11-25T08:30:00Z' }));
    expect(labelled('incident')).toHaveLength(2);
    expect(labelled('postmortem')).toHaveLength(2);
  });

  it("is not stopped by a person's issue carrying the incident's hidden key: it opens its own", async () => {
    const parsed = parseAlertmanagerPayload(notification());
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const [candidate] = incidentsFromAlerts(parsed.payload).incidents;
    const planted = h.github.state.addIssue(repo, {
      title: 'Incident: already handled',
      body: `Nothing to do here.\n\n${issueMarker(`incident-alert-${candidate!.key}`)}`,
      labels: ['incident', 'sev1'],
      user: h.github.state.user('mallory'),
    });
    const { json } = await post(notification());
    const ours = labelled('incident').filter((i) => i.user.login === 'deploy-governor[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.number).not.toBe(planted.number);
    expect(json.results).toEqual([expect.objectContaining({ incident: ours[0]!.number, outcome: 'opened' })]);
    expect(readMeta('postmortem', labelled('postmortem')[0]?.body)).toMatchObject({ incident: ours[0]!.number });
  });

  it('ignores firing alerts and alerts that do not match the selector', async () => {
    const firing = await post(notification({ status: 'firing' }));
    expect(firing.status).toBe(200);
    expect(firing.json.skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(/firing/) })]);
    await post(notification({ severity: 'warning' }));
    expect(labelled('incident')).toEqual([]);
  });

  it('picks the matching alerts out of a group that mixes severities', async () => {
    const mixed = notification();
    const warning = structuredClone(mixed.alerts[0]!);
    warning.labels = { ...warning.labels, severity: 'warning', alertname: 'CheckoutLatency' };
    warning.fingerprint = 'beef0000beef0000';
    mixed.alerts.push(warning);
    mixed.commonLabels = { repository: `${OWNER}/${REPO}`, service: 'checkout' } as typeof mixed.commonLabels;
    const { json } = await post(mixed);
    expect(json.results).toEqual([expect.objectContaining({ outcome: 'opened' })]);
    expect(labelled('incident')).toHaveLength(1);
  });

  it("follows the repository policy's selector and severity", async () => {
    repo.files.set(
      'main:.github/deploy-governor.yml',
      'postmortems:\n  alertmanager:\n    selector: { severity: page }\n    severity: sev2\n',
    );
    await post(notification({ severity: 'critical' }));
    expect(labelled('incident')).toEqual([]);
    await post(notification({ severity: 'page' }));
    expect(labelled('incident')[0]?.labels.map((l) => l.name)).toEqual(['incident', 'sev2']);
  });

  it('rejects what is not an Alertmanager webhook with the field named', async () => {
    const bad = await post({ ...notification(), version: '3' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.problems)).toMatch(/version/);
    expect((await post('{not json')).status).toBe(400);
    expect(labelled('incident')).toEqual([]);
  });
});
