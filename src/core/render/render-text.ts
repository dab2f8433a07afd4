/**
 * The report as plain text for a terminal or a CI log: what the CLI prints
 * (`check` in full, `status` as a table). Markdown belongs where markdown
 * renders (the job summary, the check run, PR comments: render-summary.ts and
 * render-pr-comment.ts); here there is no markdown at all, so nothing is
 * escaped (`>` stays `>`, `http_requests` stays `http_requests`) and no
 * zero-width character is inserted (a URL or a query copies and pastes as it
 * was written).
 *
 * Text from the policy, Prometheus or a person (SLO names, reasons, override
 * reasons) is made terminal-safe instead: control characters (an ESC could
 * move the cursor or recolour the terminal), bidirectional overrides and
 * zero-width characters (which could disguise a name) are removed.
 * Colour is optional ANSI SGR, chosen by the caller (see src/cli/color.ts).
 */
import type { Report } from '../report/report-schema.js';
import type { Status } from '../status.js';
import { formatAge, formatBurnRate, formatDays, formatPercent, formatRatio } from './format-values.js';

export interface TextOptions {
  /** ANSI colour for statuses. */
  color: boolean;
}

const COLOR: Record<Status, string> = {
  NORMAL: '\x1b[32m',
  CAUTION: '\x1b[33m',
  WARNING: '\x1b[38;5;208m',
  FREEZE: '\x1b[36m',
  EXHAUSTED: '\x1b[31m',
  UNKNOWN: '\x1b[90m',
};
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

/**
 * One line of terminal-safe text: C0 and C1 control characters (ESC included) and line breaks become spaces;
 * bidirectional embeddings, overrides and isolates and zero-width characters are removed.
 */
export function terminalText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
  );
}

function painter(options: TextOptions) {
  return (status: Status, text: string) => (options.color ? `${COLOR[status]}${text}${RESET}` : text);
}

function verdict(report: Report): string {
  const d = report.decision;
  return d.overridden ? 'ALLOWED BY OVERRIDE' : d.canDeploy ? 'ALLOWED' : 'BLOCKED';
}

function headline(report: Report, options: TextOptions): string {
  const d = report.decision;
  return `${terminalText(report.environment)}: ${painter(options)(d.status, `${verdict(report)} (${d.status})`)}  block-on ${d.blockOn}  at ${terminalText(report.evaluatedAt)}`;
}

/** Columns padded to their widest cell; the last column (the status) may be coloured. */
function sloTable(report: Report, options: TextOptions): string[] {
  const paint = painter(options);
  const header = ['SLO', 'OBJECTIVE', 'WINDOW', 'ERROR RATIO', 'BUDGET LEFT', 'BURN (1h)', 'DAYS LEFT', 'STATUS'];
  const rows = report.slos.map((s) => [
    terminalText(s.name),
    `${s.objective}%`,
    terminalText(s.window),
    formatRatio(s.errorRatio),
    formatPercent(s.budgetRemaining),
    formatBurnRate(s.burnRate),
    formatDays(s.daysToExhaustion),
    s.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header)];
  for (const [i, r] of rows.entries()) {
    const status = report.slos[i]!.status;
    const text = line(r);
    out.push(options.color ? text.slice(0, text.length - status.length) + paint(status, status) : text);
  }
  return out;
}

function drLine(report: Report): string | null {
  const dr = report.dr;
  if (!dr) return null;
  const parts = [`last drill ${formatAge(dr.ageSeconds)} ago (max ${formatAge(dr.maxAgeSeconds)})`];
  if (dr.backupProbe) parts.push(`backup probe ${dr.backupProbe.ok ? 'ok' : `failing (${dr.backupProbe.value ?? 'missing'})`}`);
  if (dr.rto) parts.push(`RTO ${formatAge(dr.rto.seconds)} (max ${formatAge(dr.rto.maxSeconds)})`);
  if (dr.rpo) parts.push(`RPO ${formatAge(dr.rpo.seconds)} (max ${formatAge(dr.rpo.maxSeconds)})`);
  return `DR: ${dr.ok ? 'ok' : 'failing'}: ${parts.join(', ')}`;
}

