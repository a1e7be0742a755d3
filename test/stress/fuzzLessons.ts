/**
 * Fuzzed lessons, from a seeded PRNG so a failure can be replayed. Each case is
 * a valid lesson broken on purpose, and says what parseLesson must do with it:
 *  - every path in `broken` must be named by a reported problem (at that path,
 *    above it, or below it);
 *  - the result is a valid lesson, or — only when `mayFail` — a clear failure;
 *  - nothing the input carries ever runs (`executed()` stays false).
 *
 * Mutations: wrong types, "NaN"/"Infinity" as strings and as numbers, huge
 * strings, prototype names as values and as keys (`__proto__`, `constructor`),
 * unknown fields, missing required fields, containers swapped for other kinds,
 * deep nesting, getters, functions and objects with toString/valueOf/toJSON.
 * Cases with `json` set are plain JSON and can also travel in a lesson link
 * (the stress suite can send them through the app).
 */
import { createRandom } from '../../src/core/random.ts';
import type { Lesson } from '../../src/state/lessons/schema.ts';
import type { JsonPath } from '../state/lessons/editJson.ts';

export interface FuzzLessonCase {
  readonly seed: number;
  /** The mutations applied, in words, for a failure message. */
  readonly kinds: readonly string[];
  readonly input: unknown;
  /** Paths broken on purpose: each must be covered by a reported problem. */
  readonly broken: readonly JsonPath[];
  /** True when a broken path is essential (the id, all runs, all stages): a failure is then an acceptable answer. */
  readonly mayFail: boolean;
  /** The input as JSON text, when it is plain JSON (no getters, functions or non-finite numbers); else null. */
  readonly json: string | null;
  /** True if any code the input carries has run. */
  executed(): boolean;
}

type Random = () => number;
type Node = Record<string | number, unknown>;

const HUGE = 'x'.repeat(100_000);
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Values no field of each kind accepts. */
const BAD: Readonly<Record<FieldKind, readonly unknown[]>> = {
  number: ['NaN', 'Infinity', '-Infinity', '1e999', '12', null, true, {}, [], HUGE, 'constructor', NaN, Infinity, -Infinity],
  text: [42, null, true, {}, [], '', '   ', HUGE, NaN, ['text']],
  choice: [...PROTOTYPE_NAMES, '', 42, null, HUGE, ['sgd'], { a: 1 }, 'SGD '],
  boolean: ['true', 1, 0, null, 'yes', {}, HUGE],
  id: ['Not An Id', '', '__proto__', 'constructor ', 42, null, HUGE, 'a--b', '-a', 'ünï'],
  version: [2, '1', null, 'constructor', 0, NaN],
};

type FieldKind = 'number' | 'text' | 'choice' | 'boolean' | 'id' | 'version';

const TEXT_KEYS = new Set(['title', 'text', 'prompt', 'explanation', 'label', 'unit']);
const CHOICE_KEYS = new Set(['surface', 'optimizer', 'kind', 'show', 'type', 'x', 'axis']);
const TEXT_LISTS = new Set(['options']);
const CHOICE_LISTS = new Set(['controls', 'splitWith']);

/** What kind of field a leaf is, from its key (or its list's key). */
function kindOf(path: JsonPath): FieldKind {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof key === 'number') return TEXT_LISTS.has(String(parent)) ? 'text' : CHOICE_LISTS.has(String(parent)) ? 'choice' : 'number';
  if (key === 'id' && path.length === 1) return 'id';
  if (key === 'version') return 'version';
  if (key === 'centered') return 'boolean';
  if (TEXT_KEYS.has(key)) return 'text';
  if (CHOICE_KEYS.has(key)) return 'choice';
  return 'number';
}

/** Every path in a JSON value, containers and leaves, the root excluded. */
function paths(value: unknown, prefix: JsonPath = []): { path: JsonPath; container: boolean }[] {
  if (typeof value !== 'object' || value === null) return [];
  const out: { path: JsonPath; container: boolean }[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const path = [...prefix, key];
    const container = typeof item === 'object' && item !== null;
    out.push({ path, container });
    out.push(...paths(item, path));
  }
  return out;
}

