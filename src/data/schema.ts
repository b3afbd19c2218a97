// The zod schema of the three kinds of data file: the only source of the plan's types, of the
// JSON Schema that editors use, and of the shape checks. Cross-file rules live in checks.ts.
import { z } from 'zod';
import {
  departmentNameProblem,
  fileNameProblem,
  forbiddenCharProblem,
  invisibleCharProblem,
  MAX_FILE_NAME_BYTES,
} from './text-rules.ts';

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

/** 事業区分 of a plan that declares none (利根町's): names only, no marks. */
export const DEFAULT_STATUSES: readonly StatusData[] = [{ name: '新規' }, { name: '継続' }];

/** What a plan that declares no `labels` calls its levels (利根町's names). */
export const DEFAULT_LABELS = {
  policy: '基本方針',
  basicMeasure: '基本施策',
  measure: '施策',
  initiative: '取組',
  project: '事業',
} as const;
export type LevelKey = keyof typeof DEFAULT_LABELS;

/**
 * Longest title or name, and longest sentence or item, in characters. A title longer than this
 * would not fit a table cell on one page; a longer sentence is almost surely pasted by mistake.
 */
export const MAX_TITLE_LENGTH = 300;
export const MAX_SENTENCE_LENGTH = 2000;

const text = (singleLine: boolean) => {
  const max = singleLine ? MAX_TITLE_LENGTH : MAX_SENTENCE_LENGTH;
  return z.string().superRefine((value, ctx) => {
    // A name with an invisible character looks like another name: refused. In a sentence it is
    // only warned about (data/characters.ts).
    const problem = forbiddenCharProblem(value, singleLine) ?? (singleLine ? invisibleCharProblem(value) : undefined);
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

/** Longest display code (体系コード, 事業番号) and mark, in characters. */
export const MAX_CODE_LENGTH = 16;
export const MAX_MARK_LENGTH = 2;

/**
 * A short printed token (a code, a mark): no spaces, at most `max` characters, none of the
 * characters that would break a Word file.
 */
const shortToken = (base: z.ZodString, max: number, message: string) =>
  base.regex(new RegExp(`^[^\\s\\u3000]{1,${max}}$`), { message }).superRefine((value, ctx) => {
    const problem = forbiddenCharProblem(value, true);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'forbidden-char' } });
  });

/**
 * A display code (体系コード 2-3-1, 事業番号 4111): printed beside the title, never used to
 * match records (ids do that). A string, so that 0123 keeps its zero.
 */
const code = shortToken(
  z.string({ error: 'コードは "2-3-1" や "0412" のように引用符で囲んで書いてください（数字だけでも文字列として）' }),
  MAX_CODE_LENGTH,
  `コードは空白を含まない${MAX_CODE_LENGTH}文字までで書いてください（例: "2-3-1"）`,
);

/** A printed mark (◎, ●, ★): one or two characters. */
const mark = shortToken(
  z.string(),
  MAX_MARK_LENGTH,
  `記号は空白を含まない${MAX_MARK_LENGTH}文字までで書いてください（例: ◎）`,
);

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

/** A level's name as the plan calls it (基本目標, 政策, 事務事業): also part of file names. */
const levelName = singleLineText.superRefine((value, ctx) => {
  const problem = fileNameProblem(value, '階層の呼び名', 60);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'unsafe-file-name' } });
  else if ([...value].length > 10)
    ctx.addIssue({ code: 'custom', message: '階層の呼び名は10文字までにしてください', params: { rule: 'too-long' } });
});

const labelsSchema = z
  .strictObject({
    policy: levelName.optional().meta(term('基本方針の呼び名', `既定: ${DEFAULT_LABELS.policy}（例: 基本目標）`)),
    basicMeasure: levelName
      .optional()
      .meta(term('基本施策の呼び名', `既定: ${DEFAULT_LABELS.basicMeasure}（例: 政策）`)),
    measure: levelName.optional().meta(term('施策の呼び名', `既定: ${DEFAULT_LABELS.measure}`)),
    initiative: levelName.optional().meta(term('取組の呼び名', `既定: ${DEFAULT_LABELS.initiative}`)),
    project: levelName.optional().meta(term('事業の呼び名', `既定: ${DEFAULT_LABELS.project}（例: 事務事業）`)),
  })
  .meta(term('階層の呼び名', '見出し・表・目次・メッセージで使う各階層の名前。書かない階層は既定の名前'));

