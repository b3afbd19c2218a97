// Watches a folder and everything in it, and keeps watching when the folder itself is deleted
// and made again (a git checkout, an unzipped copy, a synchronised share): a plain recursive
// watch follows the old folder and would go silent. Errors of the watch never end the process.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface FolderWatch {
  close(): void;
}

export function watchFolder(dir: string, onChange: () => void): FolderWatch {
  let inner: FSWatcher | undefined;
  let closed = false;
  const watchInner = () => {
    inner?.close();
    inner = undefined;
    try {
      inner = watch(dir, { recursive: true }, onChange);
      // The folder went away under the watch: wait for it to come back (the parent says when).
      inner.on('error', () => {
        inner?.close();
        inner = undefined;
      });
    } catch {
      inner = undefined; // not there (yet): the parent's watch brings it back
    }
  };
  watchInner();
  // The parent sees the folder's own name come and go.
  let parent: FSWatcher | undefined;
  try {
    parent = watch(path.dirname(dir), (_event, name) => {
      if (closed || (name !== null && name !== path.basename(dir))) return;
      watchInner();
      onChange();
    });
    parent.on('error', () => parent?.close());
  } catch {
    parent = undefined;
  }
  return {
    close: () => {
      closed = true;
      inner?.close();
      parent?.close();
    },
  };
}
