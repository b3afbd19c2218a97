// Rules that span a file or several files: periods, references, the master list of 担当課,
// duplicate ids and numbers, and the values the seed itself lacks (warnings).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatPlace } from '../diagnostics/reporters.ts';
import { periodLabel, westernFiscalYear, yearsOf } from '../plan/fiscal-year.ts';
import type { DataPath, SourcePositions } from './read-yaml.ts';
import {
  DEFAULT_LABELS,
  DEFAULT_STATUSES,
  type DepartmentsFile,
  type MeasureFile,
  type PlanFile,
  type PlanLabels,
  type RowData,
} from './schema.ts';
import { statusTerm } from './plan-model.ts';
import { fileNameKey } from './text-rules.ts';

export interface Parsed<T> {
  readonly source: SourcePositions;
  readonly data: T;
}

export interface ParsedFiles {
  readonly plan?: Parsed<PlanFile>;
  readonly departments?: Parsed<DepartmentsFile>;
  readonly measures: readonly Parsed<MeasureFile>[];
}

/**
 * The longest period the documents are laid out for: 実施計画 run 1 to 5 fiscal years, and a
 * sixth year column would leave the tables of an A4 page too narrow to read.
 */
export const MAX_PERIOD_YEARS = 5;

/** What a plan calls its levels, for messages: its own names once plan.yaml is read. */
const labelsOf = (plan: Parsed<PlanFile> | undefined): PlanLabels => ({ ...DEFAULT_LABELS, ...plan?.data.labels });

/** Every 事業 row of a 施策 file with its place: in a 取組, or directly under the 施策 (`rows`). */
function rowsOf(data: MeasureFile): { row: RowData; path: DataPath; initiative?: string }[] {
  return [
    ...(data.initiatives ?? []).flatMap((initiative, t) =>
      initiative.rows.map((row, r) => ({
        row,
        path: ['initiatives', t, 'rows', r] as DataPath,
        initiative: initiative.name,
      })),
    ),
    ...(data.rows ?? []).map((row, r) => ({ row, path: ['rows', r] as DataPath })),
  ];
}

