import { describe, expect, it } from 'vitest';
import { groupsStartingPages, rowGroupId, rowGroupPages } from './row-group-pages.ts';

describe('row groups the print layout started on a new page', () => {
  it('are those whose first row is on a later page than the last row of the group before', () => {
    const pages = new Map([
      [rowGroupId(3, 0, 'first'), 7],
      [rowGroupId(3, 1, 'first'), 7],
      // A group taller than a page, cut into parts: from page 7 to page 8.
      [rowGroupId(3, 1, 'last'), 8],
      [rowGroupId(3, 2, 'first'), 8],
      [rowGroupId(3, 3, 'first'), 9],
    ]);
    const groups = rowGroupPages(pages, 3);
    expect(groups).toEqual([
      { start: 7, end: 7 },
      { start: 7, end: 8 },
      { start: 8, end: 8 },
      { start: 9, end: 9 },
    ]);
    // Group 2 carries on the page group 1 ended on; group 3 starts a page.
    expect([...groupsStartingPages(groups)]).toEqual([3]);
  });

  it('are none for a table the layout did not name (no pages known)', () => {
    expect(rowGroupPages(new Map(), 0)).toEqual([]);
    expect([
      ...groupsStartingPages([
        { start: 0, end: 0 },
        { start: 0, end: 0 },
      ]),
    ]).toEqual([]);
  });
});
