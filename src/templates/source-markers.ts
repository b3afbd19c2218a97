// Which template wrote which stretch of the markup: the engine wraps each template's output in
// a pair of comments naming the template (by its index among the sources), so that a markup
// error found later is reported in the template that wrote it, not the first one using the tag.

export const openMarker = (index: number): string => `<!--keikaku-template:${index}-->`;
export const closeMarker = (index: number): string => `<!--/keikaku-template:${index}-->`;

export interface TemplateRegion {
  /** Index of the template among the sources. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

const MARKER = /<!--(\/?)keikaku-template:(\d+)-->/g;

/** The stretches of `markup` each template wrote, a partial's inside its caller's. */
export function templateRegions(markup: string): TemplateRegion[] {
  const regions: TemplateRegion[] = [];
  const open: { index: number; start: number }[] = [];
  for (const m of markup.matchAll(MARKER)) {
    if (m[1] === '') open.push({ index: Number(m[2]), start: m.index });
    else {
      const started = open.pop();
      if (started) regions.push({ ...started, end: m.index + m[0].length });
    }
  }
  return regions;
}

/** The template that wrote the character at `offset`: the innermost region around it. */
export function templateAt(regions: readonly TemplateRegion[], offset: number): number | undefined {
  let found: TemplateRegion | undefined;
  for (const r of regions) {
    if (r.start <= offset && offset < r.end && (!found || r.end - r.start < found.end - found.start)) found = r;
  }
  return found?.index;
}
