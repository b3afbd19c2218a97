// keikaku sheets import FILE…: answered 照会票 back into data/. Every answer cell is checked
// first; one error anywhere and nothing is written. The changed 施策 files are checked again as a
// whole (the result must validate) before any is written.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatReport, formatSummary, REPORT_FORMATS, type ReportFormat } from '../diagnostics/reporters.ts';
import type { Measure, Plan } from '../data/plan-model.ts';
import { displayCode } from '../data/plan-model.ts';
import { validatePlan, type DataFile } from '../data/validate.ts';
import { readErrorCause } from '../io/file-errors.ts';
import { displayPath } from '../io/paths.ts';
import { readDataDir } from '../io/read-data-dir.ts';
import { writeFileAtomic } from '../io/write-file.ts';
import { westernFiscalYear } from '../plan/fiscal-year.ts';
import { applyAnswers } from '../sheets/apply-answers.ts';
import { formatAmount } from '../views/format.ts';
import { checkAnswers, type Change, type Note } from '../sheets/inquiry-answers.ts';
import { readWorkbook, WorkbookReadError } from '../sheets/read-workbook.ts';
import { EXIT, UsageError, type Io } from './command.ts';
import { parseArguments } from './options.ts';

/** The most an answered workbook may weigh: a 照会票 is tens of kB; a 50 MB file is a mistake. */
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values: options, positionals: files } = parseArguments(args, {
    data: { type: 'string', default: 'data' },
    format: { type: 'string', default: 'text' },
    'dry-run': { type: 'boolean', default: false },
  });
  const format = options.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new UsageError(
      `--format には ${REPORT_FORMATS.join('、')} のどれかを指定してください（「${options.format}」が指定されています）`,
    );
  if (files.length === 0)
    throw new UsageError('取り込む照会票のファイルを指定してください（例: keikaku sheets import 照会票/住民課.xlsx）');

  const dataDir = path.resolve(io.cwd, options.data);
  const read = await readDataDir(dataDir, io.cwd);
  const validated = validatePlan(read.files, read.diagnostics);
  const plan = validated.value;
  if (!plan || hasErrors(validated.diagnostics)) {
    io.stdout(formatReport(validated.diagnostics, format));
    io.stderr(
      `${formatSummary(validated.diagnostics)}。データにエラーがあるため、照会票は取り込みません。先にデータを直してください\n`,
    );
    return EXIT.failed;
  }

  // Check every file before anything is written.
  const diagnostics: Diagnostic[] = [];
  const answered: { file: string; department: string; changes: readonly Change[]; notes: readonly Note[] }[] = [];
  const seenDepartments = new Map<string, string>();
  for (const absolute of await workbookFiles(files, io.cwd, diagnostics)) {
    const file = displayPath(absolute, io.cwd);
    const bytes = await readWorkbookFile(absolute, file, diagnostics);
    if (!bytes) continue;
    let workbook;
    try {
      workbook = await readWorkbook(bytes);
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      diagnostics.push({
        severity: 'error',
        file,
        rule: 'not-a-workbook',
        message:
          'Excel のファイル（.xlsx）として読めません。Excel か LibreOffice Calc で開き、「Excel ブック（.xlsx）」の形式で保存し直してください',
      });
      continue;
    }
    const answers = checkAnswers(workbook, file, plan);
    diagnostics.push(...answers.diagnostics);
    if (answers.department === undefined) continue;
    const earlier = seenDepartments.get(answers.department);
    if (earlier !== undefined) {
      diagnostics.push({
        severity: 'error',
        file,
        rule: 'same-department-twice',
        message: `${earlier} も${answers.department}の照会票です。1つの担当課の照会票は1つだけ取り込んでください`,
      });
      continue;
    }
    seenDepartments.set(answers.department, file);
    answered.push({ file, department: answers.department, changes: answers.changes, notes: answers.notes });
  }
  if (hasErrors(diagnostics)) return refuse(diagnostics, format, io);

  const changes = answered.flatMap((a) => a.changes);
  // Buffer keeps a byte order mark as U+FEFF (TextDecoder drops it): keepingTextStyle puts it back.
  const texts = new Map(
    read.files.filter((f) => f.kind === 'measure').map((f) => [f.file, Buffer.from(f.bytes).toString('utf8')] as const),
  );
  const applied = applyAnswers(plan, changes, texts);
  for (const { file, message } of applied.refused)
    diagnostics.push({
      severity: 'error',
      file,
      rule: 'cannot-edit',
      message: `照会票の回答を書き込めません: ${message}`,
    });
  if (hasErrors(diagnostics)) return refuse(diagnostics, format, io);

  // The data as it would be: it must still validate, or nothing is written.
  const written = new Map(applied.files.map((f) => [f.file, Buffer.from(f.text, 'utf8')] as const));
  const after: DataFile[] = read.files.map((f) => ({ ...f, bytes: written.get(f.file) ?? f.bytes }));
  const check = validatePlan(after, read.diagnostics);
  const newErrors = check.diagnostics.filter((d) => d.severity === 'error');
  if (newErrors.length > 0) {
    for (const d of newErrors) diagnostics.push({ ...d, message: `取り込むとこのエラーになります: ${d.message}` });
    return refuse(diagnostics, format, io);
  }

  io.stdout(formatReport(diagnostics, format));
  if (format === 'text') io.stdout(summaryText(plan, answered, applied.newIds));
  const dryRun = options['dry-run'];
  const changedFiles = applied.files.filter((f) => texts.get(f.file) !== f.text);
  if (!dryRun) for (const f of changedFiles) await writeFileAtomic(path.resolve(io.cwd, f.file), written.get(f.file)!);
  const counted = `${changes.length}件の変更${changedFiles.length > 0 ? `（${changedFiles.map((f) => f.file).join('、')}）` : ''}`;
  io.stderr(
    changes.length === 0
      ? `照会票 ${answered.length}件を確かめました。変更はありません（data/ はそのままです）\n`
      : dryRun
        ? `照会票 ${answered.length}件: ${counted}。--dry-run のため、data/ には書いていません\n`
        : `照会票 ${answered.length}件: ${counted}を data/ に書きました。keikaku validate と keikaku build で確かめてください\n`,
  );
  return EXIT.ok;
}

