// keikaku sheets: the plan as spreadsheets, for the people around the data.
//   list    the 事業一覧 for 財政課 (xlsx, totals as live formulas) and for open data (CSV)
//   export  a 照会票 per 担当課 (out/照会票/<担当課>.xlsx), for departments to answer in Excel
//   import  answered 照会票 back into the YAML, checked cell by cell
import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary } from '../diagnostics/reporters.ts';
import type { Plan } from '../data/plan-model.ts';
import { validatePlan } from '../data/validate.ts';
import { writeErrorCause } from '../io/file-errors.ts';
import { inputFolders } from '../io/input-folders.ts';
import { displayPath } from '../io/paths.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { readTheme } from '../io/read-theme.ts';
import { assertOutputFolder, OutputPathError, writeDocuments } from '../io/write-file.ts';
import { creationDate } from '../pipeline/document-job.ts';
import type { Theme } from '../theme/theme.ts';
import { EXIT, UsageError, type Command, type Io } from './command.ts';
import { parseOptions } from './options.ts';

const SUBCOMMANDS = ['list', 'export', 'import'] as const;

export const run: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(rest, io);
  if (sub === 'export') return exportInquiries(rest, io);
  if (sub === 'import') return (await import('./sheets-import.ts')).run(rest, io);
  throw new UsageError(
    sub === undefined
      ? `sheets の後に ${SUBCOMMANDS.join('・')} のどれかを指定してください（例: keikaku sheets export）`
      : `sheets のコマンド「${sub}」はありません（使えるもの: ${SUBCOMMANDS.join('、')}）`,
  );
};

/** The validated plan and the theme, or the problems printed and undefined. */
async function loadPlan(
  options: { data: string; templates?: string | undefined },
  io: Io,
  what: string,
): Promise<{ plan: Plan; theme: Theme } | undefined> {
  const read = await readDataDir(path.resolve(io.cwd, options.data), io.cwd);
  const { value: plan, diagnostics } = validatePlan(read.files, read.diagnostics);
  if (!plan || hasErrors(diagnostics)) {
    io.stdout(formatReport(diagnostics, 'text'));
    io.stderr(`${formatSummary(diagnostics)}。${what}は書き出していません\n`);
    return undefined;
  }
  const folders = await inputFolders({ templates: options.templates, dataDir: options.data, cwd: io.cwd });
  const theme = await readTheme(folders.templatesDir, io.cwd);
  if (!theme.value) {
    io.stdout(formatReport(theme.diagnostics, 'text'));
    return undefined;
  }
  return { plan, theme: theme.value };
}

/** Writes the files into out/ and names each; a refused or failed write is reported, exit 1. */
async function writeOut(
  out: string,
  files: readonly { name: string; bytes: Uint8Array; summary?: string }[],
  io: Io,
): Promise<number> {
  const outDir = path.resolve(io.cwd, out);
  try {
    await assertOutputFolder(outDir, displayPath(outDir, io.cwd));
    const targets = await writeDocuments(outDir, files);
    targets.forEach((target, i) => {
      const summary = files[i]!.summary;
      io.stderr(`${displayPath(target, io.cwd)} を書き出しました${summary ? `（${summary}）` : ''}\n`);
    });
  } catch (error) {
    if (error instanceof OutputPathError) {
      io.stderr(`keikaku sheets: ${error.message}\n`);
      return EXIT.failed;
    }
    if (typeof (error as NodeJS.ErrnoException)?.code !== 'string') throw error;
    io.stderr(
      `keikaku sheets: ${displayPath((error as NodeJS.ErrnoException).path ?? outDir, io.cwd)}: ${writeErrorCause(error)}\n`,
    );
    return EXIT.failed;
  }
  return EXIT.ok;
}

async function list(args: readonly string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'out' },
    templates: { type: 'string' },
  });
  const loaded = await loadPlan(options, io, '事業一覧');
  if (!loaded) return EXIT.failed;
  const { plan, theme } = loaded;
  // Only the sheets' writers and exceljs, and only now.
  const [{ projectListXlsx }, { projectListCsv }] = await Promise.all([
    import('../backends/xlsx/project-list-xlsx.ts'),
    import('../backends/csv/project-list-csv.ts'),
  ]);
  const name = `${plan.labels.project}一覧_${plan.period.start}-${plan.period.end}`;
  return writeOut(
    options.out,
    [
      { name: `${name}.xlsx`, bytes: await projectListXlsx(plan, creationDate(plan), theme) },
      { name: `${name}.csv`, bytes: projectListCsv(plan) },
    ],
    io,
  );
}

