// Which characters the theme's fonts cannot print: the PDF would show a blank box (tofu) for
// them, and nothing else would notice. Checked on the data before anything is laid out.
import { INVISIBLE } from '../data/text-rules.ts';
import type { GlyphCoverage } from '../data/validate.ts';
import type { Theme } from '../theme/theme.ts';
import type { FontFiles } from './fonts.ts';
import { unicodeCmap, type GlyphLookup } from './cmap.ts';

/**
 * Characters no font is expected to draw: line breaks, tabs, and the invisible ones (zero-width
 * spaces, direction marks), which validation warns about on their own (data/characters.ts).
 */
const notDrawn = (char: string) => /[\n\r\t ]/.test(char) || INVISIBLE.test(char);

type Coverage = (codePoint: number) => { primary: boolean; fallback: boolean };

/**
 * The fonts parsed once per set of font files (readFonts keeps one per process): validation and
 * every document's layout ask the same questions of the same fonts.
 */
const coverages = new WeakMap<FontFiles, Coverage>();

/** Whether a character is drawn by every face of the theme's two fonts, and by the fallback. */
function coverageOf(fonts: FontFiles): Coverage {
  const cached = coverages.get(fonts);
  if (cached) return cached;
  const faces = Object.values(fonts).flatMap((face) => [face.regular, ...(face.bold ? [face.bold] : [])]);
  const parsed = faces.map(lookupOf);
  const fallbackBytes = Object.values(fonts).find((face) => face.fallback)?.fallback;
  const fallback = fallbackBytes ? lookupOf(fallbackBytes) : undefined;
  const known = new Map<number, { primary: boolean; fallback: boolean }>();
  const coverage: Coverage = (codePoint) => {
    let found = known.get(codePoint);
    if (!found) {
      found = {
        primary: parsed.every((glyphOf) => glyphOf(codePoint) !== 0),
        fallback: fallback ? fallback(codePoint) !== 0 : false,
      };
      known.set(codePoint, found);
    }
    return found;
  };
  coverages.set(fonts, coverage);
  return coverage;
}

/** A font's lookup; readFonts has refused a font without a Unicode map keikaku reads. */
function lookupOf(font: Uint8Array): GlyphLookup {
  const lookup = unicodeCmap(font);
  if (typeof lookup === 'string') throw new Error(`a font read by readFonts has no usable cmap: ${lookup}`);
  return lookup;
}

export function glyphCoverage(fonts: FontFiles, theme: Theme): GlyphCoverage {
  const coverage = coverageOf(fonts);
  const printable = (codePoint: number) => {
    const found = coverage(codePoint);
    return found.primary || found.fallback;
  };
  return {
    fontNames: [
      ...new Set([
        ...Object.values(theme.fonts).map((f) => f.name),
        ...(theme.fallbackFont ? [theme.fallbackFont.name] : []),
      ]),
    ].join('・'),
    missing: (text) => {
      const out: string[] = [];
      for (const char of text) {
        if (notDrawn(char)) continue;
        if (!printable(char.codePointAt(0)!) && !out.includes(char)) out.push(char);
      }
      return out;
    },
  };
}

/**
 * The characters to print in the fallback font: those the theme's fonts lack and the fallback
 * has. Undefined when the theme declares no fallback (nothing changes then).
 */
export function fallbackCharacters(fonts: FontFiles): ((char: string) => boolean) | undefined {
  if (!Object.values(fonts).some((face) => face.fallback)) return undefined;
  const coverage = coverageOf(fonts);
  return (char) => {
    const found = coverage(char.codePointAt(0)!);
    return !found.primary && found.fallback;
  };
}
