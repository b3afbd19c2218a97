// out/.cache: a rebuild gives the same bytes as a clean build, and renders exactly the
// documents that show what changed.
import { cp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Paragraph } from 'docx';
import { describe, expect, it, vi } from 'vitest';
import { PDFDocument } from '../src/backends/pdf/pdfmake-modules.ts';
import { build, type BuildOptions } from '../src/pipeline/build.ts';
import type { BuildProgress } from '../src/pipeline/progress.ts';
import { makeDataDir, readDocuments } from './helpers/cli.ts';
import { docxParagraphs, pdfPages } from './helpers/extract.ts';
import { loadPlan, ROOT } from './helpers/plan.ts';
import { YamlSource } from '../src/data/read-yaml.ts';

const TEMPLATES = path.join(ROOT, 'templates');
const run = promisify(execFile);
const options = (cwd: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  cwd,
  dataDir: 'data',
  outDir: 'out',
  templatesDir: 'templates',
  formats: ['pdf', 'docx', 'html'],
  measures: [],
  departments: [],
  noDepartments: false,
  ...extra,
});

async function workspace() {
  const dir = await makeDataDir({}, path.join(ROOT, 'data'));
  await cp(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
  return dir;
}

const edit = async (file: string, from: string, to: string) => {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`not found in ${file}: ${from}`);
  await writeFile(file, text.replace(from, to));
};

/** The first 施策 grows by a page, in a character used nowhere else (鬱): every later page moves. */
const growFirstMeasure = (work: string) =>
  edit(
    path.join(work, 'data', 'measures', '01.yaml'),
    '  - 窓口にて',
    `${'  - 憂鬱な手続きをなくし、加入の案内を分かりやすく改めて、窓口と町ホームページで周知します。\n'.repeat(12)}  - 窓口にて`,
  );

/** A sentence of 施策12's 施策の方向 changes: every document that shows 施策12 shows it. */
const reviseMeasure12 = (work: string) =>
  edit(
    path.join(work, 'data', 'measures', '12.yaml'),
    '経費の更なる削減に努めます。',
    '経費のさらなる削減に努めます。',
  );

/** Every part record in out/.cache damaged: a byte near its end flipped (its sha256 no longer matches). */
async function damagePartRecords(cacheDir: string): Promise<void> {
  for (const name of (await readdir(cacheDir)).filter((n) => n.endsWith('.part.entry'))) {
    const bytes = await readFile(path.join(cacheDir, name));
    bytes[bytes.length - 10]! ^= 0xff;
    await writeFile(path.join(cacheDir, name), bytes);
  }
}

