// The PDF format: the print layout's pages as they were drawn (see layout/paginate.ts).
import { missingPrintLayout, type Backend } from '../backend.ts';

export const pdfBackend: Backend = {
  format: 'pdf',
  needsPrintLayout: true,
  render: ({ print }) =>
    Promise.resolve(print ? { bytes: print.pdf, diagnostics: [] } : { diagnostics: [missingPrintLayout('pdf')] }),
};
