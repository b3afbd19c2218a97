// The data stage: file texts in, a validated Plan (or none) and every diagnostic out.
// Pure: the caller reads the files; nothing here touches the disk.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pictureOf, type PictureData } from '../ir/image-data.ts';
import type { z } from 'zod';
import { hasErrors, sortDiagnostics, type Diagnosed, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { checkCharacters } from './characters.ts';
import { checkPlanFiles, type Parsed } from './checks.ts';
import { decodeDataFile } from './decode.ts';
import { issueToDiagnostics } from './issue-messages.ts';
import { measureModel, type Measure, type Plan } from './plan-model.ts';
import { ReparsedSource, YamlSource } from './read-yaml.ts';
import { allowedKeysAt } from './schema-keys.ts';
import {
  DEFAULT_LABELS,
  DEFAULT_STATUSES,
  FILE_SCHEMAS,
  type DepartmentsFile,
  type FileKind,
  type MeasureFile,
  type PlanFile,
} from './schema.ts';

export interface DataFile {
  /** Display path, e.g. `data/measures/01.yaml`. */
  readonly file: string;
  /** A YAML file's kind, or a picture (PNG or JPEG at the folder's top, such as the emblem). */
  readonly kind: FileKind | 'picture';
  readonly bytes: Uint8Array;
}

/**
 * The characters the documents' fonts cannot print (glyph-coverage.ts makes one from the
 * theme's fonts). Given to validatePlan, every text of the data is checked against it.
 */
export interface GlyphCoverage {
  /** The characters of `text` that some font lacks, each once, in order. */
  missing(text: string): readonly string[];
  /** The font names, for messages (BIZ UDGothic・BIZ UDMincho). */
  readonly fontNames: string;
}

export interface ValidateOptions {
  readonly glyphs?: GlyphCoverage;
  /** What an earlier validation found of each file that read without an error, by its bytes. */
  readonly memo?: ValidationMemo;
}

/**
 * Earlier validations' findings of single files (a build keeps them in out/.cache for the same
 * code and fonts, pipeline/render-cache.ts validationMemo): a file whose bytes are unchanged is neither parsed
 * nor checked again, only the checks across files run. Keyed by `fileKey`.
 */
export interface ValidationMemo {
  get(key: string): FileFindings | undefined;
  set(key: string, findings: FileFindings): void;
}

/** A file that read without an error: its YAML values, what the schema made of them, its warnings. */
export interface FileFindings {
  readonly value: unknown;
  readonly data: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A data file's key in the memo: its kind, its shown path (diagnostics name it), the fonts its
 * texts were checked against (their names are in the messages; the memo's owner keys their bytes)
 * and its bytes.
 */
export const fileKey = (file: DataFile, glyphs: GlyphCoverage | undefined): string =>
  createHash('sha256')
    .update(`${file.kind}\n${file.file}\n${glyphs ? glyphs.fontNames : '-'}\n`)
    .update(file.bytes)
    .digest('hex');

export function validatePlan(
  files: readonly DataFile[],
  readDiagnostics: readonly Diagnostic[] = [],
  options: ValidateOptions = {},
): Diagnosed<Plan | undefined> {
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const parsed = {
    plan: undefined as Parsed<PlanFile> | undefined,
    departments: undefined as Parsed<DepartmentsFile> | undefined,
    measures: [] as Parsed<MeasureFile>[],
  };

  const pictures = new Map<string, DataFile>();
  for (const file of files) {
    if (file.kind === 'picture') {
      pictures.set(path.posix.basename(file.file), file);
      continue;
    }
    const result = parseDataFile({ ...file, kind: file.kind }, options);
    diagnostics.push(...result.diagnostics);
    if (!result.parsed) continue;
    if (file.kind === 'plan') parsed.plan = result.parsed as Parsed<PlanFile>;
    else if (file.kind === 'departments') parsed.departments = result.parsed as Parsed<DepartmentsFile>;
    else parsed.measures.push(result.parsed as Parsed<MeasureFile>);
  }
  diagnostics.push(...checkPlanFiles(parsed));
  const emblem = parsed.plan?.data.emblem !== undefined ? emblemOf(parsed.plan, pictures, diagnostics) : undefined;

  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || !parsed.plan || !parsed.departments) return { value: undefined, diagnostics: sorted };
  const plan = assemblePlan(parsed.plan.data, parsed.departments.data, parsed.measures);
  return { value: emblem ? { ...plan, emblem } : plan, diagnostics: sorted };
}

/** The picture plan.yaml's emblem names: a PNG or JPEG at the top of the data folder. */
function emblemOf(
  plan: Parsed<PlanFile>,
  pictures: ReadonlyMap<string, DataFile>,
  diagnostics: Diagnostic[],
): PictureData | undefined {
  const name = plan.data.emblem!;
  const file = pictures.get(name);
  const picture = file ? pictureOf(file.bytes) : undefined;
  if (!picture)
    diagnostics.push(
      plan.source.diagnostic(
        'error',
        ['emblem'],
        'emblem',
        file
          ? `「${name}」は PNG や JPEG の画像として読めません。画像のソフトで PNG か JPEG に保存し直してください`
          : `画像「${name}」が plan.yaml と同じフォルダにありません（置けるのは PNG と JPEG: ${[...pictures.keys()].join('、') || 'いまは1つもありません'}）`,
      ),
    );
  return picture;
}

function parseDataFile(
  file: DataFile & { readonly kind: FileKind },
  options: ValidateOptions,
): { parsed?: Parsed<unknown>; diagnostics: Diagnostic[] } {
  const key = options.memo && fileKey(file, options.glyphs);
  const known = key === undefined ? undefined : options.memo!.get(key);
  if (known) {
    const text = () => decodeDataFile(file.file, file.bytes).text!;
    return {
      parsed: { source: new ReparsedSource(file.file, known.value, text), data: known.data },
      diagnostics: [...known.diagnostics],
    };
  }
  const found = readDataFile(file, options);
  if (found.parsed && key !== undefined)
    options.memo!.set(key, {
      value: found.parsed.source.value,
      data: found.parsed.data,
      diagnostics: found.diagnostics,
    });
  return found;
}

function readDataFile(
  file: DataFile & { readonly kind: FileKind },
  options: ValidateOptions,
): { parsed?: Parsed<unknown>; diagnostics: Diagnostic[] } {
  const decoded = decodeDataFile(file.file, file.bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  // What reading found (the slips of yaml-slips.ts, reported with what the schema finds next).
  const { source, diagnostics: read } = YamlSource.parse(file.file, decoded.text);
  if (!source) return { diagnostics: read };
  if (source.value === undefined || source.value === null) {
    return {
      diagnostics: [
        { severity: 'error', file: file.file, line: 1, col: 1, rule: 'empty-file', message: 'ファイルが空です' },
      ],
    };
  }
  const schema: z.ZodType = FILE_SCHEMAS[file.kind];
  const result = schema.safeParse(source.value, { reportInput: true });
  if (!result.success) {
    const keysAt = (path: readonly (string | number)[]) => allowedKeysAt(schema, path);
    return {
      diagnostics: [...read, ...result.error.issues.flatMap((issue) => issueToDiagnostics(source, issue, keysAt))],
    };
  }
  return { parsed: { source, data: result.data }, diagnostics: [...read, ...checkCharacters(source, options.glyphs)] };
}

function assemblePlan(plan: PlanFile, departments: DepartmentsFile, measures: readonly Parsed<MeasureFile>[]): Plan {
  // Order: 基本方針 and 基本施策 as listed in plan.yaml, then 施策 number.
  const rank = new Map<string, number>();
  plan.policies.forEach((p) => p.basicMeasures.forEach((b) => rank.set(`${p.number}-${b.number}`, rank.size)));
  const ordered: Measure[] = measures
    .map(({ source, data }) => measureModel(data, source.file))
    .sort(
      (a, b) =>
        (rank.get(`${a.policy}-${a.basicMeasure}`) ?? 0) - (rank.get(`${b.policy}-${b.basicMeasure}`) ?? 0) ||
        a.number - b.number,
    );
  // A 再掲 takes its 担当課, 区分 and コード from the 事業 it repeats, where it does not say its own.
  const originals = new Map(ordered.flatMap((m) => m.projects.map((p) => [p.id, p] as const)));
  const resolved = ordered.map((m) =>
    m.projects.some((p) => p.repeatOf !== undefined)
      ? {
          ...m,
          projects: m.projects.map((p) => {
            const original = p.repeatOf === undefined ? undefined : originals.get(p.repeatOf);
            if (!original) return p;
            return {
              ...p,
              ...(p.department === undefined && original.department !== undefined
                ? { department: original.department }
                : {}),
              ...(p.status === undefined && original.status !== undefined ? { status: original.status } : {}),
              ...(p.code === undefined && original.code !== undefined ? { code: original.code } : {}),
            };
          }),
        }
      : m,
  );
  return {
    municipality: plan.municipality,
    title: plan.title,
    period: plan.period,
    ...(plan.adopted !== undefined ? { adopted: plan.adopted } : {}),
    ...(plan.revised !== undefined ? { revised: plan.revised } : {}),
    ...(plan.print !== undefined
      ? {
          print: {
            ...(plan.print.bindingMargin !== undefined ? { bindingMargin: plan.print.bindingMargin } : {}),
            ...(plan.print.duplex !== undefined ? { duplex: plan.print.duplex } : {}),
          },
        }
      : {}),
    labels: { ...DEFAULT_LABELS, ...plan.labels },
    statuses: plan.statuses ?? DEFAULT_STATUSES,
    tags: plan.tags ?? [],
    fundingSources: plan.fundingSources ?? [],
    policies: plan.policies,
    departments: departments.departments,
    measures: resolved,
  };
}
