// Markup (the HTML subset that templates emit) → document tree. One handler per tag family;
// an unknown tag or attribute value is an error naming the template that holds it.
import { parseDocument } from 'htmlparser2';
import { isComment, isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { TemplateSource } from '../templates/engine.ts';
import { numberRuns } from '../layout/number-runs.ts';
import { templateAt, templateRegions, type TemplateRegion } from '../templates/source-markers.ts';
import { pictureFromDataUrl } from './image-data.ts';
import { columnCount } from './table-grid.ts';
import type {
  Block,
  DocumentTree,
  Heading,
  Image,
  Inline,
  List,
  Paragraph,
  Section,
  Table,
  TableCell,
  TableRow,
} from './types.ts';

class MarkupError extends Error {
  /** Where in the markup the offending node starts (to find the template that wrote it). */
  readonly offset: number | undefined;

  constructor(
    readonly tag: string,
    message: string,
    node?: ChildNode,
  ) {
    super(message);
    this.offset = node?.startIndex ?? undefined;
  }
}

export interface MarkupChecks {
  /** Why a table of these relative column widths cannot be printed, or undefined. */
  readonly tableWidths?: (widths: readonly number[]) => string | undefined;
}

export function parseMarkup(
  markup: string,
  templates: readonly TemplateSource[] = [],
  checks: MarkupChecks = {},
): { tree?: DocumentTree; diagnostics: Diagnostic[] } {
  state = freshState(checks);
  const dom = parseDocument(markup, {
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    decodeEntities: true,
    recognizeSelfClosing: true,
    withStartIndices: true,
  });
  try {
    const root = elements(dom.children).find((e) => e.name === 'document');
    if (!root) throw new MarkupError('document', '文書全体を <document> … </document> で囲んでください');
    return { tree: toDocument(root), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof MarkupError)) throw error;
    return { diagnostics: [markupDiagnostic(error, templates, templateRegions(markup))] };
  } finally {
    state = freshState({});
  }
}

/**
 * Limits on what templates may build: a template (or data it repeats) going wrong should stop
 * with a message, not exhaust memory or the stack. Real templates stay far below them.
 */
export const MARKUP_LIMITS = { depth: 32, columns: 64, rowSpan: 10_000, markerLength: 3 } as const;

/** The parse under way (the handlers are plain functions of one element). */
interface ParseState {
  readonly checks: MarkupChecks;
  /** Where each id was first written: a second one would send a 目次 link to the wrong place. */
  readonly ids: Set<string>;
  tocs: number;
  depth: number;
}

const freshState = (checks: MarkupChecks): ParseState => ({ checks, ids: new Set(), tocs: 0, depth: 0 });
let state: ParseState = freshState({});

/** Runs a nested handler one level deeper, refusing markup nested beyond the limit. */
function nested<T>(el: ChildNode, inner: () => T): T {
  if (state.depth >= MARKUP_LIMITS.depth)
    throw unexpected(
      el,
      `タグの入れ子が深すぎます（${MARKUP_LIMITS.depth}段まで）。テンプレートの入れ子を確かめてください`,
    );
  state.depth++;
  try {
    return inner();
  } finally {
    state.depth--;
  }
}

/** An id, checked: written once in the whole document, and a plain name. */
function idOf(el: Element): { id?: string } {
  const id = el.attribs.id;
  if (id === undefined) return {};
  if (!/^[A-Za-z0-9_-][A-Za-z0-9_.:-]{0,127}$/.test(id))
    throw new MarkupError(el.name, `id「${id}」は半角英数字と - _ . : で128文字までにしてください`, el);
  if (state.ids.has(id))
    throw new MarkupError(
      el.name,
      `id「${id}」が文書の中で2回使われています。目次のリンクが別の場所に飛ぶため、重ならないようにしてください（施策などの ID（id）がテンプレートの見出しの id と同じになっていないかも確かめてください）`,
      el,
    );
  state.ids.add(id);
  return { id };
}

