// Plans of other shapes than 利根町's: the shipped data re-shaped to 2, 4 and 5 fiscal years, and
// the sample city (examples/sample-city: 5 years, its own level names, codes, 区分 marks and
// 目印, 施策 with and without 取組, 事業の概要). Each is read back from the PDF and from
// LibreOffice's rendering of the Word file: every amount, Nカ年計 and 担当課 cell on the page.
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/data/plan-model.ts';
import type { BudgetRowData } from '../src/data/schema.ts';
import { budgetSummary } from '../src/plan/budget-summary.ts';
import { validatePlan } from '../src/data/validate.ts';
import { readDataDir } from '../src/io/read-data-dir.ts';
import { yearsOf } from '../src/plan/fiscal-year.ts';
import { errorLines, makeDataDir, runCli } from './helpers/cli.ts';
import { docxParagraphs, pdfPages, squash } from './helpers/extract.ts';
import { checkPage, CHROMIUM, launchChromium } from './helpers/browser.ts';
import { docxToPdf, withLibreOffice } from './helpers/libreoffice.ts';
import { loadPlan, ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';
import { withCommas } from './helpers/oracle.ts';
import { missingFrom, printedMeasures, sdgsLine } from './helpers/printed.ts';
import { reshapePeriod } from './helpers/reshape-period.ts';

interface Built {
  plan: Plan;
  out: string;
  pdf: Uint8Array;
  docx: Uint8Array;
  pdfText: string;
}

async function buildPlan(dataDir: string, extraArgs: readonly string[] = ['--no-departments']): Promise<Built> {
  const plan = await loadPlan(dataDir);
  const out = await mkdtemp(path.join(tmpdir(), 'keikaku-shape-'));
  const run = await runCli(['build', '--data', dataDir, ...TEMPLATE_ARGS, '--out', out, ...extraArgs], ROOT);
  expect(run.code).toBe(0);
  const base = `${plan.title}_${plan.period.start}-${plan.period.end}`;
  const pdf = await readFile(path.join(out, `${base}.pdf`));
  const docx = await readFile(path.join(out, `${base}.docx`));
  return { plan, out, pdf, docx, pdfText: (await pdfPages(pdf)).join('\n') };
}

/** The headings that depend on the number of years, as the plan says them. */
const periodHeadings = (plan: Plan) => {
  const n = yearsOf(plan.period).length;
  return [`向こう${n}か年事業計画`, `${n}カ年事業費計`, ...yearsOf(plan.period).map((y) => `${y}年度`)];
};

describe.each([2, 4, 5])('the shipped plan re-shaped to %i fiscal years', (years) => {
  let built: Built;
  beforeAll(async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-period-')), 'data');
    await reshapePeriod(dir, years);
    built = await buildPlan(dir);
    expect(yearsOf(built.plan.period)).toHaveLength(years);
  }, 120_000);

  it('prints every year’s amount, every Nカ年計 and every 担当課 cell in the PDF', () => {
    expect(missingFrom(built.pdfText, printedMeasures(built.plan))).toEqual([]);
    for (const h of periodHeadings(built.plan)) expect(squash(built.pdfText)).toContain(h);
  });

  withLibreOffice('prints them all in the Word file as LibreOffice lays it out', async () => {
    const text = (await pdfPages((await docxToPdf(built.docx)).bytes)).join('\n');
    expect(missingFrom(text, printedMeasures(built.plan))).toEqual([]);
    for (const h of periodHeadings(built.plan)) expect(squash(text)).toContain(h);
  });
});

