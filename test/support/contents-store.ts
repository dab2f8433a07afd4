/**
 * A stateful stand-in for the contents API of one file on one branch, behind
 * nock: reads return the current text and sha; a write with a stale sha answers
 * 409 and a write without sha to an existing file 422, as GitHub does.
 */
import { createHash } from 'node:crypto';
import type nock from 'nock';

export interface ContentsStore {
  text: string;
  branchExists: boolean;
  writes: number;
  conflicts: number;
  /** Force the next N writes to fail with 409 even with a fresh sha. */
  failNext: number;
}

export function mountContentsStore(scope: nock.Scope, repoPath: string, file: string, branch: string, initial: Partial<ContentsStore> = {}): ContentsStore {
  const store: ContentsStore = { text: '', branchExists: false, writes: 0, conflicts: 0, failNext: 0, ...initial };
  let exists = store.text !== '';
  const sha = () => createHash('sha1').update(store.text).digest('hex');
  const filePath = new RegExp(`^${repoPath}/contents/${file.split('/').map(encodeURIComponent).join('(?:/|%2F)')}(\\?.*)?$`);
  scope
    .get(filePath)
    .query(true)
    .reply(() => (store.branchExists && exists ? [200, { type: 'file', encoding: 'base64', sha: sha(), content: Buffer.from(store.text).toString('base64') }] : [404, { message: 'Not Found' }]))
    .persist();
  scope
    .get(`${repoPath}/branches/${branch}`)
    .reply(() => (store.branchExists ? [200, { name: branch }] : [404, { message: 'Branch not found' }]))
    .persist();
  scope.get(repoPath).reply(200, { default_branch: 'main' }).persist();
  scope.get(new RegExp(`^${repoPath}/git/ref/heads(/|%2F)main$`)).reply(200, { ref: 'refs/heads/main', object: { sha: 'f'.repeat(40), type: 'commit' } }).persist();
  scope
    .post(`${repoPath}/git/refs`)
    .reply(() => {
      if (store.branchExists) return [422, { message: 'Reference already exists' }];
      store.branchExists = true;
      return [201, { ref: `refs/heads/${branch}` }];
    })
    .persist();
  scope
    .put(filePath)
    .reply((_uri, body) => {
      const b = body as { sha?: string; content: string; branch: string };
      if (store.failNext > 0) {
        store.failNext -= 1;
        store.conflicts += 1;
        return [409, { message: 'is at a different sha' }];
      }
      if (exists && b.sha === undefined) return [422, { message: '"sha" wasn\'t supplied.' }];
      if (exists && b.sha !== sha()) {
        store.conflicts += 1;
        return [409, { message: `${file} does not match ${b.sha}` }];
      }
      store.text = Buffer.from(b.content, 'base64').toString('utf8');
      exists = true;
      store.writes += 1;
      return [exists ? 200 : 201, { content: { sha: sha() }, commit: { sha: 'c'.repeat(40) } }];
    })
    .persist();
  return store;
}
