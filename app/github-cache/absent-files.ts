/**
 * Files known to be absent from a repository's default branch at a given
 * head commit: the policy file of a repository that has none, the postmortem
 * template most repositories never add. GitHub answers a missing file with a
 * 404, which carries no ETag and counts against the quota every time, while the
 * app reads the policy on every override, protection rule and issue event.
 *
 * A file's absence at a commit never changes (commits are immutable), so it is
 * remembered by the commit sha it was read at (`?ref=<sha>`, not the moving
 * branch). Before it is used, the default branch's head is read again (a
 * conditional request: 304 while the branch has not moved): any commit to the
 * default branch, such as the one adding the policy, moves the head, and the
 * file is then read anew. So the answer is always the file as of the current
 * head, as without the memo.
 *
 * Bounded (least recently used first) and per installation: the key holds the
 * installation id.
 */

export class AbsentFiles {
  private readonly entries = new Map<string, string>();

  constructor(readonly maxEntries = 20_000) {}

  private static key(installationId: number | string, repository: string, path: string): string {
    return `${installationId}\n${repository.toLowerCase()}\n${path}`;
  }

  /** The head sha at which the file was read as absent, if remembered. */
  get(installationId: number | string, repository: string, path: string): string | undefined {
    const key = AbsentFiles.key(installationId, repository, path);
    const sha = this.entries.get(key);
    if (sha !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, sha);
    }
    return sha;
  }

  set(installationId: number | string, repository: string, path: string, sha: string): void {
    const key = AbsentFiles.key(installationId, repository, path);
    this.entries.delete(key);
    this.entries.set(key, sha);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(installationId: number | string, repository: string, path: string): void {
    this.entries.delete(AbsentFiles.key(installationId, repository, path));
  }

  get size(): number {
    return this.entries.size;
  }

  /** This memo as one installation sees it (what an installation's Octokit carries). */
  forInstallation(installationId: number | string): InstallationAbsentFiles {
    return {
      get: (repository, path) => this.get(installationId, repository, path),
      set: (repository, path, sha) => this.set(installationId, repository, path, sha),
      delete: (repository, path) => this.delete(installationId, repository, path),
    };
  }
}

export interface InstallationAbsentFiles {
  get(repository: string, path: string): string | undefined;
  set(repository: string, path: string, sha: string): void;
  delete(repository: string, path: string): void;
}
