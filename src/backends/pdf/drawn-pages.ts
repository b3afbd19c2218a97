// The drawn pages of a part, kept in out/.cache beside its layout (part-record.ts), so that a
// rebuild draws only the parts that changed: what pdfkit wrote for the part's body (the page
// content stream, its fonts' glyphs, the side effects of drawing: opacity states, links, named
// destinations, bookmarks) is recorded while the part is drawn, and written again by the next
// build without laying its text out or shaping a glyph. Headers, footers and the watermark are
// drawn each time (they carry the document's page numbers).
//
// Drawing a page's body writes more than its content stream, and all of it must come out as a
// fresh drawing would write it, in the same order, for the PDF's bytes to stay the same:
// - glyphs: pdfkit numbers a font's glyphs in the order the document first uses them (one subset
//   for the document). The record keeps each glyph's id in the font, its width and its text; the
//   content is written again with the ids of this document's subset, glyphs included in order;
// - fonts: a font's name (/F3) is the document's; the record names the part's fonts by their
//   place in the order its layout asked for them (partwise-layout.ts asks them again alike);
// - objects: pdfkit numbers its objects in the order made. Each call that makes one (an opacity
//   state, a link, a bookmark, a font's first use on the page) is a step of the record, replayed
//   by the same call; anything else that would make an object (a picture, a page link, a
//   pattern) leaves the part unrecorded, drawn each time.
// A page whose body prints another page's number (a 目次) is not recorded either.
import { Renderer as RendererClass } from './pdfmake-modules.ts';
import { deflateKept, inflateKept } from '../kept-record.ts';

/** The little of pdfkit's EmbeddedFont that a record reads and replays. */
export interface DrawnFont {
  readonly id: string;
  readonly subset: { includeGlyph(glyph: number): number; readonly glyphs: readonly number[] };
  readonly widths: (number | undefined)[];
  readonly unicode: (number[] | undefined)[];
  /** fontkit's font, which makes each glyph's object once, with the text first given for it. */
  readonly font: { getGlyph(id: number, codePoints?: number[]): unknown };
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], unknown[]];
}

/** The little of pdfkit's document that drawing a body touches. */
interface PdfKitDocument {
  page: {
    content: { buffer: Uint8Array[]; write(chunk: Uint8Array): void };
    fonts: Record<string, unknown>;
    ext_gstates: Record<string, unknown>;
  };
  /** The opacity states made so far, by opacityKey: [the state, its name]. */
  _opacityRegistry: Record<string, [unknown, string]>;
  outline: { addItem(title: string, options: object): unknown; constructor: { prototype: object } };
  x: number;
  y: number;
  _font: unknown;
  _fontSize: number;
  _fillColor: unknown;
  _strokeColor: unknown;
  _ctm: number[];
  _ctmStack: number[][];
  ref(data?: unknown): unknown;
  _doOpacity(fill: unknown, stroke: unknown): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: object): unknown;
  link(x: number, y: number, w: number, h: number, url: unknown, options?: object): unknown;
  addNamedDestination(name: string, ...args: unknown[]): unknown;
  addPage(options: object): unknown;
}

/** A drawing call replayed as made: it writes objects or state a content stream does not hold. */
type Step =
  | readonly ['opacity', unknown, unknown]
  | readonly ['goTo', number[], number, number, number, number, string]
  | readonly ['link', number[], number, number, number, number, string]
  | readonly ['destination', string, ...unknown[]]
  | readonly ['font', number]
  | readonly ['outline', string, unknown, string | null, string | null];

/** What pdfkit's state holds after a body, read by what is drawn next (a header). */
interface EndState {
  readonly x: number;
  readonly y: number;
  readonly font: number;
  readonly fontSize: number;
  readonly fillColor: unknown;
  readonly strokeColor: unknown;
  readonly ctm: number[];
}

