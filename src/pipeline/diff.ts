// keikaku diff: two versions of the plan data (two folders, or a folder and a git revision)
// → the 新旧対照表, made through the same orchestrator as the plan itself.
import path from 'node:path';
import type { OutputFormat } from '../backends/backend.ts';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { validatePlan } from '../data/validate.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { displayPath } from '../io/paths.ts';
import { readDataDirAtRevision } from '../io/read-git.ts';
import { diffPlans } from '../plan/plan-diff.ts';
import { diffView, type DiffOrder } from '../views/diff-view.ts';
import { creationDate, type DocumentJob } from './document-job.ts';
import { loadRenderInputs, validationFor } from './load-inputs.ts';
import { withPrintSettings } from '../theme/print-settings.ts';
import { renderAndWrite, type WriteResult } from './render-and-write.ts';

export interface DiffOptions {
  readonly cwd: string;
  /** The old plan: a data folder, or a git revision of `newDir`. */
  readonly old: { readonly dir: string } | { readonly revision: string };
  readonly newDir: string;
  readonly outDir: string;
  readonly templatesDir: string;
  readonly fontsDir?: string;
  readonly formats: readonly OutputFormat[];
  readonly order: DiffOrder;
}

export async function makeDiff(options: DiffOptions, log: (line: string) => void = () => {}): Promise<WriteResult> {
  const newDir = path.resolve(options.cwd, options.newDir);
  const oldRead =
    'revision' in options.old
      ? await readDataDirAtRevision(options.old.revision, options.newDir, options.cwd)
      : await readDataDir(path.resolve(options.cwd, options.old.dir), options.cwd);
  const newRead = await readDataDir(newDir, options.cwd);
  const inputs = await loadRenderInputs(options);
  const before = validatePlan(oldRead.files, oldRead.diagnostics, validationFor(inputs.value));
  const after = validatePlan(newRead.files, newRead.diagnostics, validationFor(inputs.value));
  const diagnostics: Diagnostic[] = [...before.diagnostics, ...after.diagnostics, ...inputs.diagnostics];
  if (!before.value || !after.value || !inputs.value) {
    return { diagnostics: sortDiagnostics(diagnostics), written: [], rendered: [] };
  }
  const [oldPlan, newPlan] = [before.value, after.value];
  const job: DocumentJob = {
    name: `新旧対照表_${oldPlan.period.start}-${oldPlan.period.end}_${newPlan.period.start}-${newPlan.period.end}`,
    template: 'diff',
    view: diffView(diffPlans(oldPlan, newPlan), oldPlan, newPlan, options.order),
  };
  const oldShown = oldRead.files[0]?.file.replace(/\/plan\.yaml$/, '') ?? '';
  const result = await renderAndWrite(
    [job],
    {
      ...inputs.value,
      theme: withPrintSettings(inputs.value.theme, newPlan.print),
      formats: options.formats,
      creationDate: creationDate(newPlan),
    },
    {
      cwd: options.cwd,
      outDir: path.resolve(options.cwd, options.outDir),
      ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
      inputs: `${oldShown} と ${displayPath(newDir, options.cwd)}`,
      cache: 'off',
      log,
    },
  );
  return { ...result, diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]) };
}
