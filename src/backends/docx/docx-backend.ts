// The Word format: the tree as a docx Document whose 目次 shows the print layout's page numbers.
import { missingPrintLayout, type Backend } from '../backend.ts';
import { packDocx } from './pack-docx.ts';
import { loadSectionCache } from './section-cache.ts';
import { sectionInputs, toDocx, tocPageStarts } from './to-docx.ts';

export const docxBackend: Backend = {
  format: 'docx',
  needsPrintLayout: true,
  render: async ({ tree, theme, print, creationDate, parts }) => {
    if (!print) return { diagnostics: [missingPrintLayout('docx')] };
    const sections = parts && (await loadSectionCache(sectionInputs(tree, theme, print.pagination), theme, parts));
    const document = toDocx(tree, theme, print.pagination, sections ? { sections } : {});
    return {
      bytes: await packDocx(document, creationDate, {
        mirrorMargins: theme.page.duplex === true,
        tocPageStarts: tocPageStarts(tree, print.pagination),
      }),
      diagnostics: [],
    };
  },
};
