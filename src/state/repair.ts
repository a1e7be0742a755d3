/**
 * Untrusted input made into a valid Setup, field by field. Decoding a link or a
 * stored session never throws and never trusts the text: the input is parsed
 * against the schema (setup.ts) and each issue valibot reports is fixed where
 * its path points. A finite number past a bound is clamped to it (a fraction
 * where a whole number belongs is rounded); anything else takes the default's
 * value at that place (a run's own optimizer defaults for run fields), so one
 * typo does not discard a whole setup. Enums are matched against their own lists
 * (never with `in`, which sees inherited keys). Every fix is reported by path.
 */
import * as v from 'valibot';
import { HYPER_PARAMETER_KEYS, isOptimizerId, MAX_PANES, MAX_RUNS, SCHEDULES, scheduleDefaults, SURFACE_IDS } from '../core/index.ts';
import type { ScheduleType } from '../core/types.ts';
import { defaultRun, defaultSetup } from './defaults.ts';
import type { FieldProblem } from './problems.ts';
import { SetupSchema, type CustomSurface, type Parsed, type Setup } from './setup.ts';

type Path = readonly (string | number)[];

/** Rounds of fixes before giving up on a value (each round fixes every issue found; two are enough in practice). */
const MAX_ROUNDS = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, own keys only; undefined when the path leaves the value. */
function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path` (copying only the containers on the way; never a setter such as __proto__'s). */
function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : isRecord(root) ? { ...root } : {}) as Record<string | number, unknown>;
  Object.defineProperty(copy, key, { value: withValueAt(copy[key], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Where an issue points, as plain keys. A schedule with an unknown `type` points
 * at its type: the default's type (its run's schedule, constant) goes there, and
 * the parameters of the unknown type are dropped as keys the schema does not know.
 */
function issuePath(issue: v.BaseIssue<unknown>): Path {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/** A finite number fixed by the bounds its issues name, or undefined when these issues are not about bounds. */
function clampedNumber(value: unknown, issues: readonly v.BaseIssue<unknown>[]): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  let fixed = value;
  if (issues.some((issue) => issue.type === 'integer')) fixed = Math.round(fixed);
  for (const issue of issues) {
    if (issue.type === 'min_value' && typeof issue.requirement === 'number') fixed = Math.max(fixed, issue.requirement);
    else if (issue.type === 'max_value' && typeof issue.requirement === 'number') fixed = Math.min(fixed, issue.requirement);
    else if (issue.type !== 'integer') return undefined;
  }
  return fixed;
}

/**
 * `input` made to pass `schema`, with every fix recorded in `problems` (paths
 * below `at`). Issues a clamp cannot fix take `fallback`'s value at the same
 * place, or at the nearest enclosing place `fallback` has (a point inside a
 * custom surface that falls back to null replaces the whole custom surface).
 * `fallback` must pass `schema`. Returns the parsed output: objects lose keys
 * the schema does not know.
 */
export function conform<S extends v.GenericSchema>(schema: S, input: unknown, fallback: NoInfer<Parsed<S>>, problems: FieldProblem[] = [], at: Path = []): Parsed<S> {
  let value = input;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output as Parsed<S>;
    const byPath = new Map<string, { path: Path; issues: v.BaseIssue<unknown>[] }>();
    for (const issue of result.issues) {
      const path = issuePath(issue);
      const key = JSON.stringify(path);
      const entry = byPath.get(key) ?? { path, issues: [] };
      entry.issues.push(issue);
      byPath.set(key, entry);
    }
    // Outer paths first: a replaced container makes the fixes inside it moot.
    const fixed: Path[] = [];
    for (const { path, issues } of [...byPath.values()].sort((a, b) => a.path.length - b.path.length)) {
      if (fixed.some((done) => done.every((key, i) => path[i] === key))) continue;
      const clamped = clampedNumber(valueAt(value, path), issues);
      if (clamped !== undefined) {
        value = withValueAt(value, path, clamped);
        problems.push({ path: [...at, ...path], fix: 'clamped' });
        fixed.push(path);
        continue;
      }
      let place = path;
      while (place.length > 0 && valueAt(fallback, place) === undefined) place = place.slice(0, -1);
      value = withValueAt(value, place, valueAt(fallback, place));
      problems.push({ path: [...at, ...place], fix: 'replaced' });
      fixed.push(place);
    }
  }
  problems.push({ path: [...at], fix: 'replaced' });
  return fallback;
}

/**
 * The defaults shaped like `input`: as many panes and runs as it has (when that
 * many are allowed), each run with its own optimizer's defaults and its own
 * schedule type's parameters, so a bad field falls back to what fits beside it.
 */
function fallbackFor(input: Record<string, unknown>): Setup {
  const base = defaultSetup();
  const panes = input.panes;
  const runs = input.runs;
  return {
    ...base,
    panes: Array.isArray(panes) && panes.length >= 1 && panes.length <= MAX_PANES ? panes.map((_, i) => base.panes[Math.min(i, base.panes.length - 1)]) : base.panes,
    runs: Array.isArray(runs)
      ? runs.map((item, index) => {
          const optimizer = valueAt(item, ['optimizer']);
          const run = defaultRun(isOptimizerId(optimizer) ? optimizer : 'sgd', index);
          const type = valueAt(item, ['schedule', 'type']);
          return typeof type === 'string' && Object.hasOwn(SCHEDULES, type) ? { ...run, schedule: scheduleDefaults(type as ScheduleType) } : run;
        })
      : base.runs,
  };
}

/**
 * Runs with their absent hyper-parameters taken from `fallback`'s runs, without a
 * word: a link made before a hyper-parameter existed cannot carry it, and opens
 * as it did. A value that is present but bad is still repaired and reported.
 */
function withAbsentHyperParameters(input: Record<string, unknown>, fallback: Setup): Record<string, unknown> {
  if (!Array.isArray(input.runs)) return input;
  const runs = input.runs.map((run: unknown, index) => {
    if (!isRecord(run)) return run;
    const absent = HYPER_PARAMETER_KEYS.filter((key) => !Object.hasOwn(run, key));
    return absent.length === 0 ? run : { ...Object.fromEntries(absent.map((key) => [key, fallback.runs[index][key]])), ...run };
  });
  return withValueAt(input, ['runs'], runs) as Record<string, unknown>;
}

/** True when a pane may show `surface`: a built-in surface, or 'custom' when the setup has one. */
export function isKnownSurface(surface: string, custom: CustomSurface | null): boolean {
  return SURFACE_IDS.includes(surface) || (surface === 'custom' && custom !== null);
}

/** Rules across fields: known pane surfaces, unique run ids, runs in existing panes, batch ≤ N. */
function applyCrossFieldRules(setup: Setup, problems: FieldProblem[]): Setup {
  const defaultSurface = defaultSetup().panes[0].surface;
  const panes = setup.panes.map((pane, index) => {
    if (isKnownSurface(pane.surface, setup.custom)) return pane;
    problems.push({ path: ['panes', index, 'surface'], fix: 'replaced' });
    return { surface: defaultSurface };
  });
  const usedIds = new Set<string>();
  let nextId = 1;
  const runs = setup.runs.map((run, index) => {
    let patched = run;
    if (usedIds.has(run.id)) {
      while (usedIds.has(`r${nextId}`) || setup.runs.some((other) => other.id === `r${nextId}`)) nextId++;
      patched = { ...patched, id: `r${nextId}` };
      problems.push({ path: ['runs', index, 'id'], fix: 'replaced' });
    }
    usedIds.add(patched.id);
    if (patched.pane >= panes.length) {
      problems.push({ path: ['runs', index, 'pane'], fix: 'replaced' });
      patched = { ...patched, pane: 0 };
    }
    if (patched.batchSize > setup.datasetSize) {
      problems.push({ path: ['runs', index, 'batchSize'], fix: 'clamped' });
      patched = { ...patched, batchSize: setup.datasetSize };
    }
    return patched;
  });
  return { ...setup, panes, runs };
}

/** The outcome of reading untrusted input as a setup. */
export interface ValidatedSetup {
  readonly setup: Setup;
  readonly problems: readonly FieldProblem[];
}

/**
 * Turn anything (parsed JSON from a link or from storage) into a valid Setup,
 * field by field. Never throws.
 */
export function validateSetup(input: unknown): ValidatedSetup {
  const whole = (): ValidatedSetup => ({ setup: defaultSetup(), problems: [{ path: [], fix: 'replaced' }] });
  try {
    if (!isRecord(input)) return whole();
    const problems: FieldProblem[] = [];
    let trimmed = input;
    if (Array.isArray(input.runs) && input.runs.length > MAX_RUNS) {
      problems.push({ path: ['runs'], fix: 'clamped' });
      trimmed = withValueAt(input, ['runs'], input.runs.slice(0, MAX_RUNS)) as Record<string, unknown>;
    }
    const fallback = fallbackFor(trimmed);
    const conformed = conform(SetupSchema, withAbsentHyperParameters(trimmed, fallback), fallback, problems);
    const setup = applyCrossFieldRules(conformed, problems);
    return v.is(SetupSchema, setup) ? { setup, problems } : whole();
  } catch {
    // A bug in the rules above must not break the page: start from the defaults.
    return whole();
  }
}

/** True when `setup` passes the schema and the cross-field rules unchanged. */
export function isValidSetup(setup: unknown): setup is Setup {
  if (!v.is(SetupSchema, setup)) return false;
  const problems: FieldProblem[] = [];
  applyCrossFieldRules(setup as Setup, problems);
  return problems.length === 0;
}
