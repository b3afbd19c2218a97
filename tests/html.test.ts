// The HTML edition and the live preview, checked in a real browser (Debian's Chromium through
// playwright-core) with axe-core for WCAG 2.1 AA.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startPreview } from '../src/preview/preview-server.ts';
import { makeDataDir, runCli } from './helpers/cli.ts';
import { checkPage, CHROMIUM, launchChromium } from './helpers/browser.ts';
import { loadPlan, ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';

let work: string;
let html: string;
/** The HTML without the no-wrap spans around numbers, for comparing markup with text. */
let bare: string;

beforeAll(async () => {
  work = await makeDataDir({}, path.join(ROOT, 'data'));
  const run = await runCli(['build', ...TEMPLATE_ARGS, '--format', 'html'], work);
  expect(run.code).toBe(0);
  html = await readFile(path.join(work, 'out', '実施計画_2024-2026.html'), 'utf8');
  bare = html.replace(/<span class="nw">([^<]*)<\/span>/g, '$1');
}, 60_000);

describe('the HTML edition', () => {
  it('is Japanese, self-contained, with a table of contents linking to a section per 施策', async () => {
    const plan = await loadPlan();
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//); // no request leaves the file
    expect(html).not.toMatch(/<link |<script|@import|url\(/);
    for (const m of plan.measures) {
      expect(bare).toContain(`<section class="measure" id="${m.id}">`);
      expect(bare).toContain(`<a href="#measure-${m.id}">施策 ${m.number}　${m.title}</a>`);
      // Its number hangs: 施策 and the number, a space, and a full-width space (3.5 em and ½ em a digit).
      const em = 3.5 + String(m.number).length / 2;
      expect(bare).toContain(
        `<h4 id="measure-${m.id}" class="measure" style="padding-left: ${em}em; text-indent: -${em}em">施策 ${m.number}　${m.title}</h4>`,
      );
    }
    expect(html).toContain('font-family: "BIZ UDGothic"');
    expect(html).toContain('@media print');
  });

  it('has one <h1>, the document title, and headings that never skip a level', () => {
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    expect(html).toContain('<h1 class="document-title">利根町 実施計画（2024年度～2026年度）</h1>');
    const skips = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]}→h${l}`] : []));
    expect(skips).toEqual([]);
  });

  it('has real tables: captions, header scopes, 取組 spanning their rows, amounts right-aligned', () => {
    expect(bare).toContain('<caption>施策12の主な取組内容</caption>');
    expect(bare).toContain('<th scope="col" rowspan="2">取組名称</th>');
    expect(bare).toContain('<th scope="colgroup" colspan="3">向こう3か年事業計画</th>');
    // The 取組's number hangs: a wrapped name starts under the name (2 em: ④ and one space).
    expect(bare).toContain(
      '<td rowspan="2" class="initiative-name"><p style="padding-left: 2em; text-indent: -2em">④　行政の電子化の推進</p></td>',
    );
    // The thousands comma set narrower (.cm), as in the PDF and the Word file.
    expect(bare).toContain(
      '<td class="align-right"><b><span class="nw">132<span class="cm">,</span>937</span></b></td>',
    );
    expect(html).toContain('<span class="nw">2024年度</span>'); // a number stays with its counter
    expect((html.match(/<table/g) ?? []).length).toBe((html.match(/<caption>/g) ?? []).length);
  });
});

describe.skipIf(!CHROMIUM)(CHROMIUM ? 'in Chromium' : 'in Chromium（Chromium がないため飛ばしました）', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  for (const [device, width] of [
    ['desktop', 1280],
    ['phone', 390],
  ] as const) {
    it(`loads with no console error and no WCAG 2.1 AA violation (axe-core), ${device} width`, async () => {
      const { violations, problems } = await checkPage(
        browser,
        path.join(work, 'out', '実施計画_2024-2026.html'),
        width,
      );
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    }, 60_000);
  }

  it('a 担当課 excerpt loads with no console error and no WCAG 2.1 AA violation (axe-core)', async () => {
    const { violations, problems } = await checkPage(browser, path.join(work, 'out', '担当課別', '住民課.html'), 1280);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('keikaku preview shows a change to a data file within 2 seconds, and data errors in the page', async () => {
    const dir = await makeDataDir({}, path.join(ROOT, 'data'));
    const preview = await startPreview({
      cwd: dir,
      dataDir: 'data',
      templatesDir: path.join(ROOT, 'templates'),
      port: 0,
    });
    try {
      const page = await browser.newPage();
      await page.goto(preview.url);
      await page.getByRole('heading', { name: '施策 1　地域活動の活性化' }).waitFor();
      const file = path.join(dir, 'data', 'measures', '01.yaml');
      const original = await readFile(file, 'utf8');
      const start = performance.now();
      await writeFile(file, original.replace('title: 地域活動の活性化', 'title: 地域活動のさらなる活性化'));
      await page.getByRole('heading', { name: '施策 1　地域活動のさらなる活性化' }).waitFor({ timeout: 2000 });
      expect(performance.now() - start).toBeLessThan(2000);

      await writeFile(file, original.replace('title: 地域活動の活性化', 'titel: 地域活動の活性化'));
      await page.getByText('データにエラーがあります').waitFor({ timeout: 2000 });
      expect(await page.textContent('main')).toContain('data/measures/01.yaml:6:1: エラー: 不明なキー「titel」です');

      await writeFile(file, original);
      await page.getByRole('heading', { name: '施策 1　地域活動の活性化' }).waitFor({ timeout: 2000 });
      await page.close();
    } finally {
      await preview.close();
    }
  }, 60_000);
});

if (!CHROMIUM) {
  describe('without Chromium', () => {
    if (process.env.CI === 'true') {
      it('is required in CI', () => {
        throw new Error('Chromium が見つかりません。CI では .ci/run が chromium を入れます');
      });
    }
  });
}