function freezeLines(report: Report): string[] {
  return report.freeze.active.map(
    (w) =>
      `Freeze: ${terminalText(w.name)}${w.reason ? `: ${terminalText(w.reason)}` : ''}${w.until ? ` (until ${terminalText(w.until)})` : ''}`,
  );
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : ['', `${title}:`, ...items.map((item) => `  - ${terminalText(item)}`)];
}

/** `deploy-governor status`: the verdict, the SLO table, DR and freeze state, and the reasons. */
export function renderStatusText(report: Report, options: TextOptions): string {
  const out = [headline(report, options), ''];
  out.push(...sloTable(report, options));
  const dr = drLine(report);
  const freeze = freezeLines(report);
  if (dr || freeze.length > 0) out.push('');
  if (dr) out.push(dr);
  out.push(...freeze);
  out.push(...list('Reasons', report.decision.reasons));
  return `${out.join('\n')}\n`;
}

/** `deploy-governor check`: everything the job summary says, as plain text. */
export function renderTextReport(report: Report, options: TextOptions): string {
  const d = report.decision;
  const out = [headline(report, options)];
  const why =
    d.status === 'UNKNOWN'
      ? `the policy could not be evaluated (on-error: ${d.onError})`
      : d.canDeploy
        ? `status ${d.status} is below block-on ${d.blockOn}`
        : `status ${d.status} is at or past block-on ${d.blockOn}`;
  const decided = d.overridden ? 'deploy allowed by an authorized override' : d.canDeploy ? 'deploy allowed' : 'deploy blocked';
  out.push(
    `Decision: ${options.color ? `${BOLD}${decided}${RESET}` : decided}: ${why}.${d.mode === 'report' ? ' Mode is report: the exit code is 0.' : ''}`,
  );
  if (report.override) {
    const o = report.override;
    out.push(
      `Override: level ${o.level} by ${terminalText(o.actor)} (${terminalText(o.permission)})${o.approvers.length > 0 ? `, approved by ${o.approvers.map(terminalText).join(', ')}` : ''}: ${terminalText(o.reason)}`,
    );
  }
  if (report.policySources) out.push(`Policy: ${report.policySources.chain.map(terminalText).join(' extends ')}`);
  if (report.slos.length > 0) out.push('', ...sloTable(report, options));

  const guards = report.slos.flatMap((s) => s.guards.map((g) => ({ slo: s.name, ...g })));
  if (guards.length > 0) {
    out.push('', 'Fast-burn guards:');
    for (const g of guards) {
      out.push(
        `  ${terminalText(g.slo)}: ${terminalText(g.name)}: ${formatBurnRate(g.longBurnRate)} over ${terminalText(g.long)}, ${formatBurnRate(g.shortBurnRate)} over ${terminalText(g.short)} (factor ${g.factor}x): ${g.triggered ? painter(options)(g.status, `triggered (${g.status})`) : 'not triggered'}`,
      );
    }
  }
  const dr = drLine(report);
  const freeze = freezeLines(report);
  if (dr || freeze.length > 0) out.push('');
  if (dr) out.push(dr);
  out.push(...freeze);
  out.push(
    ...list('Reasons', d.reasons),
    ...list(
      'Advisory rules that would have blocked (not enforced)',
      (d.wouldHaveBlocked ?? []).map((a) => `${a.rule} (${a.status}): ${a.message}`),
    ),
    ...list('Next steps', d.nextSteps),
  );
  if (!d.canDeploy && d.escalation !== undefined)
    out.push('', `Disagree? The policy names @${terminalText(d.escalation)} to decide (escalation).`);
  const samples = report.prometheus.samplesTouched === null ? '' : `, ${report.prometheus.samplesTouched} samples touched`;
  out.push(
    '',
    `Evaluated at ${terminalText(report.evaluatedAt)} against ${terminalText(report.prometheus.url ?? 'no Prometheus')} (${report.prometheus.queries} queries${samples}).`,
  );
  return `${out.join('\n')}\n`;
}
