import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseOutputFile } from '../../scripts/lib/run-action.js';
import { appendSummary, escapeData, getInput, setFailed, setOutput, setSecret } from '../../src/action/runner.js';

describe('runner protocol', () => {
  let dir: string;
  let written: string[];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dg-runner-unit-'));
    written = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    process.exitCode = undefined;
  });

  it('reads inputs the way the runner names them', () => {
    expect(getInput('block-on', { 'INPUT_BLOCK-ON': '  FREEZE \n' })).toBe('FREEZE');
    expect(getInput('some input', { INPUT_SOME_INPUT: 'x' })).toBe('x');
    expect(getInput('missing', {})).toBe('');
  });

  it('writes outputs that survive newlines, equals signs and delimiters-like text', async () => {
    const file = path.join(dir, 'out');
    await writeFile(file, '');
    vi.stubEnv('GITHUB_OUTPUT', file);
    const reasons = JSON.stringify(['a=b', 'line\nbreak', 'EOF']);
    setOutput('reasons', reasons);
    setOutput('status', 'FREEZE');
    expect(parseOutputFile(await readFile(file, 'utf8'))).toEqual({ reasons, status: 'FREEZE' });
  });

  it('escapes command data and masks every line of a secret', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    setSecret('line-one\nline-two');
    expect(written.join('')).toBe('::add-mask::line-one\n::add-mask::line-two\n');
  });

  it('fails the step with one error annotation', () => {
    setFailed('Deploy blocked: 100%\nreally');
    expect(process.exitCode).toBe(1);
    expect(written).toEqual(['::error::Deploy blocked: 100%25%0Areally\n']);
  });

  it('appends to the job summary', async () => {
    const file = path.join(dir, 'summary');
    await writeFile(file, 'before\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    appendSummary('## hello');
    expect(await readFile(file, 'utf8')).toBe('before\n## hello\n');
  });
});
