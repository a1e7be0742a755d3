/**
 * Writing a lesson as a teacher reads it: JSON with two-space indents, in the
 * schema's key order, short arrays and objects on one line
 * (`"start": [-2.5, 2]`, `{ "optimizer": "sgd", "lr": 0.95 }`). The same lesson
 * always gives the same text, whatever order its keys were written in, and
 * parseLesson(JSON.parse(text)) gives the lesson back exactly.
 */
import type * as v from 'valibot';
import { CourseSchema, LessonSchema, type Course, type Lesson } from './schema.ts';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Lines up to this many characters keep an array or object on one line. */
const LINE_WIDTH = 100;

function isPlainObject(value: Json): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line, with a space after each comma and colon: `{ "a": 1, "b": [1, 2] }`. */
function inline(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return entries.length ? `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

function format(value: Json, indent: string, used: number): string {
  const flat = inline(value);
  if (used + flat.length <= LINE_WIDTH || (typeof value !== 'object' || value === null)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => `${inner}${format(item, inner, inner.length)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as { [key: string]: Json }).filter(([, item]) => item !== undefined);
  const lines = entries.map(([key, item]) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return head + format(item, inner, head.length);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Readable JSON for any JSON value, ending in a newline. */
export function formatJson(value: unknown): string {
  return `${format(value as Json, '', 0)}\n`;
}

/** The parts of a valibot schema that say how a value is laid out. */
interface SchemaShape {
  readonly type: string;
  readonly entries?: Readonly<Record<string, SchemaShape>>;
  readonly options?: readonly SchemaShape[];
  readonly key?: string;
  readonly item?: SchemaShape;
  readonly wrapped?: SchemaShape;
}

/** `value` with every object's keys in its schema's order (keys the schema does not know are left out). */
function canonical(value: unknown, schema: SchemaShape): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (schema.type === 'optional' && schema.wrapped) return canonical(value, schema.wrapped);
  if (Array.isArray(value)) return schema.item ? value.map((item) => canonical(item, schema.item!)) : value;
  const record = value as Record<string, unknown>;
  let shape = schema;
  if (schema.type === 'variant' && schema.options && schema.key) {
    const tag = record[schema.key];
    shape = schema.options.find((option) => (option.entries?.[schema.key!] as { literal?: unknown } | undefined)?.literal === tag) ?? schema;
  }
  if (!shape.entries) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(shape.entries)) {
    if (Object.hasOwn(record, key) && record[key] !== undefined) out[key] = canonical(record[key], entry);
  }
  return out;
}

const shapeOf = (schema: v.GenericSchema): SchemaShape => schema as unknown as SchemaShape;

/** A lesson as its file holds it. */
export function serializeLesson(lesson: Lesson): string {
  return formatJson(canonical(lesson, shapeOf(LessonSchema)));
}

/** A course as its file holds it. */
export function serializeCourse(course: Course): string {
  return formatJson(canonical(course, shapeOf(CourseSchema)));
}

/** A lesson as one line of JSON, in the same key order, for links. */
export function compactLesson(lesson: Lesson): string {
  return JSON.stringify(canonical(lesson, shapeOf(LessonSchema)));
}
