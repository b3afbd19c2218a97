// A long build's progress on a terminal: one line, redrawn in place, in Japanese: documents made
// of all (and how many came unchanged from out/.cache), the print layout's parts (the front
// matter, each 施策) laid out of all, the time so far and an estimate of the time left. Shown
// only once the build has run about a second; cleared before anything else is printed, and at
// the end (the build's summary line follows). Not used on a pipe or under CI (cli/main.ts).
import { duration, type BuildProgress } from '../pipeline/progress.ts';

/** A build shorter than this shows no progress line. */
const SHOW_AFTER_MS = 1000;
/** Redrawn at most this often. */
const REDRAW_MS = 100;
/** The share of a document's work that is its print layout (the rest: drawing, Word, HTML). */
const LAYOUT_SHARE = 0.6;

export class ProgressLine implements BuildProgress {
  private readonly startedAt: number;
  private documentsTotal = 0;
  private documentsDone = 0;
  private documentsFromCache = 0;
  private work = 0;
  private workDone = 0;
  private partsTotal = 0;
  private partsDone = 0;
  private partsFromCache = 0;
  /** The documents being laid out part by part (on this thread and on workers): work, parts, done. */
  private readonly layouts = new Map<string, { work: number; parts: number; done: number }>();
  private shown = false;
  private drawnAt = -Infinity;

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  documents(total: number, fromCache: number, work: number): void {
    this.documentsTotal = total;
    this.documentsDone = fromCache;
    this.documentsFromCache = fromCache;
    this.work = work;
    this.draw();
  }

  documentDone(document: string, work: number): void {
    this.documentsDone++;
    this.workDone += work;
    this.layouts.delete(document);
    this.draw();
  }

  partsPlanned(document: string, work: number, parts: number): void {
    this.partsTotal += parts;
    this.layouts.set(document, { work, parts, done: 0 });
    this.draw();
  }

  partDone(document: string, fromCache: boolean): void {
    this.partsDone++;
    if (fromCache) this.partsFromCache++;
    const layout = this.layouts.get(document);
    if (layout) layout.done++;
    this.draw();
  }

  /** A line of the build's log: printed above the progress line. */
  print(line: string): void {
    this.clear();
    this.write(`${line}\n`);
    this.draw(true);
  }

  /** Clears the progress line for good (the build is over). */
  finish(): void {
    this.clear();
  }

  /** The progress line's text at this moment, fitted to the terminal's width. */
  text(): string {
    const elapsed = (this.now() - this.startedAt) / 1000;
    const cached = this.documentsFromCache > 0 ? `（変更なし ${this.documentsFromCache}）` : '';
    const pieces = [`作成中 文書 ${this.documentsDone}/${this.documentsTotal}${cached}`];
    // The print layout's parts: the front matter's sections and each 施策.
    if (this.partsTotal > 0)
      pieces.push(
        `施策など ${this.partsDone}/${this.partsTotal}${this.partsFromCache > 0 ? `（変更なし ${this.partsFromCache}）` : ''}`,
      );
    pieces.push(`経過 ${duration(elapsed)}`);
    const left = this.secondsLeft(elapsed);
    if (left !== undefined) pieces.push(`残り約 ${duration(left)}`);
    // Pieces go from the end (the least needed) until the line fits: it must never wrap.
    while (pieces.length > 1 && displayWidth(pieces.join('・')) > this.columns - 1) pieces.pop();
    return pieces.join('・');
  }

  private secondsLeft(elapsed: number): number | undefined {
    if (this.work === 0) return undefined;
    let layout = 0;
    for (const { work, parts, done } of this.layouts.values()) layout += (work * LAYOUT_SHARE * done) / parts;
    const share = Math.min(1, (this.workDone + layout) / this.work);
    if (share < 0.05 || elapsed < 1) return undefined;
    return Math.max(0, (elapsed * (1 - share)) / share);
  }

  private draw(force = false): void {
    const now = this.now();
    if (now - this.startedAt < SHOW_AFTER_MS) return;
    if (!force && now - this.drawnAt < REDRAW_MS) return;
    this.drawnAt = now;
    this.write(`\r${this.text()}\x1b[K`);
    this.shown = true;
  }

  private clear(): void {
    if (!this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}

/** Terminal columns a text takes: CJK and full-width characters two, others one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width +=
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}
