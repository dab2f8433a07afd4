/**
 * The report's budget exclusions as markdown, for the job summary and the
 * pull-request comment: what each SLO left out and what it returned, then the
 * intervals the audit rule refused. Names and reasons come from the policy
 * file: inert, and bounded.
 */
import type { Report } from '../report/report-schema.js';
import { formatPercent } from './format-values.js';
import { inertLimited } from './inert-markdown.js';

/** Most rows the section lists (a daily exclusion over 30 days is 31); the report has them all. */
const MAX_ROWS = 20;

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** The exclusions section, or nothing when no exclusion overlapped an SLO window. */
export function renderExclusions(report: Report): string[] {
  const rows = report.slos.flatMap((s) => (s.exclusions ?? []).map((x) => ({ slo: s.name, ...x })));
  const refused = (report.exclusions ?? []).filter((a) => a.admission === 'refused');
  const retroactive = (report.exclusions ?? []).filter((a) => a.admission === 'authorized-role');
  if (rows.length === 0 && refused.length === 0) return [];
  const lines = ['**Budget exclusions**', ''];
  if (rows.length > 0) {
    lines.push('| SLO | Exclusion | Kind | From | To | Events left out | Errors returned | Budget returned |');
    lines.push('| --- | --- | --- | --- | --- | ---: | ---: | ---: |');
    for (const r of rows.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${inertLimited(r.slo, 100)} | ${inertLimited(r.name, 100)} | ${r.kind} | ${inertLimited(r.from, 40)} | ${inertLimited(r.to, 40)} | ${count(r.eventsExcluded)} | ${count(r.errorsReturned)} | ${formatPercent(r.budgetReturned)} |`,
      );
    }
    if (rows.length > MAX_ROWS) lines.push(`| … ${rows.length - MAX_ROWS} more in the JSON report | | | | | | | |`);
    lines.push('');
  }
  for (const a of retroactive.slice(0, MAX_ROWS))
    lines.push(`- Retroactive, applied: ${inertLimited(a.name, 100)} (${a.kind}): ${inertLimited(a.note)}`);
  for (const a of refused.slice(0, MAX_ROWS))
    lines.push(`- Not applied: ${inertLimited(a.name, 100)} (${a.kind}, ${inertLimited(a.reason, 200)}): ${inertLimited(a.note)}`);
  if (retroactive.length + refused.length > 0) lines.push('');
  return lines;
}
