// The plan PDF as a reader opens it: a bookmark outline that follows the 目次 (目次, 施策体系,
// 事業費総括表, then 基本方針 › 基本施策 › 施策), each bookmark opening the page its heading is
// on; the document's title naming the town; XMP metadata; the language ja. Expected entries come
// from the YAML, pages from the PDF's own text.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli } from './helpers/cli.ts';
import { squash } from './helpers/extract.ts';
import { expectedPlan, type ExpectedPlan } from './helpers/oracle.ts';
import { ROOT, SEED_ARGS } from './helpers/plan.ts';

interface Bookmark {
  readonly title: string;
  readonly dest: unknown;
  readonly items: readonly Bookmark[];
}

let doc: PDFDocumentProxy;
let expected: ExpectedPlan;
let planYaml: {
  municipality: string;
  policies: { number: number; title: string; basicMeasures: { number: number; title: string }[] }[];
};

beforeAll(async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'keikaku-outline-'));
  const run = await runCli(['build', ...SEED_ARGS, '--format', 'pdf', '--no-departments', '--out', out], ROOT);
  expect(run.code, run.stdout).toBe(0);
  const bytes = new Uint8Array(await readFile(path.join(out, '実施計画_2024-2026.pdf')));
  doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  expected = await expectedPlan(path.join(ROOT, 'data'));
  planYaml = YAML.parse(await readFile(path.join(ROOT, 'data', 'plan.yaml'), 'utf8')) as typeof planYaml;
});

afterAll(async () => doc?.destroy());

const shape = (items: readonly Bookmark[]): unknown[] =>
  items.map((i) => (i.items.length > 0 ? [i.title, shape(i.items)] : i.title));

async function pageOf(bookmark: Bookmark): Promise<number> {
  const dest = (typeof bookmark.dest === 'string' ? await doc.getDestination(bookmark.dest) : bookmark.dest) as [
    { num: number; gen: number },
  ];
  return (await doc.getPageIndex(dest[0])) + 1;
}

async function pageText(n: number): Promise<string> {
  const content = await (await doc.getPage(n)).getTextContent();
  return squash(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
}

describe('the plan PDF', () => {
  it('has a bookmark outline: 目次, 施策体系, 事業費総括表, then 基本方針 › 基本施策 › 施策 as in the data', async () => {
    const outline = (await doc.getOutline()) as Bookmark[];
    const files = await Promise.all(
      (await readdir(path.join(ROOT, 'data', 'measures'))).map(
        async (n) =>
          YAML.parse(await readFile(path.join(ROOT, 'data', 'measures', n), 'utf8')) as {
            number: number;
            policy: number;
            basicMeasure: number;
            title: string;
          },
      ),
    );
    const measuresOf = (policy: number, basic: number) =>
      files
        .filter((m) => m.policy === policy && m.basicMeasure === basic)
        .sort((a, b) => a.number - b.number)
        .map((m) => `施策 ${m.number} ${m.title}`);
    expect(shape(outline)).toEqual([
      '目次',
      '施策体系',
      '事業費総括表',
      ...planYaml.policies.map((p) => [
        `基本方針 ${p.number} ${p.title}`,
        p.basicMeasures.map((b) => [`基本施策 ${b.number} ${b.title}`, measuresOf(p.number, b.number)]),
      ]),
    ]);
  });

  it('opens each 施策’s bookmark on the page of its heading', async () => {
    const outline = (await doc.getOutline()) as Bookmark[];
    const measures = outline.slice(3).flatMap((p) => p.items.flatMap((b) => b.items));
    expect(measures.length).toBe(expected.measures.length);
    for (const [i, bookmark] of measures.entries()) {
      const m = expected.measures[i]!;
      const text = await pageText(await pageOf(bookmark));
      expect(text).toContain(`施策${m.number}${squash(m.title)}●施策の方向`);
    }
    expect(await pageText(await pageOf(outline[0]!))).toMatch(/^.*目次施策体系/);
  });

  it('names the 施策 at the top of each of its pages, with （続き） from its second page', async () => {
    const outline = (await doc.getOutline()) as Bookmark[];
    const measures = outline.slice(3).flatMap((p) => p.items.flatMap((b) => b.items));
    const starts = await Promise.all(measures.map(pageOf));
    let continued = 0;
    for (const [i, m] of expected.measures.entries()) {
      const last = i + 1 < starts.length ? starts[i + 1]! - 1 : doc.numPages;
      const name = squash(`施策 ${m.number}　${m.title}`);
      for (let n = starts[i]!; n <= last; n++) {
        const text = await pageText(n);
        if (n === starts[i]) {
          expect(text, `page ${n}`).toContain(name);
          expect(text, `page ${n}`).not.toContain(`${name}（続き）`);
        } else {
          expect(text, `page ${n}`).toContain(`${name}（続き）`);
          continued++;
        }
      }
    }
    expect(continued).toBeGreaterThan(0); // the seed has 施策 over two pages
  });

  it('names the town in its title, carries XMP metadata with that title, and says its language is Japanese', async () => {
    const { info, metadata } = (await doc.getMetadata()) as unknown as {
      info: { Title: string; Language: string };
      metadata: { get(name: string): unknown } | null;
    };
    expect(info.Title).toBe(`${planYaml.municipality} 実施計画（2024年度～2026年度）`);
    expect(info.Language).toBe('ja');
    expect(metadata?.get('dc:title')).toBe(info.Title);
  });
});
