/**
 * Breaking a lesson on purpose, by path: a deep copy of JSON with values set,
 * added or deleted at given paths. Used by the format tests and the lesson fuzzer
 * (test/stress/fuzzLessons.ts).
 */

export type JsonPath = readonly (string | number)[];

/** Marks a key or item to delete. */
export const DELETE = Symbol('delete');

/** A deep copy of `value` (plain JSON) with each edit applied in order; a path through something that is not an object is created as one. */
export function edited(value: unknown, ...edits: readonly (readonly [JsonPath, unknown])[]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  let root = copy;
  for (const [path, next] of edits) root = setAt(root, path, next);
  return root;
}

function setAt(target: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> =
    typeof target === 'object' && target !== null ? (target as Record<string | number, unknown>) : typeof head === 'number' ? ([] as unknown as Record<number, unknown>) : {};
  const child = Object.hasOwn(container, head) ? container[head] : undefined;
  const updated = setAt(child, rest, value);
  if (updated === DELETE) {
    if (Array.isArray(container) && typeof head === 'number') container.splice(head, 1);
    else delete container[head];
  } else {
    // defineProperty, not assignment: a key such as "__proto__" must become an own key, as JSON.parse makes it.
    Object.defineProperty(container, head, { value: updated, enumerable: true, writable: true, configurable: true });
  }
  return container;
}
