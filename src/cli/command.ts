// What every command is: arguments and an output sink in, an exit code out.

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths on the command line are resolved from here, and messages show paths relative to it. */
  readonly cwd: string;
  /**
   * Present when stderr is a terminal a person watches (not a pipe, not CI): a long build shows
   * its progress there on one updating line. `columns`: its width.
   */
  readonly terminal?: { readonly columns: number };
}

export type Command = (args: readonly string[], io: Io) => Promise<number>;

/** A mistake on the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
