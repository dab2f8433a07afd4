/**
 * The fleet report as markdown (the pinned issue, `--markdown`) and as terminal
 * text (the default). The headline is the production environments that nothing
 * governs. Every name and reason comes from repositories, environments and
 * issues that users control: in markdown it is inert (no mention, link, HTML or
 * table break), in text it loses its control characters (no terminal escapes).
 */
import { inertLimited } from '../render/inert-markdown.js';
import { advisoryRuleSentence } from './advisory-counts.js';
import type { FleetEnvironmentRow, FleetReport, FleetRepositoryRow } from './fleet-report.js';

/** The hidden marker that identifies the fleet issue (only issues the token's own account opened count). */
export const FLEET_ISSUE_MARKER = '<!-- deploy-governor:fleet-view -->';

const md = (text: string, max = 200) => inertLimited(text, max);

function governance(e: FleetEnvironmentRow): string {
  if (e.governedBy.length === 0) return e.productionLike ? '**none**' : 'none';
  return e.governedBy.map((g) => (g === 'protection-rule' ? 'protection rule' : 'workflow')).join(' + ');
}

function gateText(e: FleetEnvironmentRow): string {
  if (!e.gate) return '–';
  return [e.gate.status ?? 'no report', e.gate.conclusion ? `(${e.gate.conclusion})` : '(running)'].join(' ');
}

function distinctFreezes(report: FleetReport) {
  const seen = new Map<string, FleetRepositoryRow['freezes'][number] & { repository: string }>();
  for (const row of report.repositories) {
    for (const f of row.freezes)
      if (!seen.has(f.issue)) seen.set(f.issue, { ...f, repository: f.organisation ? 'organisation' : row.repository });
  }
  return [...seen.values()];
}

/** Per environment: `slo:a 3, dr 1`, or `none`. */
function blockedList(e: NonNullable<FleetRepositoryRow['advisory']>['environments'][number], name: (rule: string) => string): string {
  return e.wouldHaveBlocked.length ? e.wouldHaveBlocked.map((b) => `${name(b.rule)} ${b.count}`).join(', ') : 'none';
}

/** Advisory rules: fleet-wide per rule, then per repository and environment (rule names come from policies: inert). */
function advisoryMarkdown(report: FleetReport): string[] {
  const rules = report.summary.advisoryRules;
  const rows = report.repositories.filter((r) => r.advisory !== null);
  if (rules.length === 0 && rows.length === 0) return [];
  const out = [`## Advisory rules in shadow mode: ${rules.length}`, ''];
  out.push(
    'Gate decisions of the last 30 days (the `deploy-governor / <environment>` check runs on the default branch) that each advisory rule would have blocked. ' +
      "Informational: the reports are written by each repository's workflows.",
    '',
  );
  if (rules.length > 0) {
    out.push('| Rule | Would have blocked | Of decisions | Repositories |', '| --- | ---: | ---: | ---: |');
    for (const r of rules) out.push(`| ${md(r.rule)} | ${r.wouldHaveBlocked} | ${r.decisions} | ${r.repositories} |`);
    out.push('');
  }
  out.push('| Repository | Environment | Decisions | Would have blocked |', '| --- | --- | ---: | --- |');
  for (const r of rows) {
    const a = r.advisory!;
    const capped = a.capped ? ` (newest ${a.commits} commits)` : '';
    if (a.environments.length === 0) out.push(`| ${md(r.repository)}${capped} | – | 0 | – |`);
    for (const e of a.environments)
      out.push(`| ${md(r.repository)}${capped} | ${md(e.environment)} | ${e.decisions} | ${blockedList(e, (x) => md(x))} |`);
  }
  out.push('');
  return out;
}