describe('the sample city (examples/sample-city)', () => {
  const DATA = path.join(ROOT, 'examples', 'sample-city', 'data');
  let built: Built;
  let html: string;
  let htmlText: string;
  let docxText: string;
  beforeAll(async () => {
    built = await buildPlan(DATA, []);
    html = await readFile(
      path.join(built.out, `${built.plan.title}_${built.plan.period.start}-${built.plan.period.end}.html`),
      'utf8',
    );
    htmlText = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '');
    docxText = (await docxParagraphs(built.docx)).join('\n');
  }, 120_000);

  it('is the shape it stands for: 5 years, its own level names, codes, marks, 取組 in some 施策 only', () => {
    const { plan } = built;
    expect(yearsOf(plan.period)).toHaveLength(5);
    expect(plan.labels).toEqual({
      policy: '基本目標',
      basicMeasure: '政策',
      measure: '施策',
      initiative: '取組',
      project: '事務事業',
    });
    expect(plan.statuses.map((s) => `${s.mark}${s.name}`)).toEqual(['◎新規', '●拡充', '○継続', '◇完了']);
    expect(plan.tags.length).toBeGreaterThan(0);
    expect(plan.measures.length).toBeGreaterThanOrEqual(10);
    expect(plan.measures.filter((m) => m.hasInitiatives).length).toBeGreaterThan(0);
    expect(plan.measures.filter((m) => !m.hasInitiatives).length).toBeGreaterThan(0);
    expect(plan.measures.every((m) => m.code !== undefined && m.projects.every((p) => p.code !== undefined))).toBe(
      true,
    );
    expect(plan.measures.some((m) => m.projects.some((p) => p.summary))).toBe(true);
    // What other plans print beside the schedule: 財源, 参考 years, indicators, SDGs, 再掲.
    expect(plan.fundingSources.length).toBe(5);
    expect(plan.measures.some((m) => m.budget.some((row) => row.sources))).toBe(true);
    expect(plan.measures.some((m) => m.budget.some((row) => row.reference))).toBe(true);
    expect(plan.measures.some((m) => m.indicators && m.projects.some(() => true))).toBe(true);
    expect(plan.measures.some((m) => m.sdgs) && plan.measures.some((m) => m.projects.some((p) => p.sdgs))).toBe(true);
    expect(plan.measures.some((m) => m.projects.some((p) => p.repeatOf))).toBe(true);
    expect(new Set(plan.measures.flatMap((m) => m.projects.map((p) => p.department))).size).toBeGreaterThanOrEqual(10);
  });

  /** Every 区分 and 目印 mark with its name, in order. */
  const marks = () => [...built.plan.statuses, ...built.plan.tags].map((s) => `${s.mark}${s.name}`).join('');
  /** The 凡例 as an excerpt's first page prints it. */
  const legend = () => squash(`凡例${marks()}`);
  /** The plan's own page for it, before the 施策体系: its title, then each mark and what it means. */
  const guide = () => new RegExp(`凡例・計画の見方●記号.*?${squash(marks()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

  /** Level lines with the plan's names and codes: 基本目標 1, 政策 1-2. */
  const levelLines = () =>
    built.plan.policies.flatMap((p) => [
      squash(`${built.plan.labels.policy}${p.code ?? p.number}${p.title}`),
      ...p.basicMeasures.map((b) => squash(`${built.plan.labels.basicMeasure}${b.code ?? b.number}${b.title}`)),
    ]);

  for (const [format, text] of [
    ['PDF', () => built.pdfText],
    ['Word', () => docxText],
    ['HTML', () => htmlText],
  ] as const) {
    it(`prints its labels, codes, marks, 凡例・計画の見方 and 事業の概要 in the ${format} file`, () => {
      const all = squash(text());
      expect(missingFrom(all, printedMeasures(built.plan))).toEqual([]);
      expect(all).toMatch(guide());
      for (const line of levelLines()) expect(all).toContain(line);
      expect(all).toContain(squash(`${built.plan.labels.project}担当課区分`));
      expect(all).not.toContain('基本方針');
    });
  }

  /** Each 財源 row and the 合計 row of a 財源内訳 as printed, squashed, for some 事業費 rows. */
  // A 施策 or an excerpt lists the 財源 with money there; the 総括表 lists every one (allSources).
  // Added up here from the rows (not with fundingTable): each 財源's money, the rows without a
  // breakdown under （内訳未記入）, and a 合計 that is the rows' 事業費.
  const fundingLines = (rows: readonly BudgetRowData[], allSources = false) => {
    const years = yearsOf(built.plan.period).map(String);
    const line = (name: string, amounts: number[]) =>
      squash(`${name}${[...amounts, amounts.reduce((a, b) => a + b, 0)].map(withCommas).join('')}`);
    const bySource = built.plan.fundingSources.map((source) => ({
      name: source.name,
      amounts: years.map((y) => rows.reduce((s, r) => s + (r.sources?.[y]?.[source.id] ?? 0), 0)),
    }));
    const unstated = years.map((y) => rows.reduce((s, r) => s + (r.sources?.[y] ? 0 : (r.amounts[y] ?? 0)), 0));
    return [
      ...bySource.filter((r) => allSources || r.amounts.some((x) => x !== 0)).map((r) => line(r.name, r.amounts)),
      ...(unstated.some((x) => x > 0) ? [line('（内訳未記入）', unstated)] : []),
      line(
        '合計',
        years.map((y) => rows.reduce((s, r) => s + (r.amounts[y] ?? 0), 0)),
      ),
    ];
  };

  for (const [format, text] of [
    ['PDF', () => built.pdfText],
    ['Word', () => docxText],
  ] as const)
    it(`prints every 施策’s 財源内訳 and the plan’s 財源別 table in the ${format} file, adding up to the 事業費`, () => {
      const all = squash(text());
      for (const m of built.plan.measures.filter((x) => x.budget.some((row) => row.sources)))
        for (const line of fundingLines(m.budget)) expect(all, `${m.id}: ${line}`).toContain(line);
      // The whole plan: the 財源別 合計 is the 事業費総括表's 合計, year by year.
      const whole = fundingLines(
        built.plan.measures.flatMap((m) => m.budget),
        true,
      );
      const grand = budgetSummary(built.plan).grand;
      expect(whole.at(-1)).toBe(squash(`合計${[...grand.amounts, grand.total].map(withCommas).join('')}`));
      for (const line of whole) expect(all).toContain(line);
    });

  /** Every indicator's row as printed: name, 基準値 and year, each year's target (― if none), 最終目標. */
  const indicatorLines = () => {
    const figure = (n: number) => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 10 }).format(n);
    return built.plan.measures.flatMap((m) =>
      [
        ...(m.indicators ?? []).map((i) => ({ i, p: '' })),
        ...m.projects.flatMap((p) => (p.indicators ?? []).map((i) => ({ i, p: `〔${p.name}〕` }))),
      ].map(({ i, p }) =>
        squash(
          `${p}${i.name}` +
            `${i.baseline.value === undefined ? '' : figure(i.baseline.value)}（${i.baseline.year}年度）` +
            yearsOf(built.plan.period)
              .map((y) => (i.targets[String(y)] === undefined ? '―' : figure(i.targets[String(y)]!)))
              .join('') +
            (i.final ? `${figure(i.final.value)}（${i.final.year}年度）` : '―'),
        ),
      ),
    );
  };

  for (const [format, text] of [
    ['PDF', () => built.pdfText],
    ['Word', () => docxText],
    ['HTML', () => htmlText],
  ] as const)
    it(`prints every indicator’s 基準値, targets and 最終目標 in the ${format} file`, () => {
      const lines = indicatorLines();
      expect(lines.length).toBeGreaterThan(3);
      // The name cell also holds the 種別, unit and direction: compare what follows it.
      const all = squash(text()).replace(/(成果指標|活動指標)・単位：[^・]*・[↑↓→]（[^）]*）/g, '');
      for (const line of lines) expect(all).toContain(line);
      for (const way of ['↑（高いほどよい）', '↓（低いほどよい）', '→（維持）']) expect(squash(text())).toContain(way);
    });

  for (const [format, text] of [
    ['PDF', () => built.pdfText],
    ['Word', () => docxText],
    ['HTML', () => htmlText],
  ] as const)
    it(`prints every SDGs goal of a 施策 or 事業 with its number and name in the ${format} file`, () => {
      const all = squash(text());
      const lists = built.plan.measures.flatMap((m) => [m.sdgs, ...m.projects.map((p) => p.sdgs)]);
      const goals = lists.filter((l): l is number[] => l !== undefined);
      expect(goals.length).toBeGreaterThan(5);
      for (const list of goals) expect(all).toContain(squash(sdgsLine(list)));
    });

  it('draws SDGs labels in the goals’ colours in the HTML, with text that keeps its contrast', () => {
    expect(html).toContain('<span style="background-color: #4C9F38; color: #1A1A1A;">');
    expect(html).toContain('<span style="background-color: #19486A; color: #FFFFFF;">');
  });

  it('prints a 再掲 事業 under its second 施策 with （再掲） and counts its money once, under its first', async () => {
    const repeat = built.plan.measures.flatMap((m) => m.projects.map((p) => ({ m, p }))).find(({ p }) => p.repeatOf)!;
    const original = built.plan.measures
      .flatMap((m) => m.projects.map((p) => ({ m, p })))
      .find(({ p }) => p.id === repeat.p.repeatOf)!;
    const all = squash(built.pdfText);
    // Its row, with the 担当課 and 区分 of the 事業 it repeats.
    expect(repeat.p.department).toBe(original.p.department);
    expect(all).toContain(squash(`${repeat.p.name}（再掲）${original.p.department}`));
    // The 総括表 row of each 施策 is its own 事業費 only: the 再掲 adds nothing to the second.
    const summary = budgetSummary(built.plan);
    for (const { m } of [repeat, original]) {
      const own = yearsOf(built.plan.period).map((y) => m.budget.reduce((s, b) => s + (b.amounts[String(y)] ?? 0), 0));
      const row = summary.measures.find((x) => x.measure.id === m.id)!;
      expect(row.amounts).toEqual(own);
      // …and so it is printed in the 総括表: the 施策's label, then its own amounts and total.
      const label = printedMeasures(built.plan)[built.plan.measures.indexOf(m)]!.heading;
      const printed = `${label}${squash([...own, own.reduce((a, b) => a + b, 0)].map(withCommas).join(''))}`;
      expect(all).toContain(printed);
      expect(squash(docxText)).toContain(printed);
    }
    const period = yearsOf(built.plan.period).map(String);
    expect(summary.grand.total).toBe(
      built.plan.measures
        .flatMap((m) => m.budget)
        .reduce((s, b) => s + period.reduce((t, y) => t + (b.amounts[y] ?? 0), 0), 0),
    );
    expect(repeat.m.budget.some((row) => row.project === repeat.p.id)).toBe(false);
    // Its 担当課's excerpt lists the 事業 once on its first page, with the original's money.
    const [front] = await pdfPages(await readFile(path.join(built.out, '担当課別', `${original.p.department!}.pdf`)));
    expect(squash(front!).split(squash(repeat.p.name)).length - 1).toBe(1);
  });

  it('prints a 施策 without 取組 without a 取組名称 column, and one with 取組 with it', async () => {
    const pages = await pdfPages(built.pdf);
    // The 施策's own first page: its heading above ●施策の方向 (the 目次 and 総括表 name it too).
    const pageOf = (m: Plan['measures'][number]) =>
      squash(
        pages.find((p) =>
          squash(p).includes(
            `${printedMeasures(built.plan)[built.plan.measures.indexOf(m)]!.heading}${squash(sdgsLine(m.sdgs))}●施策の方向`,
          ),
        )!,
      );
    const without = built.plan.measures.find((m) => !m.hasInitiatives)!;
    const withInitiatives = built.plan.measures.find((m) => m.hasInitiatives)!;
    expect(pageOf(without)).not.toContain('取組名称');
    expect(pageOf(withInitiatives)).toContain('取組名称');
  });

  withLibreOffice(
    'prints every amount, Nカ年計 and 担当課 cell in the Word file as LibreOffice lays it out',
    async () => {
      const text = (await pdfPages((await docxToPdf(built.docx)).bytes)).join('\n');
      expect(missingFrom(text, printedMeasures(built.plan))).toEqual([]);
      expect(squash(text)).toMatch(guide());
    },
  );

  describe.skipIf(!CHROMIUM)(
    CHROMIUM ? 'its HTML in Chromium' : 'its HTML in Chromium（Chromium がないため飛ばしました）',
    () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchChromium();
      }, 60_000);
      afterAll(async () => browser?.close());
      for (const width of [1280, 390])
        it(`has no WCAG 2.1 AA violation (axe-core) and no console error at ${width}px`, async () => {
          const file = path.join(built.out, `${built.plan.title}_2025-2029.html`);
          const { violations, problems } = await checkPage(browser, file, width);
          expect(violations).toEqual([]);
          expect(problems).toEqual([]);
        }, 60_000);
    },
  );

  it('gives each 担当課 an excerpt with its own 事務事業, the 凡例 and its share of the 財源', async () => {
    for (const department of built.plan.departments) {
      const pages = await pdfPages(await readFile(path.join(built.out, '担当課別', `${department}.pdf`)));
      const front = squash(pages[0]!);
      const owned = new Set(
        built.plan.measures.flatMap((m) => m.projects.filter((p) => p.department === department).map((p) => p.id)),
      );
      const rows = built.plan.measures.flatMap((m) => m.budget.filter((row) => owned.has(row.project)));
      if (rows.some((row) => row.sources))
        for (const line of fundingLines(rows)) expect(squash(pages.join('')), `${department}: ${line}`).toContain(line);
      expect(front).toContain(squash(`${department}の事務事業と事業費`));
      expect(front).toContain(legend());
      for (const m of built.plan.measures)
        for (const p of m.projects.filter((x) => x.department === department))
          expect(front, `${department}: ${p.name}`).toContain(
            squash(
              `${p.code}${(p.tags ?? []).map((id) => built.plan.tags.find((t) => t.id === id)!.mark).join('')}${p.name}`,
            ),
          );
    }
  });
});

describe('the sample city through validate, roll and diff', () => {
  const DATA = path.join(ROOT, 'examples', 'sample-city', 'data');

  it('names the levels as the plan does in messages, and lists the plan’s own 区分', async () => {
    const file = path.join(DATA, 'measures', '01.yaml');
    const text = (await readFile(file, 'utf8')).replace(/status: 継続/, 'status: 休止');
    const run = await runCli(['validate'], await makeDataDir({ 'measures/01.yaml': text }, DATA));
    expect(run.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('status: 休止')) + 1;
    const name = (await loadPlan(DATA)).measures
      .find((m) => m.id === 'm01')!
      .projects.find((p) => p.status === '継続')!.name;
    expect(errorLines(run.stdout)).toEqual([
      `data/measures/01.yaml:${line}:13: エラー: 事務事業「${name}」の区分「休止」は、この計画の区分（新規・拡充・継続・完了）にありません（plan.yaml の statuses）`,
    ]);
  });

  it('rolls 5 years into 5 years, 施策 without 取組 included, every new year marked for confirmation', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'keikaku-roll-shape-'));
    const run = await runCli(['roll', '--data', DATA, '--to', '2026', '--out', 'rolled'], work);
    expect(run.code).toBe(0);
    const read = await readDataDir(path.join(work, 'rolled'), work);
    const result = validatePlan(read.files, read.diagnostics);
    expect(result.value?.period).toEqual({ start: 2026, end: 2030 });
    const plan = result.value!;
    const rows = plan.measures.reduce((n, m) => n + m.initiatives.reduce((k, t) => k + t.rows.length, 0), 0);
    const budgets = plan.measures.reduce((n, m) => n + m.budget.length, 0);
    // Indicators with a target for the old last year (2029) get 2030's from it.
    const indicators = plan.measures
      .flatMap((m) => [...(m.indicators ?? []), ...m.projects.flatMap((p) => p.indicators ?? [])])
      .filter((i) => i.carriedOver?.includes(2030)).length;
    expect(indicators).toBeGreaterThan(0);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(Array(rows + budgets + indicators).fill('carried-over'));
    const direct = plan.measures.find((m) => !m.hasInitiatives)!;
    expect(direct.initiatives[0]!.rows.every((r) => r.carriedOver?.includes(2030))).toBe(true);
  });

  it('compares codes, 区分 and 目印 (by name), and rows of a 施策 without 取組 by 事務事業 alone', async () => {
    const old = await loadPlan(DATA);
    const direct = old.measures.find((m) => !m.hasInitiatives)!;
    const project = direct.projects[0]!;
    const row = direct.initiatives[0]!.rows.find((r) => r.project === project.id)!;
    // The first item of the first year that has one: the one the edit below changes.
    const [year, items] = Object.entries(row.schedule).find(([, list]) => list.length > 0)!;
    const item = items[0]!;
    const file = path.relative(DATA, direct.file.replace(/^.*examples\/sample-city\/data\//, `${DATA}/`));
    const text = (await readFile(path.join(DATA, file), 'utf8'))
      .replace(`code: "${project.code}"`, 'code: "9999"')
      .replace(`status: ${project.status}`, `status: ${project.status === '完了' ? '継続' : '完了'}`)
      .replace(item, `${item}と見直し`)
      .replace(`title: ${direct.title}\n`, `title: ${direct.title}\ntags: [strategy]\n`);
    const work = await makeDataDir({ [file]: text }, DATA);
    const run = await runCli(['diff', '--old', DATA, '--new', 'data', ...TEMPLATE_ARGS, '--format', 'pdf'], work);
    expect(run.code).toBe(0);
    const [pdf] = (await readdir(path.join(work, 'out'))).filter((n) => n.endsWith('.pdf'));
    const page = squash((await pdfPages(await readFile(path.join(work, 'out', pdf!)))).join(''));
    expect(page).toContain(squash(`施策${direct.code}　${direct.title}`));
    expect(page).toContain(squash(`事務事業「${project.name}」のコード`));
    expect(page).toContain(squash(`事務事業「${project.name}」の区分`));
    expect(direct.tags).toBeUndefined();
    expect(page).toContain(squash(`目印総合戦略（未記入）`));
    expect(page).toContain(squash(`${project.name}／${year}年度`));
    expect(page).not.toContain(squash(`取組「①${direct.title}」`));
  });
});

describe('the sample city’s indicators and SDGs in the 新旧対照表', () => {
  it('shows a changed target by year, and a changed list of SDGs goals', async () => {
    const DATA = path.join(ROOT, 'examples', 'sample-city', 'data');
    const text = (await readFile(path.join(DATA, 'measures', '01.yaml'), 'utf8'))
      .replace('targets: { 2025: 45, 2026: 46.5,', 'targets: { 2025: 45, 2026: 47,')
      .replace('sdgs: [3, 4]', 'sdgs: [3, 4, 5]');
    const work = await makeDataDir({ 'measures/01.yaml': text }, DATA);
    const run = await runCli(['diff', '--old', DATA, '--new', 'data', ...TEMPLATE_ARGS, '--format', 'pdf'], work);
    expect(run.code).toBe(0);
    const [pdf] = (await readdir(path.join(work, 'out'))).filter((n) => n.endsWith('.pdf'));
    const page = squash((await pdfPages(await readFile(path.join(work, 'out', pdf!)))).join(''));
    expect(page).toContain(squash('指標「子育て環境に満足している保護者の割合」／2026年度の目標値47％46.5％'));
    expect(page).toContain(squash('SDGs3、4、53、4'));
  });
});

describe('a table that cannot fit the page', () => {
  it('fails the build with a message naming the template and the table, and writes nothing', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-narrow-')), 'data');
    await reshapePeriod(dir, 5);
    const templates = path.join(path.dirname(dir), 'templates');
    await cp(path.join(ROOT, 'templates'), templates, { recursive: true });
    const theme = await readFile(path.join(templates, 'theme.yaml'), 'utf8');
    await writeFile(path.join(templates, 'theme.yaml'), theme.replace('minColumnWidth: 27 ', 'minColumnWidth: 60 '));
    const source = await readFile(path.join(templates, 'partials', 'budget-summary.hbs'), 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes('<table class="summary"')) + 1;
    const run = await runCli(['build', '--data', dir, '--templates', templates, '--out', 'out'], path.dirname(dir));
    expect(run.code).toBe(1);
    // A year column's text width: 15 of 17 + 26 + 5 × 15 + 15 = 133 parts of the A4 page less its
    // margins (20 mm binding side, 45 pt outer) and 8 columns' padding (8 pt) and 9 rules (0.6 pt).
    const yearColumn = ((595.28 - (20 * 72) / 25.4 - 45 - 8 * 8 - 9 * 0.6) * 15) / 133;
    expect(errorLines(run.stdout + run.stderr)).toEqual([
      `templates/partials/budget-summary.hbs:${line}:5: エラー: 表「事業費総括表（施策別、単位：千円）」: 8列のうち3列目の文字の幅が${yearColumn.toFixed(1)}ptしかなく、用紙の幅に収まりません（最低60pt。theme.yaml の table.minColumnWidth）。年度の列が多すぎないか、data-widths の比を見直してください`,
    ]);
    await expect(readdir(path.join(path.dirname(dir), 'out'))).rejects.toThrow();
  });
});
