// keikaku preview: the HTML edition, rebuilt and reloaded as data and templates change.
import { inputFolders } from '../io/input-folders.ts';
import { startPreview } from '../preview/preview-server.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    templates: { type: 'string' },
    port: { type: 'string', default: '8080' },
  });
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port には 0～65535 の番号を指定してください（「${options.port}」が指定されています）`);
  let preview;
  try {
    preview = await startPreview({
      cwd: io.cwd,
      dataDir: options.data,
      ...(await inputFolders({ templates: options.templates, dataDir: options.data, cwd: io.cwd })),
      port,
      log: (line) => io.stderr(`${line}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error; // a file error is main's to word; else a bug
    io.stderr(
      code === 'EADDRINUSE'
        ? `keikaku preview: ポート ${port} は使われています。--port で別の番号を指定してください\n`
        : `keikaku preview: ポート ${port} を使う権限がありません。1024 以上の番号を --port で指定してください\n`,
    );
    return EXIT.failed;
  }
  io.stderr(`プレビュー: ${preview.url} （data/ と templates/ を保存すると更新します。Ctrl+C で終了）\n`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await preview.close();
  return EXIT.ok;
};
