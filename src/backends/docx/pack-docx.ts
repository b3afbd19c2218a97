// docx Document → bytes that are the same for the same input: docx writes the time of the
// build into docProps/core.xml and into every zip entry, and numbers bookmarks with a counter
// that runs on across the documents of a process, so all three are fixed here.
import JSZip from 'jszip';
import { Packer, type Document } from 'docx';

export async function packDocx(document: Document, creationDate: Date): Promise<Uint8Array> {
  const raw = await Packer.toBuffer(document);
  const source = await JSZip.loadAsync(raw);
  const iso = creationDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = new JSZip();
  // Entries in a fixed order ([Content_Types].xml first, as Word expects), each with a fixed date.
  const names = Object.keys(source.files)
    .filter((n) => !source.files[n]!.dir)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    let content: string | Uint8Array = await source.files[name]!.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder()
        .decode(content)
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
    } else if (name === 'word/document.xml') {
      content = renumberBookmarks(new TextDecoder().decode(content));
    }
    out.file(name, content, { date: creationDate, createFolders: false });
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}

const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name.startsWith('_rels/') ? 1 : 2);

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
