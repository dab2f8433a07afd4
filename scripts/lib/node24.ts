/** Node 24, the runtime action.yml declares, fetched by scripts/ensure-system.mjs into .cache/node24. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export async function ensureNode24(): Promise<string> {
  const node = path.join(root, '.cache/node24/bin/node');
  if (!existsSync(node)) execFileSync(process.execPath, [path.join(root, 'scripts/ensure-system.mjs')], { stdio: 'inherit' });
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.'))
    throw new Error(`${node} is ${version}, not Node 24: delete .cache/node24 and run scripts/ensure-system.mjs`);
  return node;
}