/** A list's marker: a few printable characters, none that could close the HTML attribute or CSS string it goes in. */
function markerOf(el: Element): string {
  const marker = el.attribs['data-marker'] ?? '・';
  if (
    [...marker].length > MARKUP_LIMITS.markerLength ||
    marker === '' ||
    /[\s'"\\;{}<>\u0000-\u001F\u007F]/.test(marker)
  )
    throw new MarkupError(
      el.name,
      `data-marker は記号を${MARKUP_LIMITS.markerLength}文字までで書いてください（空白・引用符・\\ ; { } < > は使えません。「${marker}」が書かれています）`,
      el,
    );
  return marker;
}

/**
 * Points at the template that wrote the offending node (source-markers.ts), at its first line
 * writing that tag: markup has no lines of its own, and a loop writes one line many times.
 */
function markupDiagnostic(
  error: MarkupError,
  templates: readonly TemplateSource[],
  regions: readonly TemplateRegion[],
): Diagnostic {
  const writer = error.offset === undefined ? undefined : templates[templateAt(regions, error.offset) ?? -1];
  for (const t of writer ? [writer] : templates) {
    const index = t.text.search(new RegExp(`<${error.tag}[\\s>/]`, 'i'));
    if (index >= 0) {
      const before = t.text.slice(0, index).split('\n');
      return {
        severity: 'error',
        file: t.file,
        line: before.length,
        col: before[before.length - 1]!.length + 1,
        rule: 'markup',
        message: error.message,
      };
    }
  }
  const file = writer?.file ?? templates[0]?.file ?? 'templates';
  return { severity: 'error', file, rule: 'markup', message: error.message };
}

const elements = (nodes: readonly ChildNode[]): Element[] => nodes.filter(isTag);

function toDocument(root: Element): DocumentTree {
  const sections: Section[] = [];
  for (const node of root.children) {
    if (isBlankText(node) || isComment(node)) continue;
    if (isTag(node) && node.name === 'section') sections.push(toSection(node));
    else throw unexpected(node, '<document> の中には <section> だけを書けます');
  }
  return {
    title: root.attribs.title ?? '',
    lang: root.attribs.lang ?? 'ja',
    ...(root.attribs.subject ? { subject: root.attribs.subject } : {}),
    ...(root.attribs.author ? { author: root.attribs.author } : {}),
    ...(root.attribs.watermark ? { watermark: root.attribs.watermark } : {}),
    sections,
  };
}

function startsOnRight(el: Element): boolean {
  const start = el.attribs['data-start'];
  if (start === undefined) return false;
  if (start !== 'right')
    throw new MarkupError(
      'section',
      `data-start は right だけが書けます（「${start.slice(0, 20)}」が書かれています）`,
      el,
    );
  return true;
}

function toSection(el: Element): Section {
  return {
    ...idOf(el),
    ...(el.attribs.class ? { style: el.attribs.class } : {}),
    ...(el.attribs['data-running-header'] ? { runningHeader: el.attribs['data-running-header'] } : {}),
    ...(el.attribs['data-running-title'] ? { runningTitle: el.attribs['data-running-title'] } : {}),
    pageNumbers: el.attribs['data-page-numbers'] !== 'no',
    ...(startsOnRight(el) ? { startsOnRight: true } : {}),
    blocks: toBlocks(el.children, 'section'),
  };
}

function toBlocks(nodes: readonly ChildNode[], parent: string): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    if (isBlankText(node) || isComment(node)) continue;
    if (!isTag(node)) throw unexpected(node, `<${parent}> の中の文字は <p> などで囲んでください`);
    const handler = Object.hasOwn(BLOCK_HANDLERS, node.name) ? BLOCK_HANDLERS[node.name] : undefined;
    if (!handler)
      throw unexpected(
        node,
        `<${parent}> の中に <${node.name}> は書けません（書けるもの: ${Object.keys(BLOCK_HANDLERS).join(', ')}）`,
      );
    blocks.push(nested(node, () => handler(node)));
  }
  return blocks;
}

const heading =
  (level: Heading['level']) =>
  (el: Element): Heading => ({
    type: 'heading',
    level,
    content: toInlines(el.children),
    ...(el.attribs.class ? { style: el.attribs.class } : {}),
    ...idOf(el),
    toc: level <= 3 && el.attribs['data-toc'] !== 'no',
  });

const BLOCK_HANDLERS: Record<string, (el: Element) => Block> = {
  h1: heading(1),
  h2: heading(2),
  h3: heading(3),
  h4: heading(4),
  p: (el): Paragraph => ({
    type: 'paragraph',
    content: toInlines(el.children),
    ...styleAndAlign(el),
    ...(el.attribs['data-label'] ? { label: el.attribs['data-label'] } : {}),
  }),
  img: (el): Image => {
    const picture = pictureFromDataUrl(el.attribs.src ?? '');
    if (!picture)
      throw new MarkupError(
        'img',
        '<img> の src には PNG か JPEG の画像を data:image/png;base64,… の形で書いてください（外のファイルやウェブの画像は読みません）',
        el,
      );
    const width = Number(el.attribs['data-width']);
    if (!(width > 0 && width <= 500))
      throw new MarkupError('img', '<img> には data-width="60" のように印刷する幅（pt、500まで）を書いてください', el);
    const alt = el.attribs.alt ?? '';
    if (alt.trim() === '')
      throw new MarkupError('img', '<img> には画像の説明を alt に書いてください（読み上げに使います）', el);
    return { type: 'image', ...picture, width, alt };
  },
  ul: (el): List => ({
    type: 'list',
    marker: markerOf(el),
    items: elements(el.children).map((li) => {
      if (li.name !== 'li') throw unexpected(li, '<ul> の中には <li> だけを書けます');
      return toInlines(li.children);
    }),
    ...(el.attribs.class ? { style: el.attribs.class } : {}),
  }),
  table: toTable,
  toc: (el) => {
    if (++state.tocs > 1) throw new MarkupError('toc', '目次（<toc>）は文書に1つだけ書けます', el);
    return { type: 'toc', ...(el.attribs.title ? { title: el.attribs.title } : {}) };
  },
  div: (el) => ({
    type: 'group',
    keepTogether: el.attribs['data-keep'] === 'together',
    blocks: toBlocks(el.children, 'div'),
  }),
};

