// Bundles with ncc, each into ESM with its licences in licenses.txt:
//   action  src/action/index.ts -> dist/index.js        (the Action)
//   cli     src/cli/index.ts    -> dist/cli/index.js    (the CLI)
//   app     app/server.ts       -> dist/app/index.js    (the app's server: `npm start`, the Docker image)
//           app/lambda.ts       -> dist/app/lambda.js   (the app on AWS Lambda: handler `lambda.handler`)
// `node scripts/bundle.mjs` (npm run bundle) builds them all from an empty dist/; naming targets builds only
// those (`npm run build:app` is `node scripts/bundle.mjs app`). CI rebuilds everything and fails when the
// committed dist/ differs from this output.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ncc = 'node_modules/.bin/ncc';
const TARGETS = ['action', 'cli', 'app'];
const wanted = process.argv.length > 2 ? process.argv.slice(2) : TARGETS;
for (const t of wanted) if (!TARGETS.includes(t)) throw new Error(`unknown target ${t}: expected some of ${TARGETS.join(', ')}`);

function build(entry, out, extra = []) {
  execFileSync(ncc, ['build', entry, '-o', out, '--target', 'es2022', '--license', 'licenses.txt', '--quiet', ...extra], {
    stdio: 'inherit',
  });
}

if (wanted.length === TARGETS.length) rmSync('dist', { recursive: true, force: true });

if (wanted.includes('action')) {
  // dist/ itself: only its own files go (dist/cli and dist/app stay).
  if (existsSync('dist')) for (const f of readdirSync('dist', { withFileTypes: true })) if (f.isFile()) rmSync(path.join('dist', f.name));
  build('src/action/index.ts', 'dist');
  if (!existsSync('dist/index.js')) throw new Error('ncc produced no dist/index.js');
}

if (wanted.includes('cli')) {
  rmSync('dist/cli', { recursive: true, force: true });
  build('src/cli/index.ts', 'dist/cli');
  // The CLI runs as `npx deploy-governor`: keep exactly one shebang and make it executable.
  const cli = 'dist/cli/index.js';
  const text = readFileSync(cli, 'utf8').replace(/^#!.*\n/, '');
  writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
  chmodSync(cli, 0o755);
}

/**
 * Files ncc copies beside an app bundle that the app never loads: pino's worker
 * threads for `pino.transport()` (thread-stream's worker, pino's transport worker
 * and its file target). Probot logs through a stream on stdout, never a
 * transport, and the copies could not run anyway (they require pino's own files
 * by relative path, which are inside the bundle). Any other file ncc emits is
 * something the app reads at run time: the build stops so it can be looked at.
 */
const UNUSED_ASSETS = new Set(['worker.js', 'worker1.js', 'file.js']);
const CHUNK = /^\d+\.index\.js$/;

/** Removes the unused assets of an ncc output; throws on any file that is not the entry, a chunk or the known ones. */
function pruneAssets(dir) {
  for (const f of readdirSync(dir)) {
    if (f === 'index.js' || f === 'package.json' || f === 'licenses.txt' || CHUNK.test(f)) continue;
    if (!UNUSED_ASSETS.has(f))
      throw new Error(
        `ncc emitted ${dir}/${f}, which the app may read at run time: copy or inline it (scripts/bundle.mjs), then list it here`,
      );
    rmSync(path.join(dir, f));
  }
}

/** The npm packages an ncc stats file names (`node_modules/<name>` or `node_modules/@scope/<name>`). */
function packagesOf(statsFile) {
  return new Set([...readFileSync(statsFile, 'utf8').matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/g)].map((m) => m[1]));
}

if (wanted.includes('app')) {
  rmSync('dist/app', { recursive: true, force: true });
  const work = mkdtempSync(path.join(tmpdir(), 'dg-bundle-'));
  try {
    // The server: dist/app/index.js, its chunks and licenses.txt (package.json says "type": "module").
    build('app/server.ts', 'dist/app', ['--stats-out', path.join(work, 'server-stats.json')]);
    pruneAssets('dist/app');
    // The Lambda entry, built apart (ncc has one entry per output) and moved beside the server as lambda.js.
    // Its chunks get their own names, N.lambda.js, so they never stand in for the server's N.index.js.
    const lambdaOut = path.join(work, 'lambda');
    build('app/lambda.ts', lambdaOut, ['--stats-out', path.join(work, 'lambda-stats.json')]);
    pruneAssets(lambdaOut);
    const loader = 'return "" + chunkId + ".index.js";';
    const lambda = readFileSync(path.join(lambdaOut, 'index.js'), 'utf8');
    if (lambda.split(loader).length !== 2)
      throw new Error(`the Lambda bundle's chunk loader is not the one expected (${loader}): ncc changed, update scripts/bundle.mjs`);
    writeFileSync('dist/app/lambda.js', lambda.replace(loader, 'return "" + chunkId + ".lambda.js";'));
    for (const f of readdirSync(lambdaOut))
      if (CHUNK.test(f)) renameSync(path.join(lambdaOut, f), path.join('dist/app', f.replace(/\.index\.js$/, '.lambda.js')));
    // One licences file for both: the Lambda loads the same app, so its packages are the server's.
    const serverPackages = packagesOf(path.join(work, 'server-stats.json'));
    const extra = [...packagesOf(path.join(work, 'lambda-stats.json'))].filter((p) => !serverPackages.has(p));
    if (extra.length > 0)
      throw new Error(
        `app/lambda.ts bundles packages the server does not (${extra.join(', ')}): dist/app/licenses.txt would not list them`,
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const f of ['dist/app/index.js', 'dist/app/lambda.js', 'dist/app/licenses.txt'])
    if (!existsSync(f)) throw new Error(`ncc produced no ${f}`);
  if (JSON.parse(readFileSync('dist/app/package.json', 'utf8')).type !== 'module')
    throw new Error('dist/app/package.json does not say "type": "module"');
}
