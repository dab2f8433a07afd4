/**
 * The CLI as users install it, not as it sits in the checkout: `npm pack` of this repository installed
 * into an empty project, and the `npm install github:deploy-governor/deploy-governor#v1` path reproduced
 * from a local bare clone (`git+file://…/repo.git#v1`). Each installed `deploy-governor` prints the
 * version, gates against the suite's real Prometheus and generates the example's rules exactly as the
 * in-repo CLI does.
 *
 * Decisions this test holds in place (CONTRIBUTING.md, *Releasing*; README, *Install the CLI*):
 *
 * - **No `prepare` script.** npm prepares a git dependency whose package.json has any of the scripts
 *   `prepare`, `prepack`, `build`, `preinstall`, `install` or `postinstall` (or `workspaces`) by running a
 *   full `npm install`, devDependencies included, in the clone before packing it: on a user's machine
 *   that downloads some 700 packages, and here (everything cached) a `prepare` made the offline git
 *   install take 75 s instead of 12 s. dist/ is committed (CI fails when it is stale), so a tag already
 *   holds the built CLI and a git install needs no build: the git install below proves it, and a test
 *   fails as soon as one of those scripts appears.
 * - **Nothing else to install.** Every artifact the package ships is a bundle (the Action, the CLI; the
 *   app's bundle is left out of the package), so it declares no dependencies: everything is a
 *   devDependency. Until 2026-11-29 it declared the app's runtime dependencies, and installing the CLI
 *   brought 374 packages (about 240 MB) it never loads; a test below fails if any comes back.
 * - **Offline, from npm's cache.** Each empty project starts with the lockfile an application depending
 *   on deploy-governor would have: the production dependencies locked by the version being installed
 *   (none now; the working tree's lock for the tarball, the tag's for the git install), with its
 *   package.json `overrides`, which npm applies to the root project only. `npm install <tarball|git url>
 *   --offline` then resolves everything from the cache.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportSchema } from '../../src/core/report/report-schema.js';

const ROOT = path.resolve('.');
const EXAMPLE = path.join(ROOT, 'examples/checkout');

interface PackageJson {
  name: string;
  version: string;
  scripts?: Record<string, string>;
  workspaces?: unknown;
  bin?: Record<string, string>;
  overrides?: unknown;
}

interface LockEntry {
  dev?: boolean;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? cleanEnv(), timeout: options.timeout ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The environment without the npm_* variables of the `npm test` running this suite (its package, its lifecycle), which
 * would steer the npm commands below. The cache stays npm's own.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) || /^npm_config_cache$/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

async function mustRun(file: string, args: string[], cwd: string): Promise<string> {
  const result = await run(file, args, { cwd });
  if (result.code !== 0)
    throw new Error(`\`${file} ${args.join(' ')}\` in ${cwd} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * An empty project with the lockfile an application depending on deploy-governor would have: the locked
 * production dependencies of the package being installed (see the header), so that npm resolves them offline.
 */
async function emptyProject(dir: string, source: { packageJson: string; packageLock: string }): Promise<void> {
  const pkg = JSON.parse(source.packageJson) as PackageJson;
  const lock = JSON.parse(source.packageLock) as { packages: Record<string, LockEntry> };
  const root = { name: 'consumer', version: '1.0.0' };
  const packages: Record<string, unknown> = { '': root };
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev) packages[key] = entry;
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ ...root, private: true, ...(pkg.overrides ? { overrides: pkg.overrides } : {}) }, null, 2)}\n`,
  );
  await writeFile(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ ...root, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

/** `npm install <spec> --offline` into an empty project; returns how long it took (ms). */
async function installOffline(dir: string, spec: string, source: { packageJson: string; packageLock: string }): Promise<number> {
  await emptyProject(dir, source);
  const started = Date.now();
  const result = await run('npm', ['install', spec, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    timeout: 150_000,
  });
  if (result.code !== 0) {
    throw new Error(
      `npm install ${spec} --offline failed (exit ${result.code}). ENOTCACHED means a package is missing from npm's cache: run \`npm ci\` in the repository (it fills the cache), or the lockfile and package.json disagree.\n${result.stderr}`,
    );
  }
  return Date.now() - started;
}

const scenario = (name: string) => [
  '--error-query',
  `sum(increase(http_requests_total{scenario="${name}",status=~"5.."}[{{window}}]))`,
  '--total-query',
  `sum(increase(http_requests_total{scenario="${name}"}[{{window}}]))`,
  '--dr-check',
  'false',
];

