// ARCHITECTURE.md's recipe for a new data field, followed for the optional 備考 (note) of a
// 事業: declared once in the schema, it reaches every format and the 新旧対照表.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../src/plan/plan-diff.ts';
import { diffView } from '../src/views/diff-view.ts';
import { errorLines, makeDataDir, runCli } from './helpers/cli.ts';
import { docxParagraphs, pdfPages, squash } from './helpers/extract.ts';
import { loadPlan, ROOT } from './helpers/plan.ts';
import { itSlow } from './helpers/quick.ts';

const NOTE = '地区集会所の改修に充てる予定';
const WITH_NOTE = '    name: 地域振興事業\n    department: 政策企画課\n    status: 継続\n';

async function seedWithNote(note: string): Promise<string> {
  const text = await readFile(path.join(ROOT, 'data', 'measures', '01.yaml'), 'utf8');
  const edited = text.replace(WITH_NOTE, `${WITH_NOTE}    note: ${note}\n`);
  if (edited === text) throw new Error('the note was not added to 01.yaml');
  return makeDataDir({ 'measures/01.yaml': edited }, path.join(ROOT, 'data'));
}

describe('an optional 備考 on a 事業 (the recipe for a new field)', () => {
  itSlow('prints under the 事業 in the PDF, the Word file and the HTML', async () => {
    const cwd = await seedWithNote(NOTE);
    const run = await runCli(['build', '--templates', path.join(ROOT, 'templates'), '--measure', '1'], cwd);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const file = (ext: string) => readFile(path.join(cwd, 'out', `実施計画_2024-2026_施策1.${ext}`));
    // In the 事業 cell: name, 担当課, 新規・継続, then the note.
    const cell = `地域振興事業政策企画課継続※${NOTE}`;
    expect(squash((await pdfPages(await file('pdf'))).join(''))).toContain(cell);
    expect(squash((await docxParagraphs(await file('docx'))).join(''))).toContain(cell);
    const html = (await file('html')).toString('utf8');
    expect(html).toContain(`<p class="project-note">※${NOTE}</p>`);
    // Only where it was given: the other 事業 of the 施策 print no ※ line.
    expect(html.match(/class="project-note"/g)).toHaveLength(1);
  });

  it('is compared in the 新旧対照表, labelled with its term from the schema', async () => {
    const before = await loadPlan(path.join(await seedWithNote('旧い補足'), 'data'));
    const after = await loadPlan(path.join(await seedWithNote(NOTE), 'data'));
    const view = diffView(diffPlans(before, after), before, after);
    const rows = view.measures.flatMap((m) => m.rows);
    expect(rows.map((r) => r.label)).toEqual(['事業「地域振興事業」の備考']);
    expect(rows[0]!.left.segments.map((s) => s.text).join('')).toBe(NOTE);

    const added = diffPlans(await loadPlan(), after);
    expect(added.measures.flatMap((m) => m.changes)).toEqual([
      { kind: 'changed', label: '事業「地域振興事業」の備考', before: '（未記入）', after: NOTE },
    ]);
  });

  it('is checked like every text: an empty note is an error at its place', async () => {
    const cwd = await seedWithNote("''");
    const run = await runCli(['validate'], cwd);
    expect(run.code).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      'data/measures/01.yaml:20:11: エラー: note（備考）: 空にはできません。文字を書いてください',
    ]);
  });
});
