// keikaku build: validate the data, compile the templates, render every document in memory,
// and only then write them to out/ (atomically), so a failed build leaves out/ as it was.
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Plan } from '../data/plan-model.ts';
import { validatePlan } from '../data/validate.ts';
import { readDataDir, displayPath } from '../io/read-data-dir.ts';
import { readFonts } from '../io/read-fonts.ts';
import { readTemplates } from '../io/read-templates.ts';
import { writeFileAtomic } from '../io/write-file.ts';
import { Templates } from '../templates/engine.ts';
import { renderPlanDocuments, type OutputFormat } from './render-documents.ts';

export interface BuildOptions {
  readonly cwd: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  readonly fontsDir?: string;
  readonly formats: readonly OutputFormat[];
  /** `--measure`: 施策 numbers or ids; every 施策 when empty. */
  readonly measures: readonly string[];
}

export interface BuildResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Display paths of the files written. */
  readonly written: readonly string[];
}

export async function build(options: BuildOptions, log: (line: string) => void = () => {}): Promise<BuildResult> {
  const read = await readDataDir(options.dataDir, options.cwd);
  const validated = validatePlan(read.files, read.diagnostics);
  const diagnostics = [...validated.diagnostics];
  const plan = validated.value;
  if (!plan) return { diagnostics, written: [] };

  const [templateFiles, fontFiles] = await Promise.all([
    readTemplates(options.templatesDir, options.cwd),
    readFonts(options.fontsDir, options.cwd),
  ]);
  const compiled = Templates.compile(templateFiles.sources);
  diagnostics.push(...templateFiles.diagnostics, ...compiled.diagnostics, ...fontFiles.diagnostics);
  const selection = selectMeasures(plan, options.measures);
  diagnostics.push(...selection.diagnostics);
  if (hasErrors(diagnostics) || !compiled.templates || !fontFiles.fonts) return { diagnostics: sortDiagnostics(diagnostics), written: [] };

  const rendered = await renderPlanDocuments({
    plan,
    templates: compiled.templates,
    templateSources: templateFiles.sources,
    fonts: fontFiles.fonts,
    formats: options.formats,
    ...(selection.ids ? { measureIds: selection.ids, nameSuffix: selection.suffix } : {}),
    creationDate: creationDate(plan),
  });
  diagnostics.push(...rendered.diagnostics);
  if (!rendered.files) return { diagnostics: sortDiagnostics(diagnostics), written: [] };

  const outDir = path.resolve(options.cwd, options.outDir);
  const written: string[] = [];
  const inputs = `${displayPath(path.resolve(options.cwd, options.dataDir), options.cwd)}/ と ${displayPath(path.resolve(options.cwd, options.templatesDir), options.cwd)}/`;
  for (const file of rendered.files) {
    const target = path.join(outDir, file.name);
    await writeFileAtomic(target, file.bytes);
    const shown = displayPath(target, options.cwd);
    written.push(shown);
    log(`${shown} を書き出しました（${inputs} から、${formatSize(file.bytes.length)}）`);
  }
  return { diagnostics: sortDiagnostics(diagnostics), written };
}

/**
 * The date written into the documents: SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else 1 April of the plan's first year, so that the same data always gives the same bytes.
 */
export function creationDate(plan: Plan, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isInteger(epoch) && epoch >= 0) return new Date(epoch * 1000);
  return new Date(`${plan.period.start}-04-01T00:00:00+09:00`);
}

function selectMeasures(plan: Plan, requested: readonly string[]): { ids?: Set<string>; suffix?: string; diagnostics: Diagnostic[] } {
  if (requested.length === 0) return { diagnostics: [] };
  const ids = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const wanted of requested) {
    const matches = plan.measures.filter((m) => m.id === wanted || String(m.number) === wanted);
    if (matches.length === 1) ids.add(matches[0]!.id);
    else {
      const known = plan.measures.map((m) => `${m.number}（${m.id}）`).join('、');
      diagnostics.push({
        severity: 'error', file: '--measure', rule: 'unknown-measure',
        message: matches.length === 0
          ? `施策「${wanted}」はありません。施策の番号かIDを指定してください（${known}）`
          : `施策の番号「${wanted}」は複数の基本方針にあります。IDで指定してください（${matches.map((m) => m.id).join('、')}）`,
      });
    }
  }
  const numbers = plan.measures.filter((m) => ids.has(m.id)).map((m) => m.number);
  return { ids, suffix: `施策${numbers.join('-')}`, diagnostics };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
