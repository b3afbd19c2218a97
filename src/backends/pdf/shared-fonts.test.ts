// A font is parsed once per process: the second document pdfmake draws is given the fontkit
// font parsed for the first, and draws the same bytes as when it is drawn first.
import { describe, expect, it } from 'vitest';
import { loadPlan, shippedInputs } from '../../../tests/helpers/plan.ts';
import { planJobs } from '../../pipeline/plan-jobs.ts';
import { documentTree } from '../../pipeline/render-document.ts';
import { paginate } from '../../layout/paginate.ts';
import { PDFDocument as PDFDocumentClass } from './pdfmake-modules.ts';

type Provide = (this: object, family: string, bold: boolean, italics: boolean) => { font: object };
const PDFDocument = PDFDocumentClass as unknown as { prototype: { provideFont: Provide } };

describe('fonts parsed once per process', () => {
  it('gives each document the fonts parsed for the first, and the bytes it has drawn first', async () => {
    const inputs = await shippedInputs();
    const plan = await loadPlan();
    const [first, second] = planJobs(plan, { measures: [], departments: [], noDepartments: false, draft: false })
      .jobs.filter((job) => job.template === 'excerpt')
      .slice(0, 2)
      .map((job) => documentTree(job, inputs).tree!);
    const pdf = async (tree: typeof first) =>
      Buffer.from((await paginate(tree!, inputs.theme, inputs.fonts, new Date('2024-03-31T15:00:00Z'))).pdf);

    // The second excerpt drawn first, its fonts parsed for it: its bytes.
    const alone = await pdf(second);
    const provided = new Map<object, Set<object>>();
    const provideFont = PDFDocument.prototype.provideFont;
    PDFDocument.prototype.provideFont = function (this: object, family, bold, italics) {
      const embedded = provideFont.call(this, family, bold, italics);
      provided.set(this, (provided.get(this) ?? new Set()).add(embedded.font));
      return embedded;
    };
    try {
      await pdf(first);
      const after = await pdf(second);
      // Both drawn with the fonts parsed for the excerpt drawn alone (the first in this process).
      const [fontsOfFirst, fontsOfSecond] = [...provided.values()];
      expect(fontsOfFirst!.size).toBeGreaterThanOrEqual(2);
      expect([...fontsOfSecond!].every((font) => fontsOfFirst!.has(font))).toBe(true);
      expect(after.equals(alone)).toBe(true);
    } finally {
      PDFDocument.prototype.provideFont = provideFont;
    }
  }, 60_000);
});
