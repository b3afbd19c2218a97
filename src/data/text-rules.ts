// Rules on the characters of user text. Control characters and U+FFFE/U+FFFF make Word files
// unreadable (docx writes them into XML verbatim), and lone surrogates cannot be encoded at all.

// C0 controls except TAB/LF/CR, DEL, C1 controls, the two XML non-characters, unpaired surrogates.
const FORBIDDEN_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** The 1-based number of the character at UTF-16 `index`, counting 𠮷 and the like as one, as readers do. */
const characterNumber = (text: string, index: number): number => [...text.slice(0, index)].length + 1;

export const codePointName = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Japanese message for the first character not allowed in text, or undefined when clean. */
export function forbiddenCharProblem(text: string, singleLine: boolean): string | undefined {
  const bad = FORBIDDEN_CHAR.exec(text);
  if (bad) {
    return `使えない文字 ${codePointName(bad[0])}（制御文字など）が${characterNumber(text, bad.index)}文字目にあります。Wordファイルが壊れる原因になるため、削除してください`;
  }
  if (singleLine) {
    const br = LINE_BREAK_OR_TAB.exec(text);
    if (br) return `改行やタブは使えません（${characterNumber(text, br.index)}文字目）。1行で書いてください`;
  }
  return undefined;
}

// Names that become file names (the plan's title in out/<title>_2024-2026.pdf, each 担当課 in
// out/担当課別/<name>.pdf) must be safe and distinct on every system: nothing that separates
// paths or names a parent, nothing Windows forbids or reserves, nothing invisible, one Unicode
// form (NFC: macOS would otherwise store the same-looking name twice), and short enough in
// bytes (file systems count bytes, 255 at most) to leave room for the rest of the file name.
const UNSAFE_IN_FILE_NAME = /[/\\<>:"|?*]/;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$/i;
// Zero-width characters, bidirectional controls, the BOM used as a zero-width space.
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/**
 * A character that shows nothing, or turns the text around it (bidirectional controls): pasted
 * from a web page or a PDF, it makes two names look the same and reorders what a reader sees.
 */
export function invisibleCharProblem(text: string): string | undefined {
  const invisible = INVISIBLE.exec(text);
  if (!invisible) return undefined;
  return `見えない文字 ${codePointName(invisible[0])}（幅のない空白や文字の向きの指定）が${characterNumber(text, invisible.index)}文字目にあります。貼り付けたときに紛れ込んだものなら削除してください`;
}

/** Bytes a name may take, per kind: room is left for `_2024-2026_施策1-2.docx` and the like. */
export const MAX_FILE_NAME_BYTES = { title: 120, department: 180 } as const;

/** Japanese message for the first reason `name` cannot be a file name, or undefined when safe. */
export function fileNameProblem(name: string, what: string, maxBytes: number): string | undefined {
  const bad = UNSAFE_IN_FILE_NAME.exec(name);
  if (bad) return `${what}に「${bad[0]}」は使えません（ファイル名になるため）`;
  if (/^\.|\.$/.test(name)) return `${what}を「.」で始めたり終えたりはできません（ファイル名になるため）`;
  if (name !== name.trim()) return `${what}の前後に空白は入れられません`;
  // Invisible characters: refused in every name, file name or not (invisibleCharProblem, schema.ts).
  if (name.normalize('NFC') !== name) {
    return `${what}に、濁点などを別の文字として組み合わせた文字があります。入力し直してください（見た目が同じでも別のファイル名になるため）`;
  }
  if (WINDOWS_RESERVED.test(name))
    return `「${name}」は Windows でファイル名に使えない名前です。別の${what}にしてください`;
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > maxBytes) {
    return `${what}が長すぎます（ファイル名にして${bytes}バイト、上限${maxBytes}バイト。漢字なら${Math.floor(maxBytes / 3)}文字まで）`;
  }
  return undefined;
}

export const departmentNameProblem = (name: string): string | undefined =>
  fileNameProblem(name, '担当課名', MAX_FILE_NAME_BYTES.department);

/** Two names that one file system would take for the same file (case, Unicode form). */
export const fileNameKey = (name: string): string => name.normalize('NFC').toLowerCase();