const statusSchema = z
  .strictObject({
    name: singleLineText.meta(term('名称', '区分の名称（例: 新規、拡充、継続、完了）')),
    mark: mark.optional().meta(term('記号', '表に区分名の代わりに印刷する記号（例: ◎）。凡例が付く')),
  })
  .meta(term('事業区分'));
type StatusData = z.infer<typeof statusSchema>;

const tagSchema = z
  .strictObject({
    id,
    name: singleLineText.meta(term('名称', '目印の名称（例: 重点、総合戦略）')),
    mark: mark.meta(term('記号', '施策名・事業名の前に印刷する記号（例: ★）。凡例に載る')),
  })
  .meta(term('目印'));

const fundingSourceSchema = z
  .strictObject({
    id,
    name: singleLineText.meta(term('名称', '財源の名称（例: 国庫支出金、県支出金、地方債、その他、一般財源）')),
  })
  .meta(term('財源区分'));

const tagRefs = z.array(id).min(1).meta(term('目印', 'plan.yaml の tags で宣言した目印のID（例: [priority]）'));

const basicMeasureSchema = z
  .strictObject({
    number: ordinal.meta(term('番号', '基本施策の番号（基本方針ごとに1から）')),
    code: code.optional().meta(term('コード', '番号の代わりに印刷する体系コード（例: "1-2"）')),
    title: singleLineText.meta(term('名称', '基本施策の名称')),
  })
  .meta(term('基本施策'));

const policySchema = z
  .strictObject({
    number: ordinal.meta(term('番号', '総合計画での基本方針の番号')),
    code: code.optional().meta(term('コード', '番号の代わりに印刷する体系コード（例: "1"）')),
    title: singleLineText.meta(term('名称', '基本方針の名称')),
    basicMeasures: z.array(basicMeasureSchema).min(1).meta(term('基本施策')),
  })
  .meta(term('基本方針'));

/** A calendar date as YAML writes it unquoted (2024-03-29), checked to exist. */
const isoDate = z.string().superRefine((value, ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3]))
    ctx.addIssue({
      code: 'custom',
      message: `日付は 2024-03-29 のように西暦の年-月-日で、実在する日を書いてください（「${value}」）`,
      params: { rule: 'bad-date' },
    });
});

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
    adopted: isoDate
      .optional()
      .meta(
        term(
          '策定日',
          '計画を策定した日（例: 2024-03-29）。表紙に「令和6年3月策定」のように印刷する。書かなければ印刷しない',
        ),
      ),
    revised: isoDate
      .optional()
      .meta(
        term(
          '改訂日',
          '計画を改訂した日（例: 2025-03-28）。表紙に「令和7年3月改訂」のように印刷する。書かなければ印刷しない',
        ),
      ),
    emblem: z
      .string()
      .regex(/^[^/\\]+\.(png|jpe?g)$/i, {
        message: 'plan.yaml と同じフォルダにある PNG か JPEG のファイル名を書いてください（例: emblem.png）',
      })
      .optional()
      .meta(
        term(
          '紋章の画像',
          '表紙に印刷する町章・市章などの画像（plan.yaml と同じフォルダの PNG か JPEG、例: emblem.png）。書かなければ印刷しない',
        ),
      ),
    print: z
      .strictObject({
        bindingMargin: z
          .number()
          .min(0)
          .max(50)
          .optional()
          .meta(
            term(
              'とじしろ（mm）',
              '綴じる側の余白（mm、0～50）。既定は20（2穴パンチの穴にかからない幅）。`build --binding-margin` でも指定できる',
            ),
          ),
        duplex: z
          .boolean()
          .optional()
          .meta(
            term(
              '両面印刷',
              'true で両面印刷向け（偶数ページはとじしろが右、基本方針と施策体系は右ページから始まり、間の白紙にはページ番号も印刷しない）。`build --duplex` でも指定できる',
            ),
          ),
        paper: z.literal('A4').optional().meta(term('用紙', '用紙の大きさ。今は A4 だけ')),
      })
      .optional()
      .meta(term('印刷の設定')),
    labels: labelsSchema.optional(),
    statuses: z
      .array(statusSchema)
      .min(1)
      .optional()
      .meta(
        term('事業区分', '事業の区分を印刷する順に（既定: 新規・継続）。記号を書くと表には記号を印刷し、凡例を付ける'),
      ),
    tags: z
      .array(tagSchema)
      .min(1)
      .optional()
      .meta(term('目印', '施策や事業に付ける目印（重点など）。記号で印刷し、凡例に載る')),
    fundingSources: z
      .array(fundingSourceSchema)
      .min(1)
      .optional()
      .meta(
        term('財源区分', '事業費の財源の区分を、表の列の順に（例: 国庫支出金・県支出金・地方債・その他・一般財源）'),
      ),
    policies: z.array(policySchema).min(1).meta(term('基本方針')),
  })
  .meta({ title: '実施計画（plan.yaml）' });

