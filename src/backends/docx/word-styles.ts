// The Word file's named styles: every paragraph keikaku writes takes its look from a style
// defined in the document (本文, 表本文, 表見出し, 箇条書き, 見出し 1–4 and their classes), so
// that a department that changes a style in Word sees the change everywhere. The theme's style
// of each (tag, class, in a table) becomes one paragraph style, defined only when used.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  ShadingType,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
} from 'docx';
import { COMMA_SQUEEZE_EM, COMMA_WIDTH_EM } from '../../layout/number-runs.ts';
import { TOC_INDENT } from '../../layout/toc-layout.ts';
import { styleOf, type BlockStyle, type Theme } from '../../theme/styles.ts';
import { officeColor } from '../../theme/theme.ts';

export const TWIPS_PER_POINT = 20;
export const twips = (points: number) => Math.round(points * TWIPS_PER_POINT);
export const halfPoints = (points: number) => Math.round(points * 2);

/** The theme's rule in Word's unit, eighths of a point (the theme's 0.625 pt is 5): rows as tall as the PDF's. */
export const ruleEighths = (theme: Theme) => Math.max(2, Math.round(theme.table.ruleWidth * 8));

export const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** What a paragraph names: its style's id, and the theme's style behind it. */
export interface WordStyle {
  readonly id: string;
  readonly style: BlockStyle;
}

/** A font for every script of a run (Latin, East Asian, complex). */
export const fontNamed = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** A figure's digits (character style 金額) and its thousands commas (金額の桁区切り, based on it). */
export const AMOUNT_STYLE_ID = 'keikaku-amount';
export const COMMA_STYLE_ID = 'keikaku-comma';
/** The first of two marks set tight (」 of 」（): character style 約物の詰め. */
export const TIGHT_MARK_STYLE_ID = 'keikaku-tight-mark';

/**
 * The character styles of amounts, the only run formatting besides emphasis: 金額 for a figure
 * (staff restyle every amount through it), and 金額の桁区切り for its commas, set as narrow as the
 * PDF's: in the theme's proportional face (proportionalFace), scaled to the PDF's width.
 */
export function amountStyles(theme: Theme): ICharacterStyleOptions[] {
  const face = theme.proportionalFace;
  const width = face?.commaEm ?? COMMA_WIDTH_EM;
  return [
    { id: AMOUNT_STYLE_ID, name: '金額', run: {} },
    {
      id: COMMA_STYLE_ID,
      name: '金額の桁区切り',
      basedOn: AMOUNT_STYLE_ID,
      run: {
        ...(face ? { font: fontNamed(face.name) } : {}),
        // Scaled, not spaced: LibreOffice does not apply a one-character run's spacing.
        scale: Math.round(((COMMA_WIDTH_EM - COMMA_SQUEEZE_EM) / width) * 100),
      },
    },
    // JLReq: 」（ share one half-width blank. The proportional face's 」 is half an em with the
    // same ink, which is what the PDF's half-em tightening prints.
    ...(face
      ? [
          {
            id: TIGHT_MARK_STYLE_ID,
            name: '約物の詰め',
            run: { font: fontNamed(face.name) },
          },
        ]
      : []),
  ];
}

/** The names staff see in Word's style list, by the theme's tag. */
const TAG_NAMES: Readonly<Record<string, string>> = {
  p: '本文',
  td: '表本文',
  th: '表見出し',
  ul: '箇条書き',
  h1: '見出し 1',
  h2: '見出し 2',
  h3: '見出し 3',
  h4: '見出し 4',
};

/**
 * Line spacing: exactly the PDF's line (size × lineHeight), so that Word and LibreOffice put as
 * many lines on a page as the PDF does and the two page alike ("auto" spacing follows each
 * font's own line gap, which BIZ UD makes taller).
 */
export const lineSpacing = (style: BlockStyle) => ({
  line: twips(style.size * style.lineHeight),
  lineRule: LineRuleType.EXACT,
});

export class WordStyles {
  private readonly used = new Map<string, IParagraphStyleOptions>();
  private readonly characters = new Map<string, ICharacterStyleOptions>();

  constructor(
    private readonly theme: Theme,
    private readonly fontName: (role: BlockStyle['font']) => NonNullable<IRunStylePropertiesOptions['font']>,
  ) {}

  /** A paragraph, list item or cell's style: `tag` p, ul, th or td, with the template's class. */
  paragraph(tag: 'p' | 'ul' | 'th' | 'td' | 'h1', className?: string, inTable = false): WordStyle {
    const style = styleOf(this.theme, tag, className, inTable);
    const base = inTable && tag === 'p' ? 'td' : inTable && tag === 'ul' ? 'ul-in-table' : tag;
    const id = styleId(base, className);
    if (!this.used.has(id)) {
      // An h1 that is not a heading of the outline: the 目次's own title.
      const tagName = base === 'ul-in-table' ? '表箇条書き' : base === 'h1' ? '大見出し' : TAG_NAMES[base]!;
      const name = `${tagName}${className ? `（${className}）` : ''}`;
      const hang = tag === 'ul' ? twips(style.size) : undefined;
      this.used.set(
        id,
        this.definition(id, name, style, hang !== undefined ? { indent: { left: hang, hanging: hang } } : {}),
      );
    }
    return { id, style };
  }

