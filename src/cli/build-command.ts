// keikaku build: every document of the plan from data/ and templates/ into out/.
import { formatReport, formatSummary } from '../diagnostics/reporters.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { OUTPUT_FORMATS } from '../backends/backend.ts';
import { inputFolders } from '../io/input-folders.ts';
import { build } from '../pipeline/build.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseFormats, parseOptions } from './options.ts';
import { ProgressLine } from './progress-line.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'out' },
    templates: { type: 'string' },
    format: { type: 'string', default: OUTPUT_FORMATS.join(',') },
    measure: { type: 'string', multiple: true, default: [] },
    department: { type: 'string', multiple: true, default: [] },
    'no-departments': { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    draft: { type: 'boolean', default: false },
    'binding-margin': { type: 'string' },
    duplex: { type: 'boolean' },
    verbose: { type: 'boolean', default: false },
  });
  if (options['no-departments'] && options.department.length > 0)
    throw new UsageError('--department と --no-departments は同時に指定できません');
  // --measure makes the plan's pages only and --department one excerpt only: together, one of
  // them would be ignored without a word.
  if (options.measure.length > 0 && options.department.length > 0)
    throw new UsageError(
      '--measure（その施策のページだけ）と --department（その担当課の抜粋だけ）は同時に指定できません。どちらか一方にしてください',
    );
  const formats = parseFormats(options.format);
  const measures = options.measure
    .flatMap((m) => m.split(','))
    .map((m) => m.trim())
    .filter((m) => m !== '');
  const print = {
    ...(options['binding-margin'] !== undefined ? { bindingMargin: bindingMargin(options['binding-margin']) } : {}),
    ...(options.duplex !== undefined ? { duplex: options.duplex } : {}),
  };
  const folders = await inputFolders({ templates: options.templates, dataDir: options.data, cwd: io.cwd });
  const progress = io.terminal ? new ProgressLine(io.stderr, io.terminal.columns) : undefined;
  const result = await build(
    {
      cwd: io.cwd,
      dataDir: options.data,
      outDir: options.out,
      ...folders,
      formats,
      measures,
      departments: options.department,
      noDepartments: options['no-departments'],
      noCache: options['no-cache'],
      draft: options.draft,
      print,
      verbose: options.verbose,
      ...(progress ? { progress } : {}),
    },
    (line) => (progress ? progress.print(line) : io.stderr(`${line}\n`)),
  );
  progress?.finish();
  io.stdout(formatReport(result.diagnostics, 'text'));
  if (hasErrors(result.diagnostics)) {
    io.stderr(
      `${formatSummary(result.diagnostics)}。文書は書き出していません（out/ の既存のファイルはそのままです）\n`,
    );
    return EXIT.failed;
  }
  return EXIT.ok;
};

/** `--binding-margin 25`: millimetres, as plan.yaml's print.bindingMargin. */
function bindingMargin(text: string): number {
  const mm = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(mm) || mm < 0 || mm > 50)
    throw new UsageError(
      `--binding-margin はとじしろの幅を mm で 0～50 の数で書いてください（「${text.slice(0, 20)}」が書かれています）`,
    );
  return mm;
}
