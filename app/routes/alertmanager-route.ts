/**
 * POST /deploy-governor/alertmanager: Alertmanager's webhook (version 4), with
 * `Authorization: Bearer <token>` (401 without a known one). Each resolved
 * alert group that names a repository (label `repository="owner/name"`) where the
 * app is installed, and whose labels match that repository's selector (default
 * `severity="critical"`), opens an incident issue and a postmortem draft. Firing
 * notifications are acknowledged and ignored. A failure answers 500, so
 * Alertmanager sends again; the key makes that safe.
 *
 * Tokens (app/tenants/alertmanager-tokens.ts): a per-tenant token may open
 * incidents only in its owners' and repositories' scope; a notification naming
 * any repository outside it is refused whole (403, nothing opened) and logged
 * with the token's name, never the token. The single ALERTMANAGER_TOKEN still
 * covers every repository; the app warns about it at start.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';
import { incidentsFromAlerts, parseAlertmanagerPayload, REPOSITORY_LABEL } from '../../src/core/postmortem/alertmanager.js';
import { messageOf } from '../../src/github/client.js';
import type { AppConfig } from '../app-config.js';
import { installationFor } from '../installation-client.js';
import type { IssueLock } from '../issue-lock.js';
import { openAlertIncident } from '../postmortems/open-alert-incident.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';
import { authenticateAlertmanager, callerMayOpen, hasAnyToken, type AlertmanagerAuth } from '../tenants/alertmanager-tokens.js';
import { BodyError, pathOf, readJsonBody, sendJson } from './operator-request.js';

const ALERTMANAGER_PATH = '/deploy-governor/alertmanager';

const REPOSITORY = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

export function alertmanagerRoute(probot: Probot, config: AppConfig, lock: IssueLock) {
  // Per-tenant tokens: the tenants file's `alertmanager-tokens`, or ALERTMANAGER_TOKENS.
  const auth: AlertmanagerAuth = { singleToken: config.alertmanagerToken, scoped: config.tenancy.alertmanagerTokens };
  if (auth.singleToken) {
    probot.log.warn(
      'ALERTMANAGER_TOKEN lets whoever holds it open incidents in every repository where the app is installed: prefer per-tenant tokens limited to their owners and repositories (alertmanager-tokens in PROMETHEUS_TENANTS, or ALERTMANAGER_TOKENS)',
    );
  }
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (pathOf(req) !== ALERTMANAGER_PATH) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'use POST' });
      return true;
    }
    const caller = authenticateAlertmanager(req.headers.authorization, auth);
    if (!caller) {
      sendJson(res, 401, {
        error: hasAnyToken(auth)
          ? 'missing or wrong bearer token'
          : 'the app has no ALERTMANAGER_TOKEN or per-tenant Alertmanager tokens configured',
      });
      return true;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error: unknown) {
      if (!(error instanceof BodyError)) throw error;
      sendJson(res, error.status, { error: error.message });
      return true;
    }
    const parsed = parseAlertmanagerPayload(body);
    if (!parsed.ok) {
      sendJson(res, 400, { error: 'not an Alertmanager webhook (version 4)', problems: parsed.problems });
      return true;
    }
    // Every repository the notification names, firing or resolved, must be within the token's scope.
    const outside = new Set<string>();
    for (const alert of parsed.payload.alerts) {
      const named = Object.hasOwn(alert.labels, REPOSITORY_LABEL) ? REPOSITORY.exec(alert.labels[REPOSITORY_LABEL]!) : null;
      if (named && !callerMayOpen(caller, named[1]!, named[2]!)) outside.add(`${named[1]}/${named[2]}`);
    }
    if (outside.size > 0) {
      const repositories = [...outside].slice(0, 20);
      probot.log.warn(
        { token: caller.name, repositories },
        "alertmanager: refused a notification naming repositories outside its token's scope",
      );
      sendJson(res, 403, {
        error: `the token "${caller.name}" may not open incidents in ${repositories.join(', ')}${outside.size > repositories.length ? ' and others' : ''}`,
        repositories,
      });
      return true;
    }
    // First which repositories the alerts name; then each repository's own selector picks its alerts.
    const { incidents: named, skipped } = incidentsFromAlerts(parsed.payload);
    const results: Record<string, unknown>[] = [];
    let failed = false;
    for (const repository of new Map(named.map((c) => [`${c.owner}/${c.repo}`, c])).values()) {
      const name = `${repository.owner}/${repository.repo}`;
      try {
        const installation = await installationFor(probot, repository.owner, repository.repo);
        if (!installation) {
          results.push({ repository: name, outcome: 'skipped', reason: 'the app is not installed on this repository' });
          continue;
        }
        const ctx = await postmortemContext({
          client: installation.client,
          log: probot.log,
          config,
          lock,
          owner: repository.owner,
          repo: repository.repo,
          installationId: installation.installationId,
        });
        const selected = incidentsFromAlerts(parsed.payload, ctx.policy.alertmanager.selector).incidents.filter(
          (c) => c.owner === repository.owner && c.repo === repository.repo,
        );
        if (selected.length === 0) {
          results.push({
            repository: name,
            outcome: 'skipped',
            reason: "no alert matches the repository's postmortems.alertmanager.selector",
          });
          continue;
        }
        for (const candidate of selected) results.push({ repository: name, ...(await openAlertIncident(ctx, candidate, new Date())) });
      } catch (error: unknown) {
        failed = true;
        probot.log.error({ err: error, repository: name, token: caller.name }, 'alertmanager: opening the incident failed');
        results.push({ repository: name, outcome: 'failed', reason: messageOf(error) });
      }
    }
    sendJson(res, failed ? 500 : 200, { status: parsed.payload.status, results, skipped });
    return true;
  };
}
