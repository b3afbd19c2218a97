// The plan is laid out section by section (src/backends/pdf/partwise-layout.ts): the PDF must
// be the one pdfmake makes laying the whole document out at once, byte for byte: the same pages,
// page numbers, running headers, 目次 page numbers and links, bookmarks. Checked on the seed
// printed on both sides as a draft (right-hand starts, blank pages, the watermark, headings
// moved over a page's foot), on a generated plan of 8 施策 printed on both sides (a section that
// must start on the right falls on an even page and goes over, leaving a blank page) and on the
// sample city (its own shape and pictures).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paginate } from '../src/layout/paginate.ts';
import { loadRenderInputs } from '../src/pipeline/load-inputs.ts';
import { planJobs } from '../src/pipeline/plan-jobs.ts';
import { creationDate } from '../src/pipeline/document-job.ts';
import { documentTree } from '../src/pipeline/render-document.ts';
import { withPrintSettings } from '../src/theme/print-settings.ts';
import { runCli } from './helpers/cli.ts';
import { loadPlan, ROOT } from './helpers/plan.ts';

async function bothLayouts(dataDir: string, print: { duplex?: boolean }, draft: boolean) {
  const plan = await loadPlan(dataDir);
  const inputs = (await loadRenderInputs({ templatesDir: path.join(ROOT, 'templates'), cwd: ROOT })).value!;
  const theme = withPrintSettings(inputs.theme, { ...plan.print, ...print });
  const job = planJobs(plan, { measures: [], departments: [], noDepartments: true, draft }).jobs[0]!;
  const layout = (wholeDocumentLayout: boolean) => {
    // pdfmake writes its positions into the tree's definition: a fresh tree for each layout.
    const { tree } = documentTree(job, { ...inputs, theme });
    return paginate(tree!, theme, inputs.fonts, creationDate(plan), { wholeDocumentLayout });
  };
  return { partwise: await layout(false), whole: await layout(true) };
}

describe('part-wise layout', () => {
  it('makes the seed plan, printed on both sides as a draft, byte for byte as the whole-document layout does', async () => {
    const { partwise, whole } = await bothLayouts(path.join(ROOT, 'data'), { duplex: true }, true);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    expect([...partwise.pagination.headingPages]).toEqual([...whole.pagination.headingPages]);
    // Not vacuous: the document has pages after its first section, and a 施策 starts past page 10.
    expect(Math.max(...partwise.pagination.headingPages.values())).toBeGreaterThan(10);
  });

  it('makes a plan whose right-hand sections go over a blank page byte for byte as the whole-document layout does', async () => {
    const data = path.join(await mkdtemp(path.join(tmpdir(), 'keikaku-partwise-')), 'data');
    const generate = await runCli(
      ['generate', '--measures', '8', '--out', data, '--data', path.join(ROOT, 'data')],
      ROOT,
    );
    expect(generate.code, generate.stderr).toBe(0);
    const simplex = await bothLayouts(data, { duplex: false }, false);
    const { partwise, whole } = await bothLayouts(data, { duplex: true }, false);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    // Not vacuous: printed on both sides, a section went over to the next page.
    const last = (layout: typeof whole) => Math.max(...layout.pagination.headingPages.values());
    expect(last(whole)).toBe(last(simplex.whole) + 1);
  });

  it('makes the sample city plan byte for byte as the whole-document layout does', async () => {
    const { partwise, whole } = await bothLayouts(path.join(ROOT, 'examples', 'sample-city', 'data'), {}, false);
    expect(Buffer.from(partwise.pdf).equals(Buffer.from(whole.pdf))).toBe(true);
    expect([...partwise.pagination.headingPages]).toEqual([...whole.pagination.headingPages]);
  });
});
