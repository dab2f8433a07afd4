/**
 * POST /deploy-governor/alertmanager with per-tenant tokens: a token opens
 * incidents only in its owners' and repositories' scope; a notification naming
 * anything outside it is refused whole (403), logged with the token's name and
 * never the token. The single ALERTMANAGER_TOKEN keeps working for every
 * repository, with a warning at start. GitHub is the stateful stand-in.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RepoState } from '../../scripts/lib/github-state-stand-in.js';
import { readAppConfig } from '../../app/app-config.js';
import { createIssueLock } from '../../app/issue-lock.js';
import { alertmanagerRoute } from '../../app/routes/alertmanager-route.js';
import { parseTenantsFile } from '../../app/tenants/load-tenants.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';
import { OWNER, REPO } from '../support/webhook-payloads.js';

/** The hex SHA-256 an operator writes in the tokens file for a token, as the docs say: `printf %s "$TOKEN" | sha256sum`. */
const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const OURS = 'ours-alertmanager-token-0123456789';
const THEIRS = 'theirs-alertmanager-token-0123456789';
const SINGLE = 'single-alertmanager-token-0123456789';

const tokens = parseTenantsFile(
  [
    'tenants:',
    `  - name: t`,
    `    owner: ${OWNER}`,
    '    prometheus: { url: https://p.example.com }',
    'alertmanager-tokens:',
    '  - name: ours',
    `    sha256: ${tokenDigest(OURS)}`,
    `    repositories: ["${OWNER}/Hello-*"]`,
    '  - name: theirs',
    `    sha256: ${tokenDigest(THEIRS)}`,
    '    owners: [globex]',
  ].join('\n'),
  {},
).alertmanagerTokens;

let h: StandInHarness;
let repo: RepoState;
let server: Server;
let url: string;
let warn: ReturnType<typeof vi.spyOn>;

/** The route as app/index.ts builds it (the tokens as app-config reads them into `tenancy`), served on its own port. */
async function serveRoute(singleToken: string | null): Promise<void> {
  warn = vi.spyOn(h.probot.log, 'warn');
  const config = readAppConfig();
  const route = alertmanagerRoute(
    h.probot,
    { ...config, alertmanagerToken: singleToken, tenancy: { ...config.tenancy, alertmanagerTokens: [...tokens] } },
    createIssueLock(undefined),
  );
  server = createServer((req, res) => {
    void route(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deploy-governor/alertmanager`;
}

beforeEach(async () => {
  h = await startStandInHarness({ ALERTMANAGER_TOKEN: undefined });
  repo = h.github.state.repo(OWNER, REPO);
});

afterEach(async () => {
  vi.restoreAllMocks();
  expect(h.github.problems).toEqual([]);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.stop();
});

function notification(repositories: string[]) {
  const alerts = repositories.map((repository, i) => ({
    status: 'resolved',
    labels: { alertname: 'Burn', severity: 'critical', repository },
    annotations: { summary: 'Budget burn' },
    startsAt: '2026-11-24T08:00:00Z',
    endsAt: '2026-11-24T09:00:00Z',
    generatorURL: 'http://prometheus.example:9090/graph',
    fingerprint: `f${i}`.padEnd(16, '0'),
  }));
  return {
    version: '4',
    groupKey: '{}:{alertname="Burn"}',
    truncatedAlerts: 0,
    status: 'resolved',
    receiver: 'deploy-governor',
    groupLabels: { alertname: 'Burn' },
    commonLabels: { alertname: 'Burn' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts,
  };
}

async function post(body: unknown, token: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const incidents = () => [...repo.issues.values()].filter((i) => i.labels.some((l) => l.name === 'incident'));

describe('per-tenant Alertmanager tokens', () => {
  it('a token opens incidents in its own repositories', async () => {
    await serveRoute(null);
    const { status, json } = await post(notification([`${OWNER}/${REPO}`]), OURS);
    expect(status).toBe(200);
    expect(json.results).toEqual([expect.objectContaining({ repository: `${OWNER}/${REPO}`, outcome: 'opened' })]);
    expect(incidents()).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it("refuses (403) a notification naming a repository outside the token's scope, logs the token's name, opens nothing", async () => {
    await serveRoute(null);
    const { status, json } = await post(notification([`${OWNER}/${REPO}`]), THEIRS);
    expect(status).toBe(403);
    expect(json).toEqual({ error: `the token "theirs" may not open incidents in ${OWNER}/${REPO}`, repositories: [`${OWNER}/${REPO}`] });
    expect(incidents()).toEqual([]);
    expect(h.github.stats.total).toBe(0);
    expect(warn).toHaveBeenCalledWith(
      { token: 'theirs', repositories: [`${OWNER}/${REPO}`] },
      expect.stringMatching(/outside its token's scope/),
    );
    expect(JSON.stringify(warn.mock.calls)).not.toContain(THEIRS);
  });

  it('refuses the whole notification when one of its repositories is outside the scope', async () => {
    await serveRoute(null);
    const { status, json } = await post(notification([`${OWNER}/${REPO}`, `${OWNER}/Other-Repo`]), OURS);
    expect(status).toBe(403);
    expect(json.repositories).toEqual([`${OWNER}/Other-Repo`]);
    expect(incidents()).toEqual([]);
  });

  it('answers 401 to an unknown token', async () => {
    await serveRoute(null);
    expect((await post(notification([`${OWNER}/${REPO}`]), 'unknown-token-0123456789')).status).toBe(401);
  });

  it('keeps the single ALERTMANAGER_TOKEN working for every repository, with a warning at start', async () => {
    await serveRoute(SINGLE);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/ALERTMANAGER_TOKEN lets whoever holds it open incidents in every repository.*per-tenant tokens/),
    );
    const { status } = await post(notification([`${OWNER}/${REPO}`]), SINGLE);
    expect(status).toBe(200);
    expect(incidents()).toHaveLength(1);
  });
});
