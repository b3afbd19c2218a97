// Where the print layout put each body row group of each table (a 基本施策 with its 施策 in the
// 施策体系; a 取組 with its 事業). The PDF lays a group as unbreakable rows and moves it whole to
// the next page when it does not fit; the Word file ends its table there and starts the rest on
// a new page, so that it pages as the PDF does (LibreOffice does not keep table rows together by
// "keep with next", which Word honours).
//
// The PDF backend names the first text of a group's first and last laid-out rows; pdfmake gives
// a named text the page it was finally laid on (a moved row's other text keeps the page it was
// tried on), and the pagination reads those pages back.

/** The name of the first text in a table's row group: its first row's, or its last row's. */
export const rowGroupId = (table: number, group: number, row: 'first' | 'last') =>
  `keikaku-rows-${table}-${group}${row === 'last' ? '-last' : ''}`;

/** A group's pages in the print layout: where its first row is, and its last. */
export interface RowGroupPages {
  readonly start: number;
  readonly end: number;
}

/** A table's row groups, from the pages of the named texts (0 where a group has none). */
export function rowGroupPages(pages: ReadonlyMap<string, number>, table: number): RowGroupPages[] {
  const out: RowGroupPages[] = [];
  for (let g = 0; pages.has(rowGroupId(table, g, 'first')); g++) {
    const start = pages.get(rowGroupId(table, g, 'first'))!;
    out.push({ start, end: pages.get(rowGroupId(table, g, 'last')) ?? start });
  }
  return out;
}

/** The row groups of a table that the print layout started on a new page, by index. */
export function groupsStartingPages(groups: readonly RowGroupPages[]): Set<number> {
  const starts = new Set<number>();
  for (let g = 1; g < groups.length; g++) {
    const before = groups[g - 1]!.end;
    if (before > 0 && groups[g]!.start > before) starts.add(g);
  }
  return starts;
}
