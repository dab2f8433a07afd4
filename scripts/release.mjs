// Cuts a release: `npm run release -- <version> [--skip-tests] [--skip-bundle-check]`.
//
// Checks, before it changes anything (every problem of the first group is listed at once):
//   - <version> is a semantic version MAJOR.MINOR.PATCH (optionally -PRERELEASE), greater than package.json's;
//   - the working tree is clean, HEAD is the default branch, and the tag v<version> does not exist yet;
//   - CHANGELOG.md (Keep a Changelog) has entries under `## [Unreleased]`;
//   - `npm run bundle` leaves dist/ unchanged (dist/ is committed and is what `uses: …@v1` and the CLI run);
//   - `npm test` passes.
// Then it moves the Unreleased entries under `## [<version>] - <date>` (UTC), sets the version in
// package.json and package-lock.json, commits "Release v<version>", creates the annotated tag
// v<version> and moves the major tag (v1) to the release commit with `git tag -f`, as actions/*
// repositories do (not for a prerelease). It never pushes: it prints the `git push` commands.
//
// --skip-tests and --skip-bundle-check exist for trying the script out (its tests run it in a temporary
// clone, which has no node_modules to bundle with); a real release runs both checks.
//
// Plain Node with no npm dependencies. Exit codes: 0 released, 1 refused (nothing changed) or failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const USAGE =
  'usage: npm run release -- <version> [--skip-tests] [--skip-bundle-check]   (version: MAJOR.MINOR.PATCH such as 1.0.0, optionally -PRERELEASE such as 1.0.0-rc.1)';
const VERSION_FORM =
  'a semantic version MAJOR.MINOR.PATCH such as 1.0.0, optionally with a prerelease such as 1.0.0-rc.1 (no leading "v", no build metadata)';
// semver.org's grammar, without build metadata (a "+" has no place in a git tag users pin).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;

const root = process.cwd();
const say = (message) => console.log(`release: ${message}`);

class Refusal extends Error {}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trimEnd();
}

function tryGit(...args) {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
}

/** The parts of a version for comparison, or undefined when it is not one. */
function parseVersion(text) {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ? match[4].split('.') : [] };
}

/** Semantic-version precedence: negative when a < b, 0 when equal, positive when a > b. */
function compareVersions(a, b) {
  for (const key of ['major', 'minor', 'patch']) if (a[key] !== b[key]) return a[key] - b[key];
  // A version without a prerelease ranks above the same version with one.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The changelog with the Unreleased entries moved under `## [<version>] - <date>`, an empty Unreleased
 * section above them, and the compare links at the bottom updated; or a Refusal when there is nothing
 * to release. Returns the new text and the released section's body (the tag's notes).
 */
function releaseChangelog(text, version, date) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^## \[Unreleased\]\s*$/i.test(line));
  if (start === -1)
    throw new Refusal('CHANGELOG.md has no "## [Unreleased]" section (Keep a Changelog format): add it with the changes of this release');
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end === -1) {
    // The last section: it ends where the link references begin.
    end = lines.findIndex((line, i) => i > start && /^(\[[^\]]+\]: |<!--)/.test(line));
    if (end === -1) end = lines.length;
  }
  const body = lines.slice(start + 1, end);
  if (!body.some((line) => /^\s*[-*] \S/.test(line))) {
    throw new Refusal(
      'CHANGELOG.md: "## [Unreleased]" has no entries: list the changes of this release under it (### Added, ### Changed, ### Fixed, …) first',
    );
  }
  while (body.length > 0 && body[0].trim() === '') body.shift();
  while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
  const released = [lines[start], '', `## [${version}] - ${date}`, '', ...body, ''];
  const out = [...lines.slice(0, start), ...released, ...lines.slice(end)];

  // Keep a Changelog's links: [Unreleased] compares the new tag with HEAD, and [<version>] the previous tag with the new one.
  const link = out.findIndex((line) => /^\[Unreleased\]: \S+\/compare\/\S+\.\.\.HEAD$/i.test(line));
  if (link !== -1) {
    const [, base, previous] = /^\[Unreleased\]: (\S+)\/compare\/(\S+)\.\.\.HEAD$/i.exec(out[link]);
    out.splice(link, 1, `[Unreleased]: ${base}/compare/v${version}...HEAD`, `[${version}]: ${base}/compare/${previous}...v${version}`);
  }
  return { text: out.join('\n'), notes: body.join('\n') };
}

function parseArgs(argv) {
  const options = { skipTests: false, skipBundleCheck: false, version: undefined };
  for (const arg of argv) {
    if (arg === '--skip-tests') options.skipTests = true;
    else if (arg === '--skip-bundle-check') options.skipBundleCheck = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Refusal(`unknown option "${arg}"\n${USAGE}`);
    else if (options.version !== undefined) throw new Refusal(`one version only; got "${options.version}" and "${arg}"\n${USAGE}`);
    else options.version = arg;
  }
  if (options.version === undefined) throw new Refusal(`no version given\n${USAGE}`);
  return options;
}