function refuse(diagnostics: readonly Diagnostic[], format: ReportFormat, io: Io): number {
  io.stdout(formatReport(diagnostics, format));
  io.stderr(`${formatSummary(diagnostics)}。照会票は取り込んでいません（data/ は変えていません）\n`);
  return EXIT.failed;
}

async function readWorkbookFile(
  absolute: string,
  file: string,
  diagnostics: Diagnostic[],
): Promise<Uint8Array | undefined> {
  try {
    const bytes = await readFile(absolute);
    if (bytes.length > MAX_WORKBOOK_BYTES) {
      diagnostics.push({
        severity: 'error',
        file,
        rule: 'file-too-large',
        message: `ファイルが大きすぎます（${(bytes.length / 1024 / 1024).toFixed(1)}MB）。照会票ではないようです`,
      });
      return undefined;
    }
    return bytes;
  } catch (error) {
    diagnostics.push({ severity: 'error', file, rule: 'unreadable', message: `読めません: ${readErrorCause(error)}` });
    return undefined;
  }
}

/**
 * The workbooks named on the command line: a file, a folder (its .xlsx files), or a name with
 * * or ? (expanded here: Windows' cmd and PowerShell pass them on as typed). Excel's lock files
 * (~$総務課.xlsx, present while a file is open) are left out.
 */
