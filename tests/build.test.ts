// The printed plan end to end: build the shipped data, read the PDF and Word files back as a
// reader would, and find every 施策, 取組, 事業, amount and 合計 of the seed in both.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/data/plan-model.ts';
import { validatePlan } from '../src/data/validate.ts';
import { readDataDir } from '../src/io/read-data-dir.ts';
import { yearsOf, fiscalYearLabel } from '../src/plan/fiscal-year.ts';
import { listDocuments, makeDataDir, readDocuments, runCli } from './helpers/cli.ts';
import { docxParagraphs, htmlText, pdfInfo, pdfPages, squash } from './helpers/extract.ts';
import { docxToPdf, withLibreOffice } from './helpers/libreoffice.ts';
import {
  expectedPlan,
  firstOutOfOrder,
  withCommas,
  type ExpectedMeasure,
  type ExpectedPlan,
} from './helpers/oracle.ts';

import { ROOT, SEED_ARGS, TEMPLATE_ARGS } from './helpers/plan.ts';
const PDF = '実施計画_2024-2026.pdf';
const DOCX = '実施計画_2024-2026.docx';

let plan: Plan;
let cwd: string;
let pdfBytes: Uint8Array;
let docxBytes: Uint8Array;
let pdfText: string[];
let docxText: string[];
let htmlBody: string;
/** The seed as the YAML files say it must print: sums and numbering worked out by the test. */
let expected: ExpectedPlan;

beforeAll(async () => {
  const read = await readDataDir('data', ROOT);
  plan = validatePlan(read.files).value!;
  cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-build-'));
  const run = await runCli(['build', ...SEED_ARGS, '--out', 'out'], cwd);
  expect(run.code).toBe(0);
  pdfBytes = await readFile(path.join(cwd, 'out', PDF));
  docxBytes = await readFile(path.join(cwd, 'out', DOCX));
  pdfText = await pdfPages(pdfBytes);
  docxText = await docxParagraphs(docxBytes);
  htmlBody = htmlText(await readFile(path.join(cwd, 'out', '実施計画_2024-2026.html'), 'utf8'));
  expected = await expectedPlan(path.join(ROOT, 'data'));
}, 60_000);

/**
 * What a reader must find of one 施策, in reading order: its heading and 施策の方向, each 取組
 * (丸数字) followed by its rows as the table reads (the items year by year, then the 事業), then the 事業費 table (each 事業 with its
 * amounts and total, then 合計), or the note for a 施策 without one.
 */
function inReadingOrder(m: ExpectedMeasure): string[] {
  return [
    `施策${m.number}　${m.title}`,
    ...m.directions,
    ...m.groups.flatMap((g) => [...(g.heading ? [g.heading] : []), ...g.rows.flatMap((r) => [...r.items, r.project])]),
    ...(m.budget.length > 0
      ? [
          ...m.budget.flatMap((l) => [l.project, ...l.amounts.map(withCommas), withCommas(l.total)]),
          '合計',
          ...m.yearTotals.map(withCommas),
          withCommas(m.grandTotal),
        ]
      : ['※予算なし事業のため事業費欄は記載なし※']),
  ].map(squash);
}

/** Each 施策's strings, in order, from where its page starts (its heading just before its 施策の方向). */
function expectInReadingOrder(text: string, format: string) {
  const all = squash(text);
  for (const m of expected.measures) {
    const sequence = inReadingOrder(m);
    const body = all.indexOf(sequence[1]!);
    expect(body, `${format}: 施策${m.number}の施策の方向`).toBeGreaterThan(0);
    const start = all.lastIndexOf(sequence[0]!, body);
    expect(start, `${format}: 施策${m.number}の見出し`).toBeGreaterThanOrEqual(0);
    expect(firstOutOfOrder(all.slice(start), sequence), `${format}: 施策${m.number}`).toBeUndefined();
  }
}

