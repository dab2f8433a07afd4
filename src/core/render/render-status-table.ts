/** The report as a terminal table for `deploy-governor status` (ANSI colour optional). */
import type { Report } from '../report/report-schema.js';
import type { Status } from '../status.js';
import { formatAge, formatBurnRate, formatDays, formatPercent, formatRatio } from './format-values.js';

const COLOR: Record<Status, string> = {
  NORMAL: '\x1b[32m',
  CAUTION: '\x1b[33m',
  WARNING: '\x1b[38;5;208m',
  FREEZE: '\x1b[36m',
  EXHAUSTED: '\x1b[31m',
  UNKNOWN: '\x1b[90m',
};
const RESET = '\x1b[0m';

/** Remove terminal control characters from text the policy or Prometheus supplied. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function renderStatusTable(report: Report, options: { color: boolean }): string {
  const paint = (status: Status, text: string) => (options.color ? `${COLOR[status]}${text}${RESET}` : text);
  const header = ['SLO', 'OBJECTIVE', 'WINDOW', 'ERROR RATIO', 'BUDGET LEFT', 'BURN (1h)', 'DAYS LEFT', 'STATUS'];
  const rows = report.slos.map((s) => [
    plain(s.name),
    `${s.objective}%`,
    s.window,
    formatRatio(s.errorRatio),
    formatPercent(s.budgetRemaining),
    formatBurnRate(s.burnRate),
    formatDays(s.daysToExhaustion),
    s.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out: string[] = [];
  const d = report.decision;
  const verdict = d.overridden ? 'ALLOWED BY OVERRIDE' : d.canDeploy ? 'ALLOWED' : 'BLOCKED';
  out.push(`${plain(report.environment)}: ${paint(d.status, `${verdict} (${d.status})`)}  block-on ${d.blockOn}  at ${report.evaluatedAt}`, '');
  out.push(line(header));
  for (const [i, r] of rows.entries()) {
    const status = report.slos[i]!.status;
    const text = line(r);
    out.push(options.color ? text.slice(0, text.length - status.length) + paint(status, status) : text);
  }
  if (report.dr) out.push('', `DR drill: ${formatAge(report.dr.ageSeconds)} ago (max ${formatAge(report.dr.maxAgeSeconds)})${report.dr.ok ? '' : ' — failing'}`);
  for (const w of report.freeze.active) out.push(`Freeze: ${plain(w.name)}${w.until ? ` until ${w.until}` : ''}`);
  if (d.reasons.length > 0) out.push('', 'Reasons:', ...d.reasons.map((r) => `  - ${plain(r)}`));
  return `${out.join('\n')}\n`;
}
