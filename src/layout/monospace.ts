// Text widths without the font files (and without loading a font parser).

/**
 * Widths without the font files: BIZ UD Gothic and Mincho set every full-width character in 1 em
 * and ASCII and half-width katakana in ½ em, which is exact for them and close for most.
 */
export const monospaceEm = (text: string): number =>
  [...text].reduce((em, ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return em + (code < 0x7f || (code >= 0xff61 && code <= 0xff9f) ? 0.5 : 1);
  }, 0);
