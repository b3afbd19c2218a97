// keikaku roll: writes next fiscal year's plan data into a new folder (never over an existing one).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary } from '../diagnostics/reporters.ts';
import { validatePlan } from '../data/validate.ts';
import { createFolder, folderExists } from '../io/create-folder.ts';
import { DATA_LAYOUT, isMeasureFileName, readDataDir } from '../io/read-data-dir.ts';
import { displayPath, isInside } from '../io/paths.ts';
import { MAX_YEAR } from '../data/schema.ts';
import { periodLabel } from '../plan/fiscal-year.ts';
import { keepingTextStyle, rolledPeriod, rollMeasureYaml, rollPlanYaml } from '../plan/roll.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { parseOptions } from './options.ts';

export const run: Command = async (args, io) => {
  const options = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    to: { type: 'string' },
    out: { type: 'string' },
  });
  if (!options.to || !/^\d{4}$/.test(options.to))
    throw new UsageError('--to には新しい計画の初年度を西暦4桁で指定してください（例: --to 2025）');
  if (!options.out)
    throw new UsageError('--out に新しいデータのフォルダを指定してください（既にあるフォルダには書きません）');
  const dataDir = path.resolve(io.cwd, options.data);
  const outDir = path.resolve(io.cwd, options.out);
  const shownOut = displayPath(outDir, io.cwd);

  // The new folder inside the data folder would be read as part of it (and copied into itself).
  if (isInside(dataDir, outDir) || outDir === dataDir) {
    io.stderr(
      `keikaku roll: --out ${shownOut} は元のデータのフォルダ（${displayPath(dataDir, io.cwd)}）の中です。その外のフォルダを指定してください（例: --out data-${options.to}）\n`,
    );
    return EXIT.failed;
  }
  if (await folderExists(outDir)) {
    io.stderr(`keikaku roll: ${shownOut} は既にあります。上書きはしません。新しいフォルダ名を指定してください\n`);
    return EXIT.failed;
  }
  const read = await readDataDir(dataDir, io.cwd);
  const { value: plan, diagnostics } = validatePlan(read.files, read.diagnostics);
  if (!plan || hasErrors(diagnostics)) {
    io.stdout(formatReport(diagnostics, 'text'));
    io.stderr(`${formatSummary(diagnostics)}。元のデータにエラーがあるため、次年度のデータは作りませんでした\n`);
    return EXIT.failed;
  }
  const to = Number(options.to);
  if (to <= plan.period.start) {
    io.stderr(`keikaku roll: --to ${to} は今の初年度（${plan.period.start}）より後の年度にしてください\n`);
    return EXIT.failed;
  }
  const next = rolledPeriod(plan.period, to);
  if (next.end > MAX_YEAR) {
    io.stderr(
      `keikaku roll: --to ${to} では最終年度が${next.end}年度になり、書ける年度（${MAX_YEAR}年度まで）を超えます。年度を確かめてください\n`,
    );
    return EXIT.failed;
  }

  // Everything is prepared in memory first; the folder appears only when all of it is written.
  const files = new Map<string, string>();
  files.set(
    DATA_LAYOUT.plan,
    keepingTextStyle(await readFile(path.join(dataDir, DATA_LAYOUT.plan), 'utf8'), (text) => rollPlanYaml(text, next)),
  );
  let carried = 0;
  for (const name of (await readdir(path.join(dataDir, DATA_LAYOUT.measuresDir))).filter(isMeasureFileName).sort()) {
    const text = keepingTextStyle(
      await readFile(path.join(dataDir, DATA_LAYOUT.measuresDir, name), 'utf8'),
      (original) => {
        const rolled = rollMeasureYaml(original, plan.period, next);
        carried += rolled.carried;
        return rolled.text;
      },
    );
    files.set(`${DATA_LAYOUT.measuresDir}/${name}`, text);
  }
  // Everything else (departments.yaml, schema/, notes) is copied as it is.
  await createFolder(outDir, files, [{ from: dataDir, to: '.' }]);
  io.stdout(
    `${shownOut} に ${periodLabel(next)} のデータを書き出しました（${displayPath(dataDir, io.cwd)} の ${periodLabel(plan.period)} から）。\n`,
  );
  io.stdout(
    `${carried}か所の年度を前の年度から写しました。validate が警告する箇所を確かめ、carriedOver から消してください。\n`,
  );
  return EXIT.ok;
};
