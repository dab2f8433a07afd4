/**
 * A stateful, in-memory stand-in for the GitHub REST API on loopback, for the
 * real app server under load (`npm run bench`) and its scale and fault tests.
 *
 * It keeps repositories, issues (pull requests are issues too, as on GitHub),
 * issue comments, files on branches (with the contents API's sha rules) and the
 * commits that wrote them, check runs, workflow runs and collaborators, and
 * answers the operations the app and the CLI use.
 *
 * Commits: every branch has a history (sha, parent, author, git identities,
 * GitHub's verification, message, a snapshot of the branch's files). A write
 * through the API is a commit authored by `<slug>[bot]` and verified when the
 * caller authenticated as the app and sent no custom author or committer, as
 * GitHub signs those; otherwise by the token's user, unverified. Tests tamper
 * through GitHubState's helpers (commit as a person, delete, force-push).
 *
 * Every request is counted, handed to `check` (the OpenAPI checker) and may
 * meet an injected fault. GET answers carry a weak ETag (a hash of the token and
 * the JSON body: GitHub's ETags also change with the token) and a GET whose
 * `If-None-Match` names the current one is answered 304 with no body, counted
 * apart from the quota-counted requests, as GitHub does. One route table, grouped by resource: adding a
 * resource is one more group of `route(...)` lines over `RepoState`.
 *
 * Paths are served with and without GitHub Enterprise Server's `/api/v3` prefix.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// ---------------------------------------------------------------- state

export interface Label {
  id: number;
  name: string;
}

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** The app as GitHub shows it in `performed_via_github_app` (the OpenAPI `integration` shape). */
export interface AppInfo {
  id: number;
  slug: string;
  node_id: string;
  name: string;
  owner: { login: string; id: number; type: 'Organization' };
  description: string | null;
  external_url: string;
  html_url: string;
  created_at: string;
  updated_at: string;
  permissions: Record<string, string>;
  events: string[];
}

/** A git author or committer line. */
export interface GitIdentity {
  name: string;
  email: string;
  date: string;
}

export interface CommitState {
  sha: string;
  /** Parent shas (none for a repository's first commit). */
  parents: string[];
  /** The account GitHub attributes the commit to (`author.login`); null when its email matches none. */
  author: User | null;
  committer: User | null;
  gitAuthor: GitIdentity;
  gitCommitter: GitIdentity;
  message: string;
  /** GitHub's signature check: the app's API commits are signed by GitHub, anything with a custom author is not. */
  verification: { verified: boolean; reason: string; verifiedAt: string | null };
  /** The branch's files at this commit (path → text); unchanged files share their strings with the parent's. */
  tree: Map<string, string>;
  treeSha: string;
}

export interface Issue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: Label[];
  user: User;
  assignees: User[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Set on pull requests (GitHub lists them among issues). */
  pull_request?: { url: string; merged_at: string | null };
  /** Integer ids of sub-issues, in order. */
  sub_issue_ids: number[];
  /** Set by GitHub when an app opened the issue; null for people. */
  performed_via_github_app: AppInfo | null;
}

export interface Comment {
  id: number;
  node_id: string;
  issue_number: number;
  body: string;
  user: User;
  performed_via_github_app: AppInfo | null;
  created_at: string;
  updated_at: string;
}

interface WorkflowRun {
  id: number;
  event: string;
  head_sha: string;
  run_attempt: number;
  actor: string;
  approvals: { state: 'approved' | 'rejected'; user: string; environments: string[] }[];
  /** Held deployments: the branch, the start, and the environments waiting on a protection rule (set: the run is `waiting`). */
  head_branch?: string;
  run_started_at?: string;
  pending?: Set<string>;
}

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  /** Branch name → head commit sha. */
  branches: Map<string, string>;
  /**
   * `${branch}:${path}` → file text at the branch head (the blob sha is derived from it). Commits keep it in
   * step; a test may set a file here directly, outside history (the next commit on that branch includes it).
   */
  files: Map<string, string>;
  /** Every commit, by sha. */
  commits: Map<string, CommitState>;
  /** Every file version ever committed, by blob sha (what the blob API serves). */
  blobs: Map<string, string>;
  issues: Map<number, Issue>;
  comments: Map<number, Comment>;
  /** Commit sha → pull-request numbers it belongs to. */
  commitPulls: Map<string, number[]>;
  runs: Map<number, WorkflowRun>;
  checkRuns: Map<number, Record<string, unknown>>;
  /** Branches whose rules refuse direct writes (GitHub answers 409 "Repository rule violations found"). */
  protectedBranches: Set<string>;
  /** Login → role name (admin, maintain, write, triage, read). */
  collaborators: Map<string, string>;
  /** Blob shas that a PUT sent when they were already stale (answered 409). */
  staleShas: Set<string>;
  /** PUTs that resent a sha after it was answered 409 as stale: must stay 0. */
  staleResends: number;
  nextIssueNumber: number;
  // --- the fleet view (issue 15): what `deploy-governor fleet` reads besides files, issues and check runs
  /** Archived (listed with `archived: true`). */
  archived?: boolean;
  /** Environment name → slugs of the apps whose custom deployment protection rule it carries. */
  environments?: Map<string, string[]>;
  /** Every request about the repository answers 500 (a repository GitHub cannot serve right now). */
  unavailable?: boolean;
  // --- change classes (issue 16): who labelled what, and the deployments with their statuses
  /** Issue number → its `labeled` and `unlabeled` events, oldest first (as GitHub lists them). */
  issueEvents?: Map<number, IssueEventState[]>;
  /** Deployments, oldest first. */
  deployments?: DeploymentState[];
}

const now = () => new Date().toISOString();
const blobSha = (text: string) =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
const randomSha = (seed: string) => createHash('sha1').update(seed).digest('hex');

/** The git identity GitHub gives an account's commits (its noreply address). */
function identityOf(user: User, date: string): GitIdentity {
  return {
    name: user.login,
    email: user.type === 'Bot' ? `${user.id}+${user.login}@users.noreply.github.com` : `${user.login}@users.noreply.github.com`,
    date,
  };
}

/** Files of one branch in `files` (keys `${branch}:${path}`), as a path → text map. */
function branchFiles(repo: RepoState, branch: string): Map<string, string> {
  const prefix = `${branch}:`;
  const tree = new Map<string, string>();
  for (const [key, text] of repo.files) if (key.startsWith(prefix)) tree.set(key.slice(prefix.length), text);
  return tree;
}

/** Whether `path` (a file, or a directory and everything under it) differs between two snapshots, as GitHub's `path` filter asks. */
function touches(before: Map<string, string>, after: Map<string, string>, path: string): boolean {
  const under = (p: string) => p === path || p.startsWith(`${path.replace(/\/+$/, '')}/`);
  for (const [p, text] of after) if (under(p) && before.get(p) !== text) return true;
  for (const p of before.keys()) if (under(p) && !after.has(p)) return true;
  return false;
}

/** What a test commits with GitHubState.commitFile. */
export interface CommitFileOptions {
  branch: string;
  path: string;
  /** The new text; null deletes the file. */
  text: string | null;
  /** A person's login; absent: the app (authored by `<slug>[bot]`, verified, as its API writes are). */
  by?: string;
  /** Whether GitHub verified the signature (default: true for the app, false for a person). */
  verified?: boolean;
  message?: string;
}

export class GitHubState {
  readonly repos = new Map<string, RepoState>();
  /** `org/team-slug` → member logins. */
  readonly teams = new Map<string, Set<string>>();
  /** Node ids of pinned issues. */
  readonly pinned = new Set<string>();
  /** The app's one installation: every repository here is in it. */
  readonly installationId = 7331;
  /** People's tokens → their logins (any other token that is not the app's is octocat's). */
  readonly tokenLogins = new Map<string, string>();
  /** Repositories (lowercase `owner/name`) that no token can see: every request about them answers 404. */
  readonly hidden = new Set<string>();
  // --- freezes read by the Action and the CLI (issue 15): a token without `issues: read`
  /** Repositories (lowercase `owner/name`) whose issues no token may read: their issue routes answer 403. */
  readonly issuesForbidden = new Set<string>();
  /** The answers to deployment protection rules, in order: `owner/name`, the run, and the body sent. */
  readonly protectionAnswers: { repository: string; runId: number; body: Record<string, unknown> }[] = [];
  /** Commit comments (held deployments without a pull request): `owner/name`, the commit, the body. */
  readonly commitComments: { repository: string; sha: string; body: string }[] = [];
  private ids = 1_000_000;

  constructor(readonly app: { id: number; slug: string }) {}

  nextId(): number {
    return ++this.ids;
  }

  repo(owner: string, name: string): RepoState {
    const key = `${owner}/${name}`.toLowerCase();
    let repo = this.repos.get(key);
    if (!repo) {
      const rootSha = randomSha(`${key}:main`);
      repo = {
        id: this.nextId(),
        owner,
        name,
        defaultBranch: 'main',
        branches: new Map([['main', rootSha]]),
        files: new Map(),
        commits: new Map(),
        blobs: new Map(),
        issues: new Map(),
        comments: new Map(),
        commitPulls: new Map(),
        runs: new Map(),
        checkRuns: new Map(),
        collaborators: new Map(),
        protectedBranches: new Set(),
        staleShas: new Set(),
        staleResends: 0,
        nextIssueNumber: 1,
      };
      // The repository's first commit, empty: the history every branch starts from.
      const at = now();
      const creator = this.user(owner);
      repo.commits.set(rootSha, {
        sha: rootSha,
        parents: [],
        author: creator,
        committer: creator,
        gitAuthor: identityOf(creator, at),
        gitCommitter: identityOf(creator, at),
        message: 'Initial commit',
        verification: { verified: false, reason: 'unsigned', verifiedAt: null },
        tree: new Map(),
        treeSha: randomSha(`tree:${rootSha}`),
      });
      this.repos.set(key, repo);
    }
    return repo;
  }

