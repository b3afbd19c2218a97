// The body of word/document.xml written block by block. docx writes a document in three whole
// copies of its body before the first character of XML: its components, the objects each
// component prepares for XML, and the elements those resolve to. At 1,400 施策 the last two cost
// about 1.5 GB at once. Here each top-level block of the body (a paragraph, a table, the 目次)
// is written to its XML as soon as it is prepared, in the order docx prepares them, so that only
// one block's objects are alive at a time; the document then holds the block's text in its place.
//
// docx keeps its XML writer private, so it is repeated below (writeElement), for docx's objects
// without indentation, as docx's compiler calls it; tests compare the files with docx's own.
import { FileChild, isXmlComponent, type Document, type XmlComponent } from 'docx';

/** A prepared component: docx's object for an element, `{ name: content }`. */
type Prepared = Record<string, unknown>;

interface Preparable {
  prepForXml(context: unknown): Prepared | undefined;
  readonly writtenAs?: unknown;
}

/**
 * Makes each top-level block of the document's body write itself to XML text when docx prepares
 * it, and says how many blocks will. Leaves the document as it is (0) if docx's body is not where
 * this version of docx keeps it.
 *
 * Given `held`, each block's text is put there instead, and the body holds its place as
 * heldBlockMark(index): word/document.xml is then written without ever being one string (at
 * 1,400 施策 each whole copy of it is a few hundred MB); joinHeldBlocks puts the text back.
 */
export function streamBody(document: Document, held?: string[]): number {
  const body = (document as unknown as { Document?: { View?: { Body?: { root?: unknown } } } }).Document?.View?.Body;
  if (!Array.isArray(body?.root)) return 0;
  let streamed = 0;
  for (const block of body.root as unknown[]) {
    // A component written as several (writtenAs: a bookmark around blocks) is left to docx.
    if (!isXmlComponent(block) || (block as Preparable).writtenAs !== undefined) continue;
    const component = block as Preparable;
    const prepare = component.prepForXml.bind(component);
    component.prepForXml = (context) => {
      const prepared = prepare(context);
      if (prepared === undefined) return undefined;
      const xml = writeElement(prepared);
      if (held === undefined) return verbatim(xml);
      return verbatim(heldBlockMark(held.push(xml) - 1));
    };
    streamed++;
  }
  return streamed;
}

/**
 * Where a held block goes: an element no XML docx writes has, and which no text can make (docx
 * escapes every < of the content).
 */
const heldBlockMark = (index: number) => `<keikaku-block n="${index}"/>`;
const HELD_BLOCK_MARK = /<keikaku-block n="(\d+)"\/>/g;

/**
 * word/document.xml as docx wrote it with its body's blocks held (streamBody's `held`), as the
 * pieces it is made of in order: the text docx wrote between blocks and each block's text. The
 * held array is emptied as it is read, so that each block's text is held once.
 */
export function joinHeldBlocks(xml: string, held: string[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const mark of xml.matchAll(HELD_BLOCK_MARK)) {
    const index = Number(mark[1]);
    const block = held[index];
    if (block === undefined) throw new Error(`word/document.xml names block ${index}, which was not held`);
    pieces.push(xml.slice(at, mark.index), block);
    held[index] = '';
    at = mark.index + mark[0].length;
  }
  pieces.push(xml.slice(at));
  return pieces;
}

/**
 * A block of the body whose components are made only when docx writes it, and written to XML
 * at once: the document holds the means to make them, not the components (at 1,400 施策 the
 * components alone take about 500 MB). `make` must make the same components each time it is
 * called; it is called once for each time the document is written.
 */
export class MadeWhenWritten extends FileChild {
  /** `written` is told the block's XML each time it is written. */
  constructor(
    private readonly make: () => readonly XmlComponent[],
    private readonly written?: (xml: string) => void,
  ) {
    super('');
  }

  override prepForXml(context: { stack: unknown[] }): Prepared {
    // On the stack in the body's place: docx finds the section a table or a 目次 is in from the
    // body's child it is written in (Body.getSectionPropertiesFor), and this is that child.
    context.stack.push(this);
    try {
      let xml = '';
      for (const component of this.make()) {
        const prepared = (component as unknown as Preparable).prepForXml(context);
        if (prepared !== undefined) xml += writeElement(prepared);
      }
      this.written?.(xml);
      return verbatim(xml);
    } finally {
      context.stack.pop();
    }
  }
}

/** Blocks of the body written as the XML they were written as before (section-cache.ts). */
export class WrittenXml extends FileChild {
  constructor(private readonly xml: string) {
    super('');
  }

  override prepForXml(): Prepared {
    return verbatim(this.xml);
  }
}

/**
 * An object docx writes as the given text, unescaped: an element of no name writes its content,
 * and content that is neither text nor an object is written as its String(), which a function
 * gives as its toString.
 */
function verbatim(xml: string): Prepared {
  return { '': Object.assign(() => xml, { toString: () => xml }) };
}

// docx's `resolve` and `format` (src/util/xml/stringify.ts, docx 9.15, MIT), quirks and all, for
// no indentation: what word/document.xml is written with.
const ESCAPES = new Map([
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);
const escapeAll = (value: string) => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES.get(c) ?? '');
const escapeValue = (value: unknown) => (typeof value === 'string' ? escapeAll(value) : value);

interface Resolved {
  readonly name: string | undefined;
  readonly attributes: string[];
  readonly content: unknown[];
}

function resolve(data: Prepared): Resolved {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: unknown[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[])
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr')
              addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(resolve(value as Prepared));
          } else {
            // As the xml package did: text replaces what was written before it.
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value));
          }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values));
  return { name, attributes, content };
}

function format(element: unknown): string {
  // The function verbatim() gives is written as its toString.
  if (typeof element === 'function') return (element as { toString(): string }).toString();
  if (typeof element !== 'object') return `${element as string | number | boolean | undefined}`;
  const { name, attributes, content } = element as Resolved;
  const open =
    (name ? `<${name}` : '') +
    (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') +
    (content.length > 0 ? (name ? '>' : '') : '/>');
  if (content.length === 0) return open;
  return (
    open + content.map((child) => (child === undefined ? '' : format(child))).join('') + (name ? `</${name}>` : '')
  );
}

/** One prepared element as docx writes it in word/document.xml. */
export function writeElement(prepared: Prepared): string {
  return format(resolve(prepared));
}