/**
 * One page's body: its content between the steps, and the state it leaves. In the record a
 * piece of content is its length in bytes (the bytes follow the record's facts, in order);
 * while recorded, the bytes themselves.
 */
interface DrawnBody<Content = number> {
  readonly steps: (Content | Step)[];
  /** The glyphs the body uses, each once where first used: font place, glyph number as drawn, …. */
  readonly glyphOrder: number[];
  readonly end: EndState;
  /** The page's watermark (a draft's 案), drawn after its header and footer; its font by place. */
  readonly watermark?: Record<string, unknown> & { font: number };
}

/**
 * A part's drawn pages, as out/.cache keeps them: these facts as JSON, then the content's bytes
 * as drawn (deflated by kept-record.ts: a 4-byte length of the JSON, the JSON, the bytes). The bytes
 * are not put in the JSON: a rebuild of a long plan reads hundreds of MB of content, and writes
 * most of it as it was drawn, so it is read as bytes and never made a string.
 */
interface DrawnRecord {
  readonly pages: DrawnBody[];
  /** The name each of the part's fonts had when drawn, by its place in the part's fonts. */
  readonly fontNames: string[];
  /** Per font (by place): each glyph number as drawn → [glyph id in the font, width, its text]. */
  readonly glyphs: Record<string, [number, number, number[]]>[];
}

/** A part's drawing in one document: its fonts, and its record to replay or the one being made. */
export interface PartDrawing {
  /** The part's fonts, in the order its layout asked for them (the record's order). */
  readonly fonts: readonly DrawnFont[];
  readonly pageCount: number;
  /** The record from out/.cache, checked when the part's first page is drawn. */
  readonly kept: Uint8Array | undefined;
  /** Stores the record made while drawing. */
  readonly keep: (record: Uint8Array) => void;
  /** The kept record is replayed (it stays in out/.cache). */
  readonly used: () => void;
}

/** Items of a page that mark where its body starts and ends, or stand for a replayed body. */
const BODY_START = 'keikaku:body-start';
const BODY_END = 'keikaku:body-end';
const BODY = 'keikaku:body';
interface BodyMark {
  readonly drawing: PartDrawingState;
  readonly page: number;
}
type PageItem = { type: string; item: Record<string, unknown> };
const asItem = (mark: BodyMark) => mark as unknown as Record<string, unknown>;

/** A kept record read for replay: its facts, its content's bytes and where each page's start. */
interface Replay {
  readonly record: DrawnRecord;
  readonly content: Buffer;
  readonly pageStarts: readonly number[];
}

/** Per part and document: the parsed record, or the recording under way. */
interface PartDrawingState {
  readonly drawing: PartDrawing;
  replay?: Replay;
  recording?: { pages: DrawnBody<Buffer>[]; glyphs: Map<number, [number, number, number[]]>[]; failed: boolean };
}

const states = new WeakMap<PartDrawing, PartDrawingState>();
const stateOf = (drawing: PartDrawing): PartDrawingState => {
  let state = states.get(drawing);
  if (!state) {
    state = { drawing };
    states.set(drawing, state);
  }
  return state;
};

/** Whether the part's drawing kept in out/.cache fits it (its page count, its fonts): read once. */
export function replayable(drawing: PartDrawing): boolean {
  const state = stateOf(drawing);
  if (state.replay) return true;
  if (!drawing.kept) return false;
  try {
    const replay = decodeRecord(drawing.kept);
    const { record } = replay;
    if (
      record.pages.length !== drawing.pageCount ||
      record.fontNames.length !== drawing.fonts.length ||
      !Array.isArray(record.glyphs)
    )
      return false;
    state.replay = replay;
    drawing.used();
    return true;
  } catch {
    return false;
  }
}

/** The watermark of a replayed part's page, with this document's font. */
export function replayedWatermark(drawing: PartDrawing, page: number): Record<string, unknown> | undefined {
  const watermark = stateOf(drawing).replay?.record.pages[page]?.watermark;
  return watermark && { ...watermark, font: drawing.fonts[watermark.font] };
}

