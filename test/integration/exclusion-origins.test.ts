/**
 * When and by whom budget exclusions were added, read from the policy file's
 * history on the stateful GitHub stand-in (every request checked against
 * GitHub's OpenAPI description), then judged by the core's audit rule: a pull
 * request merged on GitHub dates its exclusion, a backdated local commit does
 * not, an edit of the times is a new exclusion, a name planted in an old commit
 * does not make a new one old, and no access means no exclusion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubStateStandIn, type GitHubStateStandIn } from '../../scripts/lib/github-state-stand-in.js';
import { admitExclusions } from '../../src/core/exclusions/admit-exclusions.js';
import { occurrencesOverlapping } from '../../src/core/exclusions/excluded-intervals.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { parsePolicy } from '../../src/core/policy/load-policy.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { readExclusionOrigins } from '../../src/github/read-exclusion-origins.js';
import { createGitHubClient } from '../../src/github/rest-client.js';
import { checkGitHubRequest } from '../support/github-request-checker.js';

const PATH = '.github/deploy-governor.yml';
let gh: GitHubStateStandIn;

beforeAll(async () => {
  gh = await startGitHubStateStandIn({ app: { id: 4242, slug: 'deploy-governor' }, check: checkGitHubRequest });
});
afterAll(async () => {
  expect(gh.problems).toEqual([]);
  await gh?.stop();
});

const policyText = (items: string) => `dr: { enabled: false }\nexclusions:\n${items}`;
const item = (name: string, from: string, to: string) =>
  `  - { name: ${name}, reason: planned, kind: maintenance, from: "${from}", to: "${to}" }\n`;

/** A fresh repository whose collaborators have these roles. */
function repository(name: string, roles: Record<string, string>) {
  const repo = gh.state.repo('acme', name);
  for (const [login, role] of Object.entries(roles)) repo.collaborators.set(login, role);
  return repo;
}

/** A commit GitHub makes (a pull request merged on GitHub by `by`): committed by web-flow, signed, dated by GitHub. */
function merged(repo: ReturnType<typeof repository>, by: string, text: string) {
  return gh.state.commit(repo, {
    branch: 'main',
    changes: { [PATH]: text },
    by: gh.state.user(by),
    verified: true,
    message: 'Merge pull request',
  });
}

/** A commit pushed from someone's machine, its dates whatever their git client wrote. */
function pushed(repo: ReturnType<typeof repository>, by: string, text: string, date: string) {
  return gh.state.commit(repo, {
    branch: 'main',
    changes: { [PATH]: text },
    by: gh.state.user(by),
    verified: false,
    message: 'Add exclusion',
    gitAuthor: { date },
    gitCommitter: { date },
  });
}

async function origins(name: string, text: string) {
  const file = parsePolicy(text);
  const policy = resolvePolicy(file, gateInputsSchema.parse({}));
  const client = createGitHubClient('ghp_reader', gh.url);
  return {
    policy,
    found: await readExclusionOrigins(client, { owner: 'acme', repo: name, path: PATH, environment: 'production' }, policy.exclusions),
  };
}

describe('exclusion origins from the policy file’s history', () => {
  it('dates an exclusion by the merge GitHub made, and names who merged it with their role', async () => {
    const repo = repository('dated', { alice: 'write' });
    const text = policyText(item('db', '2030-01-01T00:00:00Z', '2030-01-01T02:00:00Z'));
    const commit = merged(repo, 'alice', text);
    merged(repo, 'alice', `${text}# a later, unrelated edit\n`);
    const { found } = await origins('dated', text);
    expect(found).toEqual({
      known: new Map([
        [
          'db',
          {
            addedAt: new Date(commit.gitCommitter.date),
            attested: true,
            addedBy: 'alice',
            role: { roleName: 'write', permission: 'write' },
          },
        ],
      ]),
    });
  });

  it('does not take a backdated local commit’s date: the retroactive exclusion of a writer is refused, an admin’s applies', async () => {
    const repo = repository('backdated', { mallory: 'write', root: 'admin' });
    const text = policyText(item('outage', '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z'));
    // Pushed after the outage with `git commit --date` set to the week before.
    pushed(repo, 'mallory', text, '2026-11-13T00:00:00Z');
    const { policy, found } = await origins('backdated', text);
    expect(found).toMatchObject({ known: new Map([['outage', { attested: false, addedBy: 'mallory' }]]) });
    const occurrences = occurrencesOverlapping(
      policy.exclusions,
      Date.parse('2026-11-01T00:00:00Z'),
      Date.parse('2026-11-29T00:00:00Z'),
      PATH,
    );
    expect(admitExclusions(occurrences, found, 'admin').map((j) => j.admission)).toEqual(['refused']);

    const repo2 = repository('backdated-admin', { root: 'admin' });
    pushed(repo2, 'root', text, '2026-11-13T00:00:00Z');
    const byAdmin = await origins('backdated-admin', text);
    expect(admitExclusions(occurrences, byAdmin.found, 'admin').map((j) => j.admission)).toEqual(['authorized-role']);
  });

  it('treats an edit of the times as a new exclusion, and a name planted in an old commit as no origin', async () => {
    const repo = repository('edited', { alice: 'write' });
    const first = policyText(item('db', '2030-01-01T00:00:00Z', '2030-01-01T02:00:00Z'));
    merged(repo, 'alice', first);
    // The interval is stretched later: what counts is when the new times were added.
    const stretched = policyText(item('db', '2030-01-01T00:00:00Z', '2030-01-01T06:00:00Z'));
    const edit = merged(repo, 'alice', stretched);
    const { found } = await origins('edited', stretched);
    expect('known' in found && found.known.get('db')!.addedAt).toEqual(new Date(edit.gitCommitter.date));

    // The file evaluated names an exclusion the branch's history does not have (a workspace edited before the gate ran).
    const planted = policyText(item('ghost', '2020-01-01T00:00:00Z', '2020-01-01T02:00:00Z'));
    const ghost = await origins('edited', planted);
    expect(ghost.found).toEqual({ known: new Map() });
  });

  it('knows nothing when the token cannot read the repository (every started interval is then refused)', async () => {
    gh.state.hidden.add('acme/secret');
    const { found } = await origins('secret', policyText(item('db', '2030-01-01T00:00:00Z', '2030-01-01T02:00:00Z')));
    expect(found).toEqual({ unavailable: expect.stringMatching(/GitHub answered 404 .* needs contents: read/) });
  });
});
