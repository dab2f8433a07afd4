// Bundles with ncc, each into ESM with its licences in licenses.txt:
//   action  src/action/index.ts -> dist/index.js        (the Action)
//   cli     src/cli/index.ts    -> dist/cli/index.js    (the CLI)
//   app     app/server.ts       -> dist/app/index.js    (the app's server: `npm start`, the Docker image)
//           app/lambda.ts       -> dist/app/lambda.js   (the app on AWS Lambda: handler `lambda.handler`)
// `node scripts/bundle.mjs` (npm run bundle) builds them all from an empty dist/; naming targets builds only
// those (`npm run build:app` is `node scripts/bundle.mjs app`). CI rebuilds everything and fails when the
// committed dist/ differs from this output.
//
// The builds transpile only (see ENTRIES below) and run side by side into a scratch directory before
// anything in dist/ changes, so a failed build leaves dist/ as it was.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ncc = 'node_modules/.bin/ncc';
const TARGETS = ['action', 'cli', 'app'];
const wanted = process.argv.length > 2 ? process.argv.slice(2) : TARGETS;
for (const t of wanted) if (!TARGETS.includes(t)) throw new Error(`unknown target ${t}: expected some of ${TARGETS.join(', ')}`);

const run = promisify(execFile);
async function build(entry, out, extra = []) {
  try {
    await run(
      ncc,
      ['build', entry, '-o', out, '--target', 'es2022', '--license', 'licenses.txt', '--quiet', '--transpile-only', ...extra],
      {
        maxBuffer: 64 << 20,
      },
    );
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`ncc could not bundle ${entry}`, { cause: error });
  }
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

/**
 * ncc type-checks with the tsconfig.json nearest to the entry (ts-loader), and with `module: NodeNext` its
 * transpile-only mode emits CommonJS, which cannot hold the app's top-level await. So each build starts from
 * a one-line entry in `.cache/bundle-entries/` beside a tsconfig that extends the project's with ES modules:
 * every file is then transpiled on its own (`isolatedModules` already guarantees that this is safe), and
 * type-checking stays `npm run typecheck`'s job (ncc's ts-loader checked the whole program again in each of
 * the four builds). Measured on 2026-11-29 (2 cores): about 20 s instead of 80-100 s.
 */
const ENTRIES = '.cache/bundle-entries';
rmSync(ENTRIES, { recursive: true, force: true });
mkdirSync(ENTRIES, { recursive: true });
writeFileSync(
  path.join(ENTRIES, 'tsconfig.json'),
  `${JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { module: 'ES2022', moduleResolution: 'Bundler' }, include: ['.'] }, null, 2)}\n`,
);
const entry = (name, text) => {
  writeFileSync(path.join(ENTRIES, `${name}.ts`), `${text}\n`);
  return path.join(ENTRIES, `${name}.ts`);
};

const work = mkdtempSync(path.join(tmpdir(), 'dg-bundle-'));
const at = (name) => path.join(work, name);
try {
  await Promise.all([
    wanted.includes('action') && build(entry('action', "import '../../src/action/index.js';"), at('action')),
    wanted.includes('cli') && build(entry('cli', "import '../../src/cli/index.js';"), at('cli')),
    wanted.includes('app') &&
      build(entry('server', "import '../../app/server.js';"), at('server'), ['--stats-out', at('server-stats.json')]),
    // The Lambda entry, built apart (ncc has one entry per output) and placed beside the server as lambda.js.
    wanted.includes('app') &&
      build(entry('lambda', "export { handler } from '../../app/lambda.js';"), at('lambda'), ['--stats-out', at('lambda-stats.json')]),
  ]);

  if (wanted.includes('action')) {
    if (!existsSync(at('action/index.js'))) throw new Error('ncc produced no index.js for the Action');
  }
  if (wanted.includes('cli')) {
    // The CLI runs as `npx deploy-governor`: keep exactly one shebang and make it executable.
    const cli = at('cli/index.js');
    const text = readFileSync(cli, 'utf8').replace(/^#!.*\n/, '');
    writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
    chmodSync(cli, 0o755);
  }
  if (wanted.includes('app')) {
    pruneAssets(at('server'));
    pruneAssets(at('lambda'));
    // The Lambda's chunks get their own names, N.lambda.js, so they never stand in for the server's N.index.js.
    const loader = 'return "" + chunkId + ".index.js";';
    const lambda = readFileSync(at('lambda/index.js'), 'utf8');
    if (lambda.split(loader).length !== 2)
      throw new Error(`the Lambda bundle's chunk loader is not the one expected (${loader}): ncc changed, update scripts/bundle.mjs`);
    writeFileSync(at('server/lambda.js'), lambda.replace(loader, 'return "" + chunkId + ".lambda.js";'));
    for (const f of readdirSync(at('lambda')))
      if (CHUNK.test(f)) renameSync(path.join(at('lambda'), f), at(`server/${f.replace(/\.index\.js$/, '.lambda.js')}`));
    // One licences file for both: the Lambda loads the same app, so its packages are the server's.
    const serverPackages = packagesOf(at('server-stats.json'));
    const extra = [...packagesOf(at('lambda-stats.json'))].filter((p) => !serverPackages.has(p));
    if (extra.length > 0)
      throw new Error(
        `app/lambda.ts bundles packages the server does not (${extra.join(', ')}): dist/app/licenses.txt would not list them`,
      );
    for (const f of ['index.js', 'lambda.js', 'licenses.txt'])
      if (!existsSync(at(`server/${f}`))) throw new Error(`ncc produced no dist/app/${f}`);
    if (JSON.parse(readFileSync(at('server/package.json'), 'utf8')).type !== 'module')
      throw new Error('dist/app/package.json does not say "type": "module"');
  }

  // Every build succeeded: now dist/ changes.
  if (wanted.length === TARGETS.length) rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist', { recursive: true });
  if (wanted.includes('action')) {
    // dist/ itself: only its own files go (dist/cli and dist/app stay).
    for (const f of readdirSync('dist', { withFileTypes: true })) if (f.isFile()) rmSync(path.join('dist', f.name));
    cpSync(at('action'), 'dist', { recursive: true });
  }
  if (wanted.includes('cli')) {
    rmSync('dist/cli', { recursive: true, force: true });
    cpSync(at('cli'), 'dist/cli', { recursive: true });
  }
  if (wanted.includes('app')) {
    rmSync('dist/app', { recursive: true, force: true });
    cpSync(at('server'), 'dist/app', { recursive: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(ENTRIES, { recursive: true, force: true });
}