/** A replayed part's page: its body stands in one item, before what the header pass adds. */
export function replayedBody(drawing: PartDrawing, page: number): PageItem[] {
  return [{ type: BODY, item: asItem({ drawing: stateOf(drawing), page }) }];
}

/** A drawn part's page: its body's items between marks, so that its drawing can be recorded. */
export function recordedBody(drawing: PartDrawing, page: number, items: PageItem[]): PageItem[] {
  const mark = { drawing: stateOf(drawing), page } satisfies BodyMark;
  return [{ type: BODY_START, item: asItem(mark) }, ...items, { type: BODY_END, item: asItem(mark) }];
}

/** pdfmake's Renderer, as far as the pages' loop reaches. */
interface Renderer {
  pdfDocument: PdfKitDocument;
  progressCallback?: (progress: number) => void;
  outlineMap: Record<string, { addItem(title: string, options: object): unknown }>;
  renderVector(item: unknown): void;
  renderLine(line: unknown, x: unknown, y: unknown): void;
  renderImage(item: unknown): void;
  renderSVG(item: unknown): void;
  renderAttachment(item: unknown): void;
  beginClip(item: unknown): void;
  endClip(): void;
  beginVerticalAlignment(item: unknown): void;
  endVerticalAlignment(item: unknown): void;
  renderWatermark(page: unknown): void;
}
interface RenderedPage {
  pageSize: { width: number; height: number };
  items: PageItem[];
  watermark?: Record<string, unknown>;
}

const rendererPrototype = (
  RendererClass as unknown as { prototype: { renderPages: (this: Renderer, pages: RenderedPage[]) => void } }
).prototype;
const pdfmakeRenderPages = rendererPrototype.renderPages;
const drawnPages = new WeakSet<object>();

/** Pages whose parts' bodies are recorded or replayed when pdfmake's renderer draws them. */
export function withDrawnParts<T extends object[]>(pages: T): T {
  installOnce();
  drawnPages.add(pages);
  return pages;
}

let installed = false;
function installOnce(): void {
  if (installed) return;
  installed = true;
  rendererPrototype.renderPages = function (this: Renderer, pages: RenderedPage[]) {
    if (drawnPages.has(pages)) renderPages(this, pages);
    else pdfmakeRenderPages.call(this, pages);
  };
}

/** pdfmake's Renderer.renderPages, with the bodies of parts recorded or replayed. */
function renderPages(renderer: Renderer, pages: RenderedPage[]): void {
  const doc = renderer.pdfDocument;
  (doc as unknown as { _pdfMakePages: unknown })._pdfMakePages = pages;
  let totalItems = 0;
  if (renderer.progressCallback) for (const page of pages) totalItems += page.items.length;
  let renderedItems = 0;
  for (const page of pages) {
    doc.addPage({ size: [page.pageSize.width, page.pageSize.height] });
    let recorder: BodyRecorder | undefined;
    for (const { type, item } of page.items) {
      switch (type) {
        case BODY:
          replayBody(renderer, item as unknown as BodyMark);
          break;
        case BODY_START:
          recorder = startRecording(renderer, item as unknown as BodyMark, page.watermark);
          break;
        case BODY_END:
          recorder?.finish();
          recorder = undefined;
          break;
        case 'vector':
          renderer.renderVector(item);
          break;
        case 'line': {
          const draw = () => renderer.renderLine(item, (item as { x: unknown }).x, (item as { y: unknown }).y);
          if (recorder) recorder.drawLine(item as unknown as RecordedLine, draw);
          else draw();
          break;
        }
        case 'image':
          renderer.renderImage(item);
          break;
        case 'svg':
          renderer.renderSVG(item);
          break;
        case 'attachment':
          renderer.renderAttachment(item);
          break;
        case 'beginClip':
          renderer.beginClip(item);
          break;
        case 'endClip':
          renderer.endClip();
          break;
        case 'beginVerticalAlignment':
          renderer.beginVerticalAlignment(item);
          break;
        case 'endVerticalAlignment':
          renderer.endVerticalAlignment(item);
          break;
      }
      renderedItems++;
      renderer.progressCallback?.(renderedItems / totalItems);
    }
    recorder?.abandon();
    if (page.watermark) renderer.renderWatermark(page);
  }
}