function styleAndAlign(el: Element): { style?: string; align?: 'left' | 'center' | 'right' } {
  const align = el.attribs.align;
  if (align !== undefined && align !== 'left' && align !== 'center' && align !== 'right') {
    throw new MarkupError(el.name, `align は left・center・right のどれかです（「${align}」が書かれています）`, el);
  }
  return { ...(el.attribs.class ? { style: el.attribs.class } : {}), ...(align ? { align } : {}) };
}

/**
 * A table's data-min-widths or data-max-widths: how narrow or wide the column fitting
 * (layout/fit-columns.ts) may make each column, in the units of data-widths, one per column.
 */
function widthLimits(
  el: Element,
  attribute: 'data-min-widths' | 'data-max-widths',
  widths: readonly number[],
  allowed: (limit: number, width: number) => boolean,
  wrongWay: string,
): number[] | undefined {
  const text = el.attribs[attribute];
  if (text === undefined) return undefined;
  const limits = text.split(',').map((w) => Number(w.trim()));
  if (limits.length !== widths.length || limits.some((w) => !(w >= 0) || !Number.isFinite(w) || text.trim() === ''))
    throw new MarkupError(
      'table',
      `<table> の ${attribute} は data-widths と同じ単位で列の数（${widths.length}列）だけ書いてください（「${text.slice(0, 40)}」が書かれています）`,
      el,
    );
  const wrong = limits.findIndex((limit, i) => !allowed(limit, widths[i]!));
  if (wrong >= 0)
    throw new MarkupError(
      'table',
      `<table> の ${attribute} の${wrong + 1}列目（${limits[wrong]}）が data-widths の${widths[wrong]}${wrongWay}なっています`,
      el,
    );
  return limits;
}

function toTable(el: Element): Table {
  const widths = (el.attribs['data-widths'] ?? '')
    .split(',')
    .filter((w) => w.trim() !== '')
    .map(Number);
  if (widths.length === 0 || widths.some((w) => !(w > 0) || !Number.isFinite(w)))
    throw new MarkupError('table', '<table> には data-widths="3,2,2" のように列の幅の比を書いてください', el);
  if (widths.length > MARKUP_LIMITS.columns)
    throw new MarkupError(
      'table',
      `表の列は${MARKUP_LIMITS.columns}列までです（data-widths に${widths.length}列あります）`,
      el,
    );
  let caption: Inline[] | undefined;
  const head: TableRow[] = [];
  const body: TableRow[] = [];
  for (const part of elements(el.children)) {
    if (part.name === 'caption') caption = toInlines(part.children);
    else if (part.name === 'thead') head.push(...toRows(part));
    else if (part.name === 'tbody' || part.name === 'tfoot') body.push(...toRows(part));
    else if (part.name === 'tr') body.push(toRow(part));
    else
      throw unexpected(
        part,
        `<table> の中に <${part.name}> は書けません（書けるもの: caption, thead, tbody, tfoot, tr）`,
      );
  }
  // A width list shorter than the table would drop its last columns from the PDF silently.
  const columns = Math.max(columnCount(head), columnCount(body));
  if (columns > 0 && columns !== widths.length) {
    throw new MarkupError(
      'table',
      `<table> の data-widths は${widths.length}列分ですが、表は${columns}列あります。列の数だけ幅の比を書いてください（年度の列は {{#each years}} で繰り返せます）`,
      el,
    );
  }
  const minWidths = widthLimits(el, 'data-min-widths', widths, (limit, width) => limit <= width, 'より大きく');
  const maxWidths = widthLimits(el, 'data-max-widths', widths, (limit, width) => limit >= width, 'より小さく');
  const tooNarrow = state.checks.tableWidths?.(widths);
  if (tooNarrow !== undefined) {
    const name = caption ? `「${caption.map((r) => (r.type === 'text' ? r.text : '')).join('')}」` : '';
    throw new MarkupError('table', `表${name}: ${tooNarrow}`, el);
  }
  return {
    type: 'table',
    widths,
    head,
    body,
    ...(caption ? { caption } : {}),
    ...(el.attribs.class ? { style: el.attribs.class } : {}),
    ...(minWidths ? { minWidths } : {}),
    ...(maxWidths ? { maxWidths } : {}),
  };
}

