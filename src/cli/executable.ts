// Entry of the single executable (npm run package, scripts/package.ts): one bundle that is both
// the command line and, started again in a worker thread, a render worker. Started with no
// arguments, as a double-click in Explorer starts it, it builds the data/ folder beside it and
// keeps its window open until Enter, so that staff can read what it did.
import path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { RENDER_WORKER } from '../io/own-files.ts';
import { EXIT } from './command.ts';

/** The exit code of a bug (EX_SOFTWARE): neither bad data (1) nor a wrong command line (2). */
const BUG = 70;

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[RENDER_WORKER]) {
  void import('../pipeline/render-worker.ts').then(({ runRenderWorker }) => runRenderWorker());
} else {
  const argv = process.argv.slice(2);
  void (argv.length > 0 ? guarded(async () => (await import('./main.ts')).main(argv)) : startedAlone()).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Runs the command; a bug is reported as its stack. Node would print the line it failed in, and
 * the bundle's lines are minified code tens of kilobytes long: a screenful for a staffer.
 */
async function guarded(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    process.stderr.write(
      `keikaku の不具合で止まりました。次の内容を keikaku の担当者に知らせてください。\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    return BUG;
  }
}

/** No arguments (a double-click): build the data/ here, say where the documents are, wait for Enter. */
async function startedAlone(): Promise<number> {
  const cwd = process.cwd();
  const { folderExists } = await import('../io/create-folder.ts');
  let code: number;
  if (await folderExists(path.join(cwd, 'data'))) {
    process.stderr.write(`${cwd} の data フォルダから実施計画を作ります…\n`);
    code = await guarded(async () => (await import('./main.ts')).main(['build']));
    process.stderr.write(
      code === EXIT.ok
        ? `\nできあがった文書は ${path.join(cwd, 'out')} にあります。\n`
        : code === BUG
          ? ''
          : '\n文書は作れませんでした。上の説明に従って data フォルダのファイルを直してから、もう一度起動してください。\n',
    );
  } else {
    process.stderr.write(
      `${cwd} に data フォルダがありません。\n` +
        'keikaku は、計画のデータを入れた data フォルダと同じフォルダに置いて起動してください。\n' +
        `コマンドプロンプトから使うときは「${path.basename(process.execPath, '.exe')} --help」で使い方を表示します。\n`,
    );
    code = EXIT.usage;
  }
  if (process.stdin.isTTY) await waitForEnter();
  return code;
}

/** A window opened by a double-click closes when the program ends: wait for the reader first. */
function waitForEnter(): Promise<void> {
  process.stderr.write('Enter キーを押すと閉じます。');
  return new Promise((resolve) => {
    process.stdin.once('data', () => {
      process.stdin.pause();
      resolve();
    });
    process.stdin.once('end', resolve);
  });
}