  /** The app as `performed_via_github_app` shows it. */
  appInfo(): AppInfo {
    const { id, slug } = this.app;
    return {
      id,
      slug,
      node_id: `A_${id}`,
      name: slug,
      owner: { login: 'Codertocat', id: 21031067, type: 'Organization' },
      description: null,
      external_url: `https://github.com/apps/${slug}`,
      html_url: `https://github.com/apps/${slug}`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      permissions: { checks: 'read', contents: 'write', issues: 'write' },
      events: ['check_run', 'issues', 'issue_comment'],
    };
  }

  /** Who a request's token stands for: the app for an installation token (`ghs_`), else the person it was issued to. */
  tokenUser(authorization: string | undefined): User {
    const token = (authorization ?? '').replace(/^(token|bearer)\s+/i, '');
    if (token.startsWith('ghs_')) return this.appUser();
    return this.user(this.tokenLogins.get(token) ?? 'octocat');
  }

  // ------------------------------------------------------------ commits

  /**
   * Records one commit on `branch` that applies `changes` (path → text; null deletes) to the branch's files,
   * attributed to `by` and signed by GitHub when `verified`, and moves the branch to it.
   */
  commit(
    repo: RepoState,
    o: {
      branch: string;
      changes: Record<string, string | null>;
      by: User;
      verified: boolean;
      message: string;
      gitAuthor?: Partial<GitIdentity>;
      gitCommitter?: Partial<GitIdentity>;
    },
  ): CommitState {
    const parent = repo.branches.get(o.branch);
    if (!parent) throw new Error(`no branch ${o.branch} in ${repo.owner}/${repo.name}`);
    const tree = branchFiles(repo, o.branch);
    for (const [path, text] of Object.entries(o.changes)) {
      if (text === null) tree.delete(path);
      else {
        tree.set(path, text);
        repo.blobs.set(blobSha(text), text);
      }
    }
    const at = now();
    const sha = randomSha(`${repo.owner}/${repo.name}:${o.branch}:${parent}:${this.nextId()}`);
    const gitAuthor = { ...identityOf(o.by, at), ...o.gitAuthor };
    // What GitHub signs it also commits, as GitHub (the `web-flow` account); anything else is committed by its author.
    const commit: CommitState = {
      sha,
      parents: [parent],
      author: o.by,
      committer: o.verified ? this.user('web-flow') : o.by,
      gitAuthor,
      gitCommitter: o.verified ? { name: 'GitHub', email: 'noreply@github.com', date: at } : { ...gitAuthor, ...o.gitCommitter },
      message: o.message,
      verification: o.verified
        ? { verified: true, reason: 'valid', verifiedAt: at }
        : { verified: false, reason: 'unsigned', verifiedAt: null },
      tree,
      treeSha: randomSha(`tree:${sha}`),
    };
    repo.commits.set(sha, commit);
    this.moveBranch(repo, o.branch, sha);
    return commit;
  }

  /** Points `branch` at `sha` (creating it when new) and makes its files that commit's. */
  private moveBranch(repo: RepoState, branch: string, sha: string): void {
    const commit = repo.commits.get(sha);
    if (!commit) throw new Error(`no commit ${sha} in ${repo.owner}/${repo.name}`);
    for (const key of [...repo.files.keys()]) if (key.startsWith(`${branch}:`)) repo.files.delete(key);
    for (const [path, text] of commit.tree) repo.files.set(`${branch}:${path}`, text);
    repo.branches.set(branch, sha);
  }

  /** Creates `branch` at `sha`, as `POST git/refs` does: no commit, the same files. */
  createBranch(repo: RepoState, branch: string, sha: string): void {
    const from = [...repo.branches].find(([, head]) => head === sha)?.[0];
    repo.branches.set(branch, sha);
    // A branch head's files may hold files a test set outside history: the new branch starts with them too.
    const tree = from !== undefined ? branchFiles(repo, from) : (repo.commits.get(sha)?.tree ?? new Map<string, string>());
    for (const [path, text] of tree) repo.files.set(`${branch}:${path}`, text);
  }

  /** For tests: commits one file (or deletes it: `text: null`), as the app by default or as the person `by`. */
  commitFile(repo: RepoState, o: CommitFileOptions): CommitState {
    const by = o.by === undefined ? this.appUser() : this.user(o.by);
    if (o.text === null && this.fileText(repo, o.branch, o.path) === undefined) throw new Error(`no ${o.path} on ${o.branch} to delete`);
    return this.commit(repo, {
      branch: o.branch,
      changes: { [o.path]: o.text },
      by,
      verified: o.verified ?? o.by === undefined,
      message: o.message ?? `${o.text === null ? 'Delete' : 'Update'} ${o.path}`,
    });
  }

  /** For tests: a commit that deletes a file (by a person unless `by` is omitted). */
  deleteFile(repo: RepoState, o: Omit<CommitFileOptions, 'text'>): CommitState {
    return this.commitFile(repo, { ...o, text: null });
  }

  /** For tests: `git push --force` of `branch` to an older commit; the commits after it leave the branch's history. */
  forcePush(repo: RepoState, branch: string, sha: string): void {
    if (!repo.branches.has(branch)) throw new Error(`no branch ${branch} in ${repo.owner}/${repo.name}`);
    this.moveBranch(repo, branch, sha);
  }

  /** For tests: deletes a branch (its commits stay reachable by sha, as on GitHub until garbage collection). */
  deleteBranch(repo: RepoState, branch: string): void {
    for (const key of [...repo.files.keys()]) if (key.startsWith(`${branch}:`)) repo.files.delete(key);
    repo.branches.delete(branch);
  }

  /** The files at a branch (its head, including files set outside history) or a commit sha; undefined for an unknown ref. */
  treeAt(repo: RepoState, ref: string): Map<string, string> | undefined {
    if (repo.branches.has(ref)) return branchFiles(repo, ref);
    return repo.commits.get(ref)?.tree;
  }

  /** For tests: a file at a commit (or branch), or undefined. */
  fileAt(repo: RepoState, ref: string, path: string): string | undefined {
    return this.treeAt(repo, ref)?.get(path);
  }

  /** Commits reachable from a branch or commit through first parents, newest first (the stand-in makes no merges). */
  historyOf(repo: RepoState, ref: string): CommitState[] {
    const list: CommitState[] = [];
    let sha: string | undefined = repo.branches.get(ref) ?? ref;
    while (sha !== undefined) {
      const commit = repo.commits.get(sha);
      if (!commit) break;
      list.push(commit);
      sha = commit.parents[0];
    }
    return list;
  }

  /** Whether a commit changed `path` against its first parent. */
  changed(repo: RepoState, commit: CommitState, path: string): boolean {
    const parent = commit.parents[0] === undefined ? undefined : repo.commits.get(commit.parents[0]);
    return touches(parent?.tree ?? new Map(), commit.tree, path);
  }

  user(login: string): User {
    return { login, id: 1000 + [...login].reduce((a, c) => a + c.charCodeAt(0), 0), type: login.endsWith('[bot]') ? 'Bot' : 'User' };
  }

  /** The app's own identity, as GitHub shows it on what the app writes. */
  appUser(): User {
    return this.user(`${this.app.slug}[bot]`);
  }

  /** An issue; opened by the app (with `performed_via_github_app`) unless `user` is someone else. */
  addIssue(
    repo: RepoState,
    o: { title: string; body?: string | null; labels?: string[]; assignees?: string[]; user?: User; pullRequest?: boolean },
  ): Issue {
    const number = repo.nextIssueNumber++;
    const id = this.nextId();
    const at = now();
    const user = o.user ?? this.appUser();
    const issue: Issue = {
      id,
      node_id: `I_${id}`,
      number,
      title: o.title,
      body: o.body ?? null,
      state: 'open',
      state_reason: null,
      labels: (o.labels ?? []).map((name) => this.label(name)),
      user,
      assignees: (o.assignees ?? []).map((a) => this.user(a)),
      created_at: at,
      updated_at: at,
      closed_at: null,
      sub_issue_ids: [],
      performed_via_github_app: user.login === this.appUser().login ? this.appInfo() : null,
      ...(o.pullRequest ? { pull_request: { url: `/repos/${repo.owner}/${repo.name}/pulls/${number}`, merged_at: null } } : {}),
    };
    repo.issues.set(number, issue);
    return issue;
  }

  /** Held deployments: a workflow run waiting on `environments` (each until a protection rule answers it). */
  addWaitingRun(repo: RepoState, o: { id: number; sha: string; branch?: string; environments: string[]; startedAt?: string }): void {
    repo.runs.set(o.id, {
      id: o.id,
      event: 'push',
      head_sha: o.sha,
      run_attempt: 1,
      actor: 'octocat',
      approvals: [],
      head_branch: o.branch ?? 'main',
      run_started_at: o.startedAt ?? now(),
      pending: new Set(o.environments),
    });
  }

  /** A pull request whose head commit is `sha` (check runs on that commit name it). */
  addPullRequest(repo: RepoState, sha: string, title = 'A change'): Issue {
    const pr = this.addIssue(repo, { title, user: this.user('octocat'), pullRequest: true });
    repo.commitPulls.set(sha, [...(repo.commitPulls.get(sha) ?? []), pr.number]);
    return pr;
  }

