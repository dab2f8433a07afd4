/**
 * GET /deploy-governor/fleet?org=<owner>[&format=markdown], with
 * `Authorization: Bearer $FLEET_TOKEN`: the fleet report (the same as
 * `deploy-governor fleet --json`, src/github/fleet-read.ts) of every repository
 * the app's installation on that owner holds. One installation per request: the
 * token never reads another owner's repositories through it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';
import { z } from 'zod';
import { renderFleetMarkdown } from '../../src/core/fleet/render-fleet.js';
import { httpStatusOf, messageOf } from '../../src/github/client.js';
import { readFleet } from '../../src/github/fleet-read.js';
import type { AppConfig } from '../app-config.js';
import { clientFor } from '../github-client.js';
import { hasBearer, pathOf, sendJson } from './operator-request.js';

const FLEET_PATH = '/deploy-governor/fleet';
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const appResponse = z.object({ id: z.number().int(), slug: z.string().min(1) });
const installationResponse = z.object({ id: z.number().int() });

export function fleetRoute(probot: Probot, config: AppConfig): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (pathOf(req) !== FLEET_PATH) return false;
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'use GET' });
      return true;
    }
    if (!hasBearer(req, config.fleetToken)) {
      sendJson(res, 401, { error: config.fleetToken ? 'missing or wrong bearer token' : 'the app has no FLEET_TOKEN configured' });
      return true;
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const org = query.get('org') ?? '';
    const format = query.get('format') ?? 'json';
    if (!OWNER.test(org) || (format !== 'json' && format !== 'markdown')) {
      sendJson(res, 400, {
        error: `expected ?org=<owner>[&format=json|markdown]; got org "${org.slice(0, 100)}", format "${format.slice(0, 20)}"`,
      });
      return true;
    }
    const asApp = await probot.auth();
    const app = appResponse.parse((await asApp.request('GET /app')).data);
    let installationId: number;
    try {
      installationId = installationResponse.parse((await asApp.request('GET /orgs/{org}/installation', { org })).data).id;
    } catch (error: unknown) {
      if (httpStatusOf(error) !== 404) throw error;
      sendJson(res, 404, { error: `the app is not installed on ${org}` });
      return true;
    }
    try {
      const report = await readFleet(clientFor({ octokit: await probot.auth(installationId) }), {
        organisation: org,
        source: 'installation',
        appSlug: app.slug,
        keeper: { appId: app.id },
        now: new Date(),
      });
      if (format === 'markdown') res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(renderFleetMarkdown(report));
      else sendJson(res, 200, report);
    } catch (error: unknown) {
      probot.log.error({ err: error, org }, 'fleet report failed');
      sendJson(res, 502, { error: `the repositories of ${org} could not be listed: ${messageOf(error)}` });
    }
    return true;
  };
}
