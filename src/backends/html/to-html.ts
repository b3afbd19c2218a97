// Document tree → one self-contained HTML file for the town's website (JIS X 8341-3 asks for
// HTML first): lang="ja", headings in order, a table of contents linking to each section,
// real tables with <caption> and <th scope>, a print style sheet, BIZ UD first in the font
// stack. Nothing in it makes a request.
import { dataUrlOf, PICTURE_SPACE } from '../../ir/image-data.ts';
import { headingLabel, labelWidth } from '../../layout/labels.ts';
import { inlineText, tocHeadings, type TocHeading } from '../../ir/queries.ts';
import type { Block, DocumentTree, Inline, Section, Table, TableCell } from '../../ir/types.ts';
import type { FontRole, Theme } from '../../theme/theme.ts';
import { COMMA_SQUEEZE_EM, figureParts } from '../../layout/number-runs.ts';

/** Text for HTML content and attribute values. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const plain = (inlines: readonly Inline[]) => inlineText(inlines, ' ');

/** What rendering one document's blocks needs: the 目次's entries and each heading's HTML level. */
interface HtmlEnv {
  readonly theme: Theme;
  readonly headings: readonly TocHeading[];
  readonly levels: ReadonlyMap<Block, number>;
}

export function toHtml(tree: DocumentTree, theme: Theme): string {
  const env: HtmlEnv = { theme, headings: tocHeadings(tree), levels: htmlHeadingLevels(tree) };
  const body = tree.sections.map((s) => section(s, env)).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(tree.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(tree.title)}</title>
${tree.subject ? `<meta name="description" content="${escapeHtml(tree.subject)}">\n` : ''}${tree.author ? `<meta name="author" content="${escapeHtml(tree.author)}">\n` : ''}<meta name="generator" content="keikaku">
<style>${stylesheet(theme)}${tree.watermark ? WATERMARK_STYLE : ''}</style>
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<main id="main">
${tree.watermark ? `<p class="watermark">${escapeHtml(tree.watermark)}</p>\n` : ''}<h1 class="document-title">${escapeHtml(tree.subject ?? tree.title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/**
 * The page's own <h1> is the document's title; every heading of the tree goes one level below
 * it, and never more than one level below the heading before it (a ●mark under a section title
 * would otherwise skip levels, which screen-reader users navigating by level stumble on).
 */
function htmlHeadingLevels(tree: DocumentTree): Map<Block, number> {
  const levels = new Map<Block, number>();
  let previous = 1;
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading' || b.type === 'toc') {
        const level = Math.min((b.type === 'heading' ? b.level : 1) + 1, previous + 1, 6);
        levels.set(b, level);
        previous = level;
      } else if (b.type === 'group') visit(b.blocks);
    }
  };
  for (const s of tree.sections) visit(s.blocks);
  return levels;
}

/** A section without a heading (the cover, the 目次) is not a section of the outline: a <div>. */
function section(s: Section, env: HtmlEnv): string {
  const id = s.id ? ` id="${escapeHtml(s.id)}"` : '';
  const tag = s.blocks.some(function headed(b: Block): boolean {
    // A 目次's heading belongs to its own <nav>, not to the section around it.
    return b.type === 'heading' || (b.type === 'group' && b.blocks.some(headed));
  })
    ? 'section'
    : 'div';
  // Printed on both sides, a 基本方針 or the 施策体系 begins on a right-hand page.
  const classes = [s.style ?? '', ...(s.startsOnRight && env.theme.page.duplex ? ['start-right'] : [])]
    .join(' ')
    .trim();
  return `<${tag} class="${escapeHtml(classes)}"${id}>\n${s.blocks.map((b) => block(b, env)).join('\n')}\n</${tag}>`;
}

function inlines(content: readonly Inline[]): string {
  return content
    .map((i) => {
      if (i.type === 'break') return '<br>';
      // A figure's commas set narrower (.cm), as in the PDF and the Word file.
      const parts = figureParts(i.text);
      let html = parts
        ? parts.map((p) => (p.comma ? '<span class="cm">,</span>' : escapeHtml(p.text))).join('')
        : escapeHtml(i.text);
      if (i.noWrap) html = `<span class="nw">${html}</span>`;
      if (i.underline) html = `<u>${html}</u>`;
      if (i.bold) html = `<b>${html}</b>`;
      // Colours are #rrggbb by construction (parse-markup.ts): nothing else reaches the style.
      if (i.fill || i.color)
        html = `<span style="${i.fill ? `background-color: ${i.fill};` : ''}${i.color ? ` color: ${i.color};` : ''}">${html}</span>`;
      return html;
    })
    .join('');
}

