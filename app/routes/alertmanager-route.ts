/**
 * POST /deploy-governor/alertmanager: Alertmanager's webhook (version 4), with
 * `Authorization: Bearer $ALERTMANAGER_TOKEN` (401 without it). Each resolved
 * alert group that names a repository (label `repository="owner/name"`) where the
 * app is installed, and whose labels match that repository's selector (default
 * `severity="critical"`), opens an incident issue and a postmortem draft. Firing
 * notifications are acknowledged and ignored. A failure answers 500, so
 * Alertmanager sends again; the key makes that safe.
 */
import type { Probot } from 'probot';
import { incidentsFromAlerts, parseAlertmanagerPayload } from '../../src/core/postmortem/alertmanager.js';
import { messageOf } from '../../src/github/client.js';
import type { AppConfig } from '../app-config.js';
import { installationClient } from '../installation-client.js';
import type { IssueLock } from '../issue-lock.js';
import { openAlertIncident } from '../postmortems/open-alert-incident.js';
import { postmortemContext } from '../postmortems/postmortem-context.js';
import { operatorRoute, sendJson } from './operator-request.js';

export const ALERTMANAGER_PATH = '/deploy-governor/alertmanager';

export function alertmanagerRoute(probot: Probot, config: AppConfig, lock: IssueLock) {
  return operatorRoute(ALERTMANAGER_PATH, { token: config.alertmanagerToken, variable: 'ALERTMANAGER_TOKEN' }, async (body, res) => {
    const parsed = parseAlertmanagerPayload(body);
    if (!parsed.ok) {
      sendJson(res, 400, { error: 'not an Alertmanager webhook (version 4)', problems: parsed.problems });
      return;
    }
    // First which repositories the alerts name; then each repository's own selector picks its alerts.
    const { incidents: named, skipped } = incidentsFromAlerts(parsed.payload);
    const results: Record<string, unknown>[] = [];
    let failed = false;
    for (const repository of new Map(named.map((c) => [`${c.owner}/${c.repo}`, c])).values()) {
      const name = `${repository.owner}/${repository.repo}`;
      try {
        const client = await installationClient(probot, repository.owner, repository.repo);
        if (!client) {
          results.push({ repository: name, outcome: 'skipped', reason: 'the app is not installed on this repository' });
          continue;
        }
        const ctx = await postmortemContext({ client, log: probot.log, config, lock, owner: repository.owner, repo: repository.repo });
        const selected = incidentsFromAlerts(parsed.payload, ctx.policy.alertmanager.selector).incidents.filter((c) => c.owner === repository.owner && c.repo === repository.repo);
        if (selected.length === 0) {
          results.push({ repository: name, outcome: 'skipped', reason: "no alert matches the repository's postmortems.alertmanager.selector" });
          continue;
        }
        for (const candidate of selected) results.push({ repository: name, ...(await openAlertIncident(ctx, candidate, new Date())) });
      } catch (error: unknown) {
        failed = true;
        probot.log.error({ err: error, repository: name }, 'alertmanager: opening the incident failed');
        results.push({ repository: name, outcome: 'failed', reason: messageOf(error) });
      }
    }
    sendJson(res, failed ? 500 : 200, { status: parsed.payload.status, results, skipped });
  });
}
