// keikaku diff: the 新旧対照表 of two versions of the plan data (two folders, or a git revision).
import { OUTPUT_FORMATS } from '../backends/backend.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary } from '../diagnostics/reporters.ts';
import { inputFolders } from '../io/input-folders.ts';
import { makeDiff } from '../pipeline/diff.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseFormats, parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    old: { type: 'string' },
    'old-rev': { type: 'string' },
    new: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'out' },
    templates: { type: 'string' },
    format: { type: 'string', default: OUTPUT_FORMATS.join(',') },
    order: { type: 'string', default: 'new-first' },
  });
  const old = options['old-rev'];
  if (!options.old === !old) throw new UsageError('--old DIR か --old-rev REV のどちらか一方を指定してください');
  const order = options.order;
  if (order !== 'new-first' && order !== 'old-first')
    throw new UsageError('--order には new-first（改正後が左）か old-first（改正前が左）を指定してください');
  const result = await makeDiff(
    {
      cwd: io.cwd,
      old: old ? { revision: old } : { dir: options.old! },
      newDir: options.new,
      outDir: options.out,
      ...(await inputFolders({ templates: options.templates, dataDir: options.new, cwd: io.cwd })),
      formats: parseFormats(options.format),
      order,
    },
    (line) => io.stderr(`${line}\n`),
  );
  if (hasErrors(result.diagnostics)) {
    io.stdout(formatReport(result.diagnostics, 'text'));
    io.stderr(`${formatSummary(result.diagnostics)}。新旧対照表は書き出していません\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
};