const toRows = (part: Element): TableRow[] =>
  elements(part.children).map((tr) => {
    if (tr.name !== 'tr') throw unexpected(tr, `<${part.name}> の中には <tr> だけを書けます`);
    return toRow(tr);
  });

function toRow(tr: Element): TableRow {
  return {
    cells: elements(tr.children).map((cell): TableCell => {
      if (cell.name !== 'td' && cell.name !== 'th') throw unexpected(cell, '<tr> の中には <td> か <th> だけを書けます');
      const span = (name: 'rowspan' | 'colspan') => {
        const value = Number(cell.attribs[name] ?? 1);
        const max = name === 'colspan' ? MARKUP_LIMITS.columns : MARKUP_LIMITS.rowSpan;
        if (!Number.isInteger(value) || value < 1 || value > max)
          throw new MarkupError(
            cell.name,
            `${name} は1から${max}までの整数です（「${cell.attribs[name]}」が書かれています）`,
            cell,
          );
        return value;
      };
      const hasBlocks = cell.children.some((c) => isTag(c) && c.name in BLOCK_HANDLERS);
      const content: Block[] = hasBlocks
        ? toBlocks(cell.children, cell.name)
        : [{ type: 'paragraph', content: toInlines(cell.children) }];
      return {
        content,
        rowSpan: span('rowspan'),
        colSpan: span('colspan'),
        header: cell.name === 'th',
        ...styleAndAlign(cell),
      };
    }),
  };
}

interface RunStyle {
  readonly bold?: boolean;
  readonly underline?: boolean;
  readonly fill?: string;
  readonly color?: string;
}

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

/** A span's colours (data-fill, data-color): #rrggbb only, so that no other text reaches a style. */
function spanColors(el: Element): RunStyle {
  const colors: { fill?: string; color?: string } = {};
  for (const [attribute, key] of [
    ['data-fill', 'fill'],
    ['data-color', 'color'],
  ] as const) {
    const value = el.attribs[attribute];
    if (value === undefined) continue;
    if (!HEX_COLOR.test(value))
      throw new MarkupError(
        'span',
        `${attribute} は #1a1a1a のように # と16進数6桁で書いてください（「${value}」が書かれています）`,
        el,
      );
    colors[key] = value.toUpperCase();
  }
  return colors;
}

function toInlines(nodes: readonly ChildNode[], style: RunStyle = {}): Inline[] {
  const out: Inline[] = [];
  // Text split only by a template's marker comment is one text (one number run, one space).
  let text = '';
  const flush = () => {
    for (const run of numberRuns(text.replace(/[ \t\r\n]+/g, ' '))) {
      out.push({ type: 'text', text: run.text, ...style, ...(run.noWrap ? { noWrap: true } : {}) });
    }
    text = '';
  };
  for (const node of nodes) {
    if (isText(node)) text += node.data;
    if (isText(node) || isComment(node)) continue;
    flush();
    if (isTag(node) && node.name === 'br') out.push({ type: 'break' });
    else if (isTag(node) && node.name === 'b')
      out.push(...nested(node, () => toInlines(node.children, { ...style, bold: true })));
    else if (isTag(node) && node.name === 'u')
      out.push(...nested(node, () => toInlines(node.children, { ...style, underline: true })));
    else if (isTag(node) && node.name === 'span')
      out.push(...nested(node, () => toInlines(node.children, { ...style, ...spanColors(node) })));
    else if (isTag(node)) throw unexpected(node, `文の中に <${node.name}> は書けません（書けるもの: b, u, br, span）`);
  }
  flush();
  return trimInlines(out);
}

/** Whitespace that only came from the template's own line breaks and indentation. */
function trimInlines(inlines: Inline[]): Inline[] {
  const result = [...inlines];
  const trimAt = (index: number, side: 'start' | 'end') => {
    const node = result[index];
    if (node?.type !== 'text') return;
    const text = side === 'start' ? node.text.replace(/^ +/, '') : node.text.replace(/ +$/, '');
    if (text === '') result.splice(index, 1);
    else result[index] = { ...node, text };
  };
  trimAt(0, 'start');
  trimAt(result.length - 1, 'end');
  return result;
}

const isBlankText = (node: ChildNode): boolean => isText(node) && node.data.trim() === '';

function unexpected(node: ChildNode, message: string): MarkupError {
  return new MarkupError(isTag(node) ? node.name : '#text', message, node);
}