interface RecordedLine {
  _outline?: { text: string; expanded?: unknown; parentId?: string; id?: string };
  _pageNodeRef?: unknown;
  inlines: { _pageNodeRef?: unknown }[];
}

interface BodyRecorder {
  /** Draws a line of the body, its bookmark (if any) made as a step of its own. */
  drawLine(line: RecordedLine, draw: () => void): void;
  finish(): void;
  abandon(): void;
}

type OutlineStep = Extract<Step, readonly ['outline', ...unknown[]]>;

/** A bookmark, made as pdfmake's renderLine makes it (first thing, before the line's text). */
function addOutline(renderer: Renderer, [, text, expanded, parentId, id]: OutlineStep): void {
  const parent = (parentId && renderer.outlineMap[parentId]) || renderer.pdfDocument.outline;
  const item = parent.addItem(text, { expanded: expanded ?? undefined });
  if (id) renderer.outlineMap[id] = item as Renderer['outlineMap'][string];
}

/** The fonts named in content (`/F3 9 Tf`). */
const FONT_NAME = /\/(F\d+) [^ ]+ Tf/g;

/**
 * Records a body as it is drawn: pdfkit's own calls are watched on the document and the part's
 * fonts for as long as the body is drawn (own properties, removed after).
 */
function startRecording(
  renderer: Renderer,
  mark: BodyMark,
  watermark: Record<string, unknown> | undefined,
): BodyRecorder | undefined {
  const doc = renderer.pdfDocument;
  const state = mark.drawing;
  const { fonts, pageCount } = state.drawing;
  if (mark.page === 0)
    state.recording = {
      pages: [],
      glyphs: fonts.map(() => new Map<number, [number, number, number[]]>()),
      failed: false,
    };
  const recording = state.recording;
  if (!recording || recording.failed || recording.pages.length !== mark.page) return undefined;
  const steps: (Buffer | Step)[] = [];
  const glyphOrder: number[] = [];
  const usedOnPage = fonts.map(() => new Set<number>());
  const buffer = doc.page.content.buffer;
  let since = buffer.length;
  let depth = 0;
  let failed = false;
  const ctmStackLength = doc._ctmStack.length;
  /** Content written since the last step, as it was written. */
  const flush = () => {
    if (buffer.length > since) steps.push(Buffer.concat(buffer.slice(since)));
    since = buffer.length;
  };
  /** Runs `call` as a step: what it writes is written again by the same call when replayed. */
  const asStep = <R>(step: Step, call: () => R): R => {
    flush();
    steps.push(step);
    depth++;
    try {
      return call();
    } finally {
      depth--;
      since = buffer.length;
    }
  };
  const own = doc as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(doc) as PdfKitDocument;
  const plainOptions = (options: unknown) =>
    options === undefined || (typeof options === 'object' && options !== null && Object.keys(options).length === 0);
  own.ref = function (this: PdfKitDocument, data?: unknown) {
    // An object no step accounts for: this body cannot be replayed.
    if (depth === 0) failed = true;
    return proto.ref.call(this, data);
  };
  own._doOpacity = function (this: PdfKitDocument, fill: unknown, stroke: unknown) {
    const call = () => proto._doOpacity.call(this, fill, stroke);
    // Both absent: pdfkit does nothing. One absent: named as pdfkit names it (null, not undefined).
    if (depth > 0 || (fill == null && stroke == null)) return call();
    if (fill === undefined || stroke === undefined) failed = true;
    return asStep(['opacity', fill, stroke], call);
  };
  own.goTo = function (
    this: PdfKitDocument,
    x: number,
    y: number,
    w: number,
    h: number,
    name: unknown,
    options?: object,
  ) {
    const call = () => proto.goTo.call(this, x, y, w, h, name as string, options);
    if (depth > 0) return call();
    if (typeof name !== 'string' || !plainOptions(options)) failed = true;
    return asStep(['goTo', [...doc._ctm], x, y, w, h, String(name)], call);
  };
  own.link = function (
    this: PdfKitDocument,
    x: number,
    y: number,
    w: number,
    h: number,
    url: unknown,
    options?: object,
  ) {
    const call = () => proto.link.call(this, x, y, w, h, url, options);
    if (depth > 0) return call();
    if (typeof url !== 'string' || !plainOptions(options)) failed = true;
    return asStep(['link', [...doc._ctm], x, y, w, h, String(url)], call);
  };
  own.addNamedDestination = function (this: PdfKitDocument, name: string, ...args: unknown[]) {
    const call = () => proto.addNamedDestination.call(this, name, ...args);
    if (depth > 0) return call();
    return asStep(['destination', name, ...args], call);
  };
  const watchedFonts = fonts.map((font, index) => {
    const watched = font as unknown as Record<string, unknown>;
    const { ref, encode } = Object.getPrototypeOf(font) as {
      ref: (this: DrawnFont) => unknown;
      encode: (this: DrawnFont, text: string, features?: unknown) => [string[], unknown[]];
    };
    watched.ref = function (this: DrawnFont) {
      return depth > 0 ? ref.call(this) : asStep(['font', index], () => ref.call(this));
    };
    watched.encode = function (this: DrawnFont, text: string, features?: unknown) {
      const encoded = encode.call(this, text, features);
      const known = recording.glyphs[index]!;
      // Each glyph as encode included it: its id in the font, its width and text as pdfkit keeps them.
      for (const hex of encoded[0]) {
        const drawnAs = parseInt(hex, 16);
        if (!known.has(drawnAs))
          known.set(drawnAs, [this.subset.glyphs[drawnAs]!, this.widths[drawnAs]!, this.unicode[drawnAs]!]);
        if (!usedOnPage[index]!.has(drawnAs)) {
          usedOnPage[index]!.add(drawnAs);
          glyphOrder.push(index, drawnAs);
        }
      }
      return encoded;
    };
    return watched;
  });
  const unwatch = () => {
    for (const name of ['ref', '_doOpacity', 'goTo', 'link', 'addNamedDestination']) delete own[name];
    for (const watched of watchedFonts) {
      delete watched.ref;
      delete watched.encode;
    }
  };
  return {
    drawLine(line, draw) {
      // Another page's number (a 目次 entry): it changes when other parts do.
      if (line._pageNodeRef || line.inlines.some((inline) => inline._pageNodeRef)) failed = true;
      const outline = line._outline;
      if (!outline) return draw();
      const step: OutlineStep = [
        'outline',
        outline.text,
        outline.expanded ?? null,
        outline.parentId ?? null,
        outline.id ?? null,
      ];
      asStep(step, () => addOutline(renderer, step));
      delete line._outline;
      try {
        draw();
      } finally {
        line._outline = outline;
      }
    },
    finish() {
      flush();
      unwatch();
      const names = new Set(fonts.map((font) => font.id));
      const unknownFont = steps.some(
        (step) =>
          Buffer.isBuffer(step) &&
          [...step.toString('latin1').matchAll(FONT_NAME)].some(([, name]) => !names.has(name!)),
      );
      const watermarkFont = watermark && fonts.indexOf(watermark.font as DrawnFont);
      if (failed || unknownFont || watermarkFont === -1 || doc._ctmStack.length !== ctmStackLength) {
        recording.failed = true;
        return;
      }
      recording.pages.push({
        steps,
        glyphOrder,
        end: {
          x: doc.x,
          y: doc.y,
          font: fonts.indexOf(doc._font as DrawnFont),
          fontSize: doc._fontSize,
          fillColor: doc._fillColor,
          strokeColor: doc._strokeColor,
          ctm: [...doc._ctm],
        },
        ...(watermark ? { watermark: { ...watermark, font: watermarkFont! } } : {}),
      });
      if (recording.pages.length === pageCount) {
        state.drawing.keep(encodeRecord(recording.pages, fonts, recording.glyphs));
        state.recording = undefined;
      }
    },
    abandon() {
      unwatch();
      recording.failed = true;
    },
  };
}