/** The branch releases are cut from: origin's HEAD (what a clone checks out), else main. */
function defaultBranch() {
  const remoteHead = tryGit('symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD');
  return remoteHead ? remoteHead.replace(/^origin\//, '') : 'main';
}

function readJson(file) {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
}

/** npm's own layout: two spaces and a final newline (what `npm install` writes back). */
function writeJson(file, value) {
  writeFileSync(path.join(root, file), `${JSON.stringify(value, null, 2)}\n`);
}

function checkStatic(options) {
  const problems = [];
  const pkg = readJson('package.json');
  const version = options.version;
  const parsed = parseVersion(version);
  if (!parsed) {
    problems.push(`version: expected ${VERSION_FORM}; got "${version}"`);
  } else {
    const current = parseVersion(pkg.version);
    if (current && compareVersions(parsed, current) <= 0) {
      const next = current.prerelease.length > 0 ? [`${current.major}.${current.minor}.${current.patch}`] : [];
      next.push(
        `${current.major}.${current.minor}.${current.patch + 1}`,
        `${current.major}.${current.minor + 1}.0`,
        `${current.major + 1}.0.0`,
      );
      problems.push(
        `version: expected a semantic version greater than package.json's ${pkg.version}, such as ${next.slice(0, -1).join(', ')} or ${next.at(-1)}; got "${version}"`,
      );
    }
    if (tryGit('rev-parse', '--quiet', '--verify', `refs/tags/v${version}`)) problems.push(`the tag v${version} already exists`);
  }

  const dirty = git('status', '--porcelain=v1', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 20).join(', ') + (dirty.length > 20 ? ` and ${dirty.length - 20} more` : '');
    problems.push(`the working tree is not clean (${shown}): commit or remove these changes first`);
  }

  const branch = tryGit('symbolic-ref', '--quiet', '--short', 'HEAD');
  const expected = defaultBranch();
  if (branch === undefined) problems.push(`HEAD is detached: release from the default branch ${expected}`);
  else if (branch !== expected) problems.push(`on branch ${branch}: release from the default branch ${expected}`);

  let changelog;
  try {
    changelog = releaseChangelog(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version, today());
  } catch (error) {
    if (!(error instanceof Refusal) && error.code !== 'ENOENT') throw error;
    problems.push(error instanceof Refusal ? error.message : 'there is no CHANGELOG.md');
  }
  if (problems.length > 0)
    throw new Refusal(`refusing to release ${JSON.stringify(version)}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { pkg, parsed, branch, changelog };
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function npm(args, what) {
  say(`${what}: npm ${args.join(' ')}`);
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

function checkBundle() {
  const code = npm(['run', '-s', 'bundle'], 'checking that dist/ is fresh');
  if (code !== 0) throw new Refusal(`\`npm run bundle\` failed (exit ${code}): fix the build (after \`npm ci\`) and run the release again`);
  const changed = git('status', '--porcelain=v1', '--untracked-files=all', '--', 'dist')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  if (changed.length > 0) {
    throw new Refusal(
      `dist/ is stale: \`npm run bundle\` changed ${changed.join(', ')}. The rebuilt dist/ is in the working tree: commit it (review the sources, not the bundle) and run the release again`,
    );
  }
}

function release(options) {
  const { pkg, parsed, branch, changelog } = checkStatic(options);
  const version = options.version;
  if (options.skipBundleCheck) say('warning: --skip-bundle-check: dist/ was not rebuilt and compared (not for a real release)');
  else checkBundle();
  if (options.skipTests) say('warning: --skip-tests: the tests were not run (not for a real release)');
  else {
    const code = npm(['test'], 'running the tests');
    if (code !== 0) throw new Refusal(`\`npm test\` failed (exit ${code}): nothing was released`);
  }

  // Write the release.
  writeFileSync(path.join(root, 'CHANGELOG.md'), changelog.text);
  writeJson('package.json', { ...pkg, version });
  const files = ['CHANGELOG.md', 'package.json'];
  if (existsSync(path.join(root, 'package-lock.json'))) {
    const lock = readJson('package-lock.json');
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
    writeJson('package-lock.json', lock);
    files.push('package-lock.json');
  }
  git('add', '--', ...files);
  git('commit', '--quiet', '-m', `Release v${version}`);
  const commit = git('rev-parse', 'HEAD');
  const tag = `v${version}`;
  execFileSync('git', ['tag', '--annotate', '--cleanup=whitespace', '--file', '-', tag, commit], {
    cwd: root,
    input: `deploy-governor ${tag}\n\n${changelog.notes}\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  const remote = tryGit('config', '--get', `branch.${branch}.remote`) ?? 'origin';
  const push = [`git push ${remote} ${branch}`, `git push ${remote} ${tag}`];
  say(`committed ${commit.slice(0, 12)} "Release ${tag}" and tagged it ${tag}`);
  if (parsed.prerelease.length === 0) {
    const major = `v${parsed.major}`;
    const before = tryGit('rev-parse', '--quiet', '--verify', `refs/tags/${major}^{commit}`);
    git('tag', '--force', major, commit);
    say(before ? `moved ${major} from ${before.slice(0, 12)} to ${commit.slice(0, 12)}` : `created ${major} at ${commit.slice(0, 12)}`);
    push.push(`git push --force ${remote} ${major}`);
  } else {
    say(`${tag} is a prerelease: v${parsed.major} stays where it is`);
  }
  console.log(
    [
      '',
      'Nothing was pushed. To publish the release, run:',
      ...push.map((c) => `  ${c}`),
      '',
      `Then create the GitHub release from the tag (its notes are the changelog section): gh release create ${tag} --verify-tag --notes-from-tag`,
    ].join('\n'),
  );
}

try {
  release(parseArgs(process.argv.slice(2)));
} catch (error) {
  if (error instanceof Refusal) {
    console.error(`release: ${error.message}`);
    process.exit(1);
  }
  const stderr = error?.stderr ? `\n${String(error.stderr).trim()}` : '';
  console.error(`release: ${error?.message ?? error}${stderr}`);
  process.exit(1);
}
