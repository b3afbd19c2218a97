// keikaku diff: the 新旧対照表 of two versions of the plan data (two folders, or a git revision).
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary } from '../diagnostics/reporters.ts';
import { validatePlan } from '../data/validate.ts';
import { OUTPUT_FORMATS, renderDocument, type OutputFormat } from '../build/render-documents.ts';
import { creationDate } from '../build/build.ts';
import { displayPath, readDataDir } from '../io/read-data-dir.ts';
import { readDataDirAtRevision } from '../io/read-git.ts';
import { readFonts } from '../io/read-fonts.ts';
import { readTemplates } from '../io/read-templates.ts';
import { OutputPathError, writeDocuments } from '../io/write-file.ts';
import { diffPlans } from '../plan/plan-diff.ts';
import { Templates } from '../templates/engine.ts';
import { diffView } from '../views/diff-view.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './main.ts';

export const runDiff: Command = async (args, io) => {
  const options = parseOptions(args, {
    old: { type: 'string' },
    'old-rev': { type: 'string' },
    new: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'out' },
    templates: { type: 'string', default: 'templates' },
    format: { type: 'string', default: OUTPUT_FORMATS.join(',') },
    order: { type: 'string', default: 'new-first' },
  });
  if (!options.old === !options['old-rev'])
    throw new UsageError('--old DIR か --old-rev REV のどちらか一方を指定してください');
  if (options.order !== 'new-first' && options.order !== 'old-first')
    throw new UsageError('--order には new-first（改正後が左）か old-first（改正前が左）を指定してください');
  const formats = options.format.split(',').map((f) => f.trim());
  if (formats.some((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f)))
    throw new UsageError(`--format には ${OUTPUT_FORMATS.join('、')} をカンマ区切りで指定してください`);

  const oldRead = options['old-rev']
    ? await readDataDirAtRevision(options['old-rev'], options.new, io.cwd)
    : await readDataDir(path.resolve(io.cwd, options.old!), io.cwd);
  const newRead = await readDataDir(path.resolve(io.cwd, options.new), io.cwd);
  const before = validatePlan(oldRead.files, oldRead.diagnostics);
  const after = validatePlan(newRead.files, newRead.diagnostics);
  const diagnostics: Diagnostic[] = [...before.diagnostics, ...after.diagnostics];
  const [templateFiles, fontFiles] = await Promise.all([
    readTemplates(options.templates, io.cwd),
    readFonts(undefined, io.cwd),
  ]);
  const compiled = Templates.compile(templateFiles.sources);
  diagnostics.push(...templateFiles.diagnostics, ...compiled.diagnostics, ...fontFiles.diagnostics);
  const fail = () => {
    io.stdout(formatReport(sortDiagnostics(diagnostics), 'text'));
    io.stderr(`${formatSummary(diagnostics)}。新旧対照表は書き出していません\n`);
    return EXIT.failed;
  };
  if (hasErrors(diagnostics) || !before.value || !after.value || !compiled.templates || !fontFiles.fonts) return fail();

  const oldPlan = before.value;
  const newPlan = after.value;
  const name = `新旧対照表_${oldPlan.period.start}-${oldPlan.period.end}_${newPlan.period.start}-${newPlan.period.end}`;
  const rendered = await renderDocument(
    {
      name,
      template: 'diff',
      view: diffView(diffPlans(oldPlan, newPlan), oldPlan, newPlan, options.order),
    },
    {
      templates: compiled.templates,
      templateSources: templateFiles.sources,
      fonts: fontFiles.fonts,
      formats: [...new Set(formats)] as OutputFormat[],
      creationDate: creationDate(newPlan),
    },
  );
  diagnostics.push(...rendered.diagnostics);
  if (!rendered.files) return fail();
  const outDir = path.resolve(io.cwd, options.out);
  let targets: string[];
  try {
    targets = await writeDocuments(outDir, rendered.files);
  } catch (error) {
    if (!(error instanceof OutputPathError)) throw error;
    diagnostics.push({
      severity: 'error',
      file: displayPath(outDir, io.cwd),
      rule: 'output-path',
      message: error.message,
    });
    return fail();
  }
  const sources = `${oldRead.files[0]?.file.replace(/\/plan\.yaml$/, '') ?? ''} と ${displayPath(path.resolve(io.cwd, options.new), io.cwd)}`;
  for (const target of targets) io.stderr(`${displayPath(target, io.cwd)} を書き出しました（${sources} から）\n`);
  return EXIT.ok;
};
