/**
 * scripts/release.mjs (`npm run release -- <version>`) on temporary clones of this repository, never on
 * the checkout itself. Each clone's origin is a bare repository that must stay untouched: the script
 * never pushes. A fixture commit fixes the starting point (version 0.1.0, a changelog with entries under
 * `## [Unreleased]`), so that the tests do not depend on where the repository's own release history is.
 *
 * `npm run bundle` cannot run in a clone (no node_modules, and ncc's output depends on where node_modules
 * is: CONTRIBUTING.md), and `npm test` takes minutes, so most runs pass --skip-bundle-check and
 * --skip-tests; the checks themselves run against stand-in `bundle` and `test` scripts committed in the
 * clone.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve('.');
const SCRIPT = path.join(ROOT, 'scripts/release.mjs');
const SKIP = ['--skip-tests', '--skip-bundle-check'];
const VERSION_FORM = 'a semantic version MAJOR.MINOR.PATCH such as 1.0.0';

/** git with no user or system configuration (no signing, no hooks path), and a fixed identity. */
const ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_cache$/i.test(key))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release-test@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release-test@example.com',
  npm_config_update_notifier: 'false',
};

const CHANGELOG = `# Changelog

All notable changes to deploy-governor are documented in this file.

## [Unreleased]

### Added

- The first thing.

### Fixed

- The second thing.

## [0.1.0] - 2026-11-25

### Added

- The first version.

<!-- A comment stays where it is. -->
[Unreleased]: https://github.com/deploy-governor/deploy-governor/compare/v0.1.0...HEAD
[0.1.0]: https://github.com/deploy-governor/deploy-governor/releases/tag/v0.1.0
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: ENV, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await run('git', args, cwd);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout.trimEnd();
}

const release = (cwd: string, ...args: string[]) => run(process.execPath, [SCRIPT, ...args], cwd);
const today = () => new Date().toISOString().slice(0, 10);

async function editJson(file: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function commitAll(cwd: string, message: string): Promise<void> {
  await git(cwd, 'add', '--all');
  await git(cwd, 'commit', '--quiet', '-m', message);
}

let work: string;
/** The bare repository every clone below comes from (its origin), with the fixture commit on main. */
let origin: string;
let fixture: string;
let clones = 0;

/** A fresh clone of origin, on main, with origin/HEAD set as a clone from GitHub has it. */
async function cloneOrigin(): Promise<string> {
  const dir = path.join(work, `clone-${++clones}`);
  await git(work, 'clone', '--quiet', origin, dir);
  return dir;
}

/** Everything observable that a refused release must leave as it was. */
async function snapshot(dir: string) {
  return {
    head: await git(dir, 'rev-parse', 'HEAD'),
    tags: await git(dir, 'tag', '--list'),
    status: await git(dir, 'status', '--porcelain'),
    changelog: await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8'),
    packageJson: await readFile(path.join(dir, 'package.json'), 'utf8'),
  };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dg-release-'));
  const seed = path.join(work, 'seed');
  await git(work, 'clone', '--quiet', ROOT, seed);
  await git(seed, 'checkout', '--quiet', '-B', 'main');
  await writeFile(path.join(seed, 'CHANGELOG.md'), CHANGELOG);
  await editJson(path.join(seed, 'package.json'), (pkg) => (pkg.version = '0.1.0'));
  await editJson(path.join(seed, 'package-lock.json'), (lock) => {
    lock.version = '0.1.0';
    (lock.packages as Record<string, { version?: string }>)['']!.version = '0.1.0';
  });
  await commitAll(seed, 'Test fixture: version 0.1.0 and a changelog with unreleased entries');
  fixture = await git(seed, 'rev-parse', 'HEAD');
  // Tags of the repository's own releases would collide with the ones these tests create.
  const tags = (await git(seed, 'tag', '--list')).split('\n').filter(Boolean);
  if (tags.length > 0) await git(seed, 'tag', '--delete', ...tags);
  origin = path.join(work, 'origin.git');
  await git(work, 'clone', '--quiet', '--bare', seed, origin);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm run release refuses, changing nothing', () => {
  it('is the package script `release`', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.release).toBe('node scripts/release.mjs');
  });

  it('a dirty working tree, naming the files', async () => {
    const dir = await cloneOrigin();
    await writeFile(path.join(dir, 'README.md'), 'changed\n');
    await writeFile(path.join(dir, 'notes.txt'), 'untracked\n');
    const before = await snapshot(dir);
    const result = await release(dir, '1.0.0', ...SKIP);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('release: refusing to release "1.0.0":');
    expect(result.stderr).toMatch(/the working tree is not clean \(README\.md, notes\.txt\): commit or remove these changes first/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('an invalid version, naming the value and the accepted form', async () => {
    const dir = await cloneOrigin();
    const before = await snapshot(dir);
    for (const version of ['v1.0.0', '1.0', '1.0.0.0', '01.0.0', '1.0.0+build.5', 'latest', '1.0.0-']) {
      const result = await release(dir, version, ...SKIP);
      expect(result.code, version).toBe(1);
      expect(result.stderr, version).toContain(
        `version: expected ${VERSION_FORM}, optionally with a prerelease such as 1.0.0-rc.1 (no leading "v", no build metadata); got "${version}"`,
      );
    }
    const none = await release(dir, ...SKIP);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^release: no version given\nusage: npm run release -- <version>/);
    expect((await release(dir, '1.0.0', '--skip-test')).stderr).toMatch(/^release: unknown option "--skip-test"\nusage:/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a version not greater than package.json’s, and one whose tag exists', async () => {
    const dir = await cloneOrigin();
    for (const version of ['0.1.0', '0.0.9', '0.1.0-rc.1']) {
      const result = await release(dir, version, ...SKIP);
      expect(result.code, version).toBe(1);
      expect(result.stderr, version).toContain(
        `version: expected a semantic version greater than package.json's 0.1.0, such as 0.1.1, 0.2.0 or 1.0.0; got "${version}"`,
      );
    }
    await git(dir, 'tag', 'v1.0.0');
    const before = await snapshot(dir);
    const tagged = await release(dir, '1.0.0', ...SKIP);
    expect(tagged.code).toBe(1);
    expect(tagged.stderr).toContain('the tag v1.0.0 already exists');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('off the default branch', async () => {
    const dir = await cloneOrigin();
    await git(dir, 'switch', '--quiet', '-c', 'feature');
    const result = await release(dir, '1.0.0', ...SKIP);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('on branch feature: release from the default branch main');
    await git(dir, 'switch', '--quiet', '--detach', 'main');
    expect((await release(dir, '1.0.0', ...SKIP)).stderr).toContain('HEAD is detached: release from the default branch main');
  });

  it('an empty Unreleased section (headings without entries), and lists every problem at once', async () => {
    const dir = await cloneOrigin();
    await writeFile(path.join(dir, 'CHANGELOG.md'), CHANGELOG.replace('- The first thing.\n', '').replace('- The second thing.\n', ''));
    await commitAll(dir, 'Nothing to release');
    const result = await release(dir, '1.0.0', ...SKIP);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHANGELOG.md: "## [Unreleased]" has no entries: list the changes of this release under it');
    await writeFile(path.join(dir, 'notes.txt'), 'x\n');
    const several = await release(dir, '0.1.0', ...SKIP);
    expect(several.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(3);
  });

  it('a stale dist/ (naming the files `npm run bundle` changed) and failing tests', async () => {
    const dir = await cloneOrigin();
    // Stand-ins for the real scripts: a bundle that changes dist/index.js, then one that changes nothing and tests that fail.
    await editJson(
      path.join(dir, 'package.json'),
      (pkg) =>
        ((pkg.scripts as Record<string, string>).bundle = `node -e "require('fs').appendFileSync('dist/index.js', '// rebuilt\\n')"`),
    );
    await commitAll(dir, 'A bundle that differs');
    const head = await git(dir, 'rev-parse', 'HEAD');
    const stale = await release(dir, '1.0.0', '--skip-tests');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      'release: dist/ is stale: `npm run bundle` changed dist/index.js. The rebuilt dist/ is in the working tree: commit it',
    );
    expect(await git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(dir, 'tag', '--list')).toBe('');
    await git(dir, 'checkout', '--quiet', '--', 'dist');

    await editJson(path.join(dir, 'package.json'), (pkg) => {
      const scripts = pkg.scripts as Record<string, string>;
      scripts.bundle = 'node -e ""';
      scripts.test = 'node -e "process.exit(7)"';
    });
    await commitAll(dir, 'A fresh bundle, failing tests');
    const failing = await release(dir, '1.0.0');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('release: `npm test` failed (exit 7): nothing was released');
    expect(await git(dir, 'tag', '--list')).toBe('');

    // Both checks pass: the release goes ahead without the skip flags.
    await editJson(path.join(dir, 'package.json'), (pkg) => ((pkg.scripts as Record<string, string>).test = 'node -e ""'));
    await commitAll(dir, 'Passing tests');
    const released = await release(dir, '1.0.0');
    expect(released.stderr).toBe('');
    expect(released.code).toBe(0);
    expect(released.stdout).not.toContain('warning');
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Release v1.0.0');
  });
});

