/**
 * A stateful stand-in for the contents API of one file on one branch, behind
 * nock: reads return the current text and sha; a write with a stale sha answers
 * 409 and a write without sha to an existing file 422, as GitHub does. Every
 * route is persistent and optional: a test asserts on the store, not on calls.
 */
import { createHash } from 'node:crypto';
import type nock from 'nock';

export interface ContentsStore {
  text: string;
  branchExists: boolean;
  writes: number;
  conflicts: number;
  /** Answer reads as GitHub does for files over 1 MB: `encoding: "none"`, no content (the text is in the blob API). */
  large: boolean;
  /** Runs once, just before the next write is judged: another writer changing the file makes that write's sha stale. */
  beforeNextWrite: (() => void) | null;
}

export function mountContentsStore(
  scope: nock.Scope,
  repoPath: string,
  file: string,
  branch: string,
  initial: Partial<ContentsStore> = {},
): ContentsStore {
  const store: ContentsStore = { text: '', branchExists: false, writes: 0, conflicts: 0, beforeNextWrite: null, large: false, ...initial };
  // The file exists once it has text (set by a test) or was written (even empty).
  let written = false;
  const exists = () => written || store.text !== '';
  const sha = () => createHash('sha1').update(store.text).digest('hex');
  const filePath = new RegExp(`^${repoPath}/contents/${file.split('/').map(encodeURIComponent).join('(?:/|%2F)')}(\\?.*)?$`);
  scope
    .get(filePath)
    .query(true)
    .optionally()
    .reply(() => {
      if (!store.branchExists || !exists()) return [404, { message: 'Not Found' }];
      if (store.large) return [200, { type: 'file', encoding: 'none', size: Buffer.byteLength(store.text), sha: sha(), content: '' }];
      return [
        200,
        {
          type: 'file',
          encoding: 'base64',
          size: Buffer.byteLength(store.text),
          sha: sha(),
          content: Buffer.from(store.text).toString('base64'),
        },
      ];
    })
    .persist();
  scope
    .get(new RegExp(`^${repoPath}/git/blobs/[0-9a-f]{40}$`))
    .optionally()
    .reply((uri) =>
      uri.endsWith(`/${sha()}`)
        ? [200, { sha: sha(), encoding: 'base64', content: Buffer.from(store.text).toString('base64') }]
        : [404, { message: 'Not Found' }],
    )
    .persist();
  scope
    .get(`${repoPath}/branches/${branch}`)
    .optionally()
    .reply(() => (store.branchExists ? [200, { name: branch }] : [404, { message: 'Branch not found' }]))
    .persist();
  scope.get(repoPath).optionally().reply(200, { default_branch: 'main' }).persist();
  scope
    .get(new RegExp(`^${repoPath}/git/ref/heads(/|%2F)main$`))
    .optionally()
    .reply(200, { ref: 'refs/heads/main', object: { sha: 'f'.repeat(40), type: 'commit' } })
    .persist();
  scope
    .post(`${repoPath}/git/refs`)
    .optionally()
    .reply(() => {
      if (store.branchExists) return [422, { message: 'Reference already exists' }];
      store.branchExists = true;
      return [201, { ref: `refs/heads/${branch}` }];
    })
    .persist();
  scope
    .put(filePath)
    .optionally()
    .reply((_uri, body) => {
      const b = body as { sha?: string; content: string; branch: string };
      const interleave = store.beforeNextWrite;
      store.beforeNextWrite = null;
      if (interleave) interleave();
      if (exists() && b.sha === undefined) return [422, { message: '"sha" wasn\'t supplied.' }];
      if (exists() && b.sha !== sha()) {
        store.conflicts += 1;
        return [409, { message: `${file} does not match ${b.sha}` }];
      }
      const created = !exists();
      store.text = Buffer.from(b.content, 'base64').toString('utf8');
      written = true;
      store.writes += 1;
      return [created ? 201 : 200, { content: { sha: sha() }, commit: { sha: 'c'.repeat(40) } }];
    })
    .persist();
  return store;
}
