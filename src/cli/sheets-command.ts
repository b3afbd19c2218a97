// keikaku sheets list: the 事業一覧 as a spreadsheet (out/事業一覧_2024-2026.xlsx, its totals as
// live formulas) and as CSV for open data (out/事業一覧_2024-2026.csv).
import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary } from '../diagnostics/reporters.ts';
import { validatePlan } from '../data/validate.ts';
import { writeErrorCause } from '../io/file-errors.ts';
import { inputFolders } from '../io/input-folders.ts';
import { displayPath } from '../io/paths.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { readTheme } from '../io/read-theme.ts';
import { assertOutputFolder, OutputPathError, writeDocuments } from '../io/write-file.ts';
import { creationDate } from '../pipeline/document-job.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub !== 'list')
    throw new UsageError(
      sub === undefined
        ? 'sheets の後に list を指定してください（keikaku sheets list）'
        : `sheets のコマンド「${sub}」はありません（使えるもの: list）`,
    );
  const options = parseOptions(rest, {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'out' },
    templates: { type: 'string' },
  });
  const read = await readDataDir(path.resolve(io.cwd, options.data), io.cwd);
  const { value: plan, diagnostics } = validatePlan(read.files, read.diagnostics);
  if (!plan || hasErrors(diagnostics)) {
    io.stdout(formatReport(diagnostics, 'text'));
    io.stderr(`${formatSummary(diagnostics)}。事業一覧は書き出していません\n`);
    return EXIT.failed;
  }
  const folders = await inputFolders({ templates: options.templates, dataDir: options.data, cwd: io.cwd });
  const theme = await readTheme(folders.templatesDir, io.cwd);
  if (!theme.value) {
    io.stdout(formatReport(theme.diagnostics, 'text'));
    return EXIT.failed;
  }
  // Only the sheets' writers and exceljs, and only now.
  const [{ projectListXlsx }, { projectListCsv }] = await Promise.all([
    import('../backends/xlsx/project-list-xlsx.ts'),
    import('../backends/csv/project-list-csv.ts'),
  ]);
  const name = `${plan.labels.project}一覧_${plan.period.start}-${plan.period.end}`;
  const files = [
    { name: `${name}.xlsx`, bytes: await projectListXlsx(plan, creationDate(plan), theme.value) },
    { name: `${name}.csv`, bytes: projectListCsv(plan) },
  ];
  const outDir = path.resolve(io.cwd, options.out);
  try {
    await assertOutputFolder(outDir, displayPath(outDir, io.cwd));
    for (const target of await writeDocuments(outDir, files))
      io.stderr(`${displayPath(target, io.cwd)} を書き出しました\n`);
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
};
