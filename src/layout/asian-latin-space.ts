// The space LibreOffice puts between Asian and Latin letters or digits (2024 年度, SMILE！TONE
// after カタカナ). Word leaves it out when the file says so, as keikaku's Word files do
// (autoSpaceDE/DN off), and the PDF never sets it; LibreOffice ignores the setting (its DOCX import
// skips it), so a line that fills a PDF column to the edge takes one line more in LibreOffice's
// rendering of the Word file. The column fitting counts such lines (fit-columns.ts).

/** Measured in LibreOffice's PDF of the Word file: 1.8 pt at 9 pt, 1.7 pt at 8.5 pt. */
export const LIBREOFFICE_ASIAN_LATIN_SPACE_EM = 0.2;

const ASIAN = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]/u;
const LATIN = /[0-9A-Za-z\u00c0-\u024f]/u;

/** How many times a text goes from Asian to Latin script or back (other characters take the script before them). */
export function asianLatinBoundaries(text: string): number {
  let script: 'asian' | 'latin' | undefined;
  let count = 0;
  for (const char of text) {
    const own = ASIAN.test(char) ? 'asian' : LATIN.test(char) ? 'latin' : undefined;
    if (!own) continue;
    if (script && own !== script) count++;
    script = own;
  }
  return count;
}
