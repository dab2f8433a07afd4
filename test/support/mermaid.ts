/**
 * Mermaid's own parser, without a browser: `mermaid` (the package GitHub's
 * renderer is built on) parses diagrams in Node once a DOM exists for DOMPurify,
 * which it uses to sanitise labels; happy-dom provides it. The DOM must exist
 * before mermaid (and DOMPurify) is imported, so mermaid is imported lazily.
 * `@mermaid-js/parser` alone does not cover `xychart-beta` (its grammar is in
 * `mermaid` itself, a jison parser).
 */
import { Window } from 'happy-dom';
import type MermaidApi from 'mermaid';

type Mermaid = typeof MermaidApi;

let loaded: Promise<Mermaid> | undefined;

function mermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    if (g.window === undefined) {
      const window = new Window();
      g.window = window;
      g.document = window.document;
    }
    const { default: m } = await import('mermaid');
    m.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return m;
  })();
  return loaded;
}

/** What Mermaid's xychart database holds after parsing. */
export interface ParsedXyChart {
  diagramType: string;
  /** The init directive's configuration. */
  config: Record<string, unknown>;
  title: string;
  accTitle: string;
  accDescription: string;
  xAxis: { type: 'linear'; title: string; min: number; max: number } | { type: 'band'; title: string; categories: string[] };
  yAxis: { type: 'linear'; title: string; min: number; max: number };
  plots: { type: 'line' | 'bar'; title: string; data: [string, number][] }[];
}

interface XyChartDb {
  getXYChartData(): { xAxis: ParsedXyChart['xAxis']; yAxis: ParsedXyChart['yAxis']; plots: ParsedXyChart['plots'] };
  getDiagramTitle(): string;
  getAccTitle(): string;
  getAccDescription(): string;
}

/**
 * Parses one Mermaid diagram with Mermaid's parser: throws Mermaid's own parse
 * error for anything it refuses; for an xychart, returns what its database holds.
 */
export async function parseXyChart(source: string): Promise<ParsedXyChart> {
  const m = await mermaid();
  const parsed = await m.parse(source);
  if (!parsed) throw new Error('mermaid.parse returned false');
  const diagram = await m.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as unknown as XyChartDb;
  const data = db.getXYChartData();
  return {
    diagramType: parsed.diagramType,
    config: parsed.config as Record<string, unknown>,
    title: db.getDiagramTitle(),
    accTitle: db.getAccTitle(),
    accDescription: db.getAccDescription(),
    xAxis: data.xAxis,
    yAxis: data.yAxis,
    plots: data.plots.map((p) => ({ type: p.type, title: p.title, data: p.data })),
  };
}

/** The bodies of the ```mermaid blocks of a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}
