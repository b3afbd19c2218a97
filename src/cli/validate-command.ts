// keikaku validate: check the data and print every problem.
import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary, REPORT_FORMATS, type ReportFormat } from '../diagnostics/reporters.ts';
import { validatePlan } from '../data/validate.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    format: { type: 'string', default: 'text' },
  });
  const format = options.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    throw new UsageError(
      `--format には ${REPORT_FORMATS.join('、')} のどれかを指定してください（「${options.format}」が指定されています）`,
    );
  }
  const read = await readDataDir(path.resolve(io.cwd, options.data), io.cwd);
  const { diagnostics } = validatePlan(read.files, read.diagnostics);
  io.stdout(formatReport(diagnostics, format));
  const failed = hasErrors(diagnostics);
  if (failed && format === 'text') io.stderr(`${formatSummary(diagnostics)}\n`);
  return failed ? EXIT.failed : EXIT.ok;
};
