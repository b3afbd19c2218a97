// Japanese line breaking in what keikaku prints, checked by the project's own line checker
// (tests/helpers/line-check.ts, from pdfjs text positions; see there how lines and paragraphs
// are found): no kinsoku fault, no number split from its digits or counter, and no paragraph
// whose last line strands one character (column widths are fitted to avoid them,
// src/layout/fit-columns.ts). For the seed's plan and excerpts, for a generated plan of 140
// 施策, and for LibreOffice's rendering of their Word files.
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeneratedPlan, runCli } from './helpers/cli.ts';
import { docxToPdf, withLibreOffice } from './helpers/libreoffice.ts';
import { lineFaults, pdfLines } from './helpers/line-check.ts';
import { ROOT, SEED_ARGS, TEMPLATE_ARGS } from './helpers/plan.ts';

const PLAN = '実施計画_2024-2026';
let seedOut: string;
let generatedOut: string;

beforeAll(async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'keikaku-lines-'));
  const seed = await runCli(['build', ...SEED_ARGS, '--out', 'seed', '--format', 'pdf,docx'], work);
  expect(seed.code, seed.stderr).toBe(0);
  seedOut = path.join(work, 'seed');
  generatedOut = await buildGeneratedPlan(work, 140, 'big', ['--format', 'pdf,docx', ...TEMPLATE_ARGS]);
}, 180_000);

const faultsOf = async (file: string) => lineFaults(new Uint8Array(await readFile(file)));

describe('the PDF', () => {
  it('of the seed plan and of every excerpt: no kinsoku fault, no split number, no stranded last character', async () => {
    const excerpts = (await readdir(path.join(seedOut, '担当課別'))).filter((f) => f.endsWith('.pdf'));
    expect(excerpts.length).toBe(8);
    for (const file of [path.join(seedOut, `${PLAN}.pdf`), ...excerpts.map((f) => path.join(seedOut, '担当課別', f))]) {
      const faults = await faultsOf(file);
      expect(faults.paragraphs, file).toBeGreaterThan(50);
      expect({ file, ...faults }).toMatchObject({ file, kinsoku: [], numberSplits: [], strayCharacters: [] });
    }
  });

  it('of a generated 140-施策 plan: no kinsoku fault, no split number, and at most one stranded character in 1,000 paragraphs', async () => {
    const faults = await faultsOf(path.join(generatedOut, `${PLAN}.pdf`));
    expect(faults.paragraphs).toBeGreaterThan(10_000);
    expect(faults.kinsoku).toEqual([]);
    expect(faults.numberSplits).toEqual([]);
    // Widths move only within each column's limits, so a table whose columns all hold the same
    // long item may keep one.
    expect(faults.strayCharacters.length).toBeLessThanOrEqual(faults.paragraphs / 1000);
  });
});

describe('numbers that hang', () => {
  it('start a wrapped 取組名称 or 施策体系 entry under its text, not under its number (①, 1)', async () => {
    const lines = await pdfLines(new Uint8Array(await readFile(path.join(seedOut, `${PLAN}.pdf`))));
    let hung = 0;
    for (const label of lines.filter((l) => /^([①-⑳]|\d{1,2})$/.test(l.text))) {
      // The text beside the label: same baseline, two characters (the number and a space) on.
      const text = lines.find(
        (l) =>
          l.page === label.page && Math.abs(l.y - label.y) < 0.5 && Math.abs(l.x - (label.x + 2 * label.size)) < 1.5,
      );
      if (!text) continue;
      // Its wrapped lines: one line pitch below each other, starting where the text starts.
      const below = lines.filter(
        (l) =>
          l.page === label.page &&
          l.y < label.y &&
          label.y - l.y < label.size * 1.5 &&
          l.x > label.x - 0.5 &&
          l.x < text.end,
      );
      for (const line of below)
        expect(Math.abs(line.x - text.x), `${label.text}${text.text} | ${line.text}`).toBeLessThan(0.6);
      hung += below.length;
    }
    expect(hung).toBeGreaterThan(10); // the seed wraps many such names
  });

  it('start the second line of a heading that wraps under its name, not under 施策 1 (PDF, Word, HTML)', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-long-heading-'));
    await cp(path.join(ROOT, 'data'), path.join(work, 'data'), { recursive: true });
    const file = path.join(work, 'data', 'measures', '01.yaml');
    const long = '地域活動の活性化と区や自治会などへの加入促進による地域コミュニティの担い手の確保';
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: 地域活動の活性化', `title: ${long}`));
    const run = await runCli(['build', '--data', 'data', '--out', 'out', '--no-departments', ...TEMPLATE_ARGS], work);
    expect(run.code, run.stderr).toBe(0);
    const lines = await pdfLines(new Uint8Array(await readFile(path.join(work, 'out', `${PLAN}.pdf`))));
    const number = lines.find((l) => l.text === '施策1' && l.size === 15)!;
    const name = lines.find((l) => l.page === number.page && Math.abs(l.y - number.y) < 0.5 && l.x > number.x)!;
    expect(name.text.startsWith('地域活動の活性化')).toBe(true);
    const second = lines.find((l) => l.page === number.page && number.y - l.y > 10 && number.y - l.y < 30)!;
    expect(long.endsWith(second.text)).toBe(true);
    expect(Math.abs(second.x - name.x)).toBeLessThan(0.6);
    // Word: a hanging indent as wide as 施策 1 and a full-width space (4 em of 15 pt, 1200 twips).
    const zip = await JSZip.loadAsync(await readFile(path.join(work, 'out', `${PLAN}.docx`)));
    const document = await zip.file('word/document.xml')!.async('string');
    const heading = [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g)].find(
      (m) => m[0].includes(long) && m[0].includes('keikaku-h3-measure'),
    )![0];
    expect(heading).toContain('<w:ind w:left="1200" w:hanging="1200"/>');
    const html = await readFile(path.join(work, 'out', `${PLAN}.html`), 'utf8');
    expect(html).toContain(`style="padding-left: 4em; text-indent: -4em">施策 1　${long}</h`);
  });
});

// LibreOffice breaks a number before its counter (午後8時15|分) where a line ends there: Word
// has no unbreakable run, and LibreOffice breaks even at a word joiner (U+2060, tried), so the
// Word file is held to the kinsoku rules only; its stranded characters are counted in the
// closing notes, not here.
describe('LibreOffice’s rendering of the Word file', () => {
  withLibreOffice(
    'of the seed plan and of the generated 140-施策 plan: no line starts with a closing mark or ends with an opening one',
    async () => {
      for (const dir of [seedOut, generatedOut]) {
        const converted = await docxToPdf(new Uint8Array(await readFile(path.join(dir, `${PLAN}.docx`))));
        const faults = await faultsOf(converted.file);
        expect(faults.paragraphs).toBeGreaterThan(1000);
        expect(faults.kinsoku).toEqual([]);
      }
    },
    300_000,
  );
});
