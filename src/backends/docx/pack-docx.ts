// docx Document → bytes that are the same for the same input: docx writes the time of the
// build into docProps/core.xml and into every zip entry, and numbers bookmarks with a counter
// that runs on across the documents of a process, so all three are fixed here. Also written
// here, as the docx library has no option for it: no extra space between Japanese and Latin
// letters or digits (autoSpaceDE/DN off), which the PDF does not add either, so that Word's
// lines hold what the PDF's hold.
import { Packer, type Document } from 'docx';
import { repackOfficeZip } from '../office-zip.ts';

export async function packDocx(document: Document, creationDate: Date): Promise<Uint8Array> {
  return repackOfficeZip(await Packer.toBuffer(document), creationDate, (name, text) =>
    name === 'word/document.xml'
      ? renumberBookmarks(text())
      : name === 'word/styles.xml'
        ? withoutAutoSpace(text())
        : undefined,
  );
}

function withoutAutoSpace(xml: string): string {
  const defaults = '<w:pPrDefault><w:pPr>';
  if (!xml.includes(defaults)) throw new Error('word/styles.xml has no paragraph defaults to extend');
  return xml.replace(defaults, `${defaults}<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`);
}

/** Bookmark ids 1, 2, 3… in order of appearance, whatever the library's counter had reached. */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(
    /<w:bookmark(Start|End)\b([^>]*?)w:id="(\d+)"/g,
    (_match, kind: string, attributes: string, id: string) => {
      if (!ids.has(id)) ids.set(id, ids.size + 1);
      return `<w:bookmark${kind}${attributes}w:id="${ids.get(id)}"`;
    },
  );
}