  label(name: string): Label {
    return { id: 5000 + ([...name].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) % 100_000), name };
  }

  /** Comments this app wrote on an issue, oldest first. */
  appComments(repo: RepoState, issue: number): Comment[] {
    return [...repo.comments.values()]
      .filter((c) => c.issue_number === issue && c.performed_via_github_app?.id === this.app.id)
      .sort((a, b) => a.id - b.id);
  }

  fileText(repo: RepoState, branch: string, path: string): string | undefined {
    return repo.files.get(`${branch}:${path}`);
  }

  // ------------------------------------------------------------ pull requests' refs and commit statuses (the freeze status, issue 15)

  /** `owner/name#number` (lowercase) → a pull request's base branch and head (set by openPullRequest and movePullRequest). */
  readonly pullRefs = new Map<string, PullRefs>();
  /** `owner/name@sha` (lowercase) → the commit's statuses, oldest first. */
  readonly commitStatuses = new Map<string, CommitStatusState[]>();

  /** For tests: an open pull request from `headRef` (default `feature-<n>`) at `headSha` into `base`. */
  openPullRequest(repo: RepoState, o: { base: string; headSha: string; headRef?: string; title?: string }): Issue {
    const pr = this.addPullRequest(repo, o.headSha, o.title);
    this.pullRefs.set(`${repo.owner}/${repo.name}#${pr.number}`.toLowerCase(), {
      base: o.base,
      headSha: o.headSha,
      headRef: o.headRef ?? `feature-${pr.number}`,
    });
    return pr;
  }

  /** For tests: a push to a pull request's head branch (`headSha`) or a new base (`base`), as GitHub records them. */
  movePullRequest(repo: RepoState, number: number, o: { base?: string; headSha?: string }): void {
    const refs = this.pullRefsOf(repo, number);
    if (o.headSha !== undefined && o.headSha !== refs.headSha) {
      repo.commitPulls.set(o.headSha, [...(repo.commitPulls.get(o.headSha) ?? []), number]);
    }
    this.pullRefs.set(`${repo.owner}/${repo.name}#${number}`.toLowerCase(), { ...refs, ...o });
  }

  /** A pull request's refs; one added without them (addPullRequest) is into the default branch, at its first commit. */
  pullRefsOf(repo: RepoState, number: number): PullRefs {
    const set = this.pullRefs.get(`${repo.owner}/${repo.name}#${number}`.toLowerCase());
    if (set) return set;
    const sha = [...repo.commitPulls].find(([, numbers]) => numbers.includes(number))?.[0] ?? randomSha(`pull:${number}`);
    return { base: repo.defaultBranch, headSha: sha, headRef: `feature-${number}` };
  }

  /** The statuses of a commit, oldest first. */
  statusesOf(repo: RepoState, sha: string): CommitStatusState[] {
    return this.commitStatuses.get(`${repo.owner}/${repo.name}@${sha}`.toLowerCase()) ?? [];
  }

  /** Adds a status, as `POST statuses/{sha}` does (tests plant others' statuses with it). */
  addCommitStatus(repo: RepoState, sha: string, o: Omit<CommitStatusState, 'id' | 'created_at'>): CommitStatusState {
    const status = { ...o, id: this.nextId(), created_at: now() };
    this.commitStatuses.set(`${repo.owner}/${repo.name}@${sha}`.toLowerCase(), [...this.statusesOf(repo, sha), status]);
    return status;
  }

  // ------------------------------------------------------------ change classes (issue 16)

  /** Repositories (lowercase `owner/name`) whose deployments no token may read (a token without `deployments: read`): 403. */
  readonly deploymentsForbidden = new Set<string>();

  /** Adds a label as `by` does through `POST …/labels`: GitHub records a `labeled` event with them as its actor (none if already there). */
  labelIssue(repo: RepoState, issue: Issue, name: string, by: User): void {
    if (issue.labels.some((l) => l.name === name)) return;
    issue.labels.push(this.label(name));
    this.recordIssueEvent(repo, issue, 'labeled', name, by);
  }

  /** Removes a label as `by` does through `DELETE …/labels/{name}` (an `unlabeled` event); false when the issue has no such label. */
  unlabelIssue(repo: RepoState, issue: Issue, name: string, by: User): boolean {
    if (!issue.labels.some((l) => l.name === name)) return false;
    issue.labels = issue.labels.filter((l) => l.name !== name);
    this.recordIssueEvent(repo, issue, 'unlabeled', name, by);
    return true;
  }

  private recordIssueEvent(repo: RepoState, issue: Issue, event: IssueEventState['event'], label: string, actor: User): void {
    repo.issueEvents ??= new Map();
    const list = repo.issueEvents.get(issue.number) ?? [];
    list.push({ id: this.nextId(), event, label, actor, created_at: now() });
    repo.issueEvents.set(issue.number, list);
  }

  /**
   * For tests: the pull request that brought `sha` in, merged unless `merged: false` (then open), with `label`
   * applied by `labeller` (a `labeled` event of theirs, as when they add it in GitHub's interface).
   */
  addLabelledPullRequest(repo: RepoState, o: { sha: string; label: string; labeller: string; merged?: boolean; title?: string }): Issue {
    const pr = this.addPullRequest(repo, o.sha, o.title);
    if (o.merged !== false) {
      const at = now();
      pr.state = 'closed';
      pr.closed_at = at;
      pr.pull_request!.merged_at = at;
    }
    this.labelIssue(repo, pr, o.label, this.user(o.labeller));
    return pr;
  }

  /**
   * For tests: a deployment of `sha` to `environment` (as `POST …/deployments` by `creator`, default octocat: anyone
   * with write access can create one), with `statuses` added in order, oldest first.
   */
  addDeployment(
    repo: RepoState,
    o: { sha: string; environment: string; ref?: string; creator?: string; statuses?: DeploymentStatusState['state'][] },
  ): DeploymentState {
    const at = now();
    const deployment: DeploymentState = {
      id: this.nextId(),
      sha: o.sha,
      ref: o.ref ?? o.sha,
      environment: o.environment,
      creator: this.user(o.creator ?? 'octocat'),
      created_at: at,
      statuses: [],
    };
    (repo.deployments ??= []).push(deployment);
    for (const state of o.statuses ?? []) this.addDeploymentStatus(deployment, state, o.creator);
    return deployment;
  }

  /** For tests: a status of a deployment, as `POST …/deployments/{id}/statuses` by `creator` (default octocat). */
  addDeploymentStatus(deployment: DeploymentState, state: DeploymentStatusState['state'], creator?: string): DeploymentStatusState {
    const status = { id: this.nextId(), state, creator: this.user(creator ?? 'octocat'), created_at: now() };
    deployment.statuses.push(status);
    return status;
  }

  /** A branch name, a full commit sha or an unambiguous prefix of at least 7 characters, as GitHub resolves a ref; else undefined. */
  commitOf(repo: RepoState, ref: string): CommitState | undefined {
    const sha = repo.branches.get(ref) ?? ref;
    const exact = repo.commits.get(sha);
    if (exact || !/^[0-9a-f]{7,39}$/.test(ref)) return exact;
    const matches = [...repo.commits.keys()].filter((k) => k.startsWith(ref));
    return matches.length === 1 ? repo.commits.get(matches[0]!) : undefined;
  }

  /** A commit and every commit reachable from it through all its parents, nearest first (breadth-first). */
  reachableFrom(repo: RepoState, sha: string): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift()!;
      const commit = repo.commits.get(next);
      if (seen.has(next) || !commit) continue;
      seen.add(next);
      order.push(next);
      queue.push(...commit.parents);
    }
    return order;
  }
}

/** A `labeled` or `unlabeled` event of an issue (the events the change classes read). */
export interface IssueEventState {
  id: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: User;
  created_at: string;
}

/** A deployment and its statuses (oldest first). */
export interface DeploymentState {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  creator: User;
  created_at: string;
  statuses: DeploymentStatusState[];
}

export interface DeploymentStatusState {
  id: number;
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
  creator: User;
  created_at: string;
}

/** A pull request's base branch and head. */
export interface PullRefs {
  base: string;
  headSha: string;
  headRef: string;
}

/** One commit status. */
export interface CommitStatusState {
  id: number;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  context: string;
  target_url: string | null;
  creator: User;
  created_at: string;
}

// ---------------------------------------------------------------- serialization (what GitHub answers)

function issueJson(state: GitHubState, repo: RepoState, i: Issue): Record<string, unknown> {
  const base = `/repos/${repo.owner}/${repo.name}`;
  const { sub_issue_ids: subs, pull_request: pr, ...fields } = i;
  return {
    ...fields,
    url: `${base}/issues/${i.number}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/${pr ? 'pull' : 'issues'}/${i.number}`,
    repository_url: base,
    comments: [...repo.comments.values()].filter((c) => c.issue_number === i.number).length,
    sub_issues_summary: {
      total: subs.length,
      completed: subs.filter((id) => [...repo.issues.values()].find((x) => x.id === id)?.state === 'closed').length,
      percent_completed: 0,
    },
    ...(pr
      ? {
          pull_request: {
            url: pr.url,
            html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${i.number}`,
            merged_at: pr.merged_at,
          },
        }
      : {}),
    author_association: i.user.login === state.appUser().login ? 'NONE' : 'OWNER',
  };
}

function commentJson(repo: RepoState, c: Comment): Record<string, unknown> {
  return {
    ...c,
    url: `/repos/${repo.owner}/${repo.name}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/issues/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `/repos/${repo.owner}/${repo.name}/issues/${c.issue_number}`,
    author_association: 'NONE',
  };
}

function repoJson(repo: RepoState): Record<string, unknown> {
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner },
    private: false,
    default_branch: repo.defaultBranch,
    html_url: `https://github.com/${repo.owner}/${repo.name}`,
    archived: repo.archived ?? false,
  };
}

/** An account in the OpenAPI `simple-user` shape (commits answer it for `author` and `committer`). */
function simpleUserJson(u: User): Record<string, unknown> {
  const api = `/users/${u.login}`;
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    site_admin: false,
  };
}

