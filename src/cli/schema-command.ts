// keikaku schema: write the JSON Schemas that the data files name for editor completion.
import path from 'node:path';
import { jsonSchemaFiles } from '../data/json-schema.ts';
import { displayPath } from '../io/paths.ts';
import { writeFileAtomic } from '../io/write-file.ts';
import { EXIT, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    out: { type: 'string' },
  });
  const outDir = path.resolve(io.cwd, options.out ?? path.join(options.data, 'schema'));
  for (const { name, text } of jsonSchemaFiles()) {
    const target = path.join(outDir, name);
    await writeFileAtomic(target, text);
    io.stdout(`${displayPath(target, io.cwd)} を書き出しました（データの形式: src/data/schema.ts から生成）\n`);
  }
  return EXIT.ok;
};
