// keikaku diff: the 新旧対照表 shows exactly what changed, matched by id, side by side.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { diffPlans } from '../src/plan/plan-diff.ts';
import { diffView, formatDifference } from '../src/views/diff-view.ts';
import { FIXTURES, runCli } from './helpers/cli.ts';
import { docxParagraphs, pdfPages, squash } from './helpers/extract.ts';
import { seedWithFourChanges } from './helpers/four-changes.ts';
import { loadPlan, ROOT, TEMPLATE_ARGS } from './helpers/plan.ts';
import { itSlow } from './helpers/quick.ts';

interface Measure12 {
  projects: Record<string, unknown>[];
  initiatives: { id: string; name: string; rows: Record<string, unknown>[] }[];
  budget: Record<string, unknown>[];
}

const NAME = '新旧対照表_2024-2026_2024-2026';
let work: string;
let changed: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'keikaku-diff-'));
  changed = path.join(work, 'changed');
  await seedWithFourChanges(changed);
});

describe('the comparison', () => {
  it('finds exactly the four changes: one amount, one sentence, one added 取組, one removed 事業', async () => {
    const diff = diffPlans(await loadPlan(), await loadPlan(changed));
    expect(diff.unchanged).toBe(10);
    expect(diff.measures.map((m) => ({ number: m.number, changes: m.changes, budget: m.budget }))).toEqual([
      { number: 1, changes: [], budget: [{ project: '地域振興事業', year: 2025, before: 132, after: 140 }] },
      {
        number: 3,
        changes: [
          {
            kind: 'changed',
            label: '施策の方向',
            before: '町民が主体的に取り組む公益性のある事業については、今後も住民協働事業制度をつうじて支援します。',
            after:
              '町民が主体的に取り組む公益性のある事業については、今後も住民協働事業制度を通じて積極的に支援します。',
          },
        ],
        budget: [],
      },
      {
        number: 5,
        changes: [{ kind: 'removed', label: '事業', before: '人権教育の推進（担当課未記入・新規・継続未記入）' }],
        budget: [],
      },
      {
        number: 9,
        changes: [
          {
            kind: 'added',
            label: '取組',
            after:
              '③オープンデータの公開\n［情報共有化の推進］\n2024年度：公開するデータの選定\n2025年度：データの公開\n2026年度：データの更新',
          },
        ],
        budget: [],
      },
    ]);
    expect(diff.totals.map((t) => t.after - t.before)).toEqual([0, 8, 0]);
  });

  it('matches by id: a renamed 取組 is one change, not a removal and an addition', async () => {
    const renamed = path.join(work, 'renamed');
    await cp(path.join(ROOT, 'data'), renamed, { recursive: true });
    const file = path.join(renamed, 'measures', '12.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('name: 行政の電子化の推進', 'name: 行政のデジタル化の推進'),
    );
    const diff = diffPlans(await loadPlan(), await loadPlan(renamed));
    expect(diff.measures.map((m) => [m.number, m.changes])).toEqual([
      [12, [{ kind: 'changed', label: '取組名', before: '行政の電子化の推進', after: '行政のデジタル化の推進' }]],
    ]);
  });

  describe('matches 取組 and 事業 by id, never by position', () => {
    /** The seed with 施策12's data changed by `edit` (on the parsed file), compared with the seed. */
    async function changesIn12(edit: (measure: Measure12) => void) {
      const dir = path.join(work, `m12-${Math.random().toString(36).slice(2)}`);
      await cp(path.join(ROOT, 'data'), dir, { recursive: true });
      const file = path.join(dir, 'measures', '12.yaml');
      const measure = YAML.parse(await readFile(file, 'utf8')) as Measure12;
      edit(measure);
      await writeFile(file, YAML.stringify(measure));
      const diff = diffPlans(await loadPlan(), await loadPlan(dir));
      return diff.measures.map((m) => [m.number, m.changes, m.budget]);
    }

    it('a 取組 inserted before the others is one addition with its plan, saying that the others are renumbered', async () => {
      const changes = await changesIn12((m) =>
        m.initiatives.unshift({
          id: 's12-t9',
          name: '窓口の電子化',
          rows: [{ project: 's12-j3', schedule: { 2024: ['検討'], 2025: ['導入'], 2026: ['運用'] } }],
        }),
      );
      expect(changes).toEqual([
        [
          12,
          [
            {
              kind: 'added',
              label: '取組',
              after:
                '①窓口の電子化\n［出納事務費］\n2024年度：検討\n2025年度：導入\n2026年度：運用\n（これより後の取組の番号が1つずつ繰り下がります）',
            },
          ],
          [],
        ],
      ]);
    });

    it('a 事業 inserted before the others is one addition, with its plan items and its 事業費', async () => {
      const changes = await changesIn12((m) => {
        m.projects.unshift({ id: 's12-j9', name: '公共施設の再配置', department: '財政課', status: '新規' });
        m.initiatives[4]!.rows.unshift({
          project: 's12-j9',
          schedule: { 2024: ['計画'], 2025: ['実施'], 2026: ['実施'] },
        });
        m.budget.unshift({ project: 's12-j9', amounts: { 2024: 50, 2025: 0, 2026: 1200 } });
      });
      expect(changes).toEqual([
        [
          12,
          [
            {
              kind: 'added',
              label: '事業',
              after: '公共施設の再配置（財政課・新規）\n2024年度：計画\n2025年度：実施\n2026年度：実施',
            },
          ],
          [
            { project: '公共施設の再配置', year: 2024, after: 50 },
            { project: '公共施設の再配置', year: 2025, after: 0 },
            { project: '公共施設の再配置', year: 2026, after: 1200 },
          ],
        ],
      ]);
    });

    it('取組 put in another order are one change, listing the old and the new numbering', async () => {
      const changes = await changesIn12((m) => m.initiatives.splice(0, 2, m.initiatives[1]!, m.initiatives[0]!));
      expect(changes).toEqual([
        [
          12,
          [
            {
              kind: 'changed',
              label: '取組の順序',
              before:
                '①財源の安定的な確保\n②財政運営の効率化\n③行政事務の効率的な運営\n④行政の電子化の推進\n⑤町有地の有効活用',
              after:
                '①財政運営の効率化\n②財源の安定的な確保\n③行政事務の効率的な運営\n④行政の電子化の推進\n⑤町有地の有効活用',
            },
          ],
          [],
        ],
      ]);
    });

    it('事業 put in another order are no change (nothing is numbered by their order)', async () => {
      expect(await changesIn12((m) => m.projects.reverse())).toEqual([]);
    });
  });

  it('prints a decrease with △ (the budget tables’ mark), an increase with +, in the 事業 rows and the totals', async () => {
    const dir = path.join(work, 'decrease');
    await cp(path.join(ROOT, 'data'), dir, { recursive: true });
    const file = path.join(dir, 'measures', '01.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'amounts: { 2024: 132, 2025: 132, 2026: 132 }',
        'amounts: { 2024: 132, 2025: 120, 2026: 1366 }',
      ),
    );
    const view = diffView(diffPlans(await loadPlan(), await loadPlan(dir)), await loadPlan(), await loadPlan(dir));
    expect(view.measures[0]!.budget).toEqual([
      { project: '地域振興事業', year: '2025年度', left: '120', right: '132', difference: '△12' },
      { project: '地域振興事業', year: '2026年度', left: '1,366', right: '132', difference: '+1,234' },
    ]);
    expect(view.totals.map((t) => t.difference)).toEqual(['0', '△12', '+1,234']);
    expect([formatDifference(-1234567), formatDifference(1234), formatDifference(0)]).toEqual([
      '△1,234,567',
      '+1,234',
      '0',
    ]);
  });

  it('underlines the changed phrases (not single characters), on both sides, and shortens the unchanged stretch', async () => {
    const view = diffView(
      diffPlans(await loadPlan(), await loadPlan(changed)),
      await loadPlan(),
      await loadPlan(changed),
    );
    const row = view.measures[1]!.rows[0]!;
    expect(row.left.segments).toEqual([
      { text: '…今後も住民協働事業制度を', changed: false },
      { text: '通じて積極的に', changed: true },
      { text: '支援します。', changed: false },
    ]);
    expect(row.right.segments.filter((s) => s.changed).map((s) => s.text)).toEqual(['つうじて']);
    expect([view.leftLabel, view.rightLabel]).toEqual(['改正後', '改正前']);
    const reversed = diffView(
      diffPlans(await loadPlan(), await loadPlan(changed)),
      await loadPlan(),
      await loadPlan(changed),
      'old-first',
    );
    expect([reversed.leftLabel, reversed.rightLabel]).toEqual(['改正前', '改正後']);
    expect(reversed.measures[1]!.rows[0]!.left).toEqual(row.right);
  });
});