/** A commit in the OpenAPI `commit` shape, as `GET /repos/{o}/{r}/commits` lists it. */
function commitJson(repo: RepoState, c: CommitState): Record<string, unknown> {
  const api = `/repos/${repo.owner}/${repo.name}`;
  const html = `https://github.com/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/commits/${c.sha}`,
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 16)}`,
    html_url: `${html}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: c.gitAuthor,
      committer: c.gitCommitter,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.treeSha, url: `${api}/git/trees/${c.treeSha}` },
      verification: c.verification.verified
        ? {
            verified: true,
            reason: c.verification.reason,
            signature: `-----BEGIN PGP SIGNATURE-----\n${c.sha}\n-----END PGP SIGNATURE-----\n`,
            payload: `tree ${c.treeSha}\n\n${c.message}`,
            verified_at: c.verification.verifiedAt,
          }
        : { verified: false, reason: c.verification.reason, signature: null, payload: null, verified_at: null },
    },
    author: c.author ? simpleUserJson(c.author) : null,
    committer: c.committer ? simpleUserJson(c.committer) : null,
    parents: c.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${html}/commit/${sha}` })),
  };
}

/** A tree in the OpenAPI `git-tree` shape: top-level entries, or every entry with `recursive`. */
function treeJson(repo: RepoState, sha: string, files: Map<string, string>, recursive: boolean): Record<string, unknown> {
  const api = `/repos/${repo.owner}/${repo.name}`;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [path, text] of files) {
    const parts = path.split('/');
    // Directories first (git lists them as trees), then the file.
    for (let depth = 1; depth < parts.length && (recursive || depth === 1); depth++) {
      const dir = parts.slice(0, depth).join('/');
      if (!entries.has(dir))
        entries.set(dir, {
          path: dir,
          mode: '040000',
          type: 'tree',
          sha: randomSha(`dir:${sha}:${dir}`),
          url: `${api}/git/trees/${randomSha(`dir:${sha}:${dir}`)}`,
        });
    }
    if (recursive || parts.length === 1) {
      const blob = blobSha(text);
      entries.set(path, { path, mode: '100644', type: 'blob', sha: blob, size: Buffer.byteLength(text), url: `${api}/git/blobs/${blob}` });
    }
  }
  const tree = [...entries.values()].sort((a, b) => (String(a.path) < String(b.path) ? -1 : 1));
  return { sha, url: `${api}/git/trees/${sha}`, tree, truncated: false };
}

/** The fleet view (issue 15): an environment in the OpenAPI `environment` shape. */
function environmentJson(repo: RepoState, name: string): Record<string, unknown> {
  const id = 7000 + [...name].reduce((a, c) => a + c.charCodeAt(0), 0);
  return {
    id,
    node_id: `EN_${id}`,
    name,
    url: `/repos/${repo.owner}/${repo.name}/environments/${encodeURIComponent(name)}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  };
}

/** The fleet view (issue 15): a directory as the contents API lists it (its direct entries); null when no file is under it. */
function directoryListing(repo: RepoState, files: Map<string, string>, path: string): StandInReply | null {
  const prefix = `${path.replace(/\/+$/, '')}/`;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [file, text] of files) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...deeper] = file.slice(prefix.length).split('/');
    const entryPath = `${prefix}${name}`;
    entries.set(entryPath, {
      type: deeper.length > 0 ? 'dir' : 'file',
      name,
      path: entryPath,
      sha: deeper.length > 0 ? randomSha(`dir:${entryPath}`) : blobSha(text),
      size: deeper.length > 0 ? 0 : Buffer.byteLength(text),
      url: `/repos/${repo.owner}/${repo.name}/contents/${entryPath}`,
    });
  }
  if (entries.size === 0) return null;
  return { status: 200, body: [...entries.values()].sort((a, b) => String(a.path).localeCompare(String(b.path))) };
}

/** A modelled run is `waiting` while an environment awaits its protection rule, then `in_progress`. */
function runStatus(run: WorkflowRun): 'waiting' | 'in_progress' {
  return run.pending && run.pending.size > 0 ? 'waiting' : 'in_progress';
}

/** A pull request in the OpenAPI `pull-request-simple` shape (the fields the app reads, and their neighbours). */
function pullJson(state: GitHubState, repo: RepoState, i: Issue): Record<string, unknown> {
  const refs = state.pullRefsOf(repo, i.number);
  const api = `/repos/${repo.owner}/${repo.name}`;
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: simpleUserJson(state.user(repo.owner)),
    repo: repoJson(repo),
  });
  return {
    url: `${api}/pulls/${i.number}`,
    id: i.id,
    node_id: `PR_${i.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${i.number}`,
    number: i.number,
    state: i.state,
    locked: false,
    title: i.title,
    user: simpleUserJson(i.user),
    body: i.body,
    labels: i.labels,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    merged_at: i.pull_request?.merged_at ?? null,
    draft: false,
    head: side(refs.headRef, refs.headSha),
    base: side(refs.base, repo.branches.get(refs.base) ?? randomSha(`base:${refs.base}`)),
    author_association: 'CONTRIBUTOR',
  };
}

/** A commit status in the OpenAPI `status` shape. */
function statusJson(repo: RepoState, sha: string, s: CommitStatusState): Record<string, unknown> {
  return {
    url: `/repos/${repo.owner}/${repo.name}/statuses/${sha}`,
    avatar_url: null,
    id: s.id,
    node_id: `SC_${s.id}`,
    state: s.state,
    description: s.description,
    target_url: s.target_url,
    context: s.context,
    created_at: s.created_at,
    updated_at: s.created_at,
    creator: simpleUserJson(s.creator),
  };
}

/** Change classes (issue 16): an issue's event in the OpenAPI `labeled-issue-event` (or `unlabeled-issue-event`) shape. */
function issueEventJson(state: GitHubState, repo: RepoState, e: IssueEventState): Record<string, unknown> {
  return {
    id: e.id,
    node_id: `LE_${e.id}`,
    url: `/repos/${repo.owner}/${repo.name}/issues/events/${e.id}`,
    actor: simpleUserJson(e.actor),
    event: e.event,
    commit_id: null,
    commit_url: null,
    created_at: e.created_at,
    performed_via_github_app: e.actor.login === state.appUser().login ? state.appInfo() : null,
    label: { name: e.label, color: 'ededed' },
  };
}

/** Change classes (issue 16): a deployment in the OpenAPI `deployment` shape. */
function deploymentJson(repo: RepoState, d: DeploymentState): Record<string, unknown> {
  const api = `/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: simpleUserJson(d.creator),
    created_at: d.created_at,
    updated_at: d.statuses.at(-1)?.created_at ?? d.created_at,
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: false,
    production_environment: d.environment === 'production',
    performed_via_github_app: null,
  };
}

/** Change classes (issue 16): a deployment status in the OpenAPI `deployment-status` shape. */
function deploymentStatusJson(repo: RepoState, d: DeploymentState, s: DeploymentStatusState): Record<string, unknown> {
  const api = `/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    creator: simpleUserJson(s.creator),
    description: '',
    environment: d.environment,
    target_url: '',
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${api}/deployments/${d.id}`,
    repository_url: api,
    environment_url: '',
    log_url: '',
    performed_via_github_app: null,
  };
}

// ---------------------------------------------------------------- routing

interface StandInRequest {
  method: string;
  /** Path without the `/api/v3` prefix and the query string. */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: Record<string, unknown>;
  /** True when the caller authenticated with an installation token (the app). */
  asApp: boolean;
  /** Who the token stands for: the app's bot account, or a person (see GitHubState.tokenUser). */
  user: User;
}

interface StandInReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Route {
  method: string;
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}`. */
  template: string;
  regex: RegExp;
  names: string[];
  handle: (req: StandInRequest, repo: RepoState | null) => StandInReply;
}

const notFound = (message = 'Not Found'): StandInReply => ({
  status: 404,
  body: { message, documentation_url: 'https://docs.github.com/rest' },
});
const unprocessable = (message: string): StandInReply => ({
  status: 422,
  body: { message, documentation_url: 'https://docs.github.com/rest' },
});

function compile(method: string, template: string, handle: Route['handle']): Route {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
    names.push(name);
    // A file path may contain slashes (Octokit sends them encoded, %2F, but a client need not).
    return name === 'path' ? '(.+)' : '([^/]+)';
  });
  return { method, template, regex: new RegExp(`^${pattern}$`), names, handle };
}

