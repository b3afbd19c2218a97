// The body written block by block must be the XML docx writes for the whole document at once,
// byte for byte: the writer repeats docx's private one, quirks included.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { loadPlan, shippedInputs, wholePlanJob } from '../../../tests/helpers/plan.ts';
import { documentTree } from '../../pipeline/render-document.ts';
import { joinHeldBlocks, MadeWhenWritten, streamBody } from './stream-body.ts';
import { toDocx } from './to-docx.ts';

const compiler = (
  Packer as unknown as { compiler: { compile(d: Document, p: undefined, o: []): Map<string, unknown> } }
).compiler;

/** word/document.xml as docx compiles it, bookmark ids (a counter that runs on across documents) set aside. */
function documentXml(document: Document, held?: string[]): string {
  const compiled = compiler.compile(document, undefined, []).get('word/document.xml');
  if (typeof compiled !== 'string') throw new Error('no word/document.xml');
  const xml = held ? joinHeldBlocks(compiled, held).join('') : compiled;
  return xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?w:id=")\d+"/g, '$1#"');
}

/**
 * The same document compiled by docx alone and with its body streamed, and how many blocks were
 * streamed; `make` is told which it makes.
 */
function bothWays(make: (streamed: boolean) => Document) {
  const whole = documentXml(make(false));
  const document = make(true);
  const blocks = streamBody(document);
  const body = (document as unknown as { Document: { View: { Body: { root: unknown[] } } } }).Document.View.Body;
  const madeWhenWritten = body.root.filter((block) => block instanceof MadeWhenWritten).length;
  return { whole, streamed: documentXml(document), blocks, madeWhenWritten };
}

describe('the Word body written block by block', () => {
  it('writes the shipped plan, its blocks converted as they are written, as docx writes it', async () => {
    const inputs = await shippedInputs();
    const plan = await loadPlan();
    const job = wholePlanJob(plan);
    const tree = documentTree(job, inputs).tree!;
    const { whole, streamed, blocks, madeWhenWritten } = bothWays((streamed) =>
      toDocx(tree, inputs.theme, undefined, { convertWhenWritten: streamed }),
    );
    // Each section's last block is held as converted and streamed; the others convert as written.
    expect(madeWhenWritten).toBeGreaterThan(100);
    expect(blocks).toBeGreaterThanOrEqual(tree.sections.length);
    expect(streamed.length).toBeGreaterThan(100_000);
    expect(streamed).toBe(whole);
  });

  it('holds each block apart from word/document.xml and puts it back in its place (the shipped plan)', async () => {
    const inputs = await shippedInputs();
    const tree = documentTree(wholePlanJob(await loadPlan()), inputs).tree!;
    const make = (streamed: boolean) => toDocx(tree, inputs.theme, undefined, { convertWhenWritten: streamed });
    const whole = documentXml(make(false));
    const document = make(true);
    const held: string[] = [];
    const blocks = streamBody(document, held);
    const compiled = compiler.compile(document, undefined, []).get('word/document.xml') as string;
    // What docx wrote holds a mark for each block, not its text.
    expect(compiled.length).toBeLessThan(whole.length / 10);
    // Each block that writes anything (one of the shipped plan's writes nothing).
    expect(held.length).toBeGreaterThan(blocks - 5);
    const joined = joinHeldBlocks(compiled, held).join('');
    expect(held.every((block) => block === '')).toBe(true);
    expect(joined.replace(/(<w:bookmark(?:Start|End)\b[^>]*?w:id=")\d+"/g, '$1#"')).toBe(whole);
  });

  it('escapes text and attributes, writes empty and nested elements, as docx does', () => {
    const text = `A&B <C> "D" 'E' \u0001 ]]> 令和６年度`;
    const { whole, streamed, blocks } = bothWays(
      () =>
        new Document({
          sections: [
            {
              children: [
                new Paragraph({}),
                new Paragraph({ children: [new TextRun({ text, bold: true }), new TextRun({ break: 1 })] }),
                new Table({
                  rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph(text)] })] })],
                }),
                new Paragraph({ style: `s"&'<>`, children: [new TextRun('')] }),
              ],
            },
            { children: [new Paragraph('二つ目の節')] },
          ],
        }),
    );
    // The four paragraphs and the table, with the paragraph docx holds at the body's start until it is written.
    expect(blocks).toBe(6);
    expect(streamed).toContain('A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos;  ]]&gt; 令和６年度');
    expect(streamed).toBe(whole);
  });
});