async function buildWithoutErrors(options: BuildOptions): Promise<void> {
  const result = await build(options);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

/** The plan's PDF in out/ equals, byte for byte, that of a --no-cache build of the same options (in out-clean/). */
async function expectPlanPdfAsClean(options: BuildOptions): Promise<void> {
  await build({ ...options, outDir: 'out-clean', noCache: true });
  const pdf = (outDir: string) => readFile(path.join(options.cwd, outDir, '実施計画_2024-2026.pdf'));
  expect(Buffer.compare(await pdf('out'), await pdf('out-clean'))).toBe(0);
}

/** How many times a build (without errors) calls `object[method]`. */
async function callsDuring(object: object, method: string, options: BuildOptions): Promise<number> {
  const spy = vi.spyOn(object as Record<string, (...args: unknown[]) => unknown>, method);
  try {
    await buildWithoutErrors(options);
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('out/.cache', () => {
  it('a rebuild after one 施策 changes renders exactly the plan and the excerpts that show that 施策, and gives the bytes of a clean build', async () => {
    const work = await workspace();
    const first = await build(options(work));
    expect(first.rendered).toHaveLength(9);

    const unchanged = await build(options(work));
    expect(unchanged.rendered).toEqual([]);

    // A sentence of 施策12's 施策の方向: every excerpt that shows 施策12 shows it.
    await reviseMeasure12(work);
    const rebuilt = await build(options(work));
    const plan = await loadPlan(path.join(work, 'data'));
    const shown = new Set(plan.measures.find((m) => m.number === 12)!.projects.map((p) => p.department));
    expect(rebuilt.rendered).toEqual([
      '実施計画_2024-2026',
      ...plan.departments.filter((d) => shown.has(d)).map((d) => `担当課別/${d}`),
    ]);
    expect(rebuilt.rendered).toEqual([
      '実施計画_2024-2026',
      '担当課別/総務課',
      '担当課別/財政課',
      '担当課別/会計課',
      '担当課別/住民課',
    ]);

    // An item of 財政課's own row: only the plan and 財政課's excerpt show it.
    await edit(path.join(work, 'data', 'measures', '12.yaml'), '町有地維持管理工事', '町有地の維持管理工事');
    expect((await build(options(work))).rendered).toEqual(['実施計画_2024-2026', '担当課別/財政課']);

    // The same data built from nothing, without the cache, is byte for byte the same.
    const clean = await makeDataDir({}, path.join(work, 'data'));
    await cp(TEMPLATES, path.join(clean, 'templates'), { recursive: true });
    await build(options(clean, { noCache: true }));
    const cached = await readDocuments(path.join(work, 'out'));
    const fresh = await readDocuments(path.join(clean, 'out'));
    expect([...cached.keys()]).toEqual([...fresh.keys()]);
    for (const [name, bytes] of fresh) expect(Buffer.compare(cached.get(name)!, bytes), name).toBe(0);
  }, 120_000);

  it('validates again only the data files that changed (the others’ findings from out/.cache), with the same warnings; a damaged memo is discarded and said', async () => {
    const work = await workspace();
    const measureFiles = (await readdir(path.join(work, 'data', 'measures'))).length;
    /** A build of the plan as HTML: its warnings, log lines, and how many YAML files it parsed (the theme is one). */
    const buildCounting = async () => {
      const parse = vi.spyOn(YamlSource, 'parse');
      const lines: string[] = [];
      try {
        const result = await build(options(work, { formats: ['html'], noDepartments: true }), (l) => lines.push(l));
        return {
          diagnostics: result.diagnostics,
          lines,
          parsed: parse.mock.calls.map(([file]) => path.basename(file)),
        };
      } finally {
        parse.mockRestore();
      }
    };
    const first = await buildCounting();
    expect(first.parsed).toHaveLength(1 + 2 + measureFiles); // theme.yaml, plan.yaml, departments.yaml, 施策
    // The shipped data's warnings (a 事業 without 新規・継続): the checks across files find them.
    const warned = [...new Set(first.diagnostics.map((d) => path.basename(d.file)))].sort();
    expect(warned).toEqual(['05.yaml', '07.yaml']);
    const memoEntry = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.validated.entry'));
    expect(memoEntry).toHaveLength(1);

    // Unchanged: only the theme, and the files whose warnings need a line and column.
    const unchanged = await buildCounting();
    expect(unchanged.diagnostics).toEqual(first.diagnostics);
    expect(unchanged.parsed.sort()).toEqual(['05.yaml', '07.yaml', 'theme.yaml']);

    // One 施策 changed: it is validated again, the rest not.
    await reviseMeasure12(work);
    const revised = await buildCounting();
    expect(revised.diagnostics).toEqual(first.diagnostics);
    expect(revised.parsed.sort()).toEqual(['05.yaml', '07.yaml', '12.yaml', 'theme.yaml']);

    // The memo damaged: discarded, said, and every file validated again with the same findings.
    const file = path.join(work, 'out', '.cache', memoEntry[0]!);
    const bytes = await readFile(file);
    bytes[bytes.length - 10]! ^= 0xff;
    await writeFile(file, bytes);
    const damaged = await buildCounting();
    expect(damaged.diagnostics).toEqual(first.diagnostics);
    expect(damaged.parsed).toHaveLength(1 + 2 + measureFiles);
    expect(damaged.lines).toContain(
      'out/.cache の データの検証結果 の控えが壊れているかファイルでないため、捨てて作り直しました',
    );
  }, 60_000);

  it('renders everything again when a template changes, and is safe to delete', async () => {
    const work = await workspace();
    await build(options(work, { formats: ['pdf'] }));
    await edit(
      path.join(work, 'templates', 'partials', 'cover.hbs'),
      '<p class="cover-title">{{title}}</p>',
      '<p class="cover-title">{{title}}（案）</p>',
    );
    expect((await build(options(work, { formats: ['pdf'] }))).rendered).toHaveLength(1); // the excerpts have no cover
    await edit(path.join(work, 'templates', 'partials', 'measure.hbs'), 'の方向</h4>', 'の方向性</h4>');
    expect((await build(options(work, { formats: ['pdf'] }))).rendered).toHaveLength(9);
    await rm(path.join(work, 'out', '.cache'), { recursive: true });
    const again = await build(options(work, { formats: ['pdf'] }));
    expect(again.rendered).toHaveLength(9);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 120_000);

  it('keeps one build’s worth: entries no longer used are removed', async () => {
    const work = await workspace();
    await build(options(work, { formats: ['html'] }));
    const before = (await readdir(path.join(work, 'out', '.cache'))).length;
    await edit(path.join(work, 'data', 'measures', '01.yaml'), '地域活動の活性化', '地域活動のさらなる活性化');
    await build(options(work, { formats: ['html'] }));
    expect((await readdir(path.join(work, 'out', '.cache'))).length).toBe(before);
  }, 60_000);

  it('a changed plan lays out again only the part that changed (the others from out/.cache), with the bytes of a clean build; the edit undone gives back the first bytes', async () => {
    const work = await workspace();
    const planOnly = (extra: Partial<BuildOptions> = {}) =>
      options(work, { noDepartments: true, formats: ['pdf', 'docx'], ...extra });
    const parts = async (outDir = 'out') =>
      new Set((await readdir(path.join(work, outDir, '.cache'))).filter((n) => n.endsWith('.part.entry')));
    /** A build that counts the parts laid out and those taken from out/.cache. */
    const counted = async (extra: Partial<BuildOptions> = {}) => {
      const count = { laidOut: 0, fromCache: 0 };
      const progress: BuildProgress = {
        documents: () => {},
        documentDone: () => {},
        partsPlanned: () => {},
        partDone: (_document, fromCache) => void (fromCache ? count.fromCache++ : count.laidOut++),
      };
      const result = await build(planOnly({ progress, ...extra }));
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return count;
    };
    const cold = await counted();
    expect(cold.fromCache).toBe(0);
    const first = await readDocuments(path.join(work, 'out'));
    const firstParts = await parts();
    expect(firstParts.size).toBe(cold.laidOut);
    // The fitted widths of the plan's tables are kept too, one entry for the document.
    const fits = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.fits.entry'));
    expect(fits).toHaveLength(1);
    const widths = JSON.parse(
      (await readFile(path.join(work, 'out', '.cache', fits[0]!), 'utf8')).replace(/^.*\n/, ''),
    ) as Record<string, number[]>;
    expect(Object.keys(widths).length).toBeGreaterThan(14);

    const file = path.join(work, 'data', 'measures', '12.yaml');
    const original = await readFile(file, 'utf8');
    await edit(file, '経費の更なる削減に努めます。', '経費のさらなる削減に努めます。');
    const edited = await counted();
    expect(edited).toEqual({ laidOut: 1, fromCache: cold.laidOut - 1 });
    const editedParts = await parts();
    expect([...firstParts].filter((p) => !editedParts.has(p))).toHaveLength(1);
    expect([...editedParts].filter((p) => !firstParts.has(p))).toHaveLength(1);
    // The same bytes as a build that lays everything out.
    await build(planOnly({ outDir: 'out-clean', noCache: true }));
    const clean = await readDocuments(path.join(work, 'out-clean'));
    const rebuilt = await readDocuments(path.join(work, 'out'));
    expect([...rebuilt.keys()]).toEqual([...clean.keys()]);
    for (const [name, bytes] of clean) expect(Buffer.compare(rebuilt.get(name)!, bytes), name).toBe(0);
    expect(Buffer.compare(rebuilt.get('実施計画_2024-2026.pdf')!, first.get('実施計画_2024-2026.pdf')!)).not.toBe(0);

    // Undone: the first build's bytes, its part from the cache... which kept only this build's.
    await writeFile(file, original);
    const undone = await counted();
    expect(undone).toEqual({ laidOut: 1, fromCache: cold.laidOut - 1 });
    expect(await parts()).toEqual(firstParts);
    const again = await readDocuments(path.join(work, 'out'));
    for (const [name, bytes] of first) expect(Buffer.compare(again.get(name)!, bytes), name).toBe(0);
  }, 120_000);

  it('draws again only the changed part (the others written from their drawn pages), with the bytes of a clean build, when the change moves every later page and glyph number', async () => {
    const work = await workspace();
    const draftOnBothSides = (extra: Partial<BuildOptions> = {}) =>
      options(work, { noDepartments: true, formats: ['pdf'], draft: true, print: { duplex: true }, ...extra });
    const pdfName = '実施計画_2024-2026_案.pdf';
    // Each text run pdfkit lays out and draws (a replayed body draws none).
    const pdfkit = Object.getPrototypeOf(PDFDocument.prototype) as object;
    const cold = await callsDuring(pdfkit, '_fragment', draftOnBothSides());
    const before = await pdfPages(await readFile(path.join(work, 'out', pdfName)));
    const drawnEntries = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.drawn.entry'));
    // Every part but the one whose body prints other pages' numbers (the 目次).
    const partEntries = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.part.entry'));
    expect(drawnEntries).toHaveLength(partEntries.length - 1);

    // The first 施策 grows by a page, in a character used nowhere else: every later page number,
    // 目次 entry and running header moves, and every later glyph's number in the font subset.
    const rare = '鬱';
    expect(before.join('')).not.toContain(rare);
    await growFirstMeasure(work);
    const rebuilt = await callsDuring(pdfkit, '_fragment', draftOnBothSides());
    await build(draftOnBothSides({ outDir: 'out-clean', noCache: true }));
    const clean = await readFile(path.join(work, 'out-clean', pdfName));
    const after = await pdfPages(clean);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.join('')).toContain(rare);
    expect(Buffer.compare(await readFile(path.join(work, 'out', pdfName)), clean)).toBe(0);
    // Drawn again: the changed 施策, the 目次, headers and footers; not the other parts' bodies.
    expect(rebuilt).toBeLessThan(cold / 4);
  }, 120_000);

  it('writes the Word sections of the unchanged 施策 as they were (only the changed one converted), with the bytes of a clean build, when the change moves every later page and bookmark', async () => {
    const work = await workspace();
    const wordOnly = (extra: Partial<BuildOptions> = {}) =>
      options(work, { noDepartments: true, formats: ['docx'], ...extra });
    const docxName = '実施計画_2024-2026.docx';
    // Each paragraph docx writes (a kept section's are written as the XML they were).
    const cold = await callsDuring(Paragraph.prototype, 'prepForXml', wordOnly());
    const wordEntries = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.word.entry'));
    expect(wordEntries.length).toBeGreaterThan(14);

    // The first 施策 grows by a page: every later heading's page and bookmark moves.
    await growFirstMeasure(work);
    const rebuilt = await callsDuring(Paragraph.prototype, 'prepForXml', wordOnly());
    await build(wordOnly({ outDir: 'out-clean', noCache: true }));
    const clean = await readFile(path.join(work, 'out-clean', docxName));
    expect(Buffer.compare(await readFile(path.join(work, 'out', docxName)), clean)).toBe(0);
    const text = (await docxParagraphs(clean)).join('\n');
    expect(text).toContain('憂鬱な手続き');
    // Written again: the changed 施策, the 目次, each section's last block, headers and footers.
    expect(rebuilt).toBeLessThan(cold / 3);
  }, 120_000);

  it('documents written again from their parts’ drawn pages in a new process have the bytes of a clean build (a glyph only written from a record keeps its text for the next document)', async () => {
    const work = await makeDataDir();
    // In a process of its own, as a user runs it: one process's fontkit font serves every
    // document, and what an earlier document made of it is what this test is about.
    const cli = (...args: string[]) =>
      run(process.execPath, [path.join(ROOT, 'bin', 'keikaku.js'), 'build', '--templates', TEMPLATES, ...args], {
        cwd: work,
      });
    await cli('--format', 'pdf');
    // What a build killed after writing its parts’ records leaves: records, no documents.
    const cacheDir = path.join(work, 'out', '.cache');
    const documentEntries = (await readdir(cacheDir)).filter((n) => /\.(pdf|parts)\.entry$/.test(n));
    expect(documentEntries).toHaveLength(2 * 3);
    for (const name of documentEntries) await rm(path.join(cacheDir, name));

    await cli('--format', 'pdf');
    await cli('--format', 'pdf', '--no-cache', '--out', 'out-clean');
    const clean = await readDocuments(path.join(work, 'out-clean'));
    const written = await readDocuments(path.join(work, 'out'));
    expect([...written.keys()]).toEqual([...clean.keys()]);
    for (const [name, bytes] of clean) expect(Buffer.compare(written.get(name)!, bytes), name).toBe(0);
  }, 120_000);

  it('compresses again only the streams a change made new (the rest and the font subsets from out/.cache), with the bytes of a clean build', async () => {
    const work = await workspace();
    const planOnly = options(work, { noDepartments: true, formats: ['pdf'] });
    const cacheDir = path.join(work, 'out', '.cache');
    const memos = async () => (await readdir(cacheDir)).filter((n) => n.endsWith('.streams.entry'));
    // Streams long enough to be kept (a page's content, a font's subset), as pdfkit compresses them.
    const longDeflates = async (build: BuildOptions) => {
      const spy = vi.spyOn(zlib, 'deflateSync');
      try {
        await buildWithoutErrors(build);
        return spy.mock.calls.filter(([raw]) => (raw as Uint8Array).length >= 2048).length;
      } finally {
        spy.mockRestore();
      }
    };
    const cold = await longDeflates(planOnly);
    expect(await memos()).toHaveLength(1);
    await reviseMeasure12(work);
    const rebuilt = await longDeflates(planOnly);
    // One memo still: the document's, replaced.
    expect(await memos()).toHaveLength(1);
    // The changed 施策's pages and what follows from them, not the document's every page and font.
    expect(rebuilt).toBeGreaterThan(0);
    expect(rebuilt).toBeLessThan(cold / 3);
    await expectPlanPdfAsClean(planOnly);
  }, 60_000);

  it('keeps the parts of a document that came whole from out/.cache, for the next change to it', async () => {
    const work = await workspace();
    const planOnly = options(work, { noDepartments: true, formats: ['pdf'] });
    await build(planOnly);
    const before = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.part.entry'));
    expect((await build(planOnly)).rendered).toEqual([]);
    const after = (await readdir(path.join(work, 'out', '.cache'))).filter((n) => n.endsWith('.part.entry'));
    expect(after.sort()).toEqual(before.sort());
  }, 60_000);

  it('lays out again a part whose record is damaged, says so, and gives the bytes of a clean build', async () => {
    const work = await workspace();
    const planOnly = options(work, { noDepartments: true, formats: ['pdf'] });
    await build(planOnly);
    const cacheDir = path.join(work, 'out', '.cache');
    await damagePartRecords(cacheDir);
    await reviseMeasure12(work);
    const lines: string[] = [];
    await build(planOnly, (line) => lines.push(line));
    // One line for them all, with how many.
    expect(lines.filter((l) => l.includes('控え'))).toEqual([
      expect.stringMatching(
        /^out\/\.cache の 実施計画_2024-2026（組版の部分） の控えが壊れているかファイルでないため、捨てて作り直しました（\d+ 件）$/,
      ),
    ]);
    await expectPlanPdfAsClean(planOnly);
  }, 60_000);

  it('worker threads make the same bytes as one thread', async () => {
    const work = await workspace();
    const generated = path.join(work, 'generated');
    const { runCli } = await import('./helpers/cli.ts');
    expect(
      (await runCli(['generate', '--measures', '12', '--out', generated, '--data', path.join(ROOT, 'data')], work))
        .code,
    ).toBe(0);
    const results = [];
    for (const workers of ['0', '1']) {
      process.env.KEIKAKU_WORKERS = workers;
      try {
        const outDir = `out-${workers}`;
        const result = await build(options(work, { dataDir: generated, outDir, noCache: true }));
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        results.push(await readDocuments(path.join(work, outDir)));
      } finally {
        delete process.env.KEIKAKU_WORKERS;
      }
    }
    const [single, parallel] = results;
    expect([...parallel!.keys()]).toEqual([...single!.keys()]);
    expect(single!.size).toBe(3 * 31); // the plan and 30 excerpts, 3 formats each
    for (const [name, bytes] of single!) expect(Buffer.compare(parallel!.get(name)!, bytes), name).toBe(0);
  }, 120_000);

  it('a worker thread’s documents move the progress, part by part, as this thread’s do', async () => {
    const work = await workspace();
    const seen = [];
    for (const workers of ['0', '1']) {
      process.env.KEIKAKU_WORKERS = workers;
      try {
        const parts = new Map<string, { planned: number; laidOut: number; fromCache: number }>();
        const of = (document: string) => {
          if (!parts.has(document)) parts.set(document, { planned: 0, laidOut: 0, fromCache: 0 });
          return parts.get(document)!;
        };
        const documentsDone: string[] = [];
        const progress: BuildProgress = {
          documents: () => {},
          documentDone: (document) => void documentsDone.push(document),
          partsPlanned: (document, _work, planned) => void (of(document).planned += planned),
          partDone: (document, fromCache) => void of(document)[fromCache ? 'fromCache' : 'laidOut']++,
        };
        await buildWithoutErrors(options(work, { formats: ['pdf'], outDir: `out-${workers}`, progress }));
        seen.push({ parts, documents: documentsDone.sort() });
      } finally {
        delete process.env.KEIKAKU_WORKERS;
      }
    }
    const [single, parallel] = seen;
    expect(single!.documents).toHaveLength(9);
    expect(parallel!.documents).toEqual(single!.documents);
    expect([...single!.parts.keys()].sort()).toEqual(single!.documents);
    for (const [document, counted] of single!.parts) {
      expect(counted.laidOut, document).toBe(counted.planned);
      expect(parallel!.parts.get(document), document).toEqual(counted);
    }
  }, 120_000);

  it('documents rendered on a worker thread read and leave their parts in out/.cache as on one thread', async () => {
    const work = await workspace();
    const entries = async (outDir: string) => (await readdir(path.join(work, outDir, '.cache'))).sort();
    const withWorkers = async (workers: string, extra: Partial<BuildOptions>, log?: (line: string) => void) => {
      process.env.KEIKAKU_WORKERS = workers;
      try {
        const result = await build(options(work, extra), log);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        return result;
      } finally {
        delete process.env.KEIKAKU_WORKERS;
      }
    };
    // The same entries (each excerpt's parts, drawn pages, Word sections, widths) whoever made them.
    await withWorkers('1', { outDir: 'out' });
    await withWorkers('0', { outDir: 'out-single' });
    expect(await entries('out')).toEqual(await entries('out-single'));

    // Every part record damaged: each document re-rendered reads its parts (and says they were
    // damaged), whichever thread renders it.
    const cacheDir = path.join(work, 'out', '.cache');
    await damagePartRecords(cacheDir);
    await reviseMeasure12(work);
    const lines: string[] = [];
    const rebuilt = await withWorkers('1', { outDir: 'out' }, (line) => lines.push(line));
    expect(rebuilt.rendered).toHaveLength(5);
    const damaged = lines.flatMap((l) => /^out\/\.cache の (.+)（組版の部分） の控えが壊れて/.exec(l)?.[1] ?? []);
    expect(damaged.sort()).toEqual([...rebuilt.rendered!].sort());

    await withWorkers('0', { outDir: 'out-clean', noCache: true });
    const clean = await readDocuments(path.join(work, 'out-clean'));
    const cached = await readDocuments(path.join(work, 'out'));
    for (const [name, bytes] of clean) expect(Buffer.compare(cached.get(name)!, bytes), name).toBe(0);
  }, 180_000);
});

describe('out/.cache as untrusted input', () => {
  const PLAN_HTML = '実施計画_2024-2026.html';
  /** A build of the plan alone, as HTML (fast), with its log lines. */
  const buildPlan = async (work: string) => {
    const lines: string[] = [];
    const result = await build(options(work, { formats: ['html'], noDepartments: true }), (l) => lines.push(l));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return { ...result, lines, html: await readFile(path.join(work, 'out', PLAN_HTML)) };
  };
  const entries = async (work: string) =>
    (await readdir(path.join(work, 'out', '.cache'))).filter((n) => /^[0-9a-f]{64}\.html\.entry$/.test(n));

  it('discards a damaged entry (truncated, or replaced by a page with a script) and renders the document again', async () => {
    const work = await workspace();
    const first = await buildPlan(work);
    const [entry] = await entries(work);
    const file = path.join(work, 'out', '.cache', entry!);
    for (const damage of [
      (bytes: Buffer) => bytes.subarray(0, bytes.length / 2),
      () => Buffer.from('<!doctype html><script>alert(1)</script>'),
    ]) {
      await writeFile(file, damage(await readFile(file)));
      const again = await buildPlan(work);
      expect(again.rendered).toEqual(['実施計画_2024-2026']);
      expect(again.html.equals(first.html)).toBe(true);
      expect(again.lines).toContain(
        'out/.cache の 実施計画_2024-2026.html の控えが壊れているかファイルでないため、捨てて作り直しました',
      );
    }
  }, 60_000);

  it('never reads through a link planted in it', async () => {
    const work = await workspace();
    const first = await buildPlan(work);
    const [entry] = await entries(work);
    const secret = path.join(work, 'secret.txt');
    await writeFile(secret, 'SECRET');
    const link = path.join(work, 'out', '.cache', entry!);
    await rm(link);
    await symlink(secret, link);
    const again = await buildPlan(work);
    expect(again.rendered).toEqual(['実施計画_2024-2026']);
    expect(again.html.equals(first.html)).toBe(true);
    expect(again.html.toString()).not.toContain('SECRET');
    expect(await readFile(secret, 'utf8')).toBe('SECRET');
  }, 60_000);

  it('is neither read, written nor pruned when out/.cache is a link to another folder', async () => {
    const work = await workspace();
    const elsewhere = path.join(work, 'elsewhere');
    await mkdir(elsewhere);
    // A file named like a cache entry: pruning through the link would delete it.
    const bystander = path.join(elsewhere, `${'a'.repeat(64)}.html`);
    await writeFile(bystander, 'not keikaku’s');
    await mkdir(path.join(work, 'out'));
    await symlink(elsewhere, path.join(work, 'out', '.cache'));
    const run = await buildPlan(work);
    expect(run.rendered).toEqual(['実施計画_2024-2026']);
    expect(run.lines).toContain(
      'out/.cache がフォルダではない（記号リンクなど）ため、キャッシュを読み書きせずに全部作りました',
    );
    expect(await readdir(elsewhere)).toEqual([path.basename(bystander)]);
    expect(await readFile(bystander, 'utf8')).toBe('not keikaku’s');
  }, 60_000);

  it('learns nothing from a build that fails', async () => {
    const work = await workspace();
    // The plan renders; the excerpts then fail on a tag only their template writes.
    await edit(
      path.join(work, 'templates', 'excerpt.hbs'),
      '<p class="excerpt-label">',
      '<marquee></marquee><p class="excerpt-label">',
    );
    const failed = await build(options(work, { formats: ['html'] }));
    expect(failed.diagnostics.some((d) => d.severity === 'error' && d.file === 'templates/excerpt.hbs')).toBe(true);
    expect(await readdir(path.join(work, 'out', '.cache')).catch(() => [])).toEqual([]);
  }, 60_000);
});
