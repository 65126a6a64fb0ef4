/**
 * The article's subjects (data/reference/article_subjects.csv) and the reference machines found
 * by rule in hardware.csv: the sentences follow the reviewed file, and a broken file fails the
 * build naming the file and the role. Runs on copies of the committed data/ in temp folders.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const DATA = join(import.meta.dirname, '../../data');
const SUBJECTS = 'reference/article_subjects.csv';

/** A copy of data/ (without the source versions), with one file's text rewritten. */
function alteredData(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'subjects-'));
  cpSync(DATA, dir, { recursive: true, filter: (src) => !src.includes(join(DATA, 'sources')) });
  writeFileSync(join(dir, file), edit(readFileSync(join(DATA, file), 'utf8')));
  return dir;
}

/** The row of one role replaced (or dropped, with `null`). */
const setRole = (role: string, line: string | null) => (text: string) => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${role},`));
  if (i < 0) throw new Error(`test set-up: no row for ${role} in ${SUBJECTS}`);
  if (line === null) lines.splice(i, 1);
  else lines[i] = line;
  return lines.join('\n');
};

async function claimsFrom(dataDir?: string) {
  vi.resetModules();
  if (dataDir) process.env.REPORT_DATA_DIR = dataDir;
  else delete process.env.REPORT_DATA_DIR;
  const claims = await import('../../src/lib/claims.ts');
  return new Map(claims.buildClaims().map((c) => [c.id, c]));
}

async function subjectsModule(dataDir?: string) {
  vi.resetModules();
  if (dataDir) process.env.REPORT_DATA_DIR = dataDir;
  else delete process.env.REPORT_DATA_DIR;
  return import('../../src/lib/subjects.ts');
}

afterEach(() => {
  delete process.env.REPORT_DATA_DIR;
  vi.resetModules();
});

describe('article_subjects.csv: one zod schema, every role checked against models.csv', () => {
  it('the committed file gives every role the code asks for, each naming a model in models.csv', async () => {
    const s = await subjectsModule();
    const rows = s.readSubjects();
    expect([...rows.keys()].sort()).toEqual(Object.keys(s.SUBJECT_ROLES).sort());
    for (const role of rows.keys()) expect(s.subjectModel(role).model_id, role).toBe(rows.get(role)!.id);
  });

  it('a missing role fails, naming the file and the role', async () => {
    const dir = alteredData(SUBJECTS, setRole('video-open-pick', null));
    const s = await subjectsModule(dir);
    expect(() => s.readSubjects()).toThrow(/article_subjects\.csv: no row for role "video-open-pick"/);
    // The build of the claims fails the same way, not with a sentence about a model that is not there.
    await expect(claimsFrom(dir)).rejects.toThrow(/article_subjects\.csv.*"video-open-pick"/);
  });

  it('an id that models.csv does not hold fails, naming the file, row, role and id', async () => {
    const dir = alteredData(SUBJECTS, setRole('us-open-consumer-size', 'us-open-consumer-size,model,gpt-oss-21b,typo'));
    const s = await subjectsModule(dir);
    expect(() => s.readSubjects()).toThrow(/article_subjects\.csv row \d+: role "us-open-consumer-size" names model "gpt-oss-21b", which is not in data\/models\.csv/);
  });

  it('a misspelt role or a wrong kind fails, naming the file and the role', async () => {
    const typo = alteredData(SUBJECTS, (t) => `${t.trimEnd()}\nvideo-opne-pick,model,kimi-k2,typo\n`);
    await expect((async () => (await subjectsModule(typo)).readSubjects())()).rejects.toThrow(/article_subjects\.csv row \d+ \(role "video-opne-pick"\): role:/);
    const kind = alteredData(SUBJECTS, setRole('video-size-example', 'video-size-example,hardware,consumer-32,wrong kind'));
    await expect((async () => (await subjectsModule(kind)).readSubjects())()).rejects.toThrow(/role "video-size-example" names a model, not a hardware/);
  });
});

describe('the sentences follow the reviewed roles', () => {
  it('changing the video\'s open pick changes the "names changed" sentence', async () => {
    const before = (await claimsFrom()).get('names-changed')!;
    expect(before.text).toContain('Kimi K2 Thinking, the open model it singled out');
    const dir = alteredData(SUBJECTS, setRole('video-open-pick', 'video-open-pick,model,deepseek-v3-2,test'));
    const after = (await claimsFrom(dir)).get('names-changed')!;
    expect(after.text).toContain('DeepSeek V3.2, the open model it singled out');
    expect(after.text).not.toContain('Kimi K2 Thinking');
  }, 60_000);

  it('changing the size example changes the Kimi size sentence', async () => {
    const dir = alteredData(SUBJECTS, setRole('video-size-example', 'video-size-example,model,kimi-k2-thinking,test'));
    const after = (await claimsFrom(dir)).get('kimi-size')!;
    expect(after.text).toMatch(/^Moonshot's Kimi K2 Thinking has /);
  }, 60_000);
});

describe('reference machines by rule: the smallest and largest of each kind in hardware.csv', () => {
  it('on the committed file the rule finds the machines the sentences were written against', async () => {
    const m = (await subjectsModule()).referenceMachines();
    expect(Object.fromEntries(Object.entries(m).map(([k, h]) => [k, h.hardware_id]))).toEqual({
      smallestConsumerGpu: 'consumer-16', largestConsumerGpu: 'consumer-32', largestDesktop: 'desktop-512',
      smallestDatacentreGpu: 'dc-80', largestDatacentreGpu: 'dc-141', smallestServer: 'server-8x80', largestServer: 'server-8x141',
    });
  });

  it('a larger gaming card in hardware.csv moves "fits a graphics card" to it', async () => {
    const dir = alteredData('reference/hardware.csv', (t) => `${t.trimEnd()}\nconsumer-48,Gaming GPU 48 GB,48,consumer-gpu,2027,Test card,https://example.org/,test row\n`);
    const claims = await claimsFrom(dir);
    expect(claims.get('local-best')!.text).toContain('fit a 48 GB graphics card');
    expect(claims.get('memory-consumer')!.text).toContain('holds 16 to 48 GB');
  }, 60_000);

  it('a kind with no machine fails, naming the file and the kind', async () => {
    const s = await subjectsModule();
    const { tables } = await import('../../src/lib/tables.ts');
    const hardware = tables.hardware().filter((h) => h.kind !== 'desktop');
    expect(() => s.referenceMachines(hardware)).toThrow(/hardware\.csv has no machine of kind "desktop"/);
  });
});
