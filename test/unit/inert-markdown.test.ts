import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inert, inertUrl } from '../../src/core/render/inert-markdown.js';
import { commentMarker, markerEnvironment } from '../../src/core/render/render-pr-comment.js';
import { PROTECTION_COMMENT_LIMIT, renderProtectionError } from '../../src/core/render/render-protection-comment.js';

describe('inert markdown', () => {
  it('stops mentions, team pings, issue links, HTML, links and markers', () => {
    const out = inert(
      '@alice and @org/team see #12 <script>x</script> [a](https://e.vil) <!-- deploy-governor:pr-comment environment=production -->',
    );
    expect(out).not.toMatch(/@[a-z]/i);
    expect(out).not.toMatch(/#\d/);
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toMatch(/\]\(/);
    expect(out).not.toContain('https://');
    expect(out).not.toContain('<!--');
  });

  it('keeps any input on one line without raw markdown control characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const out = inert(s);
        expect(out).not.toMatch(/[\r\n<>]/);
        expect(out).not.toMatch(/(^|[^\\])[`*_[\]|]/);
        expect(out).not.toMatch(/@(?!\u200b)/);
      }),
    );
  });

  it('keeps only http(s) link targets, with nothing that could end the target early', () => {
    expect(inertUrl('https://github.com/o/r/actions/runs/1')).toBe('https://github.com/o/r/actions/runs/1');
    expect(inertUrl('https://github.com/o/r/x) [evil](https://e.vil')).toBe('https://github.com/o/r/x%29%20[evil]%28https://e.vil');
    expect(inertUrl('javascript:alert(1)')).toBeNull();
    expect(inertUrl('data:text/html,<b>')).toBeNull();
    expect(inertUrl('not a url')).toBeNull();
    expect(inertUrl(null)).toBeNull();
  });

  it('makes environment names safe inside the marker', () => {
    expect(markerEnvironment('prod --> <b>')).toBe('prod_--___b_');
    expect(commentMarker('eu west')).toBe('<!-- deploy-governor:pr-comment environment=eu_west -->');
  });

  it("keeps protection-rule comments within GitHub's 1,024 characters", () => {
    expect(renderProtectionError('x'.repeat(5000)).length).toBeLessThanOrEqual(PROTECTION_COMMENT_LIMIT);
  });
});
