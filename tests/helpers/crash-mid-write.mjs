// Preloaded into a child build (`node --import`) by tests/crash.test.ts: the first file written
// whose path matches KEIKAKU_CRASH_WRITING (a regular expression) gets half of its bytes, and
// then the process is killed (SIGKILL) — a crash in the middle of writing that file, whichever
// way keikaku writes it (to a temporary name or to the file itself).
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const pattern = new RegExp(process.env.KEIKAKU_CRASH_WRITING ?? '(?!)');
const writeFile = fs.promises.writeFile;

fs.promises.writeFile = async function writeHalfThenCrash(file, data, options) {
  if (typeof file === 'string' && pattern.test(file.split('\\').join('/'))) {
    const bytes = Buffer.from(data);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1), options);
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {});
  }
  return writeFile.call(this, file, data, options);
};
// `import { writeFile } from 'node:fs/promises'` in keikaku sees the replacement too.
syncBuiltinESMExports();
