import { describe, expect, it } from 'vitest';
import { closeMarker, openMarker, templateAt, templateRegions } from './source-markers.ts';

describe('templateRegions and templateAt', () => {
  // plan (0) writes "<a>", then its partial measure (2) writes "<b>", then plan writes "<c>".
  const markup = `${openMarker(0)}<a>${openMarker(2)}<b>${closeMarker(2)}<c>${closeMarker(0)}`;
  const regions = templateRegions(markup);

  it('finds each template’s stretch, a partial’s inside its caller’s', () => {
    expect(regions.map((r) => [r.index, markup.slice(r.start, r.end)])).toEqual([
      [2, `${openMarker(2)}<b>${closeMarker(2)}`],
      [0, markup],
    ]);
  });

  it('names the innermost template that wrote a place', () => {
    expect(templateAt(regions, markup.indexOf('<a>'))).toBe(0);
    expect(templateAt(regions, markup.indexOf('<b>'))).toBe(2);
    expect(templateAt(regions, markup.indexOf('<c>'))).toBe(0);
    expect(templateAt(regions, markup.length + 1)).toBeUndefined();
  });
});