export function checkPlanFiles(files: ParsedFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const plan = files.plan;
  const labels = labelsOf(plan);
  const periodOk = plan ? checkPeriod(plan, out) : false;
  if (plan) checkPolicyNumbers(plan, labels, out);
  if (plan) checkDeclarations(plan, out);
  if (files.departments) checkDepartmentList(files.departments, out);

  const ids = new FirstSeen();
  const measureNumbers = new FirstSeen();
  const measureCodes = new FirstSeen();
  const projectCodes = new FirstSeen();
  for (const measure of files.measures) {
    const { source, data } = measure;
    ids.claim(
      data.id,
      source,
      ['id'],
      out,
      (where) => `ID「${data.id}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
    measureNumbers.claim(
      `${data.policy}-${data.number}`,
      source,
      ['number'],
      out,
      (where) =>
        `${labels.policy}${data.policy}の${labels.measure}${data.number}は ${where} にもあります。${labels.measure}の番号が重なっています`,
    );
    if (data.code !== undefined)
      measureCodes.claim(
        data.code,
        source,
        ['code'],
        out,
        (where) =>
          `${labels.measure}のコード「${data.code}」は ${where} にもあります。コードは重ならないようにしてください`,
      );
    data.projects.forEach((project, j) => {
      if (project.code !== undefined)
        projectCodes.claim(
          project.code,
          source,
          ['projects', j, 'code'],
          out,
          (where) =>
            `${labels.project}のコード「${project.code}」は ${where} にもあります。コードは重ならないようにしてください`,
        );
    });
    if (plan) checkMeasurePlacement(plan.data, labels, measure, out);
    if (plan) checkReferencesToDeclarations(plan.data, labels, measure, out);
    if (plan && periodOk) checkSources(plan.data, measure, out);
    const statusNames = statusTerm(plan?.data.statuses ?? DEFAULT_STATUSES);
    checkProjects(measure, files.departments?.data, labels, statusNames, ids, out);
    checkInitiatives(measure, labels, ids, out);
    if (plan && periodOk) checkYears(plan.data.period, measure, out);
  }
  checkRepeats(files.measures, labels, out);
  return out;
}

/**
 * 再掲: a 事業 repeated under another 施策 points at the 事業 itself (not at another 再掲, not
 * in its own 施策) and has no 事業費 row, so that no total counts its money twice.
 */
function checkRepeats(measures: readonly Parsed<MeasureFile>[], labels: PlanLabels, out: Diagnostic[]): void {
  const owners = new Map<string, { measure: MeasureFile; project: MeasureFile['projects'][number] }>();
  for (const { data } of measures)
    for (const project of data.projects) owners.set(project.id, { measure: data, project });
  for (const { source, data } of measures) {
    data.projects.forEach((project, j) => {
      if (project.repeatOf === undefined) return;
      const at: DataPath = ['projects', j, 'repeatOf'];
      const original = owners.get(project.repeatOf);
      const problem = !original
        ? `再掲元の${labels.project}ID「${project.repeatOf}」はどの${labels.measure}にもありません`
        : original.project.repeatOf !== undefined
          ? `再掲元「${original.project.name}」も再掲です。元の${labels.project}（ID「${original.project.repeatOf}」）を指定してください`
          : original.measure.id === data.id
            ? `再掲元「${original.project.name}」は同じ${labels.measure}の${labels.project}です。再掲はほかの${labels.measure}の${labels.project}にだけ付けられます`
            : undefined;
      if (problem) out.push(source.diagnostic('error', at, 'bad-repeat', problem));
      const budget = data.budget.findIndex((row) => row.project === project.id);
      if (budget >= 0)
        out.push(
          source.diagnostic(
            'error',
            ['budget', budget, 'project'],
            'repeat-with-budget',
            `再掲の${labels.project}「${project.name}」に事業費の行があります。事業費は再掲元にだけ書きます（合計で2回数えないため）`,
          ),
        );
    });
  }
}

function checkPeriod({ source, data }: Parsed<PlanFile>, out: Diagnostic[]): boolean {
  const { start, end } = data.period;
  if (end < start) {
    out.push(
      source.diagnostic('error', ['period', 'end'], 'bad-period', `最終年度（${end}）が初年度（${start}）より前です`),
    );
    return false;
  }
  if (end - start + 1 > MAX_PERIOD_YEARS) {
    out.push(
      source.diagnostic(
        'error',
        ['period', 'end'],
        'bad-period',
        `計画期間が${end - start + 1}年度あります。組める計画期間は${MAX_PERIOD_YEARS}年度までです（表の年度の列が用紙の幅に収まる数）`,
      ),
    );
    return false;
  }
  return true;
}

function checkPolicyNumbers({ source, data }: Parsed<PlanFile>, labels: PlanLabels, out: Diagnostic[]): void {
  const policyNumbers = new FirstSeen();
  const policyCodes = new FirstSeen();
  const basicCodes = new FirstSeen();
  const duplicateCode = (level: string, code: string) => (where: string) =>
    `${level}のコード「${code}」は ${where} にもあります。コードは重ならないようにしてください`;
  data.policies.forEach((policy, p) => {
    policyNumbers.claim(
      String(policy.number),
      source,
      ['policies', p, 'number'],
      out,
      (where) => `${labels.policy}${policy.number}は ${where} にもあります。番号が重なっています`,
    );
    if (policy.code !== undefined)
      policyCodes.claim(policy.code, source, ['policies', p, 'code'], out, duplicateCode(labels.policy, policy.code));
    const basicNumbers = new FirstSeen();
    policy.basicMeasures.forEach((basic, b) => {
      basicNumbers.claim(
        String(basic.number),
        source,
        ['policies', p, 'basicMeasures', b, 'number'],
        out,
        (where) =>
          `${labels.policy}${policy.number}の${labels.basicMeasure}${basic.number}は ${where} にもあります。番号が重なっています`,
      );
      if (basic.code !== undefined)
        basicCodes.claim(
          basic.code,
          source,
          ['policies', p, 'basicMeasures', b, 'code'],
          out,
          duplicateCode(labels.basicMeasure, basic.code),
        );
    });
  });
}

/** 事業区分 and 目印 as declared: names, ids and marks distinct; marks for every 区分 or none. */
function checkDeclarations({ source, data }: Parsed<PlanFile>, out: Diagnostic[]): void {
  const statuses = data.statuses ?? [];
  const names = new FirstSeen();
  const marks = new FirstSeen();
  const markWhere = (what: string, m: string) => (where: string) =>
    `記号「${m}」は ${where} でも使われています。${what}の記号は凡例で見分けられるように重ならないようにしてください`;
  statuses.forEach((status, i) => {
    names.claim(
      status.name,
      source,
      ['statuses', i, 'name'],
      out,
      (where) => `区分「${status.name}」は ${where} にもあります。1回だけ書いてください`,
    );
    if (status.mark !== undefined)
      marks.claim(status.mark, source, ['statuses', i, 'mark'], out, markWhere('区分', status.mark));
  });
  const marked = statuses.filter((s) => s.mark !== undefined).length;
  if (marked > 0 && marked < statuses.length) {
    const i = statuses.findIndex((s) => s.mark === undefined);
    out.push(
      source.diagnostic(
        'error',
        ['statuses', i],
        'missing-mark',
        `区分「${statuses[i]!.name}」に記号（mark）がありません。記号はすべての区分に書くか、どれにも書かないかにしてください`,
      ),
    );
  }
  const fundingIds = new FirstSeen();
  const fundingNames = new FirstSeen();
  (data.fundingSources ?? []).forEach((f, i) => {
    fundingIds.claim(
      f.id,
      source,
      ['fundingSources', i, 'id'],
      out,
      (where) => `財源のID「${f.id}」は ${where} にもあります`,
    );
    fundingNames.claim(
      f.name,
      source,
      ['fundingSources', i, 'name'],
      out,
      (where) => `財源「${f.name}」は ${where} にもあります。1回だけ書いてください`,
    );
  });
  const tagIds = new FirstSeen();
  (data.tags ?? []).forEach((tag, i) => {
    tagIds.claim(
      tag.id,
      source,
      ['tags', i, 'id'],
      out,
      (where) => `目印のID「${tag.id}」は ${where} にもあります。IDは重ならないようにしてください`,
    );
    marks.claim(tag.mark, source, ['tags', i, 'mark'], out, markWhere('目印', tag.mark));
  });
}

/** A 事業's 区分 and the 目印 of a 施策 or 事業 must be declared in plan.yaml. */
function checkReferencesToDeclarations(
  plan: PlanFile,
  labels: PlanLabels,
  { source, data }: Parsed<MeasureFile>,
  out: Diagnostic[],
): void {
  const statuses = (plan.statuses ?? DEFAULT_STATUSES).map((s) => s.name);
  const tags = new Map((plan.tags ?? []).map((t) => [t.id, t]));
  const checkTags = (refs: readonly string[] | undefined, path: DataPath) =>
    (refs ?? []).forEach((ref, i) => {
      if (!tags.has(ref))
        out.push(
          source.diagnostic(
            'error',
            [...path, 'tags', i],
            'unknown-tag',
            tags.size === 0
              ? `目印「${ref}」は plan.yaml の tags にありません（tags がまだありません）`
              : `目印「${ref}」は plan.yaml の tags にありません（あるのは ${[...tags.keys()].join('、')}）`,
          ),
        );
      else if (refs!.indexOf(ref) !== i)
        out.push(source.diagnostic('error', [...path, 'tags', i], 'duplicate', `目印「${ref}」が2回書かれています`));
    });
  checkTags(data.tags, []);
  const checkSdgs = (goals: readonly number[] | undefined, path: DataPath) =>
    (goals ?? []).forEach((goal, i) => {
      if (goals!.indexOf(goal) !== i)
        out.push(
          source.diagnostic('error', [...path, 'sdgs', i], 'duplicate', `SDGs の目標${goal}が2回書かれています`),
        );
    });
  checkSdgs(data.sdgs, []);
  data.projects.forEach((project, j) => checkSdgs(project.sdgs, ['projects', j]));
  data.projects.forEach((project, j) => {
    checkTags(project.tags, ['projects', j]);
    if (project.status !== undefined && !statuses.includes(project.status))
      out.push(
        source.diagnostic(
          'error',
          ['projects', j, 'status'],
          'unknown-status',
          `${labels.project}「${project.name}」の区分「${project.status}」は、この計画の区分（${statuses.join('・')}）にありません${plan.statuses ? '（plan.yaml の statuses）' : '。ほかの区分を使うときは plan.yaml に statuses を書きます'}`,
        ),
      );
  });
}

function checkDepartmentList({ source, data }: Parsed<DepartmentsFile>, out: Diagnostic[]): void {
  const seen = new FirstSeen();
  // Each name is a file name: two that differ only in case or Unicode form are one file on
  // Windows and macOS, so the second excerpt would overwrite the first.
  const files = new Map<string, string>();
  data.departments.forEach((name, i) => {
    const other = files.get(fileNameKey(name));
    if (other !== undefined && other !== name) {
      out.push(
        source.diagnostic(
          'error',
          ['departments', i],
          'file-name-collision',
          `担当課「${name}」と「${other}」は大文字・小文字などの違いしかなく、抜粋が同じファイル名になります。どちらかの名前を変えてください`,
        ),
      );
    }
    files.set(fileNameKey(name), other ?? name);
    seen.claim(
      name,
      source,
      ['departments', i],
      out,
      (where) => `担当課「${name}」は ${where} にもあります。1回だけ書いてください`,
    );
  });
}

function checkMeasurePlacement(
  plan: PlanFile,
  labels: PlanLabels,
  { source, data }: Parsed<MeasureFile>,
  out: Diagnostic[],
): void {
  const policy = plan.policies.find((p) => p.number === data.policy);
  if (!policy) {
    const known = plan.policies.map((p) => p.number).join('、');
    out.push(
      source.diagnostic(
        'error',
        ['policy'],
        'unknown-policy',
        `${labels.policy}${data.policy}は plan.yaml にありません（あるのは${labels.policy} ${known}）`,
      ),
    );
    return;
  }
  if (!policy.basicMeasures.some((b) => b.number === data.basicMeasure)) {
    const known = policy.basicMeasures.map((b) => b.number).join('、');
    out.push(
      source.diagnostic(
        'error',
        ['basicMeasure'],
        'unknown-basic-measure',
        `${labels.policy}${policy.number}に${labels.basicMeasure}${data.basicMeasure}はありません（あるのは${labels.basicMeasure} ${known}）`,
      ),
    );
  }
}

function checkProjects(
  { source, data }: Parsed<MeasureFile>,
  departments: DepartmentsFile | undefined,
  labels: PlanLabels,
  statusNames: string,
  ids: FirstSeen,
  out: Diagnostic[],
): void {
  const known = departments ? new Set(departments.departments) : undefined;
  const used = new Set(rowsOf(data).map(({ row }) => row.project));
  data.projects.forEach((project, j) => {
    const at = (key?: string): DataPath => (key ? ['projects', j, key] : ['projects', j]);
    ids.claim(
      project.id,
      source,
      at('id'),
      out,
      (where) => `ID「${project.id}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
    // A 再掲 takes its 担当課 and 区分 from the 事業 it repeats (checkRepeats).
    if (project.department === undefined && project.repeatOf === undefined) {
      out.push(
        source.diagnostic(
          'warning',
          at(),
          'missing-department',
          `${labels.project}「${project.name}」に担当課（department）がありません`,
        ),
      );
    } else if (known && project.department !== undefined && !known.has(project.department)) {
      out.push(
        source.diagnostic(
          'error',
          at('department'),
          'unknown-department',
          `担当課「${project.department}」は departments.yaml の一覧にありません（一覧: ${[...known].join('、')}）`,
        ),
      );
    }
    if (project.status === undefined && project.repeatOf === undefined) {
      out.push(
        source.diagnostic(
          'warning',
          at(),
          'missing-status',
          `${labels.project}「${project.name}」に${statusNames}（status）がありません`,
        ),
      );
    }
    if (!used.has(project.id)) {
      out.push(
        source.diagnostic(
          'warning',
          at('id'),
          'unused-project',
          data.initiatives
            ? `${labels.project}「${project.name}」はどの${labels.initiative}の行（rows）にも使われていません`
            : `${labels.project}「${project.name}」は${labels.measure}の行（rows）に使われていません`,
        ),
      );
    }
  });
}

