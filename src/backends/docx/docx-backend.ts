// The Word format: the tree as a docx Document whose 目次 shows the print layout's page numbers.
import { missingPrintLayout, type Backend } from '../backend.ts';
import { packDocx } from './pack-docx.ts';
import { toDocx, tocPageStarts } from './to-docx.ts';

export const docxBackend: Backend = {
  format: 'docx',
  needsPrintLayout: true,
  render: async ({ tree, theme, print, creationDate }) => {
    if (!print) return { diagnostics: [missingPrintLayout('docx')] };
    const document = toDocx(tree, theme, print.pagination);
    return {
      bytes: await packDocx(document, creationDate, {
        mirrorMargins: theme.page.duplex === true,
        tocPageStarts: tocPageStarts(tree, print.pagination),
      }),
      diagnostics: [],
    };
  },
};