describe('npm run release', () => {
  let dir: string;
  let first: string;

  beforeAll(async () => {
    dir = await cloneOrigin();
  });

  it('moves the Unreleased entries under the version, sets it, commits, tags it and creates v1; it pushes nothing', async () => {
    const dateBefore = today();
    const result = await release(dir, '1.0.0', ...SKIP);
    const dateAfter = today();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    first = await git(dir, 'rev-parse', 'HEAD');
    expect(await git(dir, 'rev-parse', 'HEAD^')).toBe(fixture);
    expect(await git(dir, 'log', '-1', '--format=%s')).toBe('Release v1.0.0');
    expect((await git(dir, 'show', '--name-only', '--format=', 'HEAD')).split('\n')).toEqual([
      'CHANGELOG.md',
      'package-lock.json',
      'package.json',
    ]);
    expect(await git(dir, 'status', '--porcelain')).toBe('');

    // The annotated tag, with the release notes, and the major tag on the release commit.
    expect(await git(dir, 'cat-file', '-t', 'v1.0.0')).toBe('tag');
    expect(await git(dir, 'rev-parse', 'v1.0.0^{commit}')).toBe(first);
    expect(await git(dir, 'tag', '--list', '--format=%(contents)', 'v1.0.0')).toBe(
      'deploy-governor v1.0.0\n\n### Added\n\n- The first thing.\n\n### Fixed\n\n- The second thing.',
    );
    expect(await git(dir, 'rev-parse', 'v1^{commit}')).toBe(first);

    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    const lock = JSON.parse(await readFile(path.join(dir, 'package-lock.json'), 'utf8')) as {
      version: string;
      packages: Record<string, { version: string }>;
    };
    expect([pkg.version, lock.version, lock.packages['']!.version]).toEqual(['1.0.0', '1.0.0', '1.0.0']);

    const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8');
    const date = /^## \[1\.0\.0\] - (\d{4}-\d\d-\d\d)$/m.exec(changelog)?.[1];
    expect([dateBefore, dateAfter]).toContain(date);
    expect(changelog).toBe(
      CHANGELOG.replace('## [Unreleased]\n\n', `## [Unreleased]\n\n## [1.0.0] - ${date}\n\n`).replace(
        '[Unreleased]: https://github.com/deploy-governor/deploy-governor/compare/v0.1.0...HEAD\n',
        '[Unreleased]: https://github.com/deploy-governor/deploy-governor/compare/v1.0.0...HEAD\n[1.0.0]: https://github.com/deploy-governor/deploy-governor/compare/v0.1.0...v1.0.0\n',
      ),
    );

    // Nothing pushed: origin is as it was, and the output says what to push.
    expect(await git(origin, 'tag', '--list')).toBe('');
    expect(await git(origin, 'rev-parse', 'main')).toBe(fixture);
    expect(result.stdout).toContain(
      [
        'Nothing was pushed. To publish the release, run:',
        '  git push origin main',
        '  git push origin v1.0.0',
        '  git push --force origin v1',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toContain('gh release create v1.0.0 --verify-tag --notes-from-tag');
  });

  it('refuses to release again without new entries', async () => {
    const result = await release(dir, '1.0.1', ...SKIP);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"## [Unreleased]" has no entries');
  });

  it('a second release moves v1 and keeps v1.0.0; a prerelease leaves v1 alone', async () => {
    const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8');
    await writeFile(path.join(dir, 'CHANGELOG.md'), changelog.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- A fix.\n'));
    await commitAll(dir, 'A fix');
    const result = await release(dir, '1.0.1', ...SKIP);
    expect(result.code).toBe(0);
    const second = await git(dir, 'rev-parse', 'HEAD');
    expect(await git(dir, 'rev-parse', 'v1^{commit}')).toBe(second);
    expect(await git(dir, 'rev-parse', 'v1.0.0^{commit}')).toBe(first);
    expect(await git(dir, 'rev-parse', 'v1.0.1^{commit}')).toBe(second);
    expect(result.stdout).toContain(`moved v1 from ${first.slice(0, 12)} to ${second.slice(0, 12)}`);
    const text = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8');
    expect(text).toMatch(/^## \[Unreleased\]\n\n## \[1\.0\.1\] - \d{4}-\d\d-\d\d\n\n### Fixed\n\n- A fix\.\n\n## \[1\.0\.0\] - /m);
    expect(text).toContain(
      '[Unreleased]: https://github.com/deploy-governor/deploy-governor/compare/v1.0.1...HEAD\n[1.0.1]: https://github.com/deploy-governor/deploy-governor/compare/v1.0.0...v1.0.1\n[1.0.0]: ',
    );

    await writeFile(
      path.join(dir, 'CHANGELOG.md'),
      text.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Changed\n\n- A breaking change.\n'),
    );
    await commitAll(dir, 'A breaking change');
    const rc = await release(dir, '2.0.0-rc.1', ...SKIP);
    expect(rc.code).toBe(0);
    expect(rc.stdout).toContain('v2.0.0-rc.1 is a prerelease: v2 stays where it is');
    expect(rc.stdout).not.toContain('git push --force');
    expect(await git(dir, 'rev-parse', 'v2.0.0-rc.1^{commit}')).toBe(await git(dir, 'rev-parse', 'HEAD'));
    expect(await git(dir, 'tag', '--list', 'v2')).toBe('');
    expect(await git(dir, 'rev-parse', 'v1^{commit}')).toBe(second);
    expect(await git(origin, 'tag', '--list')).toBe('');
  });
});
