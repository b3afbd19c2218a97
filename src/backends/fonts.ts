// The BIZ UD font files every backend embeds or names (SIL OFL 1.1, see fonts/OFL.txt).

export interface FontFiles {
  readonly gothicRegular: Buffer;
  readonly gothicBold: Buffer;
  readonly minchoRegular: Buffer;
}

export const FONT_FILE_NAMES: Readonly<Record<keyof FontFiles, string>> = {
  gothicRegular: 'BIZUDGothic-Regular.ttf',
  gothicBold: 'BIZUDGothic-Bold.ttf',
  minchoRegular: 'BIZUDMincho-Regular.ttf',
};

/** Family names as the fonts declare them, for Word and for HTML's font stack. */
export const FONT_FAMILY_NAMES = { gothic: 'BIZ UDGothic', mincho: 'BIZ UDMincho' } as const;
