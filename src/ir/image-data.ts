// Pictures a template may print (<img src="data:image/png;base64,…">): only PNG and JPEG given
// inline, never fetched; their pixel size read from the file's own header.

export interface PictureData {
  readonly format: 'png' | 'jpeg';
  readonly data: Uint8Array;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
}

/** PNG or JPEG bytes with their size in pixels, or undefined for anything else. */
export function pictureOf(data: Uint8Array): PictureData | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const isPng = data.length > 24 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => data[i] === b);
  if (isPng) {
    const pixelWidth = view.getUint32(16);
    const pixelHeight = view.getUint32(20);
    return pixelWidth > 0 && pixelHeight > 0 ? { format: 'png', data, pixelWidth, pixelHeight } : undefined;
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    // JPEG: walk the segments to the first start-of-frame, which holds the height and width.
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1]!;
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const pixelHeight = view.getUint16(at + 5);
        const pixelWidth = view.getUint16(at + 7);
        return pixelWidth > 0 && pixelHeight > 0 ? { format: 'jpeg', data, pixelWidth, pixelHeight } : undefined;
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** `data:image/png;base64,…` → the picture, or undefined when it is not one. */
export function pictureFromDataUrl(src: string): PictureData | undefined {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(src);
  if (!match) return undefined;
  const picture = pictureOf(new Uint8Array(Buffer.from(match[2]!, 'base64')));
  return picture && picture.format === match[1] ? picture : undefined;
}

/** Space above and below a picture, in points (every format). */
export const PICTURE_SPACE = 24;

export const dataUrlOf = (picture: PictureData): string =>
  `data:image/${picture.format};base64,${Buffer.from(picture.data).toString('base64')}`;
