// The document tree (IR): what templates mean, independent of PDF, Word or HTML. Every backend
// renders this and nothing else, so the formats cannot disagree about content.

/** Where in which template a node came from, for messages about the markup. */
export interface SourcePlace {
  readonly template: string;
  readonly line: number;
}

export interface TextRun {
  readonly type: 'text';
  readonly text: string;
  readonly bold?: boolean;
  /** Changed words in a 新旧対照表. */
  readonly underline?: boolean;
  /** A run that must not be broken across lines (a number and its counter). */
  readonly noWrap?: boolean;
  /** A coloured label (an SDGs goal): background and text colour, #rrggbb. */
  readonly fill?: string;
  readonly color?: string;
}

export interface LineBreak {
  readonly type: 'break';
}

export type Inline = TextRun | LineBreak;

/** A style name from the templates' `class` attribute; the backends map it to fonts and spacing. */
export type StyleName = string;

export interface Heading {
  readonly type: 'heading';
  /** 1 to 4; 1 to 3 appear in the table of contents. */
  readonly level: 1 | 2 | 3 | 4;
  readonly content: readonly Inline[];
  readonly style?: StyleName;
  /** Anchor for links and the table of contents. */
  readonly id?: string;
  /** Listed in the table of contents (false for headings marked `data-toc="no"`). */
  readonly toc: boolean;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly content: readonly Inline[];
  readonly style?: StyleName;
  readonly align?: 'left' | 'center' | 'right';
  /**
   * A number or mark before the text (①, 1, 施策 12), set apart by one full-width space; the
   * text's wrapped lines start under the text, not under the label (a hanging indent).
   */
  readonly label?: string;
}

export interface List {
  readonly type: 'list';
  /** The marker printed before each item, e.g. "・" or "○". */
  readonly marker: string;
  readonly items: readonly (readonly Inline[])[];
  readonly style?: StyleName;
}

export interface TableCell {
  readonly content: readonly Block[];
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly header: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly style?: StyleName;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
}

export interface Table {
  readonly type: 'table';
  readonly style?: StyleName;
  /** Shown in HTML; the PDF and Word print the heading above the table instead. */
  readonly caption?: readonly Inline[];
  /** Relative column widths (e.g. [3, 2, 2, 2, 2]); after layout/fit-columns, text widths in points. */
  readonly widths: readonly number[];
  /** How narrow and how wide the column fitting may make each column, in the units of `widths`. */
  readonly minWidths?: readonly number[];
  readonly maxWidths?: readonly number[];
  /** Repeated at the top of every page the table runs onto. */
  readonly head: readonly TableRow[];
  readonly body: readonly TableRow[];
}

/** Placeholder that the backend fills with the headings and their page numbers. */
export interface TableOfContents {
  readonly type: 'toc';
  readonly title?: string;
}

/** Blocks printed on one page when they fit (a heading, its note and its table). */
export interface Group {
  readonly type: 'group';
  readonly keepTogether: boolean;
  readonly blocks: readonly Block[];
}

/**
 * A picture from the data (the town's emblem on the cover): PNG or JPEG bytes, centred, at a
 * width in points; its height follows from the picture's own proportions.
 */
export interface Image {
  readonly type: 'image';
  readonly format: 'png' | 'jpeg';
  readonly data: Uint8Array;
  /** In pixels, read from the file: the printed height is width × height / width. */
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly width: number;
  readonly alt: string;
}

export type Block = Heading | Paragraph | List | Table | TableOfContents | Group | Image;

/** A run of pages: each section starts on a new page. */
export interface Section {
  /** Anchor of the section (HTML). */
  readonly id?: string;
  readonly style?: StyleName;
  /** Running header printed at the top of each page of the section (none when absent). */
  readonly runningHeader?: string;
  /**
   * What the section is about (施策12　行財政の健全な運営), named at the top of each of its pages
   * beside the running header, with the theme's word for continued from its second page on: a
   * photocopied page still says which 施策 it belongs to.
   */
  readonly runningTitle?: string;
  /** Page numbers in the footer (the cover has none). */
  readonly pageNumbers: boolean;
  /**
   * Printed on both sides, the section begins on a right-hand (odd) page, a blank page left
   * before it when needed (a 基本方針, the 施策体系). No effect on one-sided printing.
   */
  readonly startsOnRight?: boolean;
  readonly blocks: readonly Block[];
}

export interface DocumentTree {
  readonly title: string;
  readonly subject?: string;
  readonly author?: string;
  readonly lang: string;
  /** Printed across every page (a draft's 「案」). */
  readonly watermark?: string;
  readonly sections: readonly Section[];
}