export const departmentsFileSchema = z
  .strictObject({
    departments: z.array(departmentName).min(1).meta(term('担当課の一覧')),
  })
  .meta({ title: '担当課の一覧（departments.yaml）' });

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

/** An indicator's figure: any finite number, decimals as written (43.5, 1200). */
const indicatorValue = z.number().finite();

const yearValue = z
  .strictObject({
    year: fiscalYear.meta(term('年度', '西暦4桁（例: 2023）')),
    value: indicatorValue.meta(term('値', '数値（小数も可）')),
  })
  .meta(term('年度と値'));

/** Directions an indicator should move in, as printed beside it. */
export const INDICATOR_DIRECTIONS = { up: '↑（高いほどよい）', down: '↓（低いほどよい）', keep: '→（維持）' } as const;

export const indicatorSchema = z
  .strictObject({
    id,
    name: singleLineText.meta(term('名称', '指標の名称')).register(comparedFields, { label: '指標名' }),
    kind: singleLineText.optional().meta(term('種別', '例: 成果指標、活動指標')).register(comparedFields, {}),
    unit: singleLineText.meta(term('単位', '例: ％、人、件')).register(comparedFields, {}),
    direction: z
      .enum(['up', 'down', 'keep'])
      .meta(term('目指す方向', 'up（増やす）・down（減らす）・keep（維持する）'))
      .register(comparedFields, {}),
    baseline: yearValue.meta(term('基準値', '{ year: 2023, value: 43.5 } のように、年度と値')),
    targets: z
      .record(yearKey, indicatorValue)
      .meta(term('年度別目標値', '計画期間の年度（西暦4桁）ごとの目標値。目標のない年度は書かない')),
    final: yearValue.optional().meta(term('最終目標', '総合計画の最終目標（年度と値）')),
    carriedOver,
  })
  .meta(term('指標'));

/** SDGs goals a 施策 or 事業 serves: their numbers, 1 to 17. */
const sdgs = z
  .array(
    z
      .number()
      .int({ message: 'SDGs の目標は1～17の番号で書いてください' })
      .min(1, { message: 'SDGs の目標は1～17の番号で書いてください' })
      .max(17, { message: 'SDGs の目標は1～17の番号で書いてください（18番はありません）' }),
  )
  .min(1)
  .optional()
  .meta(term('SDGs', '関連する SDGs の目標の番号（例: [3, 11]）。目標の色のラベルで印刷する'))
  .register(comparedFields, {});

const indicators = z
  .array(indicatorSchema)
  .min(1)
  .optional()
  .meta(term('指標', '成果指標・活動指標のリスト。施策のページに表で印刷する'));

export const projectSchema = z
  .strictObject({
    id,
    name: singleLineText
      .meta(term('名称', '事業の名称（事業費の表にもこの名称が出る）'))
      .register(comparedFields, { label: '事業名' }),
    code: code
      .optional()
      .meta(term('コード', '事業番号など（例: "4111"）。事業名の前に印刷する'))
      .register(comparedFields, {}),
    department: departmentName.optional().register(comparedFields, {}),
    status: singleLineText
      .optional()
      .meta(term('区分', 'plan.yaml の statuses のどれか（既定は「新規」か「継続」）'))
      .register(comparedFields, {}),
    summary: multiLineText
      .optional()
      .meta(term('事業の概要', '事業の内容を説明する文。施策のページの「事業の概要」に印刷する'))
      .register(comparedFields, {}),
    tags: tagRefs.optional().register(comparedFields, {}),
    indicators,
    sdgs,
    repeatOf: id
      .optional()
      .meta(
        term(
          '再掲元の事業ID',
          'ほかの施策の事業を再掲するとき、その事業のID。担当課・区分・コードは再掲元のものを使い、事業費は再掲元にだけ書く',
        ),
      ),
    note: singleLineText
      .optional()
      .meta(term('備考', '事業についての補足（主な取組内容の表で、事業名の欄に※を付けて印刷する）'))
      .register(comparedFields, {}),
  })
  .meta(term('事業'));

