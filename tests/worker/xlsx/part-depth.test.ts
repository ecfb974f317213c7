// The nesting-depth limit of every XML part (worker/xlsx/part-structure.ts, `maxXmlDepth`).
import { describe, expect, it } from 'vitest';
import { checkPartDepth } from '../../../worker/xlsx/part-structure.ts';

const nest = (depth: number, open = '<r>', close = '</r>') => `${open.repeat(depth)}x${close.repeat(depth)}`;
const depthOf =
  (xml: string | Buffer, max = 256) =>
  () =>
    checkPartDepth('xl/worksheets/sheet1.xml', Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8'), max);

describe('checkPartDepth', () => {
  it('takes 256 nested elements and refuses 257 with a Japanese reason naming the part', () => {
    expect(depthOf(nest(256))).not.toThrow();
    expect(depthOf(nest(257))).toThrow(
      expect.objectContaining({
        code: 'too-many-cells',
        message: expect.stringMatching(/sheet1\.xml）の要素の入れ子が深すぎます（256 段/),
      }),
    );
  });

  it('counts siblings and self-closing elements as no deeper', () => {
    expect(depthOf(`<a>${'<b/><c></c>'.repeat(10_000)}</a>`, 2)).not.toThrow();
    expect(depthOf(nest(3, '<x a="1" />', ''), 1)).not.toThrow();
  });

  it('does not let a quoted ">" or "/>" end a start tag', () => {
    expect(depthOf(nest(300, '<x a="/>">', '</x>'))).toThrow(/入れ子が深すぎます/);
    expect(depthOf(nest(300, "<x a='/>' b=\"'\">", '</x>'))).toThrow(/入れ子が深すぎます/);
  });

  it('skips comments, CDATA and processing instructions, whatever they hold', () => {
    const hidden = `<?xml version="1.0"?><a><!-- ${'<r>'.repeat(500)} --><![CDATA[${'<r>'.repeat(500)}]]><?pi ${'<r>'.repeat(500)}?></a>`;
    expect(depthOf(hidden)).not.toThrow();
  });

  it('counts a UTF-16 part the same', () => {
    expect(depthOf(Buffer.from(nest(300), 'utf16le'))).toThrow(/入れ子が深すぎます/);
    expect(depthOf(Buffer.from(nest(100), 'utf16le'))).not.toThrow();
  });

  it('calls a tag that never ends, or a comment that never closes, corrupt', () => {
    expect(depthOf('<a><b c="x>')).toThrow(expect.objectContaining({ code: 'corrupt' }));
    expect(depthOf('<a><!-- never')).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });
});