/** Page `items` as GitHub does (per_page default 30, at most 100; `page` from 1), with a Link header. */
function paginate<T>(req: StandInRequest, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30)));
  const page = Math.max(1, Number(req.query.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${req.path}?${q}>; rel="${rel}"`;
  };
  const rels = [
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
  ];
  return { items: items.slice((page - 1) * perPage, page * perPage), headers: rels.length ? { link: rels.join(', ') } : {} };
}

function buildRoutes(state: GitHubState): Route[] {
  const routes: Route[] = [];
  const route = (method: string, template: string, handle: Route['handle']) => routes.push(compile(method, template, handle));
  const issueOf = (repo: RepoState, n: string) => repo.issues.get(Number(n));
  const base = '/repos/{owner}/{repo}';

  // --- app authentication
  route('POST', '/app/installations/{installation_id}/access_tokens', (req) => ({
    status: 201,
    body: {
      token: `ghs_standin_${req.params.installation_id}`,
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      permissions: {},
    },
  }));

  // --- the app itself (with its JWT): its slug names its bot account, `<slug>[bot]`
  route('GET', '/app', () => ({ status: 200, body: { id: state.app.id, slug: state.app.slug, name: state.app.slug } }));

  // --- installations (one, holding every repository)
  route('GET', '/app/installations', () => ({
    status: 200,
    body: [{ id: state.installationId, account: { login: 'Codertocat' }, app_id: state.app.id }],
  }));
  route('GET', `${base}/installation`, () => ({ status: 200, body: { id: state.installationId, app_id: state.app.id } }));
  route('GET', '/installation/repositories', (req) => {
    const page = paginate(req, [...state.repos.values()]);
    return { status: 200, body: { total_count: state.repos.size, repositories: page.items.map(repoJson) }, headers: page.headers };
  });

  // --- GraphQL: the two operations the postmortem sweep sends (is an issue pinned; pin it)
  route('POST', '/graphql', (req) => {
    const query = String(req.body.query ?? '');
    const variables = (req.body.variables ?? {}) as Record<string, string>;
    const byNode = (id: string) => [...state.repos.values()].flatMap((r) => [...r.issues.values()]).find((i) => i.node_id === id);
    if (query.includes('pinIssue')) {
      const issue = byNode(variables.issueId ?? '');
      if (!issue)
        return {
          status: 200,
          body: {
            data: null,
            errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${variables.issueId}'` }],
          },
        };
      state.pinned.add(issue.node_id);
      return { status: 200, body: { data: { pinIssue: { issue: { number: issue.number } } } } };
    }
    // The fleet view (issue 15): who the token's account is, to find the fleet issue it opened.
    if (query.includes('viewer')) return { status: 200, body: { data: { viewer: { login: req.user.login } } } };
    if (query.includes('isPinned')) {
      const issue = byNode(variables.id ?? '');
      return { status: 200, body: { data: { node: issue ? { isPinned: state.pinned.has(issue.node_id) } : null } } };
    }
    return { status: 200, body: { errors: [{ message: 'the stand-in answers only isPinned, pinIssue and viewer' }] } };
  });

  // --- the authenticated user (the CLI's override actor); an installation token has none, as on GitHub
  route('GET', '/user', (req) =>
    req.asApp
      ? {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          },
        }
      : { status: 200, body: req.user },
  );

  // --- teams
  route('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', (req) =>
    state.teams.get(`${req.params.org}/${req.params.team_slug}`)?.has(req.params.username!)
      ? { status: 200, body: { state: 'active', role: 'member' } }
      : notFound(),
  );

  // --- repositories, branches, git refs
  route('GET', base, (_req, repo) => ({ status: 200, body: repoJson(repo!) }));
  route('GET', `${base}/branches/{branch}`, (req, repo) => {
    const sha = repo!.branches.get(req.params.branch!);
    const commit = sha ? repo!.commits.get(sha) : undefined;
    if (!sha || !commit) return notFound('Branch not found');
    return {
      status: 200,
      body: { name: req.params.branch, commit: commitJson(repo!, commit), protected: repo!.protectedBranches.has(req.params.branch!) },
    };
  });
  route('GET', `${base}/git/ref/{ref}`, (req, repo) => {
    const branch = req.params.ref!.replace(/^heads\//, '');
    const sha = req.params.ref!.startsWith('heads/') ? repo!.branches.get(branch) : undefined;
    return sha
      ? { status: 200, body: { ref: `refs/${req.params.ref}`, node_id: 'REF', url: '', object: { sha, type: 'commit', url: '' } } }
      : notFound();
  });
  route('POST', `${base}/git/refs`, (req, repo) => {
    const ref = String(req.body.ref ?? '');
    if (!ref.startsWith('refs/heads/')) return unprocessable('Reference name must start with refs/heads/ here');
    const branch = ref.slice('refs/heads/'.length);
    if (repo!.branches.has(branch)) return unprocessable('Reference already exists');
    if (!repo!.commits.has(String(req.body.sha))) return unprocessable('Object does not exist');
    state.createBranch(repo!, branch, String(req.body.sha));
    return { status: 201, body: { ref, node_id: 'REF', url: '', object: { sha: req.body.sha, type: 'commit', url: '' } } };
  });
  route('GET', `${base}/commits/{commit_sha}/pulls`, (req, repo) => {
    const numbers = repo!.commitPulls.get(req.params.commit_sha!) ?? [];
    const pulls = numbers.map((n) => repo!.issues.get(n)!).map((i) => pullJson(state, repo!, i));
    return { status: 200, body: paginate(req, pulls).items };
  });

  // --- commits: a branch's history, newest first; with `path`, only the commits that changed it (as GitHub filters)
  route('GET', `${base}/commits`, (req, repo) => {
    const ref = req.query.get('sha') ?? repo!.defaultBranch;
    if (!repo!.branches.has(ref) && !repo!.commits.has(ref)) return notFound(`No commit found for SHA: ${ref}`);
    const path = req.query.get('path');
    // `since` (the fleet's advisory counts, issue 16): commits whose committer date is at or after it, as GitHub filters.
    const since = req.query.get('since');
    const list = state
      .historyOf(repo!, ref)
      .filter((c) => path === null || state.changed(repo!, c, path))
      .filter((c) => since === null || Date.parse(c.gitCommitter.date) >= Date.parse(since));
    const page = paginate(req, list);
    return { status: 200, body: page.items.map((c) => commitJson(repo!, c)), headers: page.headers };
  });

  // --- contents (at a branch head or a commit; sha rules as GitHub's)
  route('GET', `${base}/contents/{path}`, (req, repo) => {
    const ref = req.query.get('ref') ?? repo!.defaultBranch;
    const tree = state.treeAt(repo!, ref);
    if (!tree) return notFound(`No commit found for the ref ${ref}`);
    const text = tree.get(req.params.path!);
    if (text === undefined) return directoryListing(repo!, tree, req.params.path!) ?? notFound();
    const size = Buffer.byteLength(text);
    const common = { type: 'file', name: req.params.path!.split('/').pop(), path: req.params.path, sha: blobSha(text), size };
    // Above 1 MB GitHub answers without content: the text is in the blob API.
    if (size > 1_000_000) return { status: 200, body: { ...common, encoding: 'none', content: '' } };
    return { status: 200, body: { ...common, encoding: 'base64', content: Buffer.from(text).toString('base64') } };
  });
  route('GET', `${base}/git/blobs/{file_sha}`, (req, repo) => {
    const committed = repo!.blobs.get(req.params.file_sha!);
    if (committed !== undefined)
      return {
        status: 200,
        body: {
          sha: req.params.file_sha,
          size: Buffer.byteLength(committed),
          encoding: 'base64',
          content: Buffer.from(committed).toString('base64'),
        },
      };
    // A file a test set outside history is only at a branch head.
    for (const text of repo!.files.values()) {
      if (blobSha(text) === req.params.file_sha)
        return {
          status: 200,
          body: {
            sha: req.params.file_sha,
            size: Buffer.byteLength(text),
            encoding: 'base64',
            content: Buffer.from(text).toString('base64'),
          },
        };
    }
    return notFound();
  });
  route('GET', `${base}/git/trees/{tree_sha}`, (req, repo) => {
    // A tree sha, or a commit sha or branch name (GitHub resolves those to their tree too).
    const wanted = req.params.tree_sha!;
    const commit = [...repo!.commits.values()].find((c) => c.treeSha === wanted) ?? repo!.commits.get(repo!.branches.get(wanted) ?? wanted);
    if (!commit) return notFound();
    const recursive = req.query.get('recursive');
    return {
      status: 200,
      body: treeJson(repo!, commit.treeSha, commit.tree, recursive !== null && recursive !== '0' && recursive !== 'false'),
    };
  });
  route('PUT', `${base}/contents/{path}`, (req, repo) => {
    const r = repo!;
    const branch = String(req.body.branch ?? r.defaultBranch);
    if (!r.branches.has(branch)) return notFound(`Branch ${branch} not found`);
    if (r.protectedBranches.has(branch))
      return {
        status: 409,
        body: {
          message: 'Repository rule violations found\n\nChanges must be made through a pull request.',
          documentation_url: 'https://docs.github.com/rest',
        },
      };
    const key = `${branch}:${req.params.path}`;
    const current = r.files.get(key);
    const sent = typeof req.body.sha === 'string' ? req.body.sha : undefined;
    if (sent !== undefined && r.staleShas.has(`${key}@${sent}`)) r.staleResends += 1;
    if (current !== undefined && sent === undefined) return unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
    if ((current === undefined && sent !== undefined) || (current !== undefined && sent !== blobSha(current))) {
      r.staleShas.add(`${key}@${sent}`);
      return {
        status: 409,
        body: { message: `${req.params.path} does not match ${sent}`, documentation_url: 'https://docs.github.com/rest' },
      };
    }
    const text = Buffer.from(String(req.body.content ?? ''), 'base64').toString('utf8');
    // GitHub signs what an app commits through the API as itself; a custom author or committer is not signed.
    const custom = typeof req.body.author === 'object' || typeof req.body.committer === 'object';
    const identity = (v: unknown): Partial<GitIdentity> =>
      typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).filter(([k]) => k === 'name' || k === 'email' || k === 'date'))
        : {};
    const commit = state.commit(r, {
      branch,
      changes: { [req.params.path!]: text },
      by: req.user,
      verified: req.asApp && !custom,
      message: String(req.body.message ?? ''),
      gitAuthor: identity(req.body.author),
      gitCommitter: identity(req.body.committer),
    });
    return {
      status: current === undefined ? 201 : 200,
      body: {
        content: { name: req.params.path!.split('/').pop(), path: req.params.path, sha: blobSha(text) },
        commit: { sha: commit.sha, message: commit.message },
      },
    };
  });

  // --- issues (pull requests included, as GitHub lists them)
  route('GET', `${base}/issues`, (req, repo) => {
    const wanted = req.query.get('state') ?? 'open';
    const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
    const list = [...repo!.issues.values()]
      .filter((i) => wanted === 'all' || i.state === wanted)
      .filter((i) => labels.every((l) => i.labels.some((x) => x.name === l)))
      .sort((a, b) => b.number - a.number);
    const page = paginate(req, list);
    return { status: 200, body: page.items.map((i) => issueJson(state, repo!, i)), headers: page.headers };
  });
  route('POST', `${base}/issues`, (req, repo) => {
    if (typeof req.body.title !== 'string' || req.body.title === '') return unprocessable('title is missing');
    const issue = state.addIssue(repo!, {
      title: req.body.title,
      body: typeof req.body.body === 'string' ? req.body.body : null,
      labels: ((req.body.labels as (string | { name: string })[] | undefined) ?? []).map((l) => (typeof l === 'string' ? l : l.name)),
      assignees: (req.body.assignees as string[] | undefined) ?? [],
      user: req.user,
    });
    return { status: 201, body: issueJson(state, repo!, issue) };
  });
  route('GET', `${base}/issues/{issue_number}`, (req, repo) => {
    const issue = issueOf(repo!, req.params.issue_number!);
    return issue ? { status: 200, body: issueJson(state, repo!, issue) } : notFound();
  });
  route('PATCH', `${base}/issues/{issue_number}`, (req, repo) => {
    const issue = issueOf(repo!, req.params.issue_number!);
    if (!issue) return notFound();
    const b = req.body;
    if (typeof b.title === 'string') issue.title = b.title;
    if (typeof b.body === 'string' || b.body === null) issue.body = b.body as string | null;
    if (Array.isArray(b.labels))
      issue.labels = (b.labels as (string | { name: string })[]).map((l) => state.label(typeof l === 'string' ? l : l.name));
    if (Array.isArray(b.assignees)) issue.assignees = (b.assignees as string[]).map((a) => state.user(a));
    if ((b.state === 'open' || b.state === 'closed') && b.state !== issue.state) {
      issue.state = b.state;
      issue.closed_at = b.state === 'closed' ? now() : null;
      issue.state_reason = b.state === 'closed' ? String(b.state_reason ?? 'completed') : 'reopened';
    }
    issue.updated_at = now();
    return { status: 200, body: issueJson(state, repo!, issue) };
  });
  route('POST', `${base}/issues/{issue_number}/labels`, (req, repo) => {
    const issue = issueOf(repo!, req.params.issue_number!);
    if (!issue) return notFound();
    // Each new label is a `labeled` event by the token's user (change classes, issue 16, read who applied one).
    for (const name of (req.body.labels as string[] | undefined) ?? []) state.labelIssue(repo!, issue, name, req.user);
    return { status: 200, body: issue.labels };
  });
  route('DELETE', `${base}/issues/{issue_number}/labels/{name}`, (req, repo) => {
    const issue = issueOf(repo!, req.params.issue_number!);
    if (!issue || !state.unlabelIssue(repo!, issue, req.params.name!, req.user)) return notFound('Label does not exist');
    return { status: 200, body: issue.labels };
  });

  // --- sub-issues (by the sub-issue's integer id, not its number)
  route('GET', `${base}/issues/{issue_number}/sub_issues`, (req, repo) => {
    const parent = issueOf(repo!, req.params.issue_number!);
    if (!parent) return notFound();
    const subs = parent.sub_issue_ids.map((id) => [...repo!.issues.values()].find((i) => i.id === id)!);
    return { status: 200, body: paginate(req, subs).items.map((i) => issueJson(state, repo!, i)) };
  });
  route('GET', `${base}/issues/{issue_number}/parent`, (req, repo) => {
    const child = issueOf(repo!, req.params.issue_number!);
    const parent = child && [...repo!.issues.values()].find((i) => i.sub_issue_ids.includes(child.id));
    return parent ? { status: 200, body: issueJson(state, repo!, parent) } : notFound();
  });
  route('POST', `${base}/issues/{issue_number}/sub_issues`, (req, repo) => {
    const parent = issueOf(repo!, req.params.issue_number!);
    if (!parent) return notFound();
    const child = [...repo!.issues.values()].find((i) => i.id === req.body.sub_issue_id);
    if (!child) return unprocessable('Sub issue not found (sub_issue_id is the issue id, not its number)');
    const taken = [...repo!.issues.values()].some((i) => i.sub_issue_ids.includes(child.id));
    if (taken && !req.body.replace_parent) return unprocessable('Sub issue may only have one parent');
    if (parent.sub_issue_ids.length >= 100) return unprocessable('Parent issue has reached the maximum number of sub-issues');
    for (const i of repo!.issues.values()) i.sub_issue_ids = i.sub_issue_ids.filter((id) => id !== child.id);
    parent.sub_issue_ids.push(child.id);
    return { status: 201, body: issueJson(state, repo!, parent) };
  });

  // --- issue comments
  route('GET', `${base}/issues/{issue_number}/comments`, (req, repo) => {
    if (!issueOf(repo!, req.params.issue_number!)) return notFound();
    const list = [...repo!.comments.values()].filter((c) => c.issue_number === Number(req.params.issue_number)).sort((a, b) => a.id - b.id);
    const page = paginate(req, list);
    return { status: 200, body: page.items.map((c) => commentJson(repo!, c)), headers: page.headers };
  });
  route('POST', `${base}/issues/{issue_number}/comments`, (req, repo) => {
    const issue = issueOf(repo!, req.params.issue_number!);
    if (!issue) return notFound();
    const id = state.nextId();
    const at = now();
    const comment: Comment = {
      id,
      node_id: `IC_${id}`,
      issue_number: issue.number,
      body: String(req.body.body ?? ''),
      user: req.user,
      performed_via_github_app: req.asApp ? state.appInfo() : null,
      created_at: at,
      updated_at: at,
    };
    repo!.comments.set(id, comment);
    return { status: 201, body: commentJson(repo!, comment) };
  });
  route('GET', `${base}/issues/comments/{comment_id}`, (req, repo) => {
    const c = repo!.comments.get(Number(req.params.comment_id));
    return c ? { status: 200, body: commentJson(repo!, c) } : notFound();
  });
  route('PATCH', `${base}/issues/comments/{comment_id}`, (req, repo) => {
    const c = repo!.comments.get(Number(req.params.comment_id));
    if (!c) return notFound();
    c.body = String(req.body.body ?? '');
    c.updated_at = now();
    return { status: 200, body: commentJson(repo!, c) };
  });
  route('DELETE', `${base}/issues/comments/{comment_id}`, (req, repo) =>
    repo!.comments.delete(Number(req.params.comment_id)) ? { status: 204 } : notFound(),
  );

  // --- checks
  route('POST', `${base}/check-runs`, (req, repo) => {
    const id = state.nextId();
    const run = { id, ...req.body, app: { id: state.app.id, slug: state.app.slug } };
    repo!.checkRuns.set(id, run);
    return { status: 201, body: run };
  });
  route('GET', `${base}/check-runs/{check_run_id}`, (req, repo) => {
    const run = repo!.checkRuns.get(Number(req.params.check_run_id));
    return run ? { status: 200, body: run } : notFound();
  });

  // --- actions: workflow runs, their approvals, deployment protection rules
  route('GET', `${base}/actions/runs/{run_id}`, (req, repo) => {
    const run = repo!.runs.get(Number(req.params.run_id));
    if (!run) return notFound();
    const actor = state.user(run.actor);
    return {
      status: 200,
      body: {
        id: run.id,
        event: run.event,
        head_sha: run.head_sha,
        run_attempt: run.run_attempt,
        ...(run.pending ? { head_branch: run.head_branch ?? null, run_started_at: run.run_started_at, status: runStatus(run) } : {}),
        html_url: `https://github.com/${repo!.owner}/${repo!.name}/actions/runs/${run.id}`,
        actor,
        triggering_actor: actor,
      },
    };
  });
  route('GET', `${base}/actions/runs/{run_id}/approvals`, (req, repo) => {
    const run = repo!.runs.get(Number(req.params.run_id));
    if (!run) return notFound();
    return {
      status: 200,
      body: run.approvals.map((a) => ({
        state: a.state,
        comment: '',
        user: state.user(a.user),
        environments: a.environments.map((name) => ({ name })),
      })),
    };
  });
  route('POST', `${base}/actions/runs/{run_id}/deployment_protection_rule`, (req, repo) => {
    // A run whose pending environments are modelled (held deployments) takes one answer per environment, as GitHub does.
    const pending = repo!.runs.get(Number(req.params.run_id))?.pending;
    if (pending && !pending.delete(String(req.body.environment_name))) return unprocessable('No pending custom deployment requests');
    state.protectionAnswers.push({ repository: `${repo!.owner}/${repo!.name}`, runId: Number(req.params.run_id), body: req.body });
    return { status: 204 };
  });

  // --- held deployments (issue 15): runs waiting on environments, their pending deployments, commit comments
  route('GET', `${base}/actions/runs`, (req, repo) => {
    const status = req.query.get('status');
    const runs = [...repo!.runs.values()]
      .filter((r) => r.pending && (status === null || runStatus(r) === status))
      .sort((a, b) => b.id - a.id);
    const page = paginate(req, runs);
    return {
      status: 200,
      body: {
        total_count: runs.length,
        workflow_runs: page.items.map((r) => ({
          id: r.id,
          head_sha: r.head_sha,
          head_branch: r.head_branch ?? null,
          run_started_at: r.run_started_at,
          created_at: r.run_started_at,
          html_url: `https://github.com/${repo!.owner}/${repo!.name}/actions/runs/${r.id}`,
          status: runStatus(r),
        })),
      },
      headers: page.headers,
    };
  });
  route('GET', `${base}/actions/runs/{run_id}/pending_deployments`, (req, repo) => {
    const run = repo!.runs.get(Number(req.params.run_id));
    if (!run) return notFound();
    return {
      status: 200,
      body: [...(run.pending ?? [])].map((name) => ({
        environment: environmentJson(repo!, name),
        wait_timer: 0,
        wait_timer_started_at: null,
        current_user_can_approve: false,
        reviewers: [],
      })),
    };
  });
  route('POST', `${base}/commits/{commit_sha}/comments`, (req, repo) => {
    const body = String(req.body.body ?? '');
    state.commitComments.push({ repository: `${repo!.owner}/${repo!.name}`, sha: req.params.commit_sha!, body });
    return { status: 201, body: { id: state.nextId(), body, commit_id: req.params.commit_sha, user: req.user } };
  });
  // --- pull requests and commit statuses (the freeze status on pull requests, issue 15)
  route('GET', `${base}/pulls`, (req, repo) => {
    const wanted = req.query.get('state') ?? 'open';
    const baseRef = req.query.get('base');
    const list = [...repo!.issues.values()]
      .filter((i) => i.pull_request && (wanted === 'all' || i.state === wanted))
      .filter((i) => baseRef === null || state.pullRefsOf(repo!, i.number).base === baseRef)
      .sort((a, b) => (req.query.get('direction') === 'desc' ? b.number - a.number : a.number - b.number));
    const page = paginate(req, list);
    return { status: 200, body: page.items.map((i) => pullJson(state, repo!, i)), headers: page.headers };
  });
  route('POST', `${base}/statuses/{sha}`, (req, repo) => {
    const sha = req.params.sha!;
    if (![...repo!.commitPulls.keys()].includes(sha) && !repo!.commits.has(sha)) return unprocessable(`No commit found for SHA: ${sha}`);
    const description = typeof req.body.description === 'string' ? req.body.description : null;
    // GitHub: "description is too long (maximum is 140 characters)"; at most 1,000 statuses per sha and context.
    if (description !== null && [...description].length > 140) return unprocessable('description is too long (maximum is 140 characters)');
    const context = typeof req.body.context === 'string' ? req.body.context : 'default';
    if (state.statusesOf(repo!, sha).filter((x) => x.context === context).length >= 1000)
      return unprocessable('This SHA and context has reached the maximum number of statuses.');
    const created = state.addCommitStatus(repo!, sha, {
      state: req.body.state as CommitStatusState['state'],
      description,
      context,
      target_url: typeof req.body.target_url === 'string' ? req.body.target_url : null,
      creator: req.user,
    });
    return { status: 201, body: statusJson(repo!, sha, created) };
  });
  route('GET', `${base}/commits/{ref}/statuses`, (req, repo) => {
    const page = paginate(req, [...state.statusesOf(repo!, req.params.ref!)].reverse());
    return { status: 200, body: page.items.map((x) => statusJson(repo!, req.params.ref!, x)), headers: page.headers };
  });

  // --- collaborators
  route('GET', `${base}/collaborators/{username}/permission`, (req, repo) => {
    const role = repo!.collaborators.get(req.params.username!);
    if (!role) return notFound();
    // The legacy scale: maintain shows as write, triage as read.
    const permission =
      ({ admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read' } as Record<string, string>)[role] ?? 'read';
    return { status: 200, body: { permission, role_name: role, user: state.user(req.params.username!) } };
  });

  // --- the fleet view (issue 15): organisation repositories, environments and their protection rules,
  //     check runs of a commit, waiting runs and their pending deployments
  route('GET', '/orgs/{org}/repos', (req) => {
    const owned = [...state.repos.values()]
      .filter((r) => r.owner.toLowerCase() === req.params.org!.toLowerCase())
      .sort((a, b) => a.name.localeCompare(b.name));
    if (owned.length === 0) return notFound();
    const page = paginate(req, owned);
    return { status: 200, body: page.items.map(repoJson), headers: page.headers };
  });
  route('GET', '/orgs/{org}/installation', () => ({ status: 200, body: { id: state.installationId, app_id: state.app.id } }));
  route('GET', `${base}/environments`, (req, repo) => {
    const names = [...(repo!.environments?.keys() ?? [])];
    const page = paginate(req, names);
    return {
      status: 200,
      body: { total_count: names.length, environments: page.items.map((name) => environmentJson(repo!, name)) },
      headers: page.headers,
    };
  });
  route('GET', `${base}/environments/{environment_name}/deployment_protection_rules`, (req, repo) => {
    const wanted = req.params.environment_name!.toLowerCase();
    const entry = [...(repo!.environments ?? new Map<string, string[]>())].find(([name]) => name.toLowerCase() === wanted);
    if (!entry) return notFound();
    const rules = entry[1].map((slug, i) => ({
      id: 3000 + i,
      node_id: `GA_${slug}`,
      enabled: true,
      app: { id: slug === state.app.slug ? state.app.id : 9000 + i, slug, integration_url: `/apps/${slug}`, node_id: `A_${slug}` },
    }));
    return { status: 200, body: { total_count: rules.length, custom_deployment_protection_rules: rules } };
  });
  route('GET', `${base}/commits/{ref}/check-runs`, (req, repo) => {
    const sha = repo!.branches.get(req.params.ref!) ?? req.params.ref!;
    const all = [...repo!.checkRuns.values()].filter((r) => r.head_sha === sha).sort((a, b) => Number(b.id) - Number(a.id));
    // filter=latest (the default): the most recent check run of each name.
    const latest = req.query.get('filter') === 'all' ? all : all.filter((r, i) => all.findIndex((x) => x.name === r.name) === i);
    const page = paginate(req, latest);
    return {
      status: 200,
      body: {
        total_count: latest.length,
        check_runs: page.items.map((r) => ({
          html_url: `https://github.com/${repo!.owner}/${repo!.name}/runs/${String(r.id)}`,
          completed_at: r.completed_at ?? null,
          ...r,
        })),
      },
      headers: page.headers,
    };
  });
  // --- change classes (issue 16): comparing commits, one commit, an issue's label events, deployments and their statuses
  route('GET', `${base}/compare/{basehead}`, (req, repo) => {
    const [baseRef, headRef, ...rest] = req.params.basehead!.split('...');
    const baseCommit = baseRef === undefined ? undefined : state.commitOf(repo!, baseRef);
    const headCommit = headRef === undefined ? undefined : state.commitOf(repo!, headRef);
    if (rest.length > 0 || !baseCommit || !headCommit) return notFound();
    const fromHead = state.reachableFrom(repo!, headCommit.sha);
    const fromBase = new Set(state.reachableFrom(repo!, baseCommit.sha));
    const mergeBase = fromHead.find((sha) => fromBase.has(sha));
    if (mergeBase === undefined) return notFound(`No common ancestor between ${baseRef} and ${headRef}.`);
    const headSet = new Set(fromHead);
    // What head has that base lacks, oldest first, as GitHub lists them; and the reverse, counted.
    const ahead = fromHead.filter((sha) => !fromBase.has(sha)).reverse();
    const behindBy = [...fromBase].filter((sha) => !headSet.has(sha)).length;
    const status = baseCommit.sha === headCommit.sha ? 'identical' : behindBy === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
    const paged = req.query.has('per_page') || req.query.has('page');
    // Without paging parameters GitHub lists at most 250 commits.
    const commits = paged ? paginate(req, ahead) : { items: ahead.slice(0, 250), headers: {} };
    const html = `https://github.com/${repo!.owner}/${repo!.name}`;
    return {
      status: 200,
      body: {
        url: `/repos/${repo!.owner}/${repo!.name}/compare/${req.params.basehead}`,
        html_url: `${html}/compare/${req.params.basehead}`,
        permalink_url: `${html}/compare/${baseCommit.sha}...${headCommit.sha}`,
        diff_url: `${html}/compare/${req.params.basehead}.diff`,
        patch_url: `${html}/compare/${req.params.basehead}.patch`,
        base_commit: commitJson(repo!, baseCommit),
        merge_base_commit: commitJson(repo!, repo!.commits.get(mergeBase)!),
        status,
        ahead_by: ahead.length,
        behind_by: behindBy,
        total_commits: ahead.length,
        commits: commits.items.map((sha) => commitJson(repo!, repo!.commits.get(sha)!)),
        files: [],
      },
      headers: commits.headers,
    };
  });
  route('GET', `${base}/commits/{ref}`, (req, repo) => {
    const commit = state.commitOf(repo!, req.params.ref!);
    return commit ? { status: 200, body: commitJson(repo!, commit) } : unprocessable(`No commit found for SHA: ${req.params.ref}`);
  });
  route('GET', `${base}/issues/{issue_number}/events`, (req, repo) => {
    const issue = issueOf(repo!, req.params.issue_number!);
    if (!issue) return notFound();
    const page = paginate(req, repo!.issueEvents?.get(issue.number) ?? []);
    return { status: 200, body: page.items.map((e) => issueEventJson(state, repo!, e)), headers: page.headers };
  });
  const deploymentsRefused = (repo: RepoState): StandInReply | null =>
    state.deploymentsForbidden.has(`${repo.owner}/${repo.name}`.toLowerCase())
      ? { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } }
      : null;
  route('GET', `${base}/deployments`, (req, repo) => {
    const refused = deploymentsRefused(repo!);
    if (refused) return refused;
    const filters = (['sha', 'ref', 'task', 'environment'] as const).map((k) => [k, req.query.get(k)] as const);
    const list = (repo!.deployments ?? [])
      .filter((d) => filters.every(([k, v]) => v === null || v === (k === 'task' ? 'deploy' : d[k])))
      // Newest first, as GitHub lists them.
      .slice()
      .reverse();
    const page = paginate(req, list);
    return { status: 200, body: page.items.map((d) => deploymentJson(repo!, d)), headers: page.headers };
  });
  route('GET', `${base}/deployments/{deployment_id}/statuses`, (req, repo) => {
    const refused = deploymentsRefused(repo!);
    if (refused) return refused;
    const deployment = repo!.deployments?.find((d) => d.id === Number(req.params.deployment_id));
    if (!deployment) return notFound();
    const page = paginate(req, deployment.statuses.slice().reverse());
    return { status: 200, body: page.items.map((s) => deploymentStatusJson(repo!, deployment, s)), headers: page.headers };
  });

  return routes;
}