const cls = (style?: string, extra?: string) => {
  const names = [style, extra].filter(Boolean).join(' ');
  return names ? ` class="${escapeHtml(names)}"` : '';
};

/** The style that hangs a label or number: its width in em, one full-width space included. */
function hanging(label: string | undefined): string {
  if (label === undefined) return '';
  const em = labelWidth(label, { font: 'gothic', bold: false, size: 1 });
  return ` style="padding-left: ${em}em; text-indent: -${em}em"`;
}

function block(b: Block, env: HtmlEnv): string {
  switch (b.type) {
    case 'heading': {
      const level = env.levels.get(b) ?? b.level + 1;
      // Its number hangs: a heading that wraps continues under its name.
      const hang = hanging(headingLabel(b.content)?.label);
      return `<h${level}${b.id ? ` id="${escapeHtml(b.id)}"` : ''}${cls(b.style)}${hang}>${inlines(b.content)}</h${level}>`;
    }
    case 'paragraph': {
      // A label hangs: the wrapped lines start under the text.
      const hang = hanging(b.label);
      const label = b.label === undefined ? '' : `${escapeHtml(b.label)}\u3000`;
      return `<p${cls(b.style, b.align ? `align-${b.align}` : undefined)}${hang}>${label}${inlines(b.content)}</p>`;
    }
    case 'list':
      return `<ul${cls(b.style)} style="list-style-type: '${escapeHtml(b.marker)}'">${b.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</ul>`;
    case 'group':
      return b.blocks.map((x) => block(x, env)).join('\n');
    case 'toc':
      return tocNav(b.title, env.headings, env.levels.get(b) ?? 2);
    case 'table':
      return table(b, env);
    case 'image':
      // Its printed width in CSS pixels (96 per inch): the same size on screen as on paper.
      return `<p class="picture" style="text-align: center; margin: ${PICTURE_SPACE}pt 0"><img src="${dataUrlOf(b)}" alt="${escapeHtml(b.alt)}" width="${Math.round((b.width * 96) / 72)}" height="${Math.round((b.width * 96 * b.pixelHeight) / 72 / b.pixelWidth)}"></p>`;
  }
}

function tocNav(title: string | undefined, headings: readonly TocHeading[], level: number): string {
  const label = title ?? '目次';
  const items = headings
    .map((h) => `<li class="toc-${h.level}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.title)}</a></li>`)
    .join('\n');
  return `<nav aria-labelledby="toc-title"><h${level} id="toc-title">${escapeHtml(label)}</h${level}>\n<ul class="toc">\n${items}\n</ul></nav>`;
}

function table(t: Table, env: HtmlEnv): string {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const colgroup = `<colgroup>${t.widths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(1)}%">`).join('')}</colgroup>`;
  const caption = t.caption ? plain(t.caption) : '';
  const row = (cells: readonly TableCell[], inHead: boolean) =>
    `<tr>${cells
      .map((c) => {
        const tag = c.header ? 'th' : 'td';
        const scope = c.header ? ` scope="${inHead ? (c.colSpan > 1 ? 'colgroup' : 'col') : 'row'}"` : '';
        const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
        const content =
          c.content.length === 1 &&
          c.content[0]!.type === 'paragraph' &&
          !c.content[0]!.style &&
          c.content[0]!.label === undefined
            ? inlines(c.content[0]!.content)
            : c.content.map((x) => block(x, env)).join('');
        return `<${tag}${scope}${spans}${cls(c.style, c.align ? `align-${c.align}` : undefined)}>${content}</${tag}>`;
      })
      .join('')}</tr>`;
  const head = t.head.length ? `<thead>${t.head.map((r) => row(r.cells, true)).join('')}</thead>` : '';
  const body = `<tbody>${t.body.map((r) => row(r.cells, false)).join('')}</tbody>`;
  // A wide table scrolls inside its own box on a phone; the box can take focus to scroll by keyboard.
  return `<div class="table-scroll" role="region" tabindex="0"${caption ? ` aria-label="${escapeHtml(caption)}"` : ''}><table${cls(t.style)}>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}${colgroup}${head}${body}</table></div>`;
}

/** The theme's font first, then its fallbacks for readers without BIZ UD, then the generic family. */
const fontStack = (theme: Theme, role: FontRole): string => {
  const font = theme.fonts[role];
  // The theme's fallbackFont right after the font: a reader who has it sees the rare characters.
  const names = [font.name, ...(theme.fallbackFont ? [theme.fallbackFont.name] : []), ...font.fallbacks];
  return [...names.map((name) => `"${name}"`), font.generic].join(', ');
};

/**
 * Classes the theme sets in another font than the base (e.g. 施策の方向 in Mincho), and those with
 * a rule above them in a cell (the 事業's 担当課 and 区分), drawn across the cell's padding.
 */
const fontClasses = (theme: Theme): string =>
  Object.entries(theme.styles)
    .filter(([key, style]) => key.startsWith('.') && style.font && style.font !== theme.base.font)
    .map(([key, style]) => `${key} { font-family: ${fontStack(theme, style.font!)}; }\n`)
    .join('') +
  Object.entries(theme.styles)
    .filter(([key, style]) => key.startsWith('.') && style.ruleAbove)
    .map(
      ([key]) =>
        `td ${key} { border-top: 1px solid ${theme.colors.screenRule}; margin: .2rem -.4rem 0; padding: .2rem .4rem 0; }\n`,
    )
    .join('');

// Sizes and spacing here are for screens (rem); the print sizes of the theme are for paper.
/** A draft's 「案」 across the screen and every printed page (only in a draft's stylesheet). */
const WATERMARK_STYLE =
  '.watermark { position: fixed; top: 35%; left: 0; right: 0; margin: 0; text-align: center; font-size: 10rem; color: rgba(0, 0, 0, 0.08); transform: rotate(-30deg); pointer-events: none; }\n';

const pt = (points: number) => `${Math.round(points * 100) / 100}pt`;

/** The screen and print stylesheet; print takes the theme's page and margins (mirrored on both sides). */
function stylesheet(theme: Theme): string {
  const { top, right, bottom, left } = theme.page.margin;
  return `