function checkInitiatives(
  { source, data }: Parsed<MeasureFile>,
  labels: PlanLabels,
  ids: FirstSeen,
  out: Diagnostic[],
): void {
  const defined = new Set(data.projects.map((p) => p.id));
  const undefinedProject = (id: string) =>
    `${labels.project}ID「${id}」はこの${labels.measure}の projects（${labels.project}）に定義されていません（定義されている${labels.project}ID: ${[...defined].join('、')}）`;
  // A 施策 has its rows in 取組 or directly, never both and never neither.
  if (data.initiatives && data.rows)
    out.push(
      source.diagnostic(
        'error',
        ['rows'],
        'initiatives-and-rows',
        `この${labels.measure}には initiatives（${labels.initiative}）と rows（行）の両方があります。${labels.initiative}があるなら行は各${labels.initiative}の rows に書き、${labels.initiative}がないなら initiatives を消してください`,
        'key',
      ),
    );
  else if (!data.initiatives && !data.rows)
    out.push(
      source.diagnostic(
        'error',
        [],
        'no-rows',
        `${labels.measure}に事業の行がありません。initiatives（${labels.initiative}ごとの行）か、${labels.initiative}がなければ rows（${labels.measure}の行）を書いてください`,
      ),
    );

  /** A 事業ID used once in `seen`'s scope, and defined in projects. */
  const checkReference = (id: string, at: DataPath, seen: Set<string>, rule: string, duplicate: () => string) => {
    if (!defined.has(id)) out.push(source.diagnostic('error', at, 'undefined-project', undefinedProject(id)));
    else if (seen.has(id)) out.push(source.diagnostic('error', at, rule, duplicate()));
    seen.add(id);
  };
  const indicatorIds: [string, DataPath][] = [
    ...(data.indicators ?? []).map((x, k): [string, DataPath] => [x.id, ['indicators', k, 'id']]),
    ...data.projects.flatMap((p, j) =>
      (p.indicators ?? []).map((x, k): [string, DataPath] => [x.id, ['projects', j, 'indicators', k, 'id']]),
    ),
  ];
  for (const [indicatorId, at] of indicatorIds)
    ids.claim(
      indicatorId,
      source,
      at,
      out,
      (where) => `ID「${indicatorId}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
  (data.initiatives ?? []).forEach((initiative, t) => {
    ids.claim(
      initiative.id,
      source,
      ['initiatives', t, 'id'],
      out,
      (where) => `ID「${initiative.id}」は ${where} でも使われています。IDは計画全体で重ならないようにしてください`,
    );
    const rowsSeen = new Set<string>();
    initiative.rows.forEach((row, r) =>
      checkReference(
        row.project,
        ['initiatives', t, 'rows', r, 'project'],
        rowsSeen,
        'duplicate-row',
        () =>
          `${labels.initiative}「${initiative.name}」に${labels.project}ID「${row.project}」の行が2つあります。1つの行にまとめてください`,
      ),
    );
  });
  const directRowsSeen = new Set<string>();
  (data.rows ?? []).forEach((row, r) =>
    checkReference(
      row.project,
      ['rows', r, 'project'],
      directRowsSeen,
      'duplicate-row',
      () => `${labels.project}ID「${row.project}」の行が2つあります。1つの行にまとめてください`,
    ),
  );
  const budgeted = new Set<string>();
  data.budget.forEach((row, b) =>
    checkReference(
      row.project,
      ['budget', b, 'project'],
      budgeted,
      'duplicate-budget',
      () => `${labels.project}ID「${row.project}」の事業費が2行あります。事業費は1${labels.project}につき1行です`,
    ),
  );
}

/** Every year cell and amount must cover exactly the plan's fiscal years. */
function checkYears(period: PlanFile['period'], { source, data }: Parsed<MeasureFile>, out: Diagnostic[]): void {
  const years = yearsOf(period).map(String);
  const label = periodLabel(period);
  const check = (record: Record<string, unknown>, path: DataPath, what: string, emptyHint: string) => {
    for (const key of Object.keys(record)) {
      if (!years.includes(key)) {
        out.push(
          source.diagnostic(
            'error',
            [...path, key],
            'year-outside-period',
            `${westernFiscalYear(Number(key))}は計画期間（${label}）の外です。${what}は計画期間の年度だけ書いてください`,
            'key',
          ),
        );
      }
    }
    const missing = years.filter((y) => !Object.hasOwn(record, y));
    if (missing.length > 0) {
      out.push(
        source.diagnostic(
          'error',
          path,
          'missing-year',
          `${missing.map((y) => westernFiscalYear(Number(y))).join('、')}の${what}がありません。計画期間（${label}）のすべての年度を書いてください（${emptyHint}）`,
        ),
      );
    }
  };
  // A year copied by `keikaku roll` warns until a person confirms it by deleting the mark.
  const checkCarried = (carried: readonly number[] | undefined, path: DataPath, what: string) =>
    (carried ?? []).forEach((year, i) => {
      const at: DataPath = [...path, 'carriedOver', i];
      if (!years.includes(String(year))) {
        out.push(
          source.diagnostic(
            'error',
            at,
            'year-outside-period',
            `${westernFiscalYear(year)}は計画期間（${label}）の外です。carriedOver には計画期間の年度だけを書いてください`,
          ),
        );
      } else {
        out.push(
          source.diagnostic(
            'warning',
            at,
            'carried-over',
            `${westernFiscalYear(year)}の${what}は前の年度から写したものです（keikaku roll）。内容を確かめたら、carriedOver からこの年度を消してください`,
          ),
        );
      }
    });
  const projectNames = new Map(data.projects.map((p) => [p.id, p.name]));
  for (const { row, path, initiative } of rowsOf(data)) {
    check(row.schedule, [...path, 'schedule'], '事業計画', '計画がない年度は [] と書きます');
    const owner = initiative ?? projectNames.get(row.project) ?? row.project;
    checkCarried(row.carriedOver, path, `事業計画（${owner}）`);
  }
  // Indicators: targets only in the period's years (a year may have none).
  const indicatorsAt: [MeasureFile['indicators'], DataPath][] = [
    [data.indicators, ['indicators']],
    ...data.projects.map((p, j): [MeasureFile['indicators'], DataPath] => [
      p.indicators,
      ['projects', j, 'indicators'],
    ]),
  ];
  for (const [list, path] of indicatorsAt)
    (list ?? []).forEach((indicator, k) => {
      const at: DataPath = [...path, k];
      for (const year of Object.keys(indicator.targets))
        if (!years.includes(year))
          out.push(
            source.diagnostic(
              'error',
              [...at, 'targets', year],
              'year-outside-period',
              `${westernFiscalYear(Number(year))}は計画期間（${label}）の外です。目標値は計画期間の年度だけ書いてください（計画期間の後の目標は final に）`,
              'key',
            ),
          );
      checkCarried(indicator.carriedOver, at, `目標値（${indicator.name}）`);
    });
  data.budget.forEach((row, b) => {
    // 参考 (前年度の当初予算・決算): years before the period only, never counted in its totals.
    for (const year of Object.keys(row.reference ?? {}))
      if (Number(year) >= period.start)
        out.push(
          source.diagnostic(
            'error',
            ['budget', b, 'reference', year],
            'reference-in-period',
            `参考の事業費（reference）は計画期間（${label}）より前の年度だけです。${westernFiscalYear(Number(year))}の金額は amounts に書きます`,
            'key',
          ),
        );
    check(row.amounts, ['budget', b, 'amounts'], '事業費', '予算がない年度は 0 と書きます');
    checkCarried(row.carriedOver, ['budget', b], '事業費');
  });
}

const yen = (amount: number) => `${new Intl.NumberFormat('ja-JP').format(amount)}千円`;

/**
 * 財源内訳: each year's sources are declared ones and add up to that year's 事業費; a year with
 * an amount above 0 has them. Finance checks these figures against the budget.
 */
function checkSources(plan: PlanFile, { source, data }: Parsed<MeasureFile>, out: Diagnostic[]): void {
  const declared = new Map((plan.fundingSources ?? []).map((f) => [f.id, f.name]));
  const years = yearsOf(plan.period).map(String);
  data.budget.forEach((row, b) => {
    if (!row.sources) return;
    const at: DataPath = ['budget', b, 'sources'];
    if (declared.size === 0) {
      out.push(
        source.diagnostic(
          'error',
          at,
          'undeclared-funding',
          '財源内訳（sources）を書くには、plan.yaml に財源区分（fundingSources）を書いてください',
          'key',
        ),
      );
      return;
    }
    for (const [year, bySource] of Object.entries(row.sources)) {
      if (!years.includes(year)) {
        out.push(
          source.diagnostic(
            'error',
            [...at, year],
            'year-outside-period',
            `${westernFiscalYear(Number(year))}は計画期間（${periodLabel(plan.period)}）の外です。財源内訳は計画期間の年度だけ書いてください`,
            'key',
          ),
        );
        continue;
      }
      for (const id of Object.keys(bySource))
        if (!declared.has(id))
          out.push(
            source.diagnostic(
              'error',
              [...at, year, id],
              'unknown-funding-source',
              `財源「${id}」は plan.yaml の fundingSources にありません（あるのは ${[...declared.keys()].join('、')}）`,
              'key',
            ),
          );
      const total = Object.values(bySource).reduce((s, x) => s + x, 0);
      const amount = row.amounts[year];
      if (amount !== undefined && total !== amount)
        out.push(
          source.diagnostic(
            'error',
            [...at, year],
            'sources-do-not-add-up',
            `${westernFiscalYear(Number(year))}の財源の合計（${yen(total)}）が事業費（${yen(amount)}）と合いません`,
            'key',
          ),
        );
    }
    const missing = years.filter((y) => (row.amounts[y] ?? 0) > 0 && !Object.hasOwn(row.sources!, y));
    if (missing.length > 0)
      out.push(
        source.diagnostic(
          'error',
          at,
          'missing-sources',
          `${missing.map((y) => `${westernFiscalYear(Number(y))}（事業費 ${yen(row.amounts[y]!)}）`).join('、')}の財源内訳がありません。事業費のある年度はすべて書いてください`,
          'key',
        ),
      );
  });
}

/** Remembers where each key was first seen, and reports every later occurrence with that place. */
class FirstSeen {
  /** Located only for a duplicate: a file read from the memo is parsed again only then. */
  private readonly places = new Map<string, { source: SourcePositions; path: DataPath }>();

  claim(
    key: string,
    source: SourcePositions,
    path: DataPath,
    out: Diagnostic[],
    message: (firstPlace: string) => string,
  ): void {
    const first = this.places.get(key);
    if (first !== undefined) {
      const place = formatPlace({ file: first.source.file, ...first.source.locate(first.path) });
      out.push(source.diagnostic('error', path, 'duplicate', message(place)));
      return;
    }
    this.places.set(key, { source, path });
  }
}