// ---------------------------------------------------------------- faults

export type FaultKind = 'server-error' | 'audit-conflict' | 'secondary-rate-limit' | 'slow' | 'drop';

export interface FaultPlan {
  kind: FaultKind;
  /** Share of eligible requests that meet the fault (0..1). */
  share: number;
  /** For `slow`: how long to hold the answer (default 3 s). */
  delayMs?: number;
  /** For `secondary-rate-limit`: the `retry-after` header in seconds (default 1). */
  retryAfterSeconds?: number;
  /**
   * For `server-error` and `drop` on writes: the share of faulted writes that take
   * effect before the error or the dropped connection (a timeout after success,
   * the case that duplicates a blindly resent POST). Default 0.5.
   */
  appliedShare?: number;
}

// --- targeted faults (issue 11's ledger tests): one repository's requests fail at a chosen moment
/**
 * The next `times` requests (default 1) that `matches` accepts answer `reply`; with `apply`, a write takes
 * effect first (its answer is lost). `matches` sees the request when it arrives, so a test can wait for a
 * moment in a delivery (the log written, the ledger not yet).
 */
interface TargetedFault {
  matches: (request: { method: string; path: string }) => boolean;
  reply: { status: number; body?: unknown };
  apply?: boolean;
  times?: number;
}

