// What every command is: arguments and an output sink in, an exit code out.
import type { Io } from './main.ts';

export type Command = (args: readonly string[], io: Io) => Promise<number>;

/** A mistake on the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