/** The report as GitHub-flavoured markdown. */
export function renderFleetMarkdown(report: FleetReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(`# Fleet view: ${md(report.organisation)}`, '');
  out.push(
    `${s.repositories} repositories (${report.source === 'installation' ? "the app's installation" : 'every repository the token sees'}), ` +
      `${s.environments} environments, ${s.governedEnvironments} governed; app \`${md(report.app)}\`; generated ${report.generatedAt}.`,
    '',
  );
  out.push(`## Production environments without a gate: ${s.ungovernedProduction.length}`, '');
  if (s.ungovernedProduction.length === 0) out.push('Every production-like environment has the protection rule or the Action.', '');
  else {
    out.push('| Repository | Environment |', '| --- | --- |');
    for (const u of s.ungovernedProduction) out.push(`| ${md(u.repository)} | ${md(u.environment)} |`);
    out.push('');
  }
  if (s.policyErrors.length > 0) {
    out.push(`## Policies that fail to load: ${s.policyErrors.length}`, '');
    for (const p of s.policyErrors) out.push(`- ${md(p.repository)}: ${md(p.error, 500)}`);
    out.push('');
  }
  out.push(
    '## Environments',
    '',
    '| Repository | Environment | Governed by | Latest gate on the default branch |',
    '| --- | --- | --- | --- |',
  );
  for (const row of report.repositories) {
    if (row.environments.length === 0) out.push(`| ${md(row.repository)} | – | – | – |`);
    for (const e of row.environments) out.push(`| ${md(row.repository)} | ${md(e.name)} | ${governance(e)} | ${gateText(e)} |`);
  }
  out.push('');
  const freezes = distinctFreezes(report);
  out.push(`## Active freezes: ${freezes.length}`, '');
  if (freezes.length > 0) {
    out.push('| Freeze | Scope | Until | Reason | By |', '| --- | --- | --- | --- | --- |');
    for (const f of freezes) out.push(`| ${md(f.issue)} | ${md(f.scope)} | ${f.until} | ${md(f.reason, 300)} | ${md(f.by)} |`);
    out.push('');
  }
  const held = report.repositories.flatMap((r) => r.held.map((h) => ({ repository: r.repository, ...h })));
  out.push(`## Held deployments: ${held.length}`, '');
  if (held.length > 0) {
    out.push('| Repository | Environment | Run | Waiting since |', '| --- | --- | --- | --- |');
    for (const h of held) out.push(`| ${md(h.repository)} | ${md(h.environment)} | ${h.runId} | ${h.since ?? '–'} |`);
    out.push('');
  }
  const overridden = report.repositories.filter((r) => (r.overrides?.count ?? 0) > 0);
  out.push(`## Overrides in the last 30 days: ${s.overridesLast30Days}`, '');
  if (overridden.length > 0) {
    out.push('| Repository | Overrides | By environment | Last |', '| --- | ---: | --- | --- |');
    for (const r of overridden) {
      const by = Object.entries(r.overrides!.byEnvironment)
        .map(([env, n]) => `${md(env)}: ${n}`)
        .join(', ');
      out.push(`| ${md(r.repository)} | ${r.overrides!.count} | ${by} | ${r.overrides!.last ?? '–'} |`);
    }
    out.push('');
  }
  out.push(`## Overdue action items: ${s.overdueActionItems}`, '');
  const items = report.repositories.flatMap((r) => r.overdueActionItems.map((i) => ({ repository: r.repository, ...i })));
  if (items.length > 0) {
    out.push('| Repository | Issue | Title | Due | Days overdue |', '| --- | ---: | --- | --- | ---: |');
    for (const i of items) out.push(`| ${md(i.repository)} | ${i.issue} | ${md(i.title)} | ${i.due} | ${i.daysOverdue} |`);
    out.push('');
  }
  out.push(...advisoryMarkdown(report));
  const errors = report.repositories.flatMap((r) => r.errors.map((e) => ({ repository: r.repository, ...e })));
  if (errors.length > 0) {
    out.push(`## Could not read: ${s.incomplete.length} repositories`, '');
    for (const e of errors) out.push(`- ${md(e.repository)} (${md(e.part)}): ${md(e.message, 300)}`);
    out.push('');
  }
  if (report.archivedSkipped.length > 0) out.push(`Archived, not read: ${report.archivedSkipped.map((r) => md(r)).join(', ')}.`, '');
  for (const w of report.warnings) out.push(`> ${md(w, 300)}`, '');
  out.push(`${report.requests} GitHub requests.`, '');
  return `${out.join('\n')}\n${FLEET_ISSUE_MARKER}\n`;
}

/** Text for a terminal: no control characters (a name cannot move the cursor or recolour the screen), one line each. */
function plain(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The report as terminal text. */
export function renderFleetText(report: FleetReport): string {
  const s = report.summary;
  const out: string[] = [];
  out.push(
    `Fleet ${plain(report.organisation)}: ${s.repositories} repositories, ${s.environments} environments, ${s.governedEnvironments} governed, ${report.requests} GitHub requests`,
  );
  out.push(`Production environments without a gate: ${s.ungovernedProduction.length}`);
  for (const u of s.ungovernedProduction) out.push(`  ${plain(u.repository)}  ${plain(u.environment)}`);
  if (s.policyErrors.length > 0) {
    out.push(`Policies that fail to load: ${s.policyErrors.length}`);
    for (const p of s.policyErrors) out.push(`  ${plain(p.repository)}: ${plain(p.error, 500)}`);
  }
  out.push('');
  for (const row of report.repositories) {
    const extras = [
      row.freezes.length ? `${row.freezes.length} frozen` : '',
      row.held.length ? `${row.held.length} held` : '',
      row.overrides?.count ? `${row.overrides.count} overrides/30d` : '',
      row.overdueActionItems.length ? `${row.overdueActionItems.length} overdue items` : '',
      row.errors.length ? `${row.errors.length} read errors` : '',
    ].filter(Boolean);
    out.push(`${plain(row.repository)}${extras.length ? `  (${extras.join(', ')})` : ''}`);
    for (const e of row.environments) {
      const how = e.governedBy.length ? e.governedBy.join('+') : e.productionLike ? 'NOT GOVERNED' : 'not governed';
      out.push(
        `  ${plain(e.name)}: ${how}; gate ${e.gate ? `${e.gate.status ?? 'no report'} (${e.gate.conclusion ?? 'running'})` : 'none'}`,
      );
    }
    for (const f of row.freezes) out.push(`  freeze ${plain(f.issue)} ${plain(f.scope)} until ${f.until}: ${plain(f.reason)}`);
    for (const h of row.held) out.push(`  held: ${plain(h.environment)} run ${h.runId}`);
    for (const i of row.overdueActionItems) out.push(`  overdue #${i.issue} (due ${i.due}): ${plain(i.title)}`);
    for (const e of row.advisory?.environments ?? [])
      out.push(`  advisory ${plain(e.environment)}: ${e.decisions} decisions, would have blocked: ${blockedList(e, (x) => plain(x))}`);
    for (const e of row.errors) out.push(`  could not read ${plain(e.part)}: ${plain(e.message, 300)}`);
  }
  if (s.advisoryRules.length > 0) out.push('', 'Advisory rules, last 30 days (from check-run reports; informational):');
  for (const r of s.advisoryRules) out.push(`  ${plain(r.rule)} ${advisoryRuleSentence(r)}`);
  if (report.archivedSkipped.length > 0) out.push('', `Archived, not read: ${report.archivedSkipped.map((r) => plain(r)).join(', ')}`);
  for (const w of report.warnings) out.push(`warning: ${plain(w, 300)}`);
  return `${out.join('\n')}\n`;
}
