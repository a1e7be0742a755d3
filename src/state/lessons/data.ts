/**
 * Untrusted input made inert. A lesson arrives as anything: parsed JSON from a
 * file or a link, or an object some script built. Before a single field is
 * checked it is copied into plain data — strings, finite or non-finite
 * numbers, booleans, null, arrays and null-prototype records — reading only
 * own data properties, so no getter, toString, valueOf or toJSON of the input
 * ever runs, a key such as "__proto__" stays an ordinary key, and nothing deeper
 * or larger than the limits below is kept (too deep is reported, not followed).
 */

export type Data = null | boolean | number | string | readonly Data[] | DataRecord;
export interface DataRecord {
  readonly [key: string]: Data;
}

/** Nesting deeper than this is cut off (a lesson needs six levels). */
export const MAX_DEPTH = 12;
/** Items of one array or keys of one object kept. */
export const MAX_ITEMS = 256;

/** Where something was cut while copying. */
export interface CopyCut {
  readonly path: readonly (string | number)[];
  readonly reason: 'too-deep' | 'too-many' | 'not-data';
}

export function isRecord(value: Data | undefined): value is DataRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: Data | undefined): value is readonly Data[] {
  return Array.isArray(value);
}

/** The value of an own key of a copied record (records have no prototype, but say so anyway). */
export function field(record: DataRecord, key: string): Data | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stands for a getter or setter, whose code is never called. */
const ACCESSOR = Symbol('accessor');

/** A data property's value without running a getter: undefined for a missing key, ACCESSOR for a getter or setter. */
function ownValue(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor === undefined) return undefined;
  return 'value' in descriptor ? descriptor.value : ACCESSOR;
}

/**
 * Copies `input` into plain data. Values that are not data (functions, symbols,
 * bigints, undefined, accessors) are left out and listed in `cuts`, as are
 * arrays and objects cut short or nested too deep.
 */
export function toData(input: unknown, cuts: CopyCut[], path: (string | number)[] = [], depth = 0): Data | undefined {
  switch (typeof input) {
    case 'string':
    case 'number':
    case 'boolean':
      return input;
    case 'object':
      break;
    default:
      if (input !== undefined) cuts.push({ path, reason: 'not-data' });
      return undefined;
  }
  if (input === null) return null;
  if (depth >= MAX_DEPTH) {
    cuts.push({ path, reason: 'too-deep' });
    return undefined;
  }
  if (Array.isArray(input)) {
    const length = ownValue(input, 'length');
    const count = typeof length === 'number' ? Math.min(length, MAX_ITEMS) : 0;
    if (typeof length === 'number' && length > MAX_ITEMS) cuts.push({ path, reason: 'too-many' });
    const items: Data[] = [];
    for (let i = 0; i < count; i++) {
      const value = ownValue(input, String(i));
      if (value === ACCESSOR) cuts.push({ path: [...path, i], reason: 'not-data' });
      const item = value === ACCESSOR ? undefined : toData(value, cuts, [...path, i], depth + 1);
      // An array keeps its positions: a hole or a non-data item becomes null (and was listed in cuts).
      items.push(item === undefined ? null : item);
    }
    return items;
  }
  const record: Record<string, Data> = Object.create(null) as Record<string, Data>;
  const keys = Object.keys(input);
  if (keys.length > MAX_ITEMS) cuts.push({ path, reason: 'too-many' });
  for (const key of keys.slice(0, MAX_ITEMS)) {
    const own = ownValue(input, key);
    if (own === ACCESSOR) {
      cuts.push({ path: [...path, key], reason: 'not-data' });
      continue;
    }
    const value = toData(own, cuts, [...path, key], depth + 1);
    if (value !== undefined) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}

/** A value as a message shows it: short, and never by calling anything on it. */
export function describeValue(value: Data | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}
