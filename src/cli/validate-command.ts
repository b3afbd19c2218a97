// keikaku validate: check the data and print every problem.
import path from 'node:path';
import { glyphCoverage } from '../backends/glyph-coverage.ts';
import { hasErrors, type Diagnosed } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary, REPORT_FORMATS, type ReportFormat } from '../diagnostics/reporters.ts';
import { validatePlan, type GlyphCoverage } from '../data/validate.ts';
import { readFonts } from '../io/read-fonts.ts';
import { inputFolders, type InputFolders } from '../io/input-folders.ts';
import { readTheme } from '../io/read-theme.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { displayPath } from '../io/paths.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    templates: { type: 'string' },
    format: { type: 'string', default: 'text' },
    verbose: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  });
  const format = options.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw new UsageError(
      `--format には ${REPORT_FORMATS.join('、')} のどれかを指定してください（「${options.format}」が指定されています）`,
    );
  }
  const [read, glyphs] = await Promise.all([
    readDataDir(path.resolve(io.cwd, options.data), io.cwd),
    fontCoverage(await inputFolders({ templates: options.templates, dataDir: options.data, cwd: io.cwd }), io.cwd),
  ]);
  const { diagnostics } = validatePlan(read.files, [...read.diagnostics, ...glyphs.diagnostics], {
    ...(glyphs.value ? { glyphs: glyphs.value } : {}),
  });
  if (options.verbose) for (const file of read.files) io.stderr(`読みました: ${file.file}\n`);
  io.stdout(formatReport(diagnostics, format));
  // Also when all is well: a clean run says what it looked at, so that a folder read wrong (or a
  // 施策 file left out) shows in the count.
  if (format === 'text') {
    const measures = read.files.filter((f) => f.kind === 'measure').length;
    const shown = displayPath(path.resolve(io.cwd, options.data), io.cwd);
    io.stderr(
      `${shown}/ の ${read.files.length}ファイル（施策 ${measures}件）を検証しました。${formatSummary(diagnostics)}\n`,
    );
  }
  if (hasErrors(diagnostics)) return EXIT.failed;
  // --strict (for CI before the plan is printed): a warning, above all a year that roll copied and
  // nobody has confirmed yet, fails the run too.
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (options.strict && warnings.length > 0) {
    const carried = warnings.filter((d) => d.rule === 'carried-over').length;
    if (format === 'text')
      io.stderr(
        `--strict: 警告が${warnings.length}件あるため失敗にしました${carried > 0 ? `（うち前の年度から写したまま確かめていない年度 ${carried}件）` : ''}。直すか確かめてから、もう一度実行してください\n`,
      );
    return EXIT.failed;
  }
  return EXIT.ok;
};

/**
 * The fonts the documents will be printed with, to check every character of the data against:
 * those the build would use (input-folders.ts).
 */
async function fontCoverage(folders: InputFolders, cwd: string): Promise<Diagnosed<GlyphCoverage | undefined>> {
  const theme = await readTheme(folders.templatesDir, cwd);
  if (!theme.value) return { value: undefined, diagnostics: theme.diagnostics };
  const fonts = await readFonts(theme.value, folders.fontsDir, cwd);
  if (!fonts.fonts) return { value: undefined, diagnostics: fonts.diagnostics };
  return { value: glyphCoverage(fonts.fonts, theme.value), diagnostics: [] };
}