/** mulberry32: a small seeded PRNG, so a fault run is reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reply'; reply: StandInReply; apply: boolean }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop'; apply: boolean };

const SECONDARY_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

function decideFault(plan: FaultPlan | null, random: () => number, route: Route | undefined, method: string): FaultDecision {
  // Token requests stay clean: the faults are about the API operations the handlers make.
  if (!plan || !route || route.template.startsWith('/app/')) return { kind: 'none' };
  const isWrite = method !== 'GET';
  if (plan.kind === 'audit-conflict' && !(method === 'PUT' && route.template.endsWith('/contents/{path}'))) return { kind: 'none' };
  if (random() >= plan.share) return { kind: 'none' };
  const applied = () => isWrite && random() < (plan.appliedShare ?? 0.5);
  switch (plan.kind) {
    case 'server-error': {
      const status = random() < 0.5 ? 500 : 502;
      return { kind: 'reply', apply: applied(), reply: { status, body: { message: status === 500 ? 'Server Error' : 'Bad Gateway' } } };
    }
    case 'audit-conflict':
      // As when another commit lands on the branch between the read and the write.
      return {
        kind: 'reply',
        apply: false,
        reply: {
          status: 409,
          body: { message: 'is at a different commit than the one given', documentation_url: 'https://docs.github.com/rest' },
        },
      };
    case 'secondary-rate-limit': {
      const retryAfter = String(plan.retryAfterSeconds ?? 1);
      const status = random() < 0.5 ? 403 : 429;
      return {
        kind: 'reply',
        apply: false,
        reply: {
          status,
          headers: { 'retry-after': retryAfter },
          body: {
            message: SECONDARY_MESSAGE,
            documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
        },
      };
    }
    case 'slow':
      return { kind: 'delay', ms: plan.delayMs ?? 3000 };
    case 'drop':
      return { kind: 'drop', apply: applied() };
  }
}

// ---------------------------------------------------------------- server

/** Whether a request is authenticated as the app itself (a JWT: three base64url parts), not as an installation. */
const asTheApp = (req: IncomingMessage) => /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(req.headers.authorization ?? '');