const scheduleSchema = z
  .record(yearKey, z.array(multiLineText.meta({ title: '計画の項目（・で始まる1行）' })))
  .meta(term('年度別事業計画', '年度（西暦4桁）ごとの計画項目のリスト。計画期間のすべての年度を書く。'));

const rowSchema = z
  .strictObject({
    project: id.meta(term('事業ID', 'この行の事業のID（projects で定義）')),
    schedule: scheduleSchema,
    carriedOver,
  })
  .meta(term('事業の行'));

export const initiativeSchema = z
  .strictObject({
    id,
    name: singleLineText
      .meta(term('名称', '取組の名称（丸数字は自動で付く）'))
      .register(comparedFields, { label: '取組名' }),
    rows: z.array(rowSchema).min(1).meta(term('事業の行', '取組の事業ごとの行')),
  })
  .meta(term('主な取組'));

const budgetRowSchema = z
  .strictObject({
    project: id.meta(term('事業ID', '事業のID（projects で定義）。名称は書かない')),
    amounts: z
      .record(yearKey, amount)
      .meta(term('年度別事業費（千円）', '年度（西暦4桁）ごとの事業費。単位は千円、0以上の整数')),
    reference: z
      .record(yearKey, amount)
      .optional()
      .meta(
        term(
          '参考の事業費（千円）',
          '計画期間より前の年度（前年度の当初予算や決算など）の金額。事業費の表の先頭の列に印刷し、合計には入れない',
        ),
      ),
    sources: z
      .record(yearKey, z.record(z.string(), amount))
      .optional()
      .meta(
        term(
          '財源内訳（千円）',
          '年度ごとの財源別の金額（plan.yaml の fundingSources の ID をキーに）。合計はその年度の事業費と同じにする',
        ),
      ),
    carriedOver,
  })
  .meta(term('事業費'));

export const measureFileSchema = z
  .strictObject({
    id,
    number: ordinal.meta(term('番号', '施策の番号（基本方針の中で通し番号）')),
    policy: ordinal.meta(term('基本方針の番号', 'この施策が属する基本方針の番号')),
    basicMeasure: ordinal.meta(term('基本施策の番号', 'この施策が属する基本施策の番号')),
    code: code
      .optional()
      .meta(term('コード', '番号の代わりに印刷する体系コード（例: "2-3-1"）'))
      .register(comparedFields, {}),
    title: singleLineText.meta(term('名称', '施策の名称')).register(comparedFields, { label: '施策名' }),
    tags: tagRefs.optional().register(comparedFields, {}),
    directions: z.array(multiLineText).min(1).meta(term('施策の方向', '施策の方向（1項目1文）')),
    indicators,
    sdgs,
    projects: z.array(projectSchema).min(1).meta(term('事業')),
    initiatives: z
      .array(initiativeSchema)
      .min(1)
      .optional()
      .meta(term('主な取組', '取組ごとの事業の行。取組のない施策は代わりに rows を書く')),
    rows: z
      .array(rowSchema)
      .min(1)
      .optional()
      .meta(term('事業の行', '取組のない施策の事業の行（initiatives の代わりに書く）')),
    budget: z.array(budgetRowSchema).meta(term('事業費', '事業費の行。予算のある事業がなければ [] と書く')),
  })
  .meta({ title: '施策（measures/NN.yaml）' });

export type PlanFile = z.infer<typeof planFileSchema>;
export type DepartmentsFile = z.infer<typeof departmentsFileSchema>;
export type MeasureFile = z.infer<typeof measureFileSchema>;
export type ProjectData = MeasureFile['projects'][number];
export type InitiativeData = NonNullable<MeasureFile['initiatives']>[number];
export type RowData = InitiativeData['rows'][number];
export type PlanLabels = Readonly<Record<LevelKey, string>>;
export type StatusDeclaration = StatusData;
export type TagDeclaration = NonNullable<PlanFile['tags']>[number];
export type FundingSource = NonNullable<PlanFile['fundingSources']>[number];
export type BudgetRowData = MeasureFile['budget'][number];

export const FILE_SCHEMAS = {
  plan: planFileSchema,
  departments: departmentsFileSchema,
  measure: measureFileSchema,
} as const;
export type FileKind = keyof typeof FILE_SCHEMAS;