/** The folder of out/ that holds the 照会票. */
export const INQUIRY_DIR = '照会票';

async function exportInquiries(args: readonly string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'out' },
    templates: { type: 'string' },
    department: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
  });
  const loaded = await loadPlan(options, io, '照会票');
  if (!loaded) return EXIT.failed;
  const { plan, theme } = loaded;
  const [{ inquiryOf, inquiryDepartments }, { inquiryXlsx }] = await Promise.all([
    import('../sheets/inquiry-model.ts'),
    import('../backends/xlsx/inquiry-xlsx.ts'),
  ]);
  const withProjects = inquiryDepartments(plan);
  const asked = options.department ?? withProjects;
  for (const department of asked) {
    if (!plan.departments.includes(department))
      throw new UsageError(
        `担当課「${department}」は departments.yaml にありません（あるもの: ${plan.departments.join('、')}）`,
      );
    if (!withProjects.includes(department))
      throw new UsageError(`担当課「${department}」の${plan.labels.project}はこの計画にありません。照会票は作りません`);
  }
  const files = [];
  for (const department of [...new Set(asked)]) {
    const inquiry = inquiryOf(plan, department);
    const rows = inquiry.sheets.reduce((n, s) => n + s.rows.length, 0);
    const carried = inquiry.sheets.reduce((n, s) => n + s.rows.filter((r) => r.carried).length, 0);
    files.push({
      name: `${INQUIRY_DIR}/${department}.xlsx`,
      bytes: await inquiryXlsx(inquiry, creationDate(plan), theme),
      summary: `${plan.labels.measure} ${inquiry.sheets.length}件、${rows}行${carried > 0 ? `、前年度から写して未確認の行 ${carried}行` : ''}`,
    });
  }
  // A 照会票 already answered (returned and put back in out/) is not overwritten by accident.
  if (!options.force) {
    const answered = await answeredFiles(
      path.resolve(io.cwd, options.out),
      files.map((f) => f.name),
      plan,
      io.cwd,
    );
    if (answered.length > 0) {
      io.stderr(
        `${answered.map((f) => `${f}: 回答が書かれています`).join('\n')}\n回答された照会票は上書きしません。先に keikaku sheets import で取り込むか、別の場所に移してから書き出してください（上書きしてよいときは --force）\n`,
      );
      return EXIT.failed;
    }
  }
  const unassigned = plan.measures.flatMap((m) => m.projects.filter((p) => p.department === undefined));
  if (unassigned.length > 0 && options.department === undefined)
    io.stderr(
      `担当課のない${plan.labels.project} ${unassigned.length}件（${unassigned.map((p) => p.name).join('、')}）は、どの照会票にも載せていません\n`,
    );
  return writeOut(options.out, files, io);
}

/** Those of `names` (under `outDir`) that exist and hold a department's answers. */
async function answeredFiles(outDir: string, names: readonly string[], plan: Plan, cwd: string): Promise<string[]> {
  const [{ readFile }, { readWorkbook }, { checkAnswers }] = await Promise.all([
    import('node:fs/promises'),
    import('../sheets/read-workbook.ts'),
    import('../sheets/inquiry-answers.ts'),
  ]);
  // Problems that say the file is not this plan's 照会票 at all (last year's, say): no answers to keep.
  const notThisPlan = new Set(['not-an-inquiry', 'other-plan', 'other-period', 'unknown-department']);
  const answered: string[] = [];
  for (const name of names) {
    const file = path.join(outDir, ...name.split('/'));
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) continue;
    const workbook = await readWorkbook(bytes).catch(() => undefined);
    if (!workbook) continue;
    const answers = checkAnswers(workbook, displayPath(file, cwd), plan);
    if (
      answers.changes.length > 0 ||
      answers.notes.length > 0 ||
      answers.diagnostics.some((d) => d.severity === 'error' && !notThisPlan.has(d.rule))
    )
      answered.push(displayPath(file, cwd));
  }
  return answered;
}