function encodeRecord(
  pages: DrawnBody<Buffer>[],
  fonts: readonly DrawnFont[],
  glyphs: readonly Map<number, [number, number, number[]]>[],
): Uint8Array {
  const content: Buffer[] = [];
  const record: DrawnRecord = {
    pages: pages.map((page) => ({
      ...page,
      steps: page.steps.map((step) => {
        if (!Buffer.isBuffer(step)) return step;
        content.push(step);
        return step.length;
      }),
    })),
    fontNames: fonts.map((font) => font.id),
    glyphs: glyphs.map((known) => Object.fromEntries(known)),
  };
  const facts = Buffer.from(JSON.stringify(record), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(facts.length);
  return deflateKept(Buffer.concat([length, facts, ...content]));
}

/** A kept record (encodeRecord) read back: it throws on bytes it cannot read. */
function decodeRecord(kept: Uint8Array): Replay {
  const bytes = inflateKept(kept);
  const factsEnd = 4 + bytes.readUInt32LE(0);
  const record = JSON.parse(bytes.toString('utf8', 4, factsEnd)) as DrawnRecord;
  if (!Array.isArray(record?.pages) || !Array.isArray(record.fontNames)) throw new Error('not a drawn record');
  const pageStarts: number[] = [];
  let at = factsEnd;
  for (const page of record.pages) {
    if (!Array.isArray(page?.glyphOrder) || !Array.isArray(page.steps)) throw new Error('not a drawn record');
    pageStarts.push(at);
    for (const step of page.steps) if (typeof step === 'number') at += step;
  }
  if (at !== bytes.length) throw new Error('not a drawn record');
  return { record, content: bytes, pageStarts };
}

/** pdfkit's key of an opacity state (_doOpacity): both opacities, each within 0 to 1, or null. */
function opacityKey(fill: unknown, stroke: unknown): string {
  const within = (opacity: unknown) => (opacity == null ? opacity : Math.max(0, Math.min(1, opacity as number)));
  return `${within(fill)}_${within(stroke)}`;
}

/** A font's name in content (`/F3 9 Tf`) or a string of glyph numbers (`<00a1003b>`). */
const FONT_OR_GLYPHS = /\/(F\d+) ([^ ]+) Tf|<([0-9a-f]+)>/g;

/** Writes a recorded body again, in this document's font names and glyph numbers. */
function replayBody(renderer: Renderer, mark: BodyMark): void {
  const doc = renderer.pdfDocument;
  const { record, content, pageStarts } = mark.drawing.replay!;
  const { fonts } = mark.drawing.drawing;
  const placeOf = new Map(record.fontNames.map((name, place) => [name, place]));
  const body = record.pages[mark.page]!;
  let at = pageStarts[mark.page]!;
  let font: DrawnFont | undefined;
  let glyphs: Record<string, [number, number, number[]]> | undefined;
  /** The glyph's number in this document's subset, included there if new. */
  const glyphNumber = (drawnAs: number): number => {
    const known = glyphs?.[drawnAs];
    // out/.cache checks each entry's sha256: only keikaku's own mistake can bring this.
    if (!known) throw new Error('drawn part record: a glyph drawn in no font it lists');
    const [id, width, text] = known;
    // The glyph's object made now with its text, as laying it out would: else writing the subset
    // makes it without text, and a later document of this process that lays the glyph out (one
    // fontkit font serves every document) would map it to no text in its ToUnicode table.
    font!.font.getGlyph(id, text);
    const gid = font!.subset.includeGlyph(id);
    if (font!.widths[gid] == null) font!.widths[gid] = width;
    if (font!.unicode[gid] == null) font!.unicode[gid] = text;
    return gid;
  };
  // The body's glyphs included in the order first used, as writing its content again would
  // include them; when this document's fonts and subset number them all as the record does (the
  // parts before this one drew the same glyphs), the content is written as it was recorded.
  let asRecorded = record.fontNames.every((name, place) => fonts[place]!.id === name);
  const order = body.glyphOrder;
  for (let k = 0; k < order.length; k += 2) {
    font = fonts[order[k]!]!;
    glyphs = record.glyphs[order[k]!]!;
    if (glyphNumber(order[k + 1]!) !== order[k + 1]) asRecorded = false;
  }
  const rewrite = (content: string) =>
    content.replace(FONT_OR_GLYPHS, (whole, name: string | undefined, size: string, hex: string | undefined) => {
      if (name !== undefined) {
        const place = placeOf.get(name);
        if (place === undefined) throw new Error(`drawn part record: a font it does not list (${name})`);
        font = fonts[place]!;
        glyphs = record.glyphs[place]!;
        return `/${font.id} ${size} Tf`;
      }
      let out = '<';
      for (let i = 0; i < hex!.length; i += 4)
        out += `0000${glyphNumber(parseInt(hex!.slice(i, i + 4), 16)).toString(16)}`.slice(-4);
      return `${out}>`;
    });
  // Content is written in one piece up to the next step that makes something (the content
  // stream is the pieces joined): a body has a step for each run of text's opacity, most of them
  // naming an opacity state made before, which is written here as pdfkit writes it.
  const pending: Buffer[] = [];
  const writePending = () => {
    if (pending.length > 0) doc.page.content.write(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
    pending.length = 0;
  };
  for (const step of body.steps) {
    if (typeof step === 'number') {
      const bytes = content.subarray(at, at + step);
      at += step;
      pending.push(asRecorded ? bytes : Buffer.from(rewrite(bytes.toString('latin1')), 'latin1'));
      continue;
    }
    if (step[0] === 'opacity') {
      const known = doc._opacityRegistry[opacityKey(step[1], step[2])];
      if (known) {
        const [state, name] = known;
        doc.page.ext_gstates[name] = state;
        pending.push(Buffer.from(`/${name} gs\n`, 'latin1'));
        continue;
      }
    }
    writePending();
    switch (step[0]) {
      case 'opacity':
        doc._doOpacity(step[1], step[2]);
        break;
      case 'goTo': {
        const [, ctm, x, y, w, h, name] = step;
        doc._ctm = [...ctm];
        doc.goTo(x, y, w, h, name);
        break;
      }
      case 'link': {
        const [, ctm, x, y, w, h, url] = step;
        doc._ctm = [...ctm];
        doc.link(x, y, w, h, url, {});
        break;
      }
      case 'destination':
        doc.addNamedDestination(step[1], ...step.slice(2));
        break;
      case 'font': {
        const used = fonts[step[1]]!;
        if (doc.page.fonts[used.id] == null) doc.page.fonts[used.id] = used.ref();
        break;
      }
      case 'outline':
        addOutline(renderer, step);
        break;
    }
  }
  writePending();
  // The part's last page: its record is let go (the parts of a long plan live until the end).
  if (mark.page === record.pages.length - 1) mark.drawing.replay = undefined;
  const { end } = body;
  doc.x = end.x;
  doc.y = end.y;
  if (end.font >= 0) doc._font = fonts[end.font];
  doc._fontSize = end.fontSize;
  doc._fillColor = end.fillColor;
  doc._strokeColor = end.strokeColor;
  doc._ctm = [...end.ctm];
}
