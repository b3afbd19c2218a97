// keikaku generate: a synthetic plan of N 施策 (for benchmarks and scale tests), as data files.
import path from 'node:path';
import YAML from 'yaml';
import { validatePlan } from '../data/validate.ts';
import { createFolder, folderExists } from '../io/create-folder.ts';
import { DATA_LAYOUT, readDataDir } from '../io/read-data-dir.ts';
import { displayPath } from '../io/paths.ts';
import { generatePlan } from '../plan/generate.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    measures: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: 'data' },
  });
  const count = Number(options.measures);
  if (!Number.isInteger(count) || count < 1 || count > 100_000)
    throw new UsageError('--measures には施策の数を 1～100000 の整数で指定してください');
  if (!options.out)
    throw new UsageError('--out に書き出すフォルダを指定してください（既にあるフォルダには書きません）');
  const seed = Number(options.seed);
  if (!Number.isInteger(seed)) throw new UsageError('--seed には整数を指定してください');
  const outDir = path.resolve(io.cwd, options.out);
  if (await folderExists(outDir)) {
    io.stderr(`keikaku generate: ${displayPath(outDir, io.cwd)} は既にあります。上書きはしません\n`);
    return EXIT.failed;
  }
  // The texts are drawn from the plan in --data (the shipped seed by default).
  const sourceDir = path.resolve(io.cwd, options.data);
  const read = await readDataDir(sourceDir, io.cwd);
  const source = validatePlan(read.files, read.diagnostics).value;
  if (!source) {
    io.stderr(
      `keikaku generate: ${displayPath(sourceDir, io.cwd)} のデータにエラーがあります（keikaku validate で確かめてください）\n`,
    );
    return EXIT.failed;
  }
  const generated = generatePlan(source, count, seed);
  const width = Math.max(2, String(count).length);
  const header = (schema: string) =>
    `# yaml-language-server: $schema=${schema}\n# keikaku generate --measures ${count} --seed ${seed} が作った見本のデータ\n`;
  const yaml = (value: unknown) => YAML.stringify(value, { aliasDuplicateObjects: false });
  const files = new Map<string, string>([
    [DATA_LAYOUT.plan, header('./schema/plan.schema.json') + yaml(generated.plan)],
    [
      DATA_LAYOUT.departments,
      header('./schema/departments.schema.json') + yaml({ departments: generated.departments }),
    ],
    ...generated.measures.map((measure, i): [string, string] => [
      `${DATA_LAYOUT.measuresDir}/${String(i + 1).padStart(width, '0')}.yaml`,
      header('../schema/measure.schema.json') + yaml(measure),
    ]),
  ]);
  await createFolder(outDir, files, [{ from: path.join(sourceDir, 'schema'), to: 'schema', optional: true }]);
  io.stdout(
    `${displayPath(outDir, io.cwd)} に施策${count}件の見本の計画を書き出しました（担当課${generated.departments.length}）\n`,
  );
  return EXIT.ok;
};
