// Rules on the characters of user text. Control characters and U+FFFE/U+FFFF make Word files
// unreadable (docx writes them into XML verbatim), and lone surrogates cannot be encoded at all.

// C0 controls except TAB/LF/CR, DEL, C1 controls, the two XML non-characters, unpaired surrogates.
const FORBIDDEN_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

const codePointName = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Japanese message for the first character not allowed in text, or undefined when clean. */
export function forbiddenCharProblem(text: string, singleLine: boolean): string | undefined {
  const bad = FORBIDDEN_CHAR.exec(text);
  if (bad) {
    return `使えない文字 ${codePointName(bad[0])}（制御文字など）が${bad.index + 1}文字目にあります。Wordファイルが壊れる原因になるため、削除してください`;
  }
  if (singleLine) {
    const br = LINE_BREAK_OR_TAB.exec(text);
    if (br) return `改行やタブは使えません（${br.index + 1}文字目）。1行で書いてください`;
  }
  return undefined;
}

// A department name becomes a file name (out/担当課別/<name>.pdf): it must be safe on every
// system, so nothing that separates paths, names a parent, or Windows forbids.
const UNSAFE_IN_FILE_NAME = /[/\\<>:"|?*]/;

export function departmentNameProblem(name: string): string | undefined {
  const bad = UNSAFE_IN_FILE_NAME.exec(name);
  if (bad) return `担当課名に「${bad[0]}」は使えません（ファイル名になるため）`;
  if (/^\.|\.$/.test(name)) return '担当課名を「.」で始めたり終えたりはできません（ファイル名になるため）';
  if (name !== name.trim()) return '担当課名の前後に空白は入れられません';
  if (name.length > 60) return `担当課名が長すぎます（${name.length}文字、上限60文字）`;
  return undefined;
}
