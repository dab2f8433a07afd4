/**
 * A streaming OpenMetrics writer for backfilling with promtool. promtool wants one
 * `# TYPE` line per family with all of that family's samples after it, each
 * series in time order, timestamps in seconds, and a final `# EOF`. Families are
 * therefore written whole, one after another, straight to disk.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export class OpenMetricsWriter {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private readonly families = new Set<string>();
  private current: string | null = null;

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  /** Start a family; every sample until the next family() belongs to it. */
  async family(name: string, type: 'counter' | 'gauge' | 'histogram', help?: string): Promise<void> {
    if (this.families.has(name)) throw new Error(`family ${name} written twice: promtool needs each family in one block`);
    this.families.add(name);
    this.current = name;
    await this.push(`# TYPE ${name} ${type}\n${help ? `# HELP ${name} ${help}\n` : ''}`);
  }

  /** One sample; `metric` is the family name, or `<family>_total` / `_bucket` … for counters. */
  async sample(metric: string, labels: Labels, value: number, timestampSeconds: number): Promise<void> {
    if (this.current === null) throw new Error('sample() before family()');
    const v = Number.isInteger(value) ? String(value) : value.toPrecision(15);
    await this.push(`${metric}${labelText(labels)} ${v} ${Math.round(timestampSeconds)}\n`);
  }

  async close(): Promise<void> {
    await this.push('# EOF\n');
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }

  private async push(line: string): Promise<void> {
    this.buffer.push(line);
    this.bufferedBytes += line.length;
    if (this.bufferedBytes > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
