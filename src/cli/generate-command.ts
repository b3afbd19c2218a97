// keikaku generate: a synthetic plan of N 施策 (for benchmarks and scale tests), as data files.
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { validatePlan } from '../data/validate.ts';
import { DATA_LAYOUT, displayPath, readDataDir } from '../io/read-data-dir.ts';
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
  if (
    await stat(outDir).then(
      () => true,
      () => false,
    )
  ) {
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
  const staging = `${outDir}.keikaku-generate-${process.pid}`;
  const width = Math.max(2, String(count).length);
  try {
    await mkdir(path.join(staging, DATA_LAYOUT.measuresDir), { recursive: true });
    await cp(path.join(sourceDir, 'schema'), path.join(staging, 'schema'), { recursive: true }).catch(() => {});
    const header = (schema: string) =>
      `# yaml-language-server: $schema=${schema}\n# keikaku generate --measures ${count} --seed ${seed} が作った見本のデータ\n`;
    await writeFile(
      path.join(staging, DATA_LAYOUT.plan),
      header('./schema/plan.schema.json') + YAML.stringify(generated.plan, { aliasDuplicateObjects: false }),
    );
    await writeFile(
      path.join(staging, DATA_LAYOUT.departments),
      header('./schema/departments.schema.json') + YAML.stringify({ departments: generated.departments }),
    );
    for (const [i, measure] of generated.measures.entries()) {
      await writeFile(
        path.join(staging, DATA_LAYOUT.measuresDir, `${String(i + 1).padStart(width, '0')}.yaml`),
        header('../schema/measure.schema.json') + YAML.stringify(measure, { aliasDuplicateObjects: false }),
      );
    }
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  io.stdout(
    `${displayPath(outDir, io.cwd)} に施策${count}件の見本の計画を書き出しました（担当課${generated.departments.length}）\n`,
  );
  return EXIT.ok;
};
