import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';

describe('deploy-governor generate rules', () => {
  const cwd = process.cwd();
  afterEach(() => {
    process.chdir(cwd);
    vi.restoreAllMocks();
  });

  it('writes a deterministic rule file and --check fails once the policy changes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dg-gen-'));
    await mkdir(path.join(dir, '.github'));
    const policy = 'slos:\n  - name: api\n    objective: 99.5\n    sli: { ratio: { query: "r[{{window}}]" } }\ndr: { enabled: false }\n';
    await writeFile(path.join(dir, '.github/deploy-governor.yml'), policy);
    process.chdir(dir);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));

    expect(await run(['node', 'dg', 'generate', 'rules'])).toBe(0);
    const text = await readFile(path.join(dir, 'deploy-governor.rules.yml'), 'utf8');
    const groups = (parse(text) as { groups: { name: string; rules: { record?: string; expr: string }[] }[] }).groups;
    expect(groups.map((g) => g.name)).toEqual(['deploy-governor:api:base', 'deploy-governor:api:windows', 'deploy-governor:api:alerts']);
    const budget = groups[1]!.rules.find((r) => r.record === 'slo:error_budget_remaining:ratio');
    expect(budget?.expr).toBe('1 - slo:sli_error:ratio_rate30d{slo="api"} / 0.005');
    expect(await run(['node', 'dg', 'generate', 'rules', '--check'])).toBe(0);

    await writeFile(path.join(dir, '.github/deploy-governor.yml'), policy.replace('99.5', '99.9'));
    expect(await run(['node', 'dg', 'generate', 'rules', '--check'])).toBe(1);
    expect(out.join('')).toMatch(/deploy-governor\.rules\.yml differs from what the policy generates/);
  });
});