/** Fields a lesson must have, by where they sit (missing is a problem). */
function isRequired(path: JsonPath, lesson: unknown): boolean {
  const key = path[path.length - 1];
  const shape = path.map((part) => (typeof part === 'number' ? '#' : part)).join('.');
  if (path.length === 1) return ['id', 'title', 'minutes', 'setup', 'stages'].includes(String(key));
  if (shape.match(/^setup\.[a-zA-Z]+$/)) return ['surface', 'start', 'steps', 'runs'].includes(String(key));
  if (shape.match(/^setup\.runs\.#\.[a-zA-Z]+$/)) return ['optimizer', 'lr'].includes(String(key));
  if (shape.match(/^setup\.runs\.#\.schedule\.[a-zA-Z]+$/)) return true;
  if (shape.match(/^stages\.#\.[a-zA-Z]+$/)) return key === 'text';
  if (shape.match(/^stages\.#\.question\.[a-zA-Z]+$/)) return key !== 'unit';
  if (shape.match(/^stages\.#\.reveal\.#\.[a-zA-Z]+$/)) {
    const reveal = valueAt(lesson, path.slice(0, -1)) as { show?: string };
    return key === 'show' || (key === 'run' && reveal.show !== 'paths');
  }
  return false;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const part of path) node = (node as Node)[part];
  return node;
}

/** Sets (or, with a descriptor, defines) the value at `path` inside `root`, which must exist up to its parent. */
function place(root: unknown, path: JsonPath, value: unknown, descriptor?: PropertyDescriptor): void {
  const parent = valueAt(root, path.slice(0, -1)) as Node;
  const key = path[path.length - 1];
  if (value === DELETE_FIELD) {
    delete parent[key];
    return;
  }
  // defineProperty, not assignment: "__proto__" must become an own key, as JSON.parse makes it.
  Object.defineProperty(parent, key, descriptor ?? { value, enumerable: true, writable: true, configurable: true });
}

const DELETE_FIELD = Symbol('delete');

/** True when the broken paths may leave no usable lesson: the id, or every run, or every stage's text. */
function mayLeaveNothing(lesson: Lesson, broken: readonly JsonPath[]): boolean {
  const hit = (part: JsonPath) => broken.some((path) => isPrefix(path, part));
  return hit(['id']) || lesson.setup.runs.every((_, i) => hit(['setup', 'runs', i])) || lesson.stages.every((_, i) => hit(['stages', i, 'text']));
}

const isPrefix = (prefix: JsonPath, path: JsonPath) => prefix.length <= path.length && prefix.every((part, i) => part === path[i]);

function deepValue(random: Random): unknown {
  const depth = 13 + Math.floor(random() * 3000);
  let value: unknown = random() < 0.5 ? 'bottom' : { text: 'bottom' };
  for (let i = 0; i < depth; i++) value = random() < 0.5 ? [value] : { text: value };
  return value;
}

/**
 * `count` fuzzed lessons from `seed`, each built from one of `bases` (valid
 * lessons) with one to three mutations at unrelated paths.
 */
export function fuzzLessonCases(bases: readonly Lesson[], count: number, seed: number): FuzzLessonCase[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const cases: FuzzLessonCase[] = [];
  for (let n = 0; n < count; n++) {
    const caseSeed = seed * 100_003 + n;
    const base = pick(bases);
    const input = JSON.parse(JSON.stringify(base)) as Node;
    const all = paths(base);
    const broken: JsonPath[] = [];
    const kinds: string[] = [];
    let executed = false;
    let jsonSafe = true;
    const mark = () => {
      executed = true;
    };
    const howMany = 1 + Math.floor(random() * 3);
    for (let tries = 0; broken.length < howMany && tries < 50; tries++) {
      const roll = random();
      const target = pick(all);
      // Mutations never touch the same part of the lesson twice, or an earlier one could hide a later one.
      if (broken.some((other) => isPrefix(other, target.path) || isPrefix(target.path, other))) continue;
      if (roll < 0.4 && !target.container) {
        const value = pick(BAD[kindOf(target.path)]);
        if (typeof value === 'number' && !Number.isFinite(value)) jsonSafe = false;
        place(input, target.path, value);
        kinds.push(`bad ${kindOf(target.path)} at ${target.path.join('.')}`);
        broken.push(target.path);
      } else if (roll < 0.55 && isRequired(target.path, base)) {
        place(input, target.path, DELETE_FIELD);
        kinds.push(`missing ${target.path.join('.')}`);
        broken.push(target.path);
      } else if (roll < 0.7) {
        // An unknown field on an object of the lesson (the root included).
        const objects = [{ path: [] as JsonPath, container: true }, ...all].filter((entry) => entry.container && !Array.isArray(valueAt(base, entry.path)));
        const owner = pick(objects).path;
        const key = pick([...PROTOTYPE_NAMES, 'colour', '', 'k'.repeat(500)]);
        const path = [...owner, key];
        if (broken.some((other) => isPrefix(other, path) || isPrefix(path, other))) continue;
        place(input, path, pick([1, 'polluted', { polluted: true }, [1, 2], null]));
        kinds.push(`unknown field ${JSON.stringify(key.slice(0, 20))} at ${owner.join('.') || 'the root'}`);
        broken.push(path);
      } else if (roll < 0.78) {
        place(input, target.path, deepValue(random));
        kinds.push(`deep nesting at ${target.path.join('.')}`);
        broken.push(target.path);
      } else if (roll < 0.86 && target.container) {
        const original = valueAt(base, target.path);
        place(input, target.path, Array.isArray(original) ? { ...original } : pick([[original], 'object', 7]));
        kinds.push(`container swapped at ${target.path.join('.')}`);
        broken.push(target.path);
      } else {
        // Code in the input: it must never run.
        jsonSafe = false;
        const original = valueAt(base, target.path);
        const style = pick(['getter', 'function', 'coercible', 'class']);
        if (style === 'getter') place(input, target.path, undefined, { enumerable: true, configurable: true, get: () => (mark(), original) });
        else if (style === 'function') place(input, target.path, () => (mark(), original));
        else if (style === 'coercible') place(input, target.path, { toString: () => (mark(), String(original)), valueOf: () => (mark(), original), toJSON: () => (mark(), original) });
        else {
          const Hidden = class {
            get value() {
              mark();
              return original;
            }
          };
          place(input, target.path, new Hidden());
        }
        kinds.push(`${style} at ${target.path.join('.')}`);
        broken.push(target.path);
      }
    }
    const mayFail = mayLeaveNothing(base, broken);
    let json: string | null = null;
    if (jsonSafe) {
      try {
        json = JSON.stringify(input);
      } catch {
        json = null; // nesting too deep for JSON.stringify's recursion
      }
    }
    cases.push({ seed: caseSeed, kinds, input, broken, mayFail, json, executed: () => executed });
  }
  return cases;
}