/** Whether an If-None-Match header names `etag` (a list, weak or strong, or `*`; compared weakly, as for GET). */
function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return (Array.isArray(header) ? header.join(',') : header).split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

interface StandInStats {
  /** Requests per operation, e.g. `GET /repos/{owner}/{repo}/issues/{issue_number}/comments` (304s included). */
  byOperation: Record<string, number>;
  /** Every request received (304s included). */
  total: number;
  /**
   * Requests that count against the installation's quota (5,000 an hour): those sent with an installation
   * token, except the ones answered 304. Requests authenticated as the app itself (a JWT: creating an
   * installation token) count against the app's own limit, not the installation's: see `appAuthenticated`.
   */
  quotaCounted: number;
  /** Requests sent with the app's JWT (installation tokens), which GitHub does not count against any installation. */
  appAuthenticated: number;
  /** Conditional GETs answered 304 Not Modified (GitHub does not count them against the quota). */
  notModified: number;
  /** The 304s per operation. */
  notModifiedByOperation: Record<string, number>;
  /** Requests that met an injected fault, by fault kind. */
  faulted: number;
  /** Requests no route answered. */
  unrouted: number;
}

export interface GitHubStateStandIn {
  /** Base URL without the `/api/v3` prefix (what GHE_HOST points at). */
  url: string;
  state: GitHubState;
  stats: StandInStats;
  /** OpenAPI problems (from `check`) and requests no route answered. */
  problems: string[];
  /** Sets (or clears) the fault plan; `seed` makes the sequence of faults reproducible. */
  setFault(plan: FaultPlan | null, seed?: number): void;
  /** A fault on chosen requests only (see TargetedFault). */
  failNext(fault: TargetedFault): void;
  resetStats(): void;
  stop(): Promise<void>;
}

export interface StandInOptions {
  app: { id: number; slug: string };
  /** Checks each request (method, path as received, JSON body); returns problems. */
  check?: (req: { method: string; path: string; body?: unknown }) => string[];
}

export async function startGitHubStateStandIn(options: StandInOptions): Promise<GitHubStateStandIn> {
  const state = new GitHubState(options.app);
  const routes = buildRoutes(state);
  const problems: string[] = [];
  const freshStats = (): StandInStats => ({
    byOperation: {},
    total: 0,
    quotaCounted: 0,
    appAuthenticated: 0,
    notModified: 0,
    notModifiedByOperation: {},
    faulted: 0,
    unrouted: 0,
  });
  let stats = freshStats();
  let plan: FaultPlan | null = null;
  let random = seededRandom(1);
  const targeted: (TargetedFault & { left: number })[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  /**
   * Sends a reply. A GET answered 200 carries a weak ETag of the token and the body; when the request's
   * If-None-Match names it, the answer is 304 without a body (the representation is unchanged), which
   * GitHub does not count against the quota. `op` is the operation, for the 304 counts (undefined: unrouted).
   */
  const answer = (res: ServerResponse, reply: StandInReply, req?: IncomingMessage, op?: string) => {
    if (res.destroyed) return;
    const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-remaining': '4999',
      ...reply.headers,
    };
    if (req?.method === 'GET' && reply.status === 200 && op !== undefined) {
      const etag = `W/"${createHash('sha256')
        .update(req.headers.authorization ?? '')
        .update('\0')
        .update(body)
        .digest('hex')
        .slice(0, 40)}"`;
      headers.etag = etag;
      if (ifNoneMatch(req.headers['if-none-match'], etag)) {
        stats.notModified += 1;
        if (!asTheApp(req)) stats.quotaCounted -= 1;
        stats.notModifiedByOperation[op] = (stats.notModifiedByOperation[op] ?? 0) + 1;
        const { 'content-type': _type, ...rest } = headers;
        res.writeHead(304, rest).end();
        return;
      }
    }
    res.writeHead(reply.status, headers).end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, text: string) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const rawPath = url.pathname;
    const path = rawPath.replace(/^\/api\/v3(?=\/)/, '');
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      problems.push(`${method} ${path}: body is not JSON`);
      return answer(res, { status: 400, body: { message: 'Problems parsing JSON' } });
    }
    if (options.check) problems.push(...options.check({ method, path: rawPath, body }));
    stats.total += 1;
    // Counted now; a 304 answer takes it back (see answer). A JWT (three base64url parts) is the app itself.
    if (asTheApp(req)) stats.appAuthenticated += 1;
    else stats.quotaCounted += 1;
    let match: { route: Route; values: string[] } | undefined;
    for (const route of routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (m) {
        match = { route, values: m.slice(1) };
        break;
      }
    }
    if (!match) {
      stats.unrouted += 1;
      problems.push(`no stand-in route for ${method} ${path}`);
      return answer(res, notFound());
    }
    const { route, values } = match;
    const op = `${route.method} ${route.template}`;
    stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i]!)]));
    const asApp = /^(token|bearer) ghs_/i.test(req.headers.authorization ?? '');
    const request: StandInRequest = {
      method,
      path,
      query: url.searchParams,
      params,
      body: (body ?? {}) as Record<string, unknown>,
      asApp,
      user: state.tokenUser(req.headers.authorization),
    };
    const run = (): StandInReply => {
      if (params.owner && params.repo && state.hidden.has(`${params.owner}/${params.repo}`.toLowerCase())) return notFound();
      if (
        params.owner &&
        params.repo &&
        route.template.startsWith('/repos/{owner}/{repo}/issues') &&
        state.issuesForbidden.has(`${params.owner}/${params.repo}`.toLowerCase())
      )
        return {
          status: 403,
          body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
        };
      const repo = params.owner && params.repo ? state.repo(params.owner, params.repo) : null;
      if (repo?.unavailable) return { status: 500, body: { message: 'Server Error' } };
      return route.handle(request, repo);
    };
    const aimed = targeted.find((t) => t.left > 0 && t.matches({ method, path }));
    if (aimed) {
      aimed.left -= 1;
      stats.faulted += 1;
      if (aimed.apply) run();
      return answer(res, aimed.reply, req, op);
    }
    const fault = decideFault(plan, random, route, method);
    if (fault.kind !== 'none') stats.faulted += 1;
    switch (fault.kind) {
      case 'none':
        return answer(res, run(), req, op);
      case 'reply':
        if (fault.apply) run();
        return answer(res, fault.reply, req, op);
      case 'drop':
        if (fault.apply) run();
        req.socket.destroy();
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(res, run(), req, op);
        }, fault.ms);
        timers.add(timer);
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    get stats() {
      return stats;
    },
    problems,
    setFault(next, seed = 1) {
      plan = next;
      random = seededRandom(seed);
    },
    failNext(fault) {
      targeted.push({ ...fault, left: fault.times ?? 1 });
    },
    resetStats() {
      stats = freshStats();
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
