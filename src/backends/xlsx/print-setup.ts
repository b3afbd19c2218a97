// How keikaku's workbooks print: A4 landscape, as wide as the page, title rows on every page.
import type ExcelJS from 'exceljs';

export const landscapeA4 = (titleRows: string): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: titleRows,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
});
