// Templates are input too: each way a template (or the data it repeats) can go wrong stops the
// build with a message at the template's file and line, never a crash, an exhausted memory, a
// script or style injected into the HTML, or a 目次 link that jumps to the wrong place.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKUP_LIMITS } from '../src/ir/parse-markup.ts';
import { errorLines, makeDataDir, runCli } from './helpers/cli.ts';
import { ROOT } from './helpers/plan.ts';

const COVER = 'templates/partials/cover.hbs';

/** Builds the minimal plan with the cover partial replaced; out/ must stay empty on failure. */
async function buildWithCover(text: string, data: Record<string, string> = {}) {
  const work = await makeDataDir(data);
  execFileSync('cp', ['-r', path.join(ROOT, 'templates'), path.join(work, 'templates')]);
  await writeFile(path.join(work, COVER), text);
  const run = await runCli(['build', '--format', 'html', '--no-departments'], work);
  const written = await readdir(path.join(work, 'out')).catch(() => [] as string[]);
  return { ...run, errors: errorLines(run.stdout), written: written.filter((n) => !n.startsWith('.')) };
}

const cover = (inner: string) => `<section class="cover" data-page-numbers="no">\n${inner}\n</section>\n`;

describe('template limits', () => {
  it.each([
    ['lookup', '{{lookup this "municipality"}}'],
    ['log', '{{log municipality}}'],
  ])('refuses Handlebars’ %s helper, which the documentation does not offer', async (name, call) => {
    const run = await buildWithCover(cover(`  <p>${call}</p>`));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `${COVER}:2:6: エラー: テンプレートの誤り: 不明なヘルパー「${name}」です（使えるヘルパー: lines）`,
    ]);
    expect(run.written).toEqual([]);
  });

  it('checks a partial that no document includes, as it checks the others', async () => {
    const work = await makeDataDir();
    execFileSync('cp', ['-r', path.join(ROOT, 'templates'), path.join(work, 'templates')]);
    const unused = 'templates/partials/unused.hbs';
    await writeFile(path.join(work, unused), '<p>{{lookup this "municipality"}}</p>\n');
    const run = await runCli(['build', '--format', 'html', '--no-departments'], work);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      `${unused}:1:4: エラー: テンプレートの誤り: 不明なヘルパー「lookup」です（使えるヘルパー: lines）`,
    ]);
  });

  it('allows one 目次 only: the second one met is the error', async () => {
    const run = await buildWithCover(cover('  <toc title="もう一つの目次"></toc>'));
    // The cover comes first in the document, so plan.hbs's own 目次 is the second.
    const plan = (await readFile(path.join(ROOT, 'templates', 'plan.hbs'), 'utf8')).split('\n');
    const line = plan.findIndex((l) => l.includes('<toc'));
    expect(run.errors).toEqual([
      `templates/plan.hbs:${line + 1}:${plan[line]!.indexOf('<toc') + 1}: エラー: 目次（<toc>）は文書に1つだけ書けます`,
    ]);
  });

  it(`refuses markup nested deeper than ${MARKUP_LIMITS.depth} levels, without exhausting the stack`, async () => {
    const depth = 10_000;
    const run = await buildWithCover(cover(`  ${'<div>'.repeat(depth)}<p>深い</p>${'</div>'.repeat(depth)}`));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `${COVER}:2:3: エラー: タグの入れ子が深すぎます（${MARKUP_LIMITS.depth}段まで）。テンプレートの入れ子を確かめてください`,
    ]);
  });

  it('refuses a table of more columns, or a span wider or longer, than the limits', async () => {
    const widths = Array(MARKUP_LIMITS.columns + 1)
      .fill(1)
      .join(',');
    const wide = await buildWithCover(cover(`  <table data-widths="${widths}"><tr><td>a</td></tr></table>`));
    expect(wide.errors).toEqual([
      `${COVER}:2:3: エラー: 表の列は${MARKUP_LIMITS.columns}列までです（data-widths に${MARKUP_LIMITS.columns + 1}列あります）`,
    ]);
    const table = '  <table data-widths="1"><tr><td colspan="1000000000">a</td></tr></table>';
    const span = await buildWithCover(cover(table));
    expect(span.errors).toEqual([
      `${COVER}:2:${table.indexOf('<td') + 1}: エラー: colspan は1から${MARKUP_LIMITS.columns}までの整数です（「1000000000」が書かれています）`,
    ]);
  });

  it('refuses a list marker that could close the HTML attribute or the CSS string it is written in', async () => {
    const run = await buildWithCover(cover(`  <ul data-marker="'; background: red; '"><li>項目</li></ul>`));
    expect(run.errors).toEqual([
      `${COVER}:2:3: エラー: data-marker は記号を3文字までで書いてください（空白・引用符・\\ ; { } < > は使えません。「'; background: red; '」が書かれています）`,
    ]);
    expect(run.written).toEqual([]);
  });

  it('refuses an id written twice, such as a 施策 whose id is that of a heading', async () => {
    const measure = await readFile(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'measures', '01.yaml'), 'utf8');
    const work = await makeDataDir({ 'measures/01.yaml': measure.replace('id: s01\n', 'id: outline\n') });
    execFileSync('cp', ['-r', path.join(ROOT, 'templates'), path.join(work, 'templates')]);
    const run = await runCli(['build', '--format', 'html'], work);
    expect(run.code).toBe(1);
    const outline = (await readFile(path.join(ROOT, 'templates', 'partials', 'measure.hbs'), 'utf8'))
      .split('\n')
      .findIndex((l) => l.includes('<section class="measure"'));
    expect(errorLines(run.stdout)).toEqual([
      `templates/partials/measure.hbs:${outline + 1}:1: エラー: id「outline」が文書の中で2回使われています。目次のリンクが別の場所に飛ぶため、重ならないようにしてください（施策などの ID（id）がテンプレートの見出しの id と同じになっていないかも確かめてください）`,
    ]);
  });
});