let work: string;
let tarball: string;
let packedFiles: string[];
/** What the in-repo CLI (the sources, through tsx) generates for examples/checkout. */
let referenceRules: string;
const installs: { name: string; dir: string; version: string; ms: number }[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dg-cli-install-'));
  const started = Date.now();

  // The tarball npm would publish.
  const packed = JSON.parse(await mustRun('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = path.join(work, packed[0]!.filename);
  packedFiles = packed[0]!.files.map((f) => f.path);
  const here = {
    packageJson: await readFile(path.join(ROOT, 'package.json'), 'utf8'),
    packageLock: await readFile(path.join(ROOT, 'package-lock.json'), 'utf8'),
  };

  // What `npm install github:deploy-governor/deploy-governor#v1` fetches, from a local bare clone: the
  // committed tree at a tag (a clone carries no uncommitted files, as GitHub does not).
  const repo = path.join(work, 'repo.git');
  await mustRun('git', ['clone', '--quiet', '--bare', ROOT, repo], work);
  await mustRun('git', ['tag', '--force', 'v1', 'HEAD'], repo);
  const atTag = {
    packageJson: await mustRun('git', ['show', 'v1:package.json'], repo),
    packageLock: await mustRun('git', ['show', 'v1:package-lock.json'], repo),
  };

  const reference = path.join(work, 'reference.rules.yml');
  const [tarballMs, gitMs] = await Promise.all([
    installOffline(path.join(work, 'from-tarball'), tarball, here),
    installOffline(path.join(work, 'from-git'), `git+file://${repo}#v1`, atTag),
    mustRun(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'generate', 'rules', '--out', reference], EXAMPLE),
  ]);
  referenceRules = await readFile(reference, 'utf8');
  const versionOf = (source: { packageJson: string }) => (JSON.parse(source.packageJson) as PackageJson).version;
  installs.push(
    { name: 'tarball', dir: path.join(work, 'from-tarball'), version: versionOf(here), ms: tarballMs },
    { name: 'git', dir: path.join(work, 'from-git'), version: versionOf(atTag), ms: gitMs },
  );
  console.log(
    `[cli-install] packed and installed in ${Date.now() - started} ms (npm install: tarball ${tarballMs} ms, git ${gitMs} ms, in parallel)`,
  );
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('holds the bundles, the action, the schemas and the documents, and no sources', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'action.yml',
      'dist/index.js',
      'dist/cli/index.js',
      'dist/cli/package.json',
      'schema/deploy-governor.schema.json',
      'schema/report.schema.json',
    ]) {
      expect(packedFiles, file).toContain(file);
    }
    expect(packedFiles.filter((f) => /^(src|app|test|scripts|examples|docs|node_modules|\.cache|\.github|dist\/app)\//.test(f))).toEqual(
      [],
    );
  });

  it('has no script that makes npm build a git dependency (the installs from git need none: dist/ is committed)', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
    const preparing = ['prepare', 'prepack', 'build', 'preinstall', 'install', 'postinstall'].filter((s) => pkg.scripts?.[s] !== undefined);
    expect(preparing, 'npm would run a full `npm install` (devDependencies, network) in every git install of the package').toEqual([]);
    expect(pkg.workspaces).toBeUndefined();
  });

  it('runs the CLI from the unpacked tarball with no node_modules at all: the bundle is self-contained', async () => {
    const dir = path.join(work, 'unpacked');
    await mkdir(dir);
    await mustRun('tar', ['-xzf', tarball, '-C', dir], dir);
    const bin = path.join(dir, 'package/dist/cli/index.js');
    const env = { PATH: process.env.PATH ?? '', NODE_PATH: '' };
    const check = await run(
      process.execPath,
      [bin, 'check', '--json', '--prometheus-url', inject('prometheusUrl'), ...scenario('warning')],
      { cwd: dir, env },
    );
    expect(check.stderr).toBe('');
    expect(check.code).toBe(1);
    expect(reportSchema.parse(JSON.parse(check.stdout)).decision.status).toBe('WARNING');
    const out = path.join(dir, 'rules.yml');
    expect((await run(process.execPath, [bin, 'generate', 'rules', '--out', out], { cwd: EXAMPLE, env })).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(referenceRules);
  });
});

describe.each(['tarball', 'git'])('deploy-governor installed from the %s', (name) => {
  const install = () => installs.find((i) => i.name === name)!;
  const bin = () => path.join(install().dir, 'node_modules/.bin/deploy-governor');

  it('installs the bin with the package version, and `npx deploy-governor --version` prints it', async () => {
    const { dir, version } = install();
    const installed = JSON.parse(await readFile(path.join(dir, 'node_modules/deploy-governor/package.json'), 'utf8')) as PackageJson;
    expect(installed).toMatchObject({ name: 'deploy-governor', version, bin: { 'deploy-governor': 'dist/cli/index.js' } });
    expect(existsSync(path.join(dir, 'node_modules/deploy-governor/dist/cli/index.js'))).toBe(true);
    // The bundles need nothing: the install brings no other package.
    expect((await readdir(path.join(dir, 'node_modules'))).filter((d) => d !== '.bin' && d !== '.package-lock.json')).toEqual([
      'deploy-governor',
    ]);
    expect(await run('npx', ['--offline', 'deploy-governor', '--version'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: `${version}\n`,
    });
  });

  it('gates against the real Prometheus with the exit code of the status', async () => {
    const { dir } = install();
    const env = { PATH: process.env.PATH ?? '', PROMETHEUS_URL: inject('prometheusUrl') };
    const blocked = await run(bin(), ['check', '--json', ...scenario('exhausted')], { cwd: dir, env });
    expect(blocked.stderr).toBe('');
    expect(blocked.code).toBe(3);
    const report = reportSchema.parse(JSON.parse(blocked.stdout));
    expect(report.decision).toMatchObject({ status: 'EXHAUSTED', canDeploy: false });
    const allowed = await run(bin(), ['check', '--quiet', ...scenario('normal')], { cwd: dir, env });
    expect(allowed).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('generates the rules of examples/checkout exactly as the in-repo CLI does', async () => {
    const out = path.join(install().dir, 'deploy-governor.rules.yml');
    const result = await run(bin(), ['generate', 'rules', '--out', out], { cwd: EXAMPLE, env: { PATH: process.env.PATH ?? '' } });
    expect(result).toEqual({ code: 0, stdout: `wrote ${out}\n`, stderr: '' });
    const generated = await readFile(out, 'utf8');
    expect(generated).toBe(referenceRules);
  });
});
