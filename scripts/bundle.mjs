// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// CI rebuilds and fails when the committed dist/ differs from this output.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const ncc = 'node_modules/.bin/ncc';
const builds = [
  { entry: 'src/action/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
];

rmSync('dist', { recursive: true, force: true });
for (const { entry, out } of builds) {
  execFileSync(ncc, ['build', entry, '-o', out, '--target', 'es2022', '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
}
// The CLI runs as `npx deploy-governor`: keep exactly one shebang and make it executable.
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8').replace(/^#!.*\n/, '');
writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
if (!existsSync('dist/index.js')) throw new Error('ncc produced no dist/index.js');