describe('the printed plan (PDF)', () => {
  it('starts with the cover, the 目次 and the 施策体系', () => {
    // The cover (tests/cover.test.ts checks its lines): town, title, the period in 西暦 and 和暦.
    expect(squash(pdfText[0]!)).toMatch(/^利根町実施計画（2024年度～2026年度）令和6年度～令和8年度/);
    expect(pdfText[1]).toContain('目次');
    expect(squash(pdfText[2]!)).toContain(squash('施策体系'));
  });

  it('prints every 施策 from a new page, with all its 取組, 事業, items, amounts and 合計', () => {
    for (const m of plan.measures) {
      const start = pdfText.findIndex(
        (p) => squash(p).includes(squash(`施策${m.number}　${m.title}`)) && !p.includes('目次'),
      );
      expect(start, `施策${m.number}`).toBeGreaterThan(2);
      const next = plan.measures[plan.measures.indexOf(m) + 1];
      const end = next
        ? pdfText.findIndex((p, i) => i > start && squash(p).includes(squash(`施策${next.number}　${next.title}`)))
        : pdfText.length;
      const text = squash(pdfText.slice(start, end).join(''));
      const own = expected.measures.find((x) => x.number === m.number)!;
      for (const s of inReadingOrder(own)) expect(text, `施策${m.number}: ${s}`).toContain(s);
    }
  });

  it('labels the fiscal years and the running header from the data', () => {
    const all = squash(pdfText.join(''));
    for (const y of yearsOf(plan.period)) expect(all).toContain(squash(fiscalYearLabel(y)));
    expect(pdfText[4]).toContain('実施計画（2024年度～2026年度）');
  });

  it('gives the 目次 the page number where each 施策 starts', () => {
    for (const m of plan.measures) {
      const line = new RegExp(`施策\\s*${m.number}\\s*${m.title.replace(/[()（）]/g, '.')}[.…\\s]*(\\d+)`).exec(
        pdfText[1]!,
      );
      expect(line, `施策${m.number}`).not.toBeNull();
      expect(squash(pdfText[Number(line![1]) - 1]!)).toContain(squash(`施策${m.number}　${m.title}`));
    }
  });

  it('holds none of the seed’s misprints', () => {
    const all = pdfText.join('');
    for (const misprint of ['とに進む', '親切でいい', 'ー斉', 'にに基づき', '!）']) expect(all).not.toContain(misprint);
  });

  it('embeds both BIZ UD fonts as subsets', () => {
    const raw = Buffer.from(pdfBytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDGothic-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDGothic-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDMincho-Regular/);
    expect(raw).toContain('/FontFile2');
  });
});

describe('every format, in reading order', () => {
  it('prints the 施策 in order of their numbers', () => {
    const headings = expected.measures.flatMap((m) => [
      squash(`施策${m.number}　${m.title}`),
      squash(m.directions[0]!),
    ]);
    for (const [format, text] of [
      ['PDF', pdfText.join('')],
      ['Word', docxText.join('\n')],
      ['HTML', htmlBody],
    ] as const)
      expect(firstOutOfOrder(squash(text), headings), format).toBeUndefined();
  });

  it('prints each 施策 as the data orders it: 取組 with their 丸数字, 事業, items, then 事業費 and 合計 (summed by the test)', () => {
    expectInReadingOrder(pdfText.join(''), 'PDF');
    expectInReadingOrder(docxText.join('\n'), 'Word');
    expectInReadingOrder(htmlBody, 'HTML');
  });

  it('prints the plan’s 事業費 per year and over the period in the 総括表 (summed by the test from every 事業)', () => {
    const totals = [...expected.yearTotals, expected.grandTotal].map(withCommas);
    for (const [format, text] of [
      ['PDF', pdfText.join('')],
      ['Word', docxText.join('\n')],
      ['HTML', htmlBody],
    ] as const)
      expect(squash(text), format).toContain(squash(`合計${totals.join('')}`));
  });
});

describe('the Word file', () => {
  it('has a 目次 that already shows the page of each 施策 (as laid out in the PDF)', () => {
    for (const m of plan.measures) {
      const entry = docxText.find((p) => p.startsWith(`施策 ${m.number}　${m.title}`) && /\d+$/.test(p));
      expect(entry, `施策${m.number}`).toBeDefined();
      const page = Number(/(\d+)$/.exec(entry!)![1]);
      expect(squash(pdfText[page - 1]!)).toContain(squash(`施策${m.number}　${m.title}`));
    }
  });

  it('uses Word headings, repeated table headers and BIZ UD fonts for Japanese text', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(docxBytes);
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    // The 施策's heading: a style based on Word's 見出し 3 (so the navigation pane and 目次 list it).
    const measureStyle = /<w:pStyle w:val="([^"]+)"\/><w:keepNext\/>[\s\S]{0,400}?施策 1　地域活動の活性化/.exec(
      document,
    )?.[1];
    expect(styles).toMatch(new RegExp(`w:styleId="${measureStyle}">[\\s\\S]*?<w:basedOn w:val="Heading3"/>`));
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    expect(document).not.toMatch(/<w:txbxContent|<wp:anchor|<w:framePr/);
    expect(styles).toContain('w:eastAsia="BIZ UDGothic"');
    expect(styles).toContain('<w:lang w:val="ja-JP" w:eastAsia="ja-JP"/>');
    expect(styles).toContain('w:eastAsia="BIZ UDMincho"');
  });
});

