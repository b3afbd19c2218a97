// The command line: argv → command → exit code (0 ok, 1 invalid data or failed work, 2 usage).
// Only this layer prints.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runBuild } from './build-command.ts';
import { runDiff } from './diff-command.ts';
import { runGenerate } from './generate-command.ts';
import { runPreview } from './preview-command.ts';
import { runRoll } from './roll-command.ts';
import { runSchema } from './schema-command.ts';
import { runValidate } from './validate-command.ts';
import { UsageError, type Command } from './command.ts';

const COMMANDS: Readonly<Record<string, Command>> = {
  build: runBuild,
  diff: runDiff,
  generate: runGenerate,
  preview: runPreview,
  roll: runRoll,
  validate: runValidate,
  schema: runSchema,
};

export const USAGE = `使い方: keikaku <コマンド> [オプション]

コマンド:
  build [--data DIR] [--out DIR] [--templates DIR] [--format pdf,docx,html] [--measure N]
        [--department 名前 | --no-departments] [--no-cache]
      データを検証し、実施計画と担当課別抜粋（out/担当課別/）を PDF・Word・HTML で書き出します。
      --measure 12 はその施策のページだけを作ります（抜粋は作りません。繰り返し指定可）。
      --department 総務課 はその担当課の抜粋だけを作ります（繰り返し指定可）。
      変わっていない文書は out/.cache から書き出します（--no-cache で全部作り直し）。
  diff (--old DIR | --old-rev REV) [--new DIR] [--out DIR] [--format pdf,docx,html] [--order new-first|old-first]
      新旧対照表（out/新旧対照表_2024-2026_2025-2027.pdf・.docx）を作ります。--old-rev main は
      git のそのリビジョンのデータと比べます。既定は改正後が左（--order old-first で逆）。
  generate --measures N --out DIR [--seed S]
      施策N件の見本の計画データを作ります（ベンチマーク用。文は同梱データから取ります）。
  preview [--data DIR] [--templates DIR] [--port 8080]
      HTML 版を http://127.0.0.1:8080/ で表示し、データやテンプレートを保存するたびに更新します。
  roll [--data DIR] --to 2025 --out DIR
      次年度の計画データを新しいフォルダに作ります（前の初年度を外し、新しい年度は最終年度から写して
      carriedOver の印を付ける。既にあるフォルダには書きません）。
  validate [--data DIR] [--format text|json|github]
      データ（既定: data/）を検証し、問題を「ファイル:行:列: エラー: 説明」の形で表示します。
      エラーがあれば終了コード1、なければ0。
  schema [--data DIR] [--out DIR]
      エディタ用のJSON Schemaを書き出します（既定: <DIR>/schema/）。

共通:
  -h, --help     この説明を表示
  --version      バージョンを表示`;

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths on the command line are resolved from here, and messages show paths relative to it. */
  readonly cwd: string;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${await version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(
      `keikaku: 不明なコマンド「${name}」です（使えるコマンド: ${Object.keys(COMMANDS).join(', ')}）\n\n${USAGE}\n`,
    );
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`keikaku ${name}: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error; // a bug: let Node print it
  }
}

/** parseArgs with Japanese messages for the mistakes people make on a command line. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const text = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(text)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`不明なオプション「${option ?? text}」です`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`オプション「${option ?? ''}」の値が正しくないか、ありません`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`余分な引数「${option ?? text}」があります`);
    throw new UsageError(text);
  }
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
