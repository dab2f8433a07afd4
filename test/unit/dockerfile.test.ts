/**
 * The app's Dockerfile, read instruction by instruction (Docker does not run on
 * the development machine or in CI, and hadolint cannot be installed offline):
 * the properties docs/app.md ("Running in production") promises of the image.
 * test/integration/app-bundle.test.ts runs its HEALTHCHECK against the bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execForm, parseDockerfile, splitFlags, stagesOf, type Instruction } from '../support/dockerfile.js';

const root = path.resolve(import.meta.dirname, '../..');
const instructions = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
const stages = stagesOf(instructions);
const runtime = stages.at(-1)!;
const build = stages.slice(0, -1);
const only = (keyword: string, list: Instruction[] = runtime.instructions) => list.filter((i) => i.keyword === keyword);
const envOf = (list: Instruction[]) =>
  Object.fromEntries(only('ENV', list).flatMap((i) => i.args.split(/\s+/).map((kv) => kv.split('=') as [string, string])));
const dockerignore = readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('parseDockerfile', () => {
  it('joins continued lines, skips comments and upper-cases keywords', () => {
    const parsed = parseDockerfile('# syntax=docker/dockerfile:1\nfrom node:24-slim AS b\nRUN a \\\n  # between\n  && b\n\nCMD ["x"]\n');
    expect(parsed).toEqual([
      { keyword: 'FROM', args: 'node:24-slim AS b', line: 2 },
      { keyword: 'RUN', args: 'a && b', line: 3 },
      { keyword: 'CMD', args: '["x"]', line: 7 },
    ]);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage: the bundle is built in a stage of its own', () => {
    expect(build.length).toBeGreaterThanOrEqual(1);
    const runs = build.flatMap((s) => only('RUN', s.instructions).map((i) => i.args));
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm run build:app\b/.test(r))).toBe(true);
  });

  it('uses tagged Node images, never latest, on the Node 24 the bundle test runs, within package.json engines', () => {
    const engines = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const minimum = Number(/>=\s*(\d+)/.exec(engines)![1]);
    for (const stage of stages) {
      const m = /^node:(\d+)(?:\.\d+){0,2}-(?:[a-z]+-)?slim(?:@sha256:[0-9a-f]{64})?$/.exec(stage.image);
      expect(m, `${stage.image} (line ${stage.from.line}) is not node:<version>-slim`).not.toBeNull();
      expect(stage.image).not.toMatch(/:latest\b|^[^:]+$/);
      expect(Number(m![1])).toBeGreaterThanOrEqual(minimum);
    }
    expect(runtime.image).toMatch(/^node:24\b/);
  });

  it('copies only dist/app from the build stage into the runtime image', () => {
    const copies = only('COPY').map((i) => splitFlags(i.args));
    expect(copies).toHaveLength(1);
    expect(copies[0]!.flags.from).toBe(build.at(-1)!.name);
    expect(copies[0]!.rest).toMatch(/^\S*\/dist\/app\/?\s+\S+$/);
    expect(only('ADD')).toEqual([]);
    // Nothing installed at run time: no npm, no package manager.
    expect(only('RUN')).toEqual([]);
  });

  it('runs as a user other than root', () => {
    const users = only('USER');
    expect(users.length).toBeGreaterThanOrEqual(1);
    const user = users.at(-1)!.args.split(':')[0]!;
    expect(['', 'root', '0']).not.toContain(user);
    // After the last USER nothing switches back.
    expect(runtime.instructions.indexOf(users.at(-1)!)).toBeGreaterThan(runtime.instructions.findIndex((i) => i.keyword === 'COPY'));
  });

  it('sets NODE_ENV=production, listens on every interface and EXPOSEs its PORT', () => {
    const env = envOf(runtime.instructions);
    expect(env.NODE_ENV).toBe('production');
    expect(env.HOST).toBe('0.0.0.0');
    expect(only('EXPOSE').map((i) => i.args)).toEqual([env.PORT]);
  });

  it('has a HEALTHCHECK on /ready run with node (no curl in slim images)', () => {
    const checks = only('HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const { flags, rest } = splitFlags(checks[0]!.args);
    expect(Object.keys(flags)).toEqual(expect.arrayContaining(['interval', 'timeout', 'start-period', 'retries']));
    expect(rest.startsWith('CMD ')).toBe(true);
    const command = execForm(rest.slice(4).trim());
    expect(command?.[0]).toBe('node');
    expect(command!.join(' ')).toContain('/ready');
    expect(command!.join(' ')).not.toMatch(/\bcurl\b|\bwget\b/);
  });

  it('starts dist/app/index.js with node as PID 1 and the heap cap of npm start', () => {
    const cmds = only('CMD');
    expect(cmds).toHaveLength(1);
    const command = execForm(cmds[0]!.args);
    expect(command).not.toBeNull();
    const text = command!.join(' ');
    expect(text).toMatch(/\bexec node\b|^node\b/);
    expect(text).toContain('--max-old-space-size=');
    expect(text).toContain('APP_MAX_HEAP_MB');
    expect(text).toMatch(/\bindex\.js\b/);
    expect(only('WORKDIR').at(-1)?.args).toBeDefined();
  });

  it('builds from a context without node_modules, dist, .cache, .git or keys (.dockerignore lets in only what COPY reads)', () => {
    expect(dockerignore[0]).toBe('*');
    const allowed = dockerignore.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    for (const name of ['node_modules', 'dist', '.cache', '.git', 'test'])
      expect(allowed.some((a) => a === name || a.startsWith(`${name}/`))).toBe(false);
    expect(dockerignore).toEqual(expect.arrayContaining(['**/*.pem']));
    for (const stage of build) {
      for (const copy of only('COPY', stage.instructions)) {
        const { flags, rest } = splitFlags(copy.args);
        if (flags.from) continue;
        const sources = rest
          .split(/\s+/)
          .slice(0, -1)
          .map((s) => s.replace(/\/$/, ''));
        for (const source of sources) expect(allowed, `COPY ${source} (line ${copy.line}) is kept out by .dockerignore`).toContain(source);
      }
    }
  });
});
