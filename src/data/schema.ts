// The zod schema of the three kinds of data file: the only source of the plan's types, of the
// JSON Schema that editors use, and of the shape checks. Cross-file rules live in checks.ts.
import { z } from 'zod';
import { departmentNameProblem, fileNameProblem, forbiddenCharProblem, MAX_FILE_NAME_BYTES } from './text-rules.ts';

/**
 * A key's Japanese term (shown in messages, editor hover text and the README) and what it
 * holds. The same key has the same term wherever it appears (terms.ts collects them).
 */
const term = (title: string, description?: string) => ({ title, ...(description ? { description } : {}) });

/**
 * The fields the 新旧対照表 compares as text, old against new. A field's label there is its
 * term (事業「…」の担当課), or `label` for the field that names the thing (事業名).
 */
export const comparedFields = z.registry<{ readonly label?: string }>();

export const STATUSES = ['新規', '継続'] as const;
export type ProjectStatus = (typeof STATUSES)[number];

/**
 * Longest title or name, and longest sentence or item, in characters. A title longer than this
 * would not fit a table cell on one page; a longer sentence is almost surely pasted by mistake.
 */
export const MAX_TITLE_LENGTH = 300;
export const MAX_SENTENCE_LENGTH = 2000;

const text = (singleLine: boolean) => {
  const max = singleLine ? MAX_TITLE_LENGTH : MAX_SENTENCE_LENGTH;
  return z.string().superRefine((value, ctx) => {
    const problem = forbiddenCharProblem(value, singleLine);
    const length = [...value].length;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'forbidden-char' } });
    else if (value.trim() === '')
      ctx.addIssue({
        code: 'custom',
        message: '空にはできません。文字を書いてください',
        params: { rule: 'empty-text' },
      });
    else if (length > max)
      ctx.addIssue({
        code: 'custom',
        message: `長すぎます（${length}文字）。${singleLine ? '名称' : '文'}は${max}文字までです`,
        params: { rule: 'too-long' },
      });
  });
};

/** A title or name: one line, not empty. */
const singleLineText = text(true);
/** A sentence or list item: may hold a line break, not empty. */
const multiLineText = text(false);

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const id = z
  .string()
  .regex(ID_PATTERN, { message: 'IDは半角英数字で始め、半角英数字・ハイフン・下線だけで書いてください（例: s01-j1）' })
  .meta({ title: 'ID', description: '変わらない識別子（半角英数字・-・_）。名称を直しても変えない。' });

const ordinal = z.number().int().min(1).max(999);

export const MIN_YEAR = 1868; // the first year the Japanese calendar of Intl names (明治元年)
export const MAX_YEAR = 2999;
const fiscalYear = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

/** Keys of per-year maps: a fiscal year written as 4 digits. */
export const YEAR_KEY_PATTERN = /^\d{4}$/;
const yearKey = z.string().regex(YEAR_KEY_PATTERN, { message: '年度は西暦4桁の数字で書いてください（例: 2024）' });

const departmentName = singleLineText
  .superRefine((value, ctx) => {
    const problem = departmentNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'unsafe-department-name' } });
  })
  .meta(term('担当課'));

/** 千円 (thousands of yen), whole numbers. */
/**
 * The largest amount, in 千円 (about 1兆円): far above any one 事業, and low enough that the
 * totals of any plan stay exact in JavaScript numbers (a million rows sum below 2^53).
 */
export const MAX_AMOUNT = 999_999_999;

/** 千円 (thousands of yen), whole numbers; -0 (which YAML allows) is read as 0. */
const amount = z
  .number()
  .int()
  .min(0)
  .max(MAX_AMOUNT)
  .transform((value) => (value === 0 ? 0 : value));

const basicMeasureSchema = z
  .strictObject({
    number: ordinal.meta(term('番号', '基本施策の番号（基本方針ごとに1から）')),
    title: singleLineText.meta(term('名称', '基本施策の名称')),
  })
  .meta(term('基本施策'));

const policySchema = z
  .strictObject({
    number: ordinal.meta(term('番号', '総合計画での基本方針の番号')),
    title: singleLineText.meta(term('名称', '基本方針の名称')),
    basicMeasures: z.array(basicMeasureSchema).min(1).meta(term('基本施策')),
  })
  .meta(term('基本方針'));

