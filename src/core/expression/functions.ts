/**
 * The allowlist: the only names a user's expression can reach. Every lookup goes
 * through a Map, never through a property of an object keyed by user text, so
 * `constructor`, `__proto__` or `toString` are simply unknown names.
 */

export type FunctionName =
  | 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan' | 'atan2'
  | 'sinh' | 'cosh' | 'tanh' | 'exp' | 'log' | 'ln' | 'log10' | 'log2'
  | 'sqrt' | 'cbrt' | 'abs' | 'sign' | 'floor' | 'ceil'
  | 'min' | 'max' | 'hypot';

/** How many arguments a function takes; `maxArgs` Infinity means "one or more". */
export interface FunctionSpec {
  readonly name: FunctionName;
  readonly minArgs: number;
  readonly maxArgs: number;
}

const specs: readonly FunctionSpec[] = [
  ...(['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'ln', 'log10', 'log2',
    'sqrt', 'cbrt', 'abs', 'sign', 'floor', 'ceil'] as const).map((name) => ({ name, minArgs: 1, maxArgs: 1 })),
  { name: 'atan2', minArgs: 2, maxArgs: 2 },
  { name: 'min', minArgs: 1, maxArgs: Infinity },
  { name: 'max', minArgs: 1, maxArgs: Infinity },
  { name: 'hypot', minArgs: 1, maxArgs: Infinity },
];

/** Functions by name. `pow(a, b)` is handled by the parser (it becomes a ^ b). */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((spec) => [spec.name, spec]));

/** Every callable name, for "allowed: …" messages. */
export const FUNCTION_NAMES: readonly string[] = [...specs.map((spec) => spec.name), 'pow'].sort();

/** The constants a user can write. */
export const CONSTANTS: ReadonlyMap<string, { readonly name: 'pi' | 'e'; readonly value: number }> = new Map([
  ['pi', { name: 'pi', value: Math.PI }],
  ['e', { name: 'e', value: Math.E }],
]);
