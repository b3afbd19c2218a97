// The slips people make typing YAML in a Japanese IME or pasting from Word, found in the text
// before YAML reads it: a full-width space in the indentation, a full-width colon, no space
// after a colon, a thousands comma or full-width digits in an amount. YAML would answer each
// with a message about something else (「キーが複数行にまたがっています」, 「キー「408」は使え
// ません」) or none at all. Each slip is reported where it is, and repaired in the text that is
// then parsed, so that the rest of the file is still checked in the same run. Repairs keep every
// line where it was.
import { isPair, isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

export interface Slips {
  /** The text with every slip repaired. */
  readonly repaired: string;
  readonly diagnostics: Diagnostic[];
}

const IDEOGRAPHIC_SPACE = '\u3000';
/** A key as data files write them: a camelCase name, or a fiscal year. */
const KEY = String.raw`[a-z][A-Za-z0-9]*|\d{4}`;
const FULL_WIDTH_COLON = new RegExp(String.raw`^([ ]*(?:-[ ]+)?)(${KEY})[ \u3000]*：[ \u3000]*`);
const NO_SPACE_AFTER_COLON = new RegExp(String.raw`^([ ]*(?:-[ ]+)?)(${KEY}):(?=[^\s/:])`);
/**
 * A year, then an amount written with thousands commas or with full-width digits, and then the
 * end of the value (a text such as 「2024: 1,000人」 is not an amount).
 */
const AMOUNT =
  /(\d{4})([ ]*:[ ]*)([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]*[０-９][0-9０-９]*)(?=[ ]*(?:[,，}\]#]|$))/g;

const toAscii = (digits: string) => digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export function findSlips(file: string, text: string): Slips {
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, col: number, rule: string, message: string) =>
    diagnostics.push({ severity: 'error', file, line, col, rule, message });
  const lines = text.split('\n');
  const repaired = lines.map((original, index) => {
    const line = index + 1;
    let text = original;
    if (/^\s*#/.test(text)) return text;

    // Indentation (and the space after "- ") typed with the IME's full-width space: read as two
    // spaces each, the width it shows.
    const indent = /^[ \u3000]*(?:-[ \u3000]+)?/.exec(text)![0];
    if (indent.includes(IDEOGRAPHIC_SPACE)) {
      error(
        line,
        indent.indexOf(IDEOGRAPHIC_SPACE) + 1,
        'full-width-indent',
        '字下げに全角スペースが使われています。字下げは半角スペースで書いてください（全角スペース1つを半角2つとして読みました）',
      );
      text = indent.replaceAll(IDEOGRAPHIC_SPACE, '  ') + text.slice(indent.length);
    }

    const colon = FULL_WIDTH_COLON.exec(text);
    if (colon) {
      const at = colon[1]!.length + colon[2]!.length;
      error(
        line,
        text.indexOf('：', at) + 1,
        'full-width-colon',
        `キー「${colon[2]}」の後のコロンが全角（：）です。半角のコロンと半角スペースで「${colon[2]}: 」と書いてください`,
      );
      text = `${colon[1]}${colon[2]}: ${text.slice(colon[0].length)}`;
    } else {
      const tight = NO_SPACE_AFTER_COLON.exec(text);
      if (tight) {
        const at = tight[0].length;
        error(
          line,
          at + 1,
          'colon-without-space',
          `キー「${tight[2]}」のコロンの後に半角スペースがありません。「${tight[2]}: ${[...text.slice(at)].slice(0, 10).join('')}」のように書いてください`,
        );
        text = `${text.slice(0, at)} ${text.slice(at)}`;
      }
    }

    text = text.replace(AMOUNT, (match, year: string, separator: string, amount: string, offset: number) => {
      const written = toAscii(amount).replace(/[,，]/g, '');
      const col = offset + year.length + separator.length + 1;
      if (/[,，]/.test(amount))
        error(
          line,
          col,
          'amount-with-commas',
          `金額「${amount}」に桁区切りのカンマは書けません。${written} と書いてください（文書には 3けたごとにカンマを付けて印刷します）`,
        );
      else
        error(line, col, 'amount-full-width', `金額「${amount}」が全角の数字です。半角で ${written} と書いてください`);
      return `${year}${separator}${written}`;
    });
    return text;
  });
  return { repaired: repaired.join('\n'), diagnostics };
}

/**
 * Indentation one or two spaces off (YAML blames a missing "-" or quotes): each line set to the
 * nearest level that the lines above it open. Used only when the file does not parse as written.
 */
export function alignIndentation(file: string, text: string): Slips {
  const diagnostics: Diagnostic[] = [];
  const levels = [0];
  let opens = false;
  const repaired = text.split('\n').map((original, index) => {
    const content = original.trimStart();
    if (content === '' || content.startsWith('#')) return original;
    let indent = original.length - content.length;
    const top = () => levels[levels.length - 1]!;
    if (opens && indent > top()) levels.push(indent);
    else {
      let deeper: number | undefined;
      while (top() > indent) deeper = levels.pop();
      if (top() !== indent) {
        const target = deeper !== undefined && deeper - indent <= indent - top() ? deeper : top();
        if (target === deeper) levels.push(deeper);
        diagnostics.push({
          severity: 'error',
          file,
          line: index + 1,
          col: indent + 1,
          rule: 'indent-misaligned',
          message: `字下げが上の行とそろっていません（半角スペース${indent}個）。${target === 0 ? '字下げをなくしてください' : `${target}個にしてください`}`,
        });
        indent = target;
      }
    }
    const item = /^-[ ]+/.exec(content);
    if (item && indent + item[0].length > top()) levels.push(indent + item[0].length);
    opens = /:[ ]*(?:#.*)?$/.test(content);
    return ' '.repeat(indent) + content;
  });
  return { repaired: repaired.join('\n'), diagnostics };
}

/** Bullets pasted from Word at the start of a plan item; the documents print their own. */
const PASTED_BULLET = /^[・○●◦･][ \u3000]*/;

/**
 * Slips that only show once the file is read: a plan item that starts with a pasted bullet
 * (warned, and the bullet dropped so that one prints), and a text cut short by " #", which YAML
 * reads as the start of a comment (warned: nothing of it would reach the documents).
 */
export function textSlips(file: string, doc: Document, text: string, lineCounter: LineCounter): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const warn = (offset: number, rule: string, message: string) =>
    diagnostics.push({ severity: 'warning', file, ...lineCounter.linePos(offset), rule, message });
  visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'string' || !node.range) return;
      const bullet = PASTED_BULLET.exec(node.value);
      if (bullet && isPlanItem(path)) {
        warn(
          node.range[0],
          'pasted-bullet',
          `計画の項目の行頭の「${bullet[0].trim()}」は書かなくてかまいません（文書が「・」を付けます）。除いて印刷します`,
        );
        node.value = node.value.slice(bullet[0].length);
      }
      // A comment written right after "#" (「#2回目」), unlike a YAML comment ("# メモ"), is text
      // that was meant to be printed.
      if (node.type === 'PLAIN' && node.comment && !/^\s/.test(node.comment)) {
        const hash = text.indexOf('#', node.range[1]);
        if (hash < 0 || text.slice(node.range[1], hash).includes('\n')) return;
        const rest = text.slice(hash, text.indexOf('\n', hash) < 0 ? undefined : text.indexOf('\n', hash)).trimEnd();
        warn(
          hash,
          'hash-starts-comment',
          `「${[...rest].slice(0, 20).join('')}」は文書に出ません（「 #」から行末までは YAML のコメントです）。文書に出すなら値全体を "…" で囲んでください`,
        );
      }
    },
  });
  return diagnostics;
}

/** Whether a scalar is an item of a year's list under `schedule` (what the plan prints with 「・」). */
function isPlanItem(path: readonly unknown[]): boolean {
  const [schedule, , year, list] = path.slice(-4);
  return (
    isSeq(list) &&
    isPair(year) &&
    isScalar(year.key) &&
    /^\d{4}$/.test(String(year.key.value)) &&
    isPair(schedule) &&
    isScalar(schedule.key) &&
    schedule.key.value === 'schedule'
  );
}