export const planFileSchema = z
  .strictObject({
    municipality: singleLineText.meta(term('自治体名', '例: 利根町')),
    title: singleLineText
      .superRefine((value, ctx) => {
        const problem = fileNameProblem(value, '計画の名称', MAX_FILE_NAME_BYTES.title);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'unsafe-file-name' } });
      })
      .meta(term('名称', '計画の名称（例: 実施計画）。出力ファイルの名前になる')),
    period: z
      .strictObject({
        start: fiscalYear.meta(term('初年度（西暦）', '計画期間の初年度（西暦、例: 2024）')),
        end: fiscalYear.meta(term('最終年度（西暦）', '計画期間の最終年度（西暦、例: 2026）')),
      })
      .meta(term('計画期間')),
    policies: z.array(policySchema).min(1).meta(term('基本方針')),
  })
  .meta({ title: '実施計画（plan.yaml）' });

export const departmentsFileSchema = z
  .strictObject({
    departments: z.array(departmentName).min(1).meta(term('担当課の一覧')),
  })
  .meta({ title: '担当課の一覧（departments.yaml）' });

export const projectSchema = z
  .strictObject({
    id,
    name: singleLineText
      .meta(term('名称', '事業の名称（事業費の表にもこの名称が出る）'))
      .register(comparedFields, { label: '事業名' }),
    department: departmentName.optional().register(comparedFields, {}),
    status: z.enum(STATUSES).optional().meta(term('新規・継続', '「新規」または「継続」')).register(comparedFields, {}),
    note: singleLineText
      .optional()
      .meta(term('備考', '事業についての補足（主な取組内容の表で、事業名の欄に※を付けて印刷する）'))
      .register(comparedFields, {}),
  })
  .meta(term('事業'));

const scheduleSchema = z
  .record(yearKey, z.array(multiLineText.meta({ title: '計画の項目（・で始まる1行）' })))
  .meta(term('向こう3か年事業計画', '年度（西暦4桁）ごとの計画項目のリスト。計画期間のすべての年度を書く。'));

/** Years that `keikaku roll` copied from the previous year and no person has confirmed yet. */
const carriedOver = z
  .array(fiscalYear)
  .optional()
  .meta(
    term(
      '前年度からの写し（確認待ちの年度）',
      'keikaku roll が前の年度から写した年度。内容を確かめたら、その年度をここから消す（空になったらキーごと消す）',
    ),
  );

const rowSchema = z
  .strictObject({
    project: id.meta(term('事業ID', 'この行の事業のID（projects で定義）')),
    schedule: scheduleSchema,
    carriedOver,
  })
  .meta(term('取組の事業行'));

export const initiativeSchema = z
  .strictObject({
    id,
    name: singleLineText
      .meta(term('名称', '取組の名称（丸数字は自動で付く）'))
      .register(comparedFields, { label: '取組名' }),
    rows: z.array(rowSchema).min(1).meta(term('取組の事業行')),
  })
  .meta(term('主な取組'));

const budgetRowSchema = z
  .strictObject({
    project: id.meta(term('事業ID', '事業のID（projects で定義）。名称は書かない')),
    amounts: z
      .record(yearKey, amount)
      .meta(term('年度別事業費（千円）', '年度（西暦4桁）ごとの事業費。単位は千円、0以上の整数')),
    carriedOver,
  })
  .meta(term('事業費'));

export const measureFileSchema = z
  .strictObject({
    id,
    number: ordinal.meta(term('番号', '施策の番号（基本方針の中で通し番号）')),
    policy: ordinal.meta(term('基本方針の番号', 'この施策が属する基本方針の番号')),
    basicMeasure: ordinal.meta(term('基本施策の番号', 'この施策が属する基本施策の番号')),
    title: singleLineText.meta(term('名称', '施策の名称')).register(comparedFields, { label: '施策名' }),
    directions: z.array(multiLineText).min(1).meta(term('施策の方向', '施策の方向（1項目1文）')),
    projects: z.array(projectSchema).min(1).meta(term('事業')),
    initiatives: z.array(initiativeSchema).min(1).meta(term('主な取組')),
    budget: z.array(budgetRowSchema).meta(term('事業費', '事業費の行。予算のある事業がなければ [] と書く')),
  })
  .meta({ title: '施策（measures/NN.yaml）' });

export type PlanFile = z.infer<typeof planFileSchema>;
export type DepartmentsFile = z.infer<typeof departmentsFileSchema>;
export type MeasureFile = z.infer<typeof measureFileSchema>;
export type ProjectData = MeasureFile['projects'][number];
export type InitiativeData = MeasureFile['initiatives'][number];
export type BudgetRowData = MeasureFile['budget'][number];

export const FILE_SCHEMAS = {
  plan: planFileSchema,
  departments: departmentsFileSchema,
  measure: measureFileSchema,
} as const;
export type FileKind = keyof typeof FILE_SCHEMAS;
