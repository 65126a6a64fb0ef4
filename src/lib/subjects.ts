/**
 * The article's subjects: the models its sentences are about because the video named them
 * (data/reference/article_subjects.csv, reviewed, one row per role with the reason), and the
 * reference machines its memory sentences measure against, found by rule in hardware.csv.
 * Code asks for a role ("the open model the video singled out"), never for an id: a refresh that
 * renames a model changes one reviewed row, and a row whose id is not in models.csv fails the build.
 *
 * The file is not part of the published data package (data/datapackage.json): it says what the
 * article is about, not what the data holds.
 */
import type { TableRow } from '../../lib/tables/index.ts';
import { readTable, tables } from './tables.ts';

export const SUBJECTS_FILE = 'data/reference/article_subjects.csv';

/** Every role the code asks for, with the kind of id it names. */
export const SUBJECT_ROLES = {
  'video-open-pick': 'model',
  'video-size-example': 'model',
  'video-hosting-example': 'model',
  'us-open-datacentre-size': 'model',
  'us-open-consumer-size': 'model',
  'video-deepseek-final': 'model',
  'video-deepseek-at-video': 'model',
} as const;
export type SubjectRole = keyof typeof SUBJECT_ROLES;

const ROLE_NAMES = Object.keys(SUBJECT_ROLES) as [SubjectRole, ...SubjectRole[]];
const isRole = (role: string): role is SubjectRole => Object.hasOwn(SUBJECT_ROLES, role);

/** One row of article_subjects.csv, as its contract (lib/tables/reference-inputs.ts) reads it. */
export type SubjectRow = Omit<TableRow<'article_subjects'>, 'role'> & { role: SubjectRole };

/**
 * The file's rows, checked: every role present once, of the kind the code expects, naming an id
 * that models.csv (or hardware.csv) holds. Any failure names the file, the row and the role.
 */
export function readSubjects(models: TableRow<'models'>[] = tables.models(), hardware: TableRow<'hardware'>[] = tables.hardware()): Map<SubjectRole, SubjectRow> {
  // The contract checks each cell (file, row, column named); the roles are the site's to check.
  const rows = readTable('article_subjects');
  const modelIds = new Set(models.map((m) => m.model_id));
  const hardwareIds = new Set(hardware.map((h) => h.hardware_id));
  const out = new Map<SubjectRole, SubjectRow>();
  rows.forEach((cells, i) => {
    const where = `${SUBJECTS_FILE} row ${i + 1}`;
    if (!isRole(cells.role)) throw new Error(`${where} (role "${cells.role}"): role: not a role the code asks for. Roles the code asks for: ${ROLE_NAMES.join(', ')}`);
    const row: SubjectRow = { ...cells, role: cells.role };
    if (out.has(row.role)) throw new Error(`${where}: role "${row.role}" is given twice`);
    if (row.kind !== SUBJECT_ROLES[row.role]) throw new Error(`${where}: role "${row.role}" names a ${SUBJECT_ROLES[row.role]}, not a ${row.kind}`);
    const known = row.kind === 'model' ? modelIds : hardwareIds;
    if (!known.has(row.id)) throw new Error(`${where}: role "${row.role}" names ${row.kind} "${row.id}", which is not in data/${row.kind === 'model' ? 'models.csv' : 'reference/hardware.csv'} (renamed by a refresh? update the row after review)`);
    out.set(row.role, row);
  });
  const missing = ROLE_NAMES.filter((r) => !out.has(r));
  if (missing.length) throw new Error(`${SUBJECTS_FILE}: no row for role${missing.length > 1 ? 's' : ''} ${missing.map((r) => `"${r}"`).join(', ')} (the article's sentences ask for ${missing.length > 1 ? 'them' : 'it'})`);
  return out;
}

let memo: Map<SubjectRole, SubjectRow> | undefined;

/** The model id a role names (read and checked once per build). */
export function subjectId(role: SubjectRole): string {
  memo ??= readSubjects();
  return memo.get(role)!.id;
}

/** The models.csv row a role names. */
export function subjectModel(role: SubjectRole): TableRow<'models'> {
  const id = subjectId(role);
  return tables.models().find((m) => m.model_id === id)!;
}

/**
 * The reference machines of the memory sentences, by rule rather than by id: the smallest and
 * largest of each kind in hardware.csv ("a gaming card holds 16 to 32 GB", "the newest 8-GPU
 * server"). A kind with no machine fails the build, naming the file and the kind.
 */
export function referenceMachines(hardware: TableRow<'hardware'>[] = tables.hardware()) {
  const ofKind = (kind: TableRow<'hardware'>['kind']) => {
    const hs = hardware.filter((h) => h.kind === kind);
    if (!hs.length) throw new Error(`data/reference/hardware.csv has no machine of kind "${kind}": the memory sentences compare against the smallest and largest of each kind`);
    return {
      smallest: hs.reduce((a, b) => (b.memory_gb < a.memory_gb ? b : a)),
      largest: hs.reduce((a, b) => (b.memory_gb > a.memory_gb ? b : a)),
    };
  };
  const consumer = ofKind('consumer-gpu');
  const datacentre = ofKind('datacentre-gpu');
  const server = ofKind('server');
  return {
    smallestConsumerGpu: consumer.smallest, largestConsumerGpu: consumer.largest,
    largestDesktop: ofKind('desktop').largest,
    smallestDatacentreGpu: datacentre.smallest, largestDatacentreGpu: datacentre.largest,
    smallestServer: server.smallest, largestServer: server.largest,
  };
}
