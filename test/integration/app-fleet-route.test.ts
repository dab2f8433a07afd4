/**
 * GET /deploy-governor/fleet on the app's routes: bearer auth (FLEET_TOKEN), one
 * installation per request, and the same report as the CLI (src/github/fleet-read.ts)
 * over the 60-repository stand-in organisation, through the app's installation.
 * REST requests are checked against the OpenAPI description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFleetOrganisation, FLEET_ORG, SPECIAL } from '../../scripts/lib/fleet-organisation.js';
import { fleetReportSchema } from '../../src/core/fleet/fleet-report.js';
import { FLEET_ISSUE_MARKER } from '../../src/core/fleet/render-fleet.js';
import { startStandInHarness, type StandInHarness } from '../support/stand-in-harness.js';

const TOKEN = 'fleet-token-0123456789abcdef';
let h: StandInHarness;

beforeAll(async () => {
  h = await startStandInHarness({ FLEET_TOKEN: TOKEN });
  buildFleetOrganisation(h.github.state, { now: new Date() });
  // The installation holds another owner's repository too: it must not show in acme's report.
  h.github.state.repo('other', 'secret').environments = new Map([['production', []]]);
});
afterAll(async () => {
  expect(h.github.problems).toEqual([]);
  await h.stop();
});

async function get(query: string, token: string | null = TOKEN, method = 'GET') {
  const res = await fetch(`${h.routesUrl}/deploy-governor/fleet${query}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('GET /deploy-governor/fleet', () => {
  it('answers 401 without the token or with a wrong one, 405 to other methods, 400 to a bad owner', async () => {
    h.github.resetStats();
    expect((await get(`?org=${FLEET_ORG}`, null)).status).toBe(401);
    expect((await get(`?org=${FLEET_ORG}`, 'not-the-token-0123456789abcd')).status).toBe(401);
    expect((await get(`?org=${FLEET_ORG}`, TOKEN, 'POST')).status).toBe(405);
    expect((await get('?org=acme/../x')).status).toBe(400);
    expect(h.github.stats.total).toBe(0);
  });

  it("reports the installation's repositories of that owner, as the CLI does", async () => {
    const { status, text } = await get(`?org=${FLEET_ORG}`);
    expect(status).toBe(200);
    const report = fleetReportSchema.parse(JSON.parse(text));
    expect(report.source).toBe('installation');
    expect(report.app).toBe('deploy-governor');
    expect(report.repositories).toHaveLength(60);
    expect(report.repositories.some((r) => r.repository.startsWith('other/'))).toBe(false);
    expect(report.summary.ungovernedProduction).toHaveLength(15);
    expect(report.summary.policyErrors.map((p) => p.repository)).toEqual([`${FLEET_ORG}/${SPECIAL.brokenPolicy}`]);
    // The app's own freeze and action item count (by its id); the planted ones do not.
    expect(report.summary.activeFreezes).toBe(1);
    expect(report.summary.overdueActionItems).toBe(1);
    expect(report.summary.heldDeployments).toBe(1);
    expect(report.summary.incomplete).toEqual([`${FLEET_ORG}/${SPECIAL.unavailable}`]);
  });

  it('answers markdown on request', async () => {
    const { status, type, text } = await get(`?org=${FLEET_ORG}&format=markdown`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/markdown/);
    expect(text).toContain('## Production environments without a gate: 15');
    expect(text).toContain(FLEET_ISSUE_MARKER);
  });
});
