// After roll, the years copied from the year before and not yet confirmed (carriedOver) are
// visible where people look: in every 担当課's excerpt, and with build --draft in the whole plan,
// which then carries a 「案」 watermark (PDF, Word and HTML) and says 案 in its file names.
import { mkdtemp, readFile, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers/cli.ts';
import { docxParagraphs, htmlText, pdfPages, squash } from './helpers/extract.ts';
import { TEMPLATE_ARGS } from './helpers/plan.ts';

const MARK = '※前年度からの写し（未確認）';
let cwd: string;

/** The text of a document as a reader gets it, by its format. */
async function textOf(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (file.endsWith('.pdf')) return squash((await pdfPages(bytes)).join(''));
  if (file.endsWith('.docx')) return squash((await docxParagraphs(bytes)).join(''));
  return squash(htmlText(bytes.toString('utf8')));
}

const count = (text: string, part: string) => text.split(squash(part)).length - 1;

beforeAll(async () => {
  // The minimal plan rolled to 2025–2027: 2027 is copied from 2026 in every row and 事業費.
  cwd = await mkdtemp(path.join(tmpdir(), 'keikaku-carried-'));
  const rolled = await runCli(['roll', '--data', path.join(FIXTURES, 'minimal'), '--to', '2025', '--out', 'data'], cwd);
  expect(rolled.code).toBe(0);
  expect((await runCli(['build', ...TEMPLATE_ARGS], cwd)).code).toBe(0);
  expect((await runCli(['build', '--draft', ...TEMPLATE_ARGS], cwd)).code).toBe(0);
}, 120_000);

describe('years copied by roll and not confirmed', () => {
  it('are marked in each 担当課’s excerpt, in PDF, Word and HTML: each copied plan cell, and the copied amounts', async () => {
    for (const ext of ['pdf', 'docx', 'html']) {
      // 総務課 has one row (2027 copied) and a 事業費 line (2027 copied, ※ and a note); 財政課 one row.
      const soumu = await textOf(path.join(cwd, 'out', '担当課別', `総務課.${ext}`));
      expect(count(soumu, MARK), ext).toBe(1);
      expect(soumu, ext).toContain(squash(`※の付いた金額は前年度からの写しです（未確認）`));
      const zaisei = await textOf(path.join(cwd, 'out', '担当課別', `財政課.${ext}`));
      expect(count(zaisei, MARK), ext).toBe(1);
    }
  });

  it('are not marked in the whole plan of a final build, which has no watermark', async () => {
    for (const ext of ['pdf', 'docx', 'html']) {
      const text = await textOf(path.join(cwd, 'out', `実施計画_2025-2027.${ext}`));
      expect(text, ext).not.toContain(squash(MARK));
      expect(text, ext).not.toContain('案');
    }
  });

  it('are marked in the whole plan of a draft (build --draft), which says 案 on every page and in its name', async () => {
    const pages = await pdfPages(await readFile(path.join(cwd, 'out', '実施計画_2025-2027_案.pdf')));
    expect(pages.every((page) => page.includes('案'))).toBe(true);
    for (const ext of ['pdf', 'docx', 'html']) {
      const text = await textOf(path.join(cwd, 'out', `実施計画_2025-2027_案.${ext}`));
      expect(count(text, MARK), ext).toBe(2);
    }
    const zip = (await import('jszip')).default;
    const docx = await zip.loadAsync(await readFile(path.join(cwd, 'out', '実施計画_2025-2027_案.docx')));
    const headers = await Promise.all(
      Object.keys(docx.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => docx.file(n)!.async('string')),
    );
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every((xml) => xml.includes('【案】'))).toBe(true);
    const html = await readFile(path.join(cwd, 'out', '実施計画_2025-2027_案.html'), 'utf8');
    expect(html).toContain('<p class="watermark">案</p>');
  });

  it('leaves the final documents in out/ when a draft is built, and the draft when the final is', async () => {
    const names = (await readdir(path.join(cwd, 'out'))).filter((n) => !n.startsWith('.')).sort();
    expect(names).toEqual([
      '実施計画_2025-2027.docx',
      '実施計画_2025-2027.html',
      '実施計画_2025-2027.pdf',
      '実施計画_2025-2027_案.docx',
      '実施計画_2025-2027_案.html',
      '実施計画_2025-2027_案.pdf',
      '担当課別',
    ]);
    await rename(path.join(cwd, 'out', '実施計画_2025-2027_案.pdf'), path.join(cwd, 'out', 'kept.pdf'));
    expect((await runCli(['build', ...TEMPLATE_ARGS], cwd)).code).toBe(0);
    expect((await readdir(path.join(cwd, 'out'))).filter((n) => n.endsWith('_案.docx'))).toEqual([
      '実施計画_2025-2027_案.docx',
    ]);
  });
});