describe('build outputs', () => {
  /** `keikaku build` of the seed in a child process, with `env`, into a new folder. */
  function buildElsewhere(env: Record<string, string>): Promise<Map<string, Buffer>> {
    const other = path.join(cwd, `elsewhere-${Object.values(env).join('-').replace(/\W/g, '')}`);
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'keikaku.js'), 'build', ...SEED_ARGS, '--out', other], {
      env: { ...process.env, ...env },
      stdio: 'pipe',
    });
    return readDocuments(other);
  }

  it('are byte-identical across runs, processes and time zones: every file, plan and excerpts, in every format', async () => {
    const here = await readDocuments(path.join(cwd, 'out'));
    const departments = plan.departments.length;
    expect(here.size, 'the plan and each 担当課, as PDF, Word and HTML').toBe((1 + departments) * 3);
    const there = await buildElsewhere({ TZ: 'America/Los_Angeles', SOURCE_DATE_EPOCH: '' });
    expect([...there.keys()]).toEqual([...here.keys()]);
    for (const [name, bytes] of here) expect(Buffer.compare(there.get(name)!, bytes), name).toBe(0);
  }, 180_000);

  it('with SOURCE_DATE_EPOCH, carry that date, and are byte-identical again across processes and time zones', async () => {
    const epoch = String(Date.UTC(2025, 2, 14, 3, 4, 5) / 1000);
    const [a, b] = await Promise.all([
      buildElsewhere({ TZ: 'Asia/Tokyo', SOURCE_DATE_EPOCH: epoch }),
      buildElsewhere({ TZ: 'Pacific/Auckland', SOURCE_DATE_EPOCH: epoch }),
    ]);
    expect([...a.keys()]).toEqual([...(await readDocuments(path.join(cwd, 'out'))).keys()]);
    for (const [name, bytes] of a) expect(Buffer.compare(b.get(name)!, bytes), name).toBe(0);
    // The PDF's and the Word file's dates are the epoch's, not the default (1 April of the first year, JST).
    expect((await pdfInfo(a.get(PDF)!)).CreationDate).toMatch(/^D:20250314030405/);
    expect((await pdfInfo(pdfBytes)).CreationDate).toBe('D:20240331150000Z');
    const core = await (
      await (await import('jszip')).default.loadAsync(a.get(DOCX)!)
    )
      .file('docProps/core.xml')!
      .async('string');
    expect(core).toContain('2025-03-14T03:04:05Z');
  }, 180_000);

  it('--measure 12 builds only that 施策', async () => {
    const run = await runCli(['build', ...SEED_ARGS, '--out', 'one', '--measure', '12', '--format', 'pdf'], cwd);
    expect(run.code).toBe(0);
    expect(await listDocuments(path.join(cwd, 'one'))).toEqual(['実施計画_2024-2026_施策12.pdf']);
    const text = squash(
      (await pdfPages(await readFile(path.join(cwd, 'one', '実施計画_2024-2026_施策12.pdf')))).join(''),
    );
    expect(text).toContain(squash('施策12　行財政の健全な運営'));
    expect(text).not.toContain(squash('施策11　行政改革の推進'));
    expect(text).toContain('132,937');
  }, 60_000);

  it('an unknown --measure is an error that lists the known ones', async () => {
    const run = await runCli(['build', ...SEED_ARGS, '--measure', '99'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '--measure: エラー: 施策「99」はありません。施策の番号かIDを指定してください（1（s01）、2（s02）',
    );
  });

  it('a failed build exits 1 and leaves the files already in out/ untouched', async () => {
    const work = await makeDataDir({ 'measures/01.yaml': 'id: s01\nnumber: [\n' });
    await writeFile(path.join(work, 'keep.txt'), 'x');
    const outDir = path.join(work, 'out');
    await runCli(['build', ...SEED_ARGS, '--out', outDir, '--format', 'pdf'], work);
    const before = await readFile(path.join(outDir, PDF));
    const mtime = (await stat(path.join(outDir, PDF))).mtimeMs;
    const listing = [...(await readdir(outDir)), ...(await readdir(path.join(outDir, '担当課別')))];
    const run = await runCli(['build', '--out', outDir, ...TEMPLATE_ARGS], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('文書は書き出していません');
    expect(Buffer.compare(await readFile(path.join(outDir, PDF)), before)).toBe(0);
    expect((await stat(path.join(outDir, PDF))).mtimeMs).toBe(mtime);
    expect([...(await readdir(outDir)), ...(await readdir(path.join(outDir, '担当課別')))]).toEqual(listing);
  }, 60_000);

  it('prints data text literally, even when it looks like markup', async () => {
    const measure = (
      await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8')
    ).replace('title: 見本の施策', 'title: "<table><b>と&amp;と{{x}}"');
    const work = await makeDataDir({ 'measures/01.yaml': measure });
    const run = await runCli(['build', ...TEMPLATE_ARGS], work);
    expect(run.code).toBe(0);
    const pdf = squash((await pdfPages(await readFile(path.join(work, 'out', '実施計画_2024-2026.pdf')))).join(''));
    const docx = squash(
      (await docxParagraphs(await readFile(path.join(work, 'out', '実施計画_2024-2026.docx')))).join(''),
    );
    expect(pdf).toContain('<table><b>と&amp;と{{x}}');
    expect(docx).toContain('<table><b>と&amp;と{{x}}');
  }, 60_000);
});

