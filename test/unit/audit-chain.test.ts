import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { chainRecord, GENESIS_HASH, hashRecord, lastHash, verifyChain } from '../../src/core/audit/hash-chain.js';

function log(n: number): string {
  let prev = GENESIS_HASH;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = chainRecord(
      { id: `run-${i}`, actor: 'octocat', reason: `reason ${i}`, approvers: ['a', 'b'], budget_remaining: i - 5 },
      prev,
    );
    prev = r.hash;
    lines.push(JSON.stringify(r));
  }
  return lines.map((l) => `${l}\n`).join('');
}

describe('audit hash chain', () => {
  it('hashes prev_hash followed by the canonical JSON of the record without hash', async () => {
    const { createHash } = await import('node:crypto');
    const r = chainRecord({ b: 1, a: { d: [1, 2], c: 'x' } }, GENESIS_HASH);
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' }, prev_hash: GENESIS_HASH })).toBe(
      `{"a":{"c":"x","d":[1,2]},"b":1,"prev_hash":"${GENESIS_HASH}"}`,
    );
    expect(r.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + canonicalJson({ a: { c: 'x', d: [1, 2] }, b: 1, prev_hash: GENESIS_HASH }))
        .digest('hex'),
    );
    expect(hashRecord(r)).toBe(r.hash);
  });

  it('accepts an intact log and an empty one', () => {
    expect(verifyChain(log(5))).toEqual({ ok: true, records: 5 });
    expect(verifyChain('')).toEqual({ ok: true, records: 0 });
    expect(lastHash('')).toBe(GENESIS_HASH);
  });

  it('names the first broken line for an edit, a removal, a reordering and garbage', () => {
    const lines = log(4).trimEnd().split('\n');
    const edited = [...lines];
    edited[1] = edited[1]!.replace('reason 1', 'reason one');
    expect(verifyChain(edited.join('\n'))).toMatchObject({ ok: false, line: 2, reason: expect.stringMatching(/altered/) });
    expect(verifyChain([lines[0], lines[2], lines[3]].join('\n'))).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringMatching(/removed, reordered or inserted/),
    });
    expect(verifyChain([lines[1], lines[0]].join('\n'))).toMatchObject({ ok: false, line: 1 });
    expect(verifyChain(`${lines[0]}\nnot json\n`)).toMatchObject({ ok: false, line: 2, reason: 'not valid JSON' });
  });

  it('detects any single-character change to any record (property)', () => {
    const text = log(3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 2 }), fc.string({ minLength: 1, maxLength: 1 }), (at, ch) => {
        if (text[at] === ch || text[at] === '\n') return;
        const tampered = text.slice(0, at) + ch + text.slice(at + 1);
        expect(verifyChain(tampered).ok).toBe(false);
      }),
    );
  });
});