async function workbookFiles(given: readonly string[], cwd: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const found: string[] = [];
  const isWorkbook = (name: string) => /\.xlsx$/i.test(name) && !name.startsWith('~$');
  for (const arg of given) {
    const absolute = path.resolve(cwd, arg);
    const shown = displayPath(absolute, cwd);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(absolute)).filter(isWorkbook).sort();
      if (names.length === 0)
        diagnostics.push({
          severity: 'error',
          file: shown,
          rule: 'no-workbooks',
          message: 'このフォルダに照会票（.xlsx）がありません',
        });
      found.push(...names.map((n) => path.join(absolute, n)));
    } else if (!info && /[*?]/.test(path.basename(arg))) {
      const pattern = new RegExp(
        `^${path
          .basename(arg)
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      );
      const dir = path.dirname(absolute);
      const names = ((await readdir(dir).catch(() => [])) as string[])
        .filter((n) => pattern.test(n) && isWorkbook(n))
        .sort();
      if (names.length === 0)
        diagnostics.push({
          severity: 'error',
          file: shown,
          rule: 'no-workbooks',
          message: '当てはまる照会票（.xlsx）がありません',
        });
      found.push(...names.map((n) => path.join(dir, n)));
    } else found.push(absolute);
  }
  return [...new Set(found)];
}

const quoted = (items: readonly string[]) => (items.length === 0 ? '（なし）' : items.map((i) => `「${i}」`).join(''));
const amount = (n: number | undefined) => (n === undefined ? '（なし）' : formatAmount(n));

/** What the import changes, file by file and 施策 by 施策, with the 備考 the departments wrote. */
function summaryText(
  plan: Plan,
  answered: readonly { file: string; department: string; changes: readonly Change[]; notes: readonly Note[] }[],
  newIds: ReadonlyMap<Change, string>,
): string {
  const lines: string[] = [];
  for (const { file, department, changes, notes } of answered) {
    lines.push(
      `${file}（${department}）: 変更 ${changes.length}件${notes.length > 0 ? `、備考 ${notes.length}件` : ''}`,
    );
    for (const measure of plan.measures) {
      const own = changes.filter((c) => c.measure === measure);
      const ownNotes = notes.filter((n) => n.measure === measure);
      if (own.length === 0 && ownNotes.length === 0) continue;
      lines.push(`  ${measureName(plan, measure)}`);
      for (const c of own) lines.push(`    ${changeText(plan, c, newIds)}（${c.cell}）`);
      for (const n of ownNotes) lines.push(`    備考（${n.about}、${n.cell}）: ${n.text.replace(/\s*\n\s*/g, ' ／ ')}`);
    }
    if (changes.length === 0 && notes.length === 0) lines.push(`  変更はありません`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

const measureName = (plan: Plan, m: Measure) => `${plan.labels.measure}${displayCode(m)}　${m.title}`;

function changeText(plan: Plan, c: Change, newIds: ReadonlyMap<Change, string>): string {
  const L = plan.labels;
  switch (c.kind) {
    case 'status':
      return `${c.project.name}: 区分 ${c.from || '（なし）'} → ${c.to}`;
    case 'plan':
      return `${c.project.name}: ${westernFiscalYear(c.year)}の計画 ${quoted(c.from)} → ${quoted(c.to)}`;
    case 'amount':
      return `${c.project.name}: ${westernFiscalYear(c.year)}の事業費 ${amount(c.from)} → ${amount(c.to)} 千円`;
    case 'confirm':
      return `${c.project.name}: 前年度から写した${[...new Set([...c.planYears, ...c.amountYears])].map(westernFiscalYear).join('・')}を確認`;
    case 'new': {
      const id = newIds.get(c);
      const initiative = c.measure.initiatives.find((t) => t.id === c.initiative);
      const where = !c.measure.hasInitiatives
        ? ''
        : initiative
          ? `（${L.initiative}「${initiative.name}」）`
          : `（${L.initiative}が選ばれていないため「${c.measure.initiatives[c.measure.initiatives.length - 1]!.name}」に仮に置きました。置き場所を確かめてください）`;
      return `新しい${L.project}「${c.name}」を ID ${id} で加えました${where}`;
    }
  }
}