describe('template mistakes', () => {
  async function buildWithTemplate(partial: string, text: string) {
    const work = await makeDataDir();
    const templates = path.join(work, 'templates');
    execFileSync('cp', ['-r', path.join(ROOT, 'templates'), templates]);
    await writeFile(path.join(templates, 'partials', partial), text);
    return runCli(['build'], work);
  }

  it('a syntax error names the template file and line', async () => {
    const run = await buildWithTemplate('cover.hbs', '<section class="cover">\n  <p>{{municipality}</p>\n</section>\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^templates\/partials\/cover\.hbs:2:\d+: エラー: テンプレートの誤り: Handlebars の書き方が正しくありません/,
    );
  });

  it('a field the data does not have names the template file and line', async () => {
    const run = await buildWithTemplate(
      'cover.hbs',
      '<section class="cover">\n\n  <p>{{municipalty}}</p>\n</section>\n',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'templates/partials/cover.hbs:3:8: エラー: テンプレートの誤り: 「municipalty」はデータにありません（綴りか、{{#each}} の中での位置を確かめてください）\n',
    );
  });

  it('an unknown helper names the template file and line', async () => {
    const run = await buildWithTemplate(
      'cover.hbs',
      '<section class="cover">\n  <p>{{upper municipality}}</p>\n</section>\n',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^templates\/partials\/cover\.hbs:2:\d+: エラー: テンプレートの誤り: 不明なヘルパー「upper」です/,
    );
  });

  it('an unknown tag names the template that writes it', async () => {
    const run = await buildWithTemplate(
      'cover.hbs',
      '<section class="cover">\n  <marquee>{{municipality}}</marquee>\n</section>\n',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^templates\/partials\/cover\.hbs:2:3: エラー: <section> の中に <marquee> は書けません/);
  });
});

// Line breaking (kinsoku, numbers, stranded characters): tests/line-breaking.test.ts.

describe('the Word file in a real Word reader (LibreOffice)', () => {
  withLibreOffice('opens and converts it to a PDF that holds the plan', async () => {
    const converted = await docxToPdf(docxBytes);
    const text = squash((await pdfPages(converted.bytes)).join(''));
    for (const m of plan.measures) expect(text).toContain(squash(`施策${m.number}`) + squash(m.title));
    expect(text).toContain('132,937');
  });
});

describe('a 取組 taller than a page', () => {
  it('prints every item, the rest continued on the next pages under the 取組名称 with （続き）', async () => {
    const items = Array.from(
      { length: 60 },
      (_, i) => `            - 長い計画の項目その${i + 1}です。文章が折り返すように少し長めに書いておきます\n`,
    ).join('');
    const measure = (
      await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8')
    ).replace('          2024:\n            - 見本の計画\n', `          2024:\n${items}`);
    const work = await makeDataDir({ 'measures/01.yaml': measure });
    const run = await runCli(['build', ...TEMPLATE_ARGS], work);
    expect(run.code).toBe(0);
    const pages = await pdfPages(await readFile(path.join(work, 'out', PDF)));
    const printed = pages.flatMap((p) => [...p.matchAll(/項目その(\d+)です/g)].map((m) => Number(m[1])));
    expect(printed).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const continued = pages.filter(
      (p) => p.includes('項目その') && squash(p).includes(squash('①　見本の取組（続き）')),
    );
    expect(continued.length).toBeGreaterThan(0);
    expect(continued.length).toBe(pages.filter((p) => p.includes('項目その')).length - 1);
    const docx = squash((await docxParagraphs(await readFile(path.join(work, 'out', DOCX)))).join(''));
    for (let i = 1; i <= 60; i++) expect(docx).toContain(`項目その${i}です`);
  }, 60_000);
});