describe('keikaku diff', () => {
  itSlow(
    'writes the 新旧対照表 as PDF and Word, showing those four changes and no other 施策',
    async () => {
      const run = await runCli(
        ['diff', '--old', path.join(ROOT, 'data'), '--new', changed, ...TEMPLATE_ARGS, '--out', 'out'],
        work,
      );
      expect(run.code).toBe(0);
      const pdf = squash((await pdfPages(await readFile(path.join(work, 'out', `${NAME}.pdf`)))).join(''));
      const docx = squash((await docxParagraphs(await readFile(path.join(work, 'out', `${NAME}.docx`)))).join(''));
      const plan = await loadPlan();
      for (const text of [pdf, docx]) {
        expect(text).toContain(squash('施策1　地域活動の活性化事業費の変更1件'));
        expect(text).toContain(squash('地域振興事業2025年度140132+8'));
        expect(text).toContain(squash('通じて積極的に支援します。'));
        expect(text).toContain(squash('（削除）人権教育の推進'));
        expect(text).toContain(
          squash(
            '③オープンデータの公開［情報共有化の推進］2024年度：公開するデータの選定2025年度：データの公開2026年度：データの更新（新設）',
          ),
        );
        expect(text).toContain(squash('変更のない施策（10件）'));
        for (const m of plan.measures.filter((x) => ![1, 3, 5, 9].includes(x.number)))
          expect(text).not.toContain(squash(`施策${m.number}　${m.title}`));
      }
    },
    60_000,
  );

  itSlow(
    '--old-rev reads the old data from a git revision',
    async () => {
      const repo = await mkdtemp(path.join(tmpdir(), 'keikaku-git-'));
      await cp(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
      git('init', '-q', '-b', 'main');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'plan');
      // The work tree gets the changed data; the commit keeps the seed.
      await cp(changed, path.join(repo, 'data'), { recursive: true, force: true });
      const run = await runCli(['diff', '--old-rev', 'main', ...TEMPLATE_ARGS, '--format', 'pdf'], repo);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(0);
      const pdf = squash((await pdfPages(await readFile(path.join(repo, 'out', `${NAME}.pdf`)))).join(''));
      expect(pdf).toContain(squash('③オープンデータの公開'));
      const missing = await runCli(['diff', '--old-rev', 'no-such-branch', ...TEMPLATE_ARGS], repo);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain(
        'no-such-branch:data: エラー: git のリビジョン「no-such-branch」が見つかりません',
      );
    },
    60_000,
  );

  itSlow(
    '--old-rev without git says so, and names the way round it (--old)',
    () => {
      // A town-hall PC may have no git: the CLI in a process whose PATH finds none.
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'keikaku.js'), 'diff', '--old-rev', 'main'], {
        cwd: ROOT,
        env: { ...process.env, PATH: '' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        'main:data: エラー: git が見つかりません。git を入れるか、--old-rev の代わりに --old で前の年度のデータのフォルダを指定してください',
      );
      expect(run.stderr).not.toContain('    at ');
    },
    60_000,
  );

  itSlow(
    '--old-rev reads measure files whose names are not ASCII (git quotes them unless told not to)',
    async () => {
      const repo = await mkdtemp(path.join(tmpdir(), 'keikaku-git-ja-'));
      await cp(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
      // Staff name files as they like: every 施策 file gets a Japanese name.
      const measures = path.join(repo, 'data', 'measures');
      for (const name of await readdir(measures))
        await rename(path.join(measures, name), path.join(measures, `施策${name}`));
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
      git('init', '-q', '-b', 'main');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'plan');
      const run = await runCli(['diff', '--old-rev', 'main', ...TEMPLATE_ARGS, '--format', 'html'], repo);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(0);
      // Nothing changed: had the old plan lost its files, all 14 施策 would show as 新設.
      const html = (await readFile(path.join(repo, 'out', `${NAME}.html`), 'utf8')).replace(/<\/?span[^>]*>/g, '');
      expect(html).toContain('変更はありません。');
      expect(html).toContain('変更のない施策（14件）');
    },
    60_000,
  );

  it('compares a rolled plan over the years both have, shows the entering year as new, and sums up the leaving one', async () => {
    const rolled = path.join(work, 'rolled');
    expect(
      (await runCli(['roll', '--data', path.join(ROOT, 'data'), '--to', '2025', '--out', rolled], work)).code,
    ).toBe(0);
    const run = await runCli(
      [
        'diff',
        '--old',
        path.join(ROOT, 'data'),
        '--new',
        rolled,
        ...TEMPLATE_ARGS,
        '--format',
        'pdf',
        '--out',
        'rolled-out',
      ],
      work,
    );
    expect(run.code).toBe(0);
    const pdf = squash(
      (await pdfPages(await readFile(path.join(work, 'rolled-out', '新旧対照表_2024-2026_2025-2027.pdf')))).join(''),
    );
    expect(pdf).toContain(squash('計画期間：改正後 2025年度～2027年度／改正前 2024年度～2026年度'));
    expect(pdf).toContain(squash('2025年度（令和7年度）73,84373,8430'));
    // 2027 enters with what roll copied from 2026: every row's items, and the 事業費 as new.
    const seed = await loadPlan();
    const total = (year: number) =>
      seed.measures.reduce((s, m) => s + m.budget.reduce((t, b) => t + (b.amounts[String(year)] ?? 0), 0), 0);
    const withCommas = (n: number) => n.toLocaleString('en-US');
    expect(pdf).toContain(squash(`2027年度（令和9年度）${withCommas(total(2026))}―+${withCommas(total(2026))}`));
    const first = seed.measures[0]!.initiatives[0]!;
    const project = seed.measures[0]!.projects.find((p) => p.id === first.rows[0]!.project)!;
    expect(pdf).toContain(
      squash(
        `取組「①${first.name}」／${project.name}／2027年度（計画期間に加わる年度）${first.rows[0]!.schedule['2026']!.map((i) => `・${i}`).join('')}（新設）`,
      ),
    );
    expect(pdf).not.toContain(squash('変更はありません。'));
    // 2024 leaves: what the old plan had for it, summed up.
    const items = seed.measures.reduce(
      (n, m) =>
        n +
        m.initiatives.reduce((k, t) => k + t.rows.reduce((j, row) => j + (row.schedule['2024']?.length ?? 0), 0), 0),
      0,
    );
    expect(pdf).toContain(
      squash(
        `計画期間から外れた年度：2024年度（令和6年度）。改正前の計画での事業費の合計は ${withCommas(total(2024))}（単位：千円）、計画の項目は ${items}件です`,
      ),
    );
  }, 60_000);

  it('--old-rev REV:PATH reads any folder of a revision (last year’s data kept in its own folder)', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'keikaku-git-path-'));
    await cp(path.join(FIXTURES, 'minimal'), path.join(repo, 'plans', 'data-2024'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: repo,
        stdio: 'pipe',
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', '2024');
    const rolled = await runCli(['roll', '--data', 'plans/data-2024', '--to', '2025', '--out', 'data'], repo);
    expect(rolled.code).toBe(0);
    for (const old of ['main:plans/data-2024', 'main:./plans/data-2024/']) {
      const run = await runCli(['diff', '--old-rev', old, ...TEMPLATE_ARGS, '--format', 'html', '--out', 'out'], repo);
      expect(run.code, run.stdout).toBe(0);
      const html = (await readFile(path.join(repo, 'out', '新旧対照表_2024-2026_2025-2027.html'), 'utf8')).replace(
        /<\/?span[^>]*>/g,
        '',
      );
      expect(html).toContain(
        '計画期間から外れた年度：2024年度（令和6年度）。改正前の計画での事業費の合計は 100（単位：千円）',
      );
    }
    // A revision that git would take for one of its options is refused before git runs.
    const option = await runCli(['diff', '--old-rev=--output=x:data', ...TEMPLATE_ARGS], repo);
    expect(option.code).toBe(1);
    expect(option.stdout).toContain('「--output=x」は git のリビジョンとして使えません');
    const missing = await runCli(['diff', '--old-rev', 'main:plans/data-2023', ...TEMPLATE_ARGS], repo);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(
      'main:plans/data-2023: エラー: リビジョン「main」に plans/data-2023/plan.yaml がありません',
    );
  });

  it('needs exactly one of --old and --old-rev', async () => {
    expect((await runCli(['diff'], work)).code).toBe(2);
    expect((await runCli(['diff', '--old', 'a', '--old-rev', 'b'], work)).code).toBe(2);
  });
});
