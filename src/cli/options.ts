// Option parsing shared by the commands: node's parseArgs, with Japanese messages for the
// mistakes people make on a command line, and the --format list.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OUTPUT_FORMATS, type OutputFormat } from '../backends/backend.ts';
import { UsageError } from './command.ts';

/** parseArgs with Japanese messages for the mistakes people make on a command line. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  return parseArguments(args, options, false).values;
}

/** parseOptions for a command that also takes file names (`sheets import FILE…`). */
export function parseArguments<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
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

/** `--format pdf,docx` → the formats, each once, in the order given. */
export function parseFormats(value: string): OutputFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(
      `--format には ${OUTPUT_FORMATS.join('、')} をカンマ区切りで指定してください（「${value}」が指定されています）`,
    );
  }
  return [...new Set(formats)] as OutputFormat[];
}
