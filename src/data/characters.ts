// Checks on every text of a data file once its shape is valid: characters the documents' fonts
// cannot print (an error: they would print as blank boxes) and invisible characters inside
// sentences (a warning: names refuse them already, schema.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataPath, YamlSource } from './read-yaml.ts';
import { codePointName, invisibleCharProblem } from './text-rules.ts';
import type { GlyphCoverage } from './validate.ts';

export function checkCharacters(source: YamlSource, glyphs: GlyphCoverage | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [path, text] of textsOf(source.value)) {
    const invisible = invisibleCharProblem(text);
    if (invisible) out.push(source.diagnostic('warning', path, 'invisible-char', invisible));
    const missing = glyphs?.missing(text) ?? [];
    if (missing.length > 0) {
      const chars = missing.map((c) => `「${c}」（${codePointName(c)}）`).join('、');
      out.push(
        source.diagnostic(
          'error',
          path,
          'missing-glyph',
          `${chars}は文書のフォント（${glyphs!.fontNames}）にない文字で、印刷すると空白の四角になります。ほかの字に置き換えるか、その字のあるフォントを fonts/ に入れて templates/theme.yaml の fallbackFont に指定してください`,
        ),
      );
    }
  }
  return out;
}

/** Every string value of a parsed YAML value, with its path, in document order. */
function* textsOf(value: unknown, path: DataPath = []): Generator<[DataPath, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* textsOf(item, [...path, i]);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* textsOf(item, [...path, key]);
}
