/**
 * POST /deploy-governor/postmortems/sweep on the app's routes: bearer auth, one
 * repository or every installed one, and the same sweep as the CLI (reminders
 * once a day, the pinned reliability report). GitHub is the stateful stand-in;
 * REST requests are checked against the OpenAPI description and GraphQL ones
 * against GitHub's GraphQL schema.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { renderMeta } from '../../src/core/postmortem/issue-metadata.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

const TOKEN = 'sweep-token-0123456789abcdef';
let h: StandInHarness;
let repo: RepoState;

beforeEach(async () => {
  h = await startStandInHarness({ SWEEP_TOKEN: TOKEN });
  repo = h.github.state.repo(OWNER, REPO);
});

afterEach(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

async function sweep(body?: unknown, token: string | null = TOKEN) {
  const res = await fetch(`${h.routesUrl}/deploy-governor/postmortems/sweep`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as { results?: Record<string, unknown>[]; error?: string } };
}

/** An open action item of postmortem #1 that was due yesterday. */
function overdueItem(): void {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  h.github.state.addIssue(repo, { title: 'Postmortem: 2026-11-01 Outage', labels: ['postmortem'] });
  h.github.state.addIssue(repo, {
    title: 'Add the alert',
    labels: ['action-item', 'short-term'],
    assignees: ['bob'],
    body: `Owner: @bob\n\n${renderMeta('action-item', { postmortem: 1, key: 'k-0', horizon: 'short', owner: 'bob', due: yesterday })}`,
  });
}

const reminders = () => [...repo.comments.values()].filter((c) => c.issue_number === 2 && c.body.includes('@bob'));

describe('POST /deploy-governor/postmortems/sweep', () => {
  it('answers 401 without the token and sweeps nothing', async () => {
    overdueItem();
    expect((await sweep({ repository: `${OWNER}/${REPO}` }, null)).status).toBe(401);
    expect((await sweep({ repository: `${OWNER}/${REPO}` }, 'not-the-token-0123456789')).status).toBe(401);
    expect(reminders()).toEqual([]);
  });

  it('sweeps one repository: reminds the owner once a day, labels overdue, keeps the report pinned', async () => {
    overdueItem();
    const first = await sweep({ repository: `${OWNER}/${REPO}` });
    expect(first.status).toBe(200);
    await sweep({ repository: `${OWNER}/${REPO}` });
    expect(reminders()).toHaveLength(1);
    expect(repo.issues.get(2)!.labels.map((l) => l.name)).toContain('overdue');
    const report = [...repo.issues.values()].filter((i) => i.title === 'Reliability report');
    expect(report).toHaveLength(1);
    expect(h.github.state.pinned.has(report[0]!.node_id)).toBe(true);
    expect(first.json.results).toEqual([expect.objectContaining({ repository: `${OWNER}/${REPO}` })]);
  });

  it('sweeps every installed repository when no repository is named', async () => {
    overdueItem();
    h.github.state.repo(OWNER, 'other-service');
    const all = await sweep();
    expect(all.status).toBe(200);
    expect(all.json.results?.map((r) => r.repository).sort()).toEqual([`${OWNER}/${REPO}`, `${OWNER}/other-service`].sort());
    expect(reminders()).toHaveLength(1);
  });

  it('rejects a malformed request with the field named', async () => {
    const bad = await sweep({ repository: 'not a repo' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/repository: expected owner\/name/);
    const unknown = await sweep({ repo: 'x/y' });
    expect(unknown.status).toBe(400);
  });
});