:root { color: ${theme.colors.text}; background: #fff; }
body { font-family: ${fontStack(theme, theme.base.font)}; line-height: 1.7; margin: 0 auto; max-width: 60rem; padding: 1rem; line-break: strict; overflow-wrap: anywhere; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; border: 2px solid ${theme.colors.link}; }
a { color: ${theme.colors.link}; }
section { margin: 0 0 3rem; }
h1 { font-size: 1.6rem; margin: 1.5rem 0 .75rem; }
h2 { font-size: 1.4rem; margin: 1.25rem 0 .5rem; }
h3 { font-size: 1.25rem; margin: 1rem 0 .5rem; }
h4 { font-size: 1.15rem; margin: 1rem 0 .5rem; }
h5, h6, .mark { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
p { margin: .25rem 0; }
${fontClasses(theme)}ul { margin: .25rem 0; padding-left: 1.2em; }
li { padding-left: .2em; }
.toc { list-style: none; padding: 0; }
.toc li { padding: .15rem 0; }
.toc-2 { margin-left: 1.2em; } .toc-3 { margin-left: 2.4em; }
/* The cover is for paper; on screen the page's first heading names the document. */
@media screen { .cover { display: none; } }
.cover { text-align: center; padding: 3rem 0; }
.cover-title { font-size: 2rem; font-weight: bold; }
.cover-municipality, .cover-period { font-size: 1.2rem; }
.excerpt-department { font-size: 2rem; }
.table-scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.table-scroll:focus { outline: 2px solid ${theme.colors.link}; }
table { border-collapse: collapse; width: 100%; min-width: 34rem; font-size: .9rem; }
@media (max-width: 40rem) { body { padding: .5rem; } h1 { font-size: 1.4rem; } table { font-size: .85rem; } }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid ${theme.colors.screenRule}; padding: .3rem .4rem; vertical-align: top; }
th { background: ${theme.colors.headerFill}; font-weight: bold; text-align: center; vertical-align: middle; }
td ul { padding-left: 1.1em; }
.align-right { text-align: right; } .align-center { text-align: center; }
td.align-right { font-variant-numeric: tabular-nums; white-space: nowrap; }
.nw { white-space: nowrap; }
.cm { letter-spacing: -${COMMA_SQUEEZE_EM}em; }
.unit { text-align: right; font-size: .9rem; }
.note { font-size: .9rem; }
@media print {
  @page { size: ${pt(theme.page.width)} ${pt(theme.page.height)}; margin: ${[top, right, bottom, left].map(pt).join(' ')}; }${
    theme.page.duplex
      ? `
  @page :left { margin-left: ${pt(right)}; margin-right: ${pt(left)}; }
  .start-right { break-before: right; }`
      : ''
  }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .skip, nav, .document-title { display: none; }
  section { break-before: page; margin: 0; }
  section:first-of-type { break-before: auto; }
  .table-scroll { overflow: visible; }
  table { min-width: 0; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
}
