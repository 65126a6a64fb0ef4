/**
 * Mutations of a valid JSON document: delete or rename a key (in one record, or in every
 * record at once, as a renamed API field would), change a value's type (number → string,
 * object → array, null, ...), put nested garbage in, empty the document, truncate the text.
 */
import { strToU8 } from 'fflate';
import { fc } from './setup.ts';
import { nastyJson, nastyName, sometimes } from './values.ts';

type Json = unknown;
type Container = Record<string, Json> | Json[];

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, even one named __proto__ (plain assignment would change the prototype). */
function put(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Slot {
  parent: Container;
  key: string | number;
}

/** Every (container, key) of the document, depth first, in a stable order. */
function slots(doc: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i }); walk(x); });
    else if (isObject(v)) for (const k of Object.keys(v)) { out.push({ parent: v, key: k }); walk(v[k]); }
  };
  walk(doc);
  return out;
}

function objectKeys(doc: Json): string[] {
  const keys = new Set<string>();
  for (const s of slots(doc)) if (typeof s.key === 'string') keys.add(s.key);
  return [...keys];
}

function eachObject(doc: Json, fn: (o: Record<string, Json>) => void): void {
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      fn(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(doc);
}

/** Rebuilds an object with one key renamed, in place and keeping key order. */
function renameIn(obj: Record<string, Json>, from: string, to: string): void {
  if (!Object.hasOwn(obj, from) || from === to) return;
  const entries = Object.entries(obj);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) if (k !== to || k === from) put(obj, k === from ? to : k, v);
}

export type Retype = 'string' | 'number' | 'null' | 'array' | 'object' | 'boolean';

export type JsonOp =
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; name: string }
  | { op: 'deleteEverywhere'; key: number }
  | { op: 'renameEverywhere'; key: number; name: string }
  | { op: 'retype'; at: number; to: Retype }
  | { op: 'set'; at: number; value: Json }
  | { op: 'setEverywhere'; key: number; value: Json }
  | { op: 'emptyContainer'; at: number }
  | { op: 'root'; value: Json };

export interface JsonMutation {
  ops: JsonOp[];
  truncateAt: number | null;
  /** Writes the document pretty-printed (the position of a cut then falls elsewhere). */
  pretty: boolean;
}

const idx = fc.nat({ max: 100_000 });

export const jsonOp: fc.Arbitrary<JsonOp> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), at: idx, name: nastyName }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteEverywhere' as const), key: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('renameEverywhere' as const), key: idx, name: nastyName }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('retype' as const), at: idx, to: fc.constantFrom<Retype>('string', 'number', 'null', 'array', 'object', 'boolean') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), at: idx, value: nastyJson }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setEverywhere' as const), key: idx, value: nastyJson }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('emptyContainer' as const), at: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('root' as const), value: fc.constantFrom<Json>({}, [], null, 0, '', [{}], { data: [] }, { models: [] }, { data: {} }) }) },
);

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.record({
  ops: fc.array(jsonOp, { minLength: 1, maxLength: 4 }),
  truncateAt: sometimes(fc.double({ min: 0, max: 1, noNaN: true }), 6),
  pretty: fc.boolean(),
});

function retyped(v: Json, to: Retype): Json {
  switch (to) {
    case 'string': return typeof v === 'string' ? `${v} (text)` : JSON.stringify(v) ?? 'undefined';
    case 'number': return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : typeof v === 'number' ? -v : 1;
    case 'null': return null;
    case 'array': return isObject(v) ? Object.values(v) : [v];
    case 'object': return Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [String(i), x])) : { value: v };
    case 'boolean': return !v;
  }
}

function setSlot(s: Slot, value: Json): void {
  if (Array.isArray(s.parent)) s.parent[s.key as number] = value;
  else put(s.parent, s.key as string, value);
}

function getSlot(s: Slot): Json {
  return Array.isArray(s.parent) ? s.parent[s.key as number] : s.parent[s.key as string];
}

export function applyJsonOps(input: Json, ops: readonly JsonOp[]): Json {
  let doc = structuredClone(input);
  for (const o of ops) {
    if (o.op === 'root') {
      doc = structuredClone(o.value);
      continue;
    }
    if (o.op === 'deleteEverywhere' || o.op === 'renameEverywhere' || o.op === 'setEverywhere') {
      const keys = objectKeys(doc);
      const key = keys[o.key % Math.max(1, keys.length)];
      if (key === undefined) continue;
      eachObject(doc, (obj) => {
        if (!Object.hasOwn(obj, key)) return;
        if (o.op === 'deleteEverywhere') delete obj[key];
        else if (o.op === 'renameEverywhere') renameIn(obj, key, o.name);
        else put(obj, key, structuredClone(o.value));
      });
      continue;
    }
    const all = slots(doc);
    const s = all[o.at % Math.max(1, all.length)];
    if (!s) continue;
    switch (o.op) {
      case 'delete':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else delete s.parent[s.key as string];
        break;
      case 'rename':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else renameIn(s.parent, s.key as string, o.name);
        break;
      case 'retype':
        setSlot(s, retyped(getSlot(s), o.to));
        break;
      case 'set':
        setSlot(s, structuredClone(o.value));
        break;
      case 'emptyContainer': {
        const v = getSlot(s);
        setSlot(s, Array.isArray(v) ? [] : isObject(v) ? {} : v);
        break;
      }
    }
  }
  return doc;
}

export function mutateJson(text: string, m: JsonMutation): Uint8Array {
  const doc = applyJsonOps(JSON.parse(text) as Json, m.ops);
  const out = strToU8(JSON.stringify(doc, null, m.pretty ? 2 : undefined) ?? '');
  return m.truncateAt === null ? out : out.slice(0, Math.floor(out.length * m.truncateAt));
}

/** Renames `from` to `to` in every object of the document (a field renamed at the source). */
export function renameKeyEverywhere(text: string, from: string, to: string): string {
  const doc = JSON.parse(text) as Json;
  eachObject(doc, (obj) => renameIn(obj, from, to));
  return JSON.stringify(doc);
}

/** Deletes `key` from every object of the document. */
export function deleteKeyEverywhere(text: string, key: string): string {
  const doc = JSON.parse(text) as Json;
  eachObject(doc, (obj) => { delete obj[key]; });
  return JSON.stringify(doc);
}