  /**
   * A heading: Word's own 見出し N (its outline level puts it in the navigation pane and the
   * 目次), or one based on it for a template's class.
   */
  heading(level: 1 | 2 | 3 | 4, className?: string): WordStyle {
    const style = styleOf(this.theme, `h${level}`, className);
    if (!className) return { id: `Heading${level}`, style };
    const id = styleId(`h${level}`, className);
    if (!this.used.has(id))
      this.used.set(id, {
        ...this.definition(id, `${TAG_NAMES[`h${level}`]!}（${className}）`, style, {
          keepNext: true,
          outlineLevel: level - 1,
        }),
        basedOn: `Heading${level}`,
      });
    return { id, style };
  }

  /**
   * The paragraph between the two parts of a table that the print layout continued on a new
   * page: it starts that page (a page break before it), and is as low as Word allows (one twentieth of a point), so that
   * the table's rest starts where the PDF's does.
   */
  tableBreak(): string {
    const id = 'keikaku-table-break';
    if (!this.used.has(id))
      this.used.set(id, {
        id,
        name: '表の改ページ',
        basedOn: 'Normal',
        run: { size: 2 },
        paragraph: {
          spacing: { before: 0, after: 0, line: 1, lineRule: LineRuleType.EXACT },
        },
      });
    return id;
  }

  /**
   * The 目次's entries at one level: Word's "toc N" style (the table of contents field writes its
   * entries in it), drawn as the print layout draws the level's rows: the theme's .toc-N, indented
   * by level, the text stopping short of the page number's column, no entry split across pages.
   */
  tocEntry(level: number, numberWidth: number): void {
    // The id docx writes the cached entries with; the name Word and the field know the style by.
    const id = `TOC${level}`;
    if (this.used.has(id)) return;
    const style = styleOf(this.theme, 'p', `toc-${level}`);
    this.used.set(id, {
      ...this.definition(id, `toc ${level}`, style, {
        indent: { left: twips((level - 1) * TOC_INDENT), right: twips(numberWidth) },
        keepLines: true,
      }),
      quickFormat: false,
    });
  }

  /** Word's built-in 見出し 1–4 as the theme draws h1–h4. */
  headingDefaults() {
    const entry = (level: 1 | 2 | 3 | 4) => {
      const definition = this.definition(`Heading${level}`, '', styleOf(this.theme, `h${level}`), { keepNext: true });
      return { run: { ...definition.run, color: '000000' }, paragraph: definition.paragraph };
    };
    return { heading1: entry(1), heading2: entry(2), heading3: entry(3), heading4: entry(4) };
  }

  /**
   * A span's colours (an SDGs goal's label, its background and its letters): a character style
   * for each pair, named by them, so that no run carries colours of its own.
   */
  colours(fill: string | undefined, color: string | undefined): string {
    const hex = (c: string | undefined) => (c ? officeColor(c) : 'auto');
    const id = `keikaku-colour-${hex(fill)}-${hex(color)}`;
    if (!this.characters.has(id))
      this.characters.set(id, {
        id,
        name: `色（${[fill ? `背景 #${hex(fill)}` : '', color ? `文字 #${hex(color)}` : ''].filter(Boolean).join('・')}）`,
        run: {
          ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) } } : {}),
          ...(color ? { color: hex(color) } : {}),
        },
      });
    return id;
  }

  /** The character styles the document's spans named, in the order first used. */
  characterDefinitions(): ICharacterStyleOptions[] {
    return [...this.characters.values()];
  }

  /** Every style a paragraph of the document named, in the order first used. */
  definitions(): IParagraphStyleOptions[] {
    return [...this.used.values()];
  }

  private definition(
    id: string,
    name: string,
    style: BlockStyle,
    paragraph: NonNullable<IParagraphStyleOptions['paragraph']>,
  ): IParagraphStyleOptions {
    return {
      id,
      name,
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: this.fontName(style.font), size: halfPoints(style.size), bold: style.bold },
      paragraph: {
        alignment: ALIGN[style.align],
        spacing: {
          // A rule above the paragraph takes its width from the space before it: the PDF draws
          // it in that space, adding no height, where Word adds it to the paragraph.
          before: twips(Math.max(0, style.spaceBefore - (style.ruleAbove ? ruleEighths(this.theme) / 8 : 0))),
          after: twips(style.spaceAfter),
          ...lineSpacing(style),
        },
        // A sub-cell's rule (the 事業's 担当課 and 区分): Word draws it across the text's width,
        // right above the text.
        ...(style.ruleAbove
          ? {
              border: {
                top: {
                  style: BorderStyle.SINGLE,
                  size: ruleEighths(this.theme),
                  color: officeColor(this.theme.colors.rule),
                  space: 0,
                },
              },
            }
          : {}),
        ...paragraph,
      },
    };
  }
}

const styleId = (base: string, className?: string) =>
  `keikaku-${base}${className ? `-${className}` : ''}`.replace(/[^A-Za-z0-9-]/g, '-');
