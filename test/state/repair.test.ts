/**
 * Repairing untrusted setups field by field: each bad field falls back or is
 * clamped on its own and is named; hostile input never throws and always
 * yields a valid setup.
 */
import { describe, expect, it } from 'vitest';
import { HYPER_PARAMETER_KEYS, MAX_STEPS, optimizerDefaults } from '../../src/core/index.ts';
import { createRandom } from '../../src/core/random.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { decodeSetupHash, encodeSetup } from '../../src/state/link.ts';
import { describeField, type FieldProblem } from '../../src/state/problems.ts';
import { conform, isValidSetup, validateSetup } from '../../src/state/repair.ts';
import { PointSchema, RunSchema } from '../../src/state/setup.ts';
import { linkFor, richSetup, validityProblems } from './setupFixtures.ts';

describe('bad fields fall back one by one', () => {
  it('a learning rate that is not a number is replaced by that optimizer’s default and named', () => {
    const setup = defaultSetup();
    const tampered = { ...setup, runs: setup.runs.map((run, i) => (i === 1 ? { ...run, lr: 'NaN' } : run)) };
    const decoded = decodeSetupHash(linkFor(tampered));
    expect(decoded?.setup.runs[1].lr).toBe(setup.runs[1].lr);
    expect(decoded?.setup.runs[0]).toEqual(setup.runs[0]);
    expect(decoded?.notice).toContain('learning rate (run 2)');
  });

  it('out-of-range numbers are clamped and reported as such', () => {
    const tampered = { ...defaultSetup(), steps: 1e12, bowlCondition: -5 };
    const decoded = decodeSetupHash(linkFor(tampered));
    expect(decoded?.setup.steps).toBe(MAX_STEPS);
    expect(decoded?.setup.bowlCondition).toBe(1);
    expect(decoded?.notice).toMatch(/brought into range: .*number of steps/);
    expect(decoded?.notice).toContain('bowl condition number');
  });

  it('an unknown optimizer or inherited name is not accepted as an enum value', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'SGD', 'no-such-optimizer']) {
      const setup = defaultSetup();
      const decoded = decodeSetupHash(linkFor({ ...setup, runs: [{ ...setup.runs[0], optimizer: name }] }));
      expect(decoded?.setup.runs[0].optimizer).toBe('sgd');
      expect(decoded?.notice).toContain('optimizer (run 1)');
    }
  });

  it('an unknown surface falls back to the default surface and is named', () => {
    const decoded = decodeSetupHash(linkFor({ ...defaultSetup(), panes: [{ surface: 'constructor' }] }));
    expect(decoded?.setup.panes[0].surface).toBe(defaultSetup().panes[0].surface);
    expect(decoded?.notice).toContain('surface (pane 1)');
  });

  it('a run whose pane does not exist moves to pane 1; batch sizes above N are clamped', () => {
    const setup = defaultSetup();
    const decoded = decodeSetupHash(linkFor({ ...setup, runs: [{ ...setup.runs[0], pane: 3, batchSize: setup.datasetSize + 10 }] }));
    expect(decoded?.setup.runs[0].pane).toBe(0);
    expect(decoded?.setup.runs[0].batchSize).toBe(setup.datasetSize);
    expect(validityProblems(decoded!.setup)).toEqual([]);
  });

  it('duplicate run ids are renumbered', () => {
    const setup = defaultSetup();
    const decoded = decodeSetupHash(linkFor({ ...setup, runs: [setup.runs[0], setup.runs[0], setup.runs[0]] }));
    expect(new Set(decoded?.setup.runs.map((run) => run.id)).size).toBe(3);
    expect(decoded?.notice).toContain('id (run 2)');
    expect(decoded?.notice).toContain('id (run 3)');
  });

  it('a pane that is not a record is replaced on its own; the other panes are kept', () => {
    const decoded = decodeSetupHash(linkFor({ ...defaultSetup(), panes: [{ surface: 'bowl' }, { surface: 42 }, { surface: 'saddle' }] }));
    expect(decoded?.setup.panes).toEqual([{ surface: 'bowl' }, { surface: defaultSetup().panes[0].surface }, { surface: 'saddle' }]);
    expect(decoded?.notice).toContain('surface (pane 2)');
    expect(decoded?.notice).not.toContain('panes');
  });

  it('a custom expression travels as text even when it does not parse: it is parsed where it is used, never run', () => {
    // The parser loads lazily, so links are not parsed here; the worker and the custom panel report the error in plain words.
    const decoded = decodeSetupHash(linkFor({ ...defaultSetup(), custom: { expression: 'alert(1)', domain: { x: [-1, 1], y: [-1, 1] } }, panes: [{ surface: 'custom' }] }));
    expect(decoded?.setup.custom?.expression).toBe('alert(1)');
    expect(decoded?.setup.panes[0].surface).toBe('custom');
  });

  it('a custom expression longer than the parser accepts is dropped, and panes that showed it fall back', () => {
    const decoded = decodeSetupHash(linkFor({ ...defaultSetup(), custom: { expression: 'x+'.repeat(1500) + 'y', domain: { x: [-1, 1], y: [-1, 1] } }, panes: [{ surface: 'custom' }] }));
    expect(decoded?.setup.custom).toBeNull();
    expect(decoded?.setup.panes[0].surface).toBe(defaultSetup().panes[0].surface);
    expect(decoded?.notice).toContain('custom surface');
  });

  it('a point with a third coordinate, a bad schedule type and five panes are replaced whole; each is named', () => {
    const setup = defaultSetup();
    const tampered = {
      ...setup,
      start: [1, 2, 3],
      panes: Array.from({ length: 5 }, () => ({ surface: 'bowl' })),
      runs: [{ ...setup.runs[0], schedule: { type: 'constructor', gamma: 2 } }],
    };
    const decoded = decodeSetupHash(linkFor(tampered));
    expect(decoded?.setup.start).toEqual(setup.start);
    expect(decoded?.setup.panes).toEqual(setup.panes);
    expect(decoded?.setup.runs[0].schedule).toEqual({ type: 'constant' });
    expect(decoded?.problems).toEqual([
      { path: ['panes'], fix: 'replaced' },
      { path: ['start'], fix: 'replaced' },
      { path: ['runs', 0, 'schedule', 'type'], fix: 'replaced' },
    ]);
    expect(decoded?.notice).toContain('schedule (run 1)');
  });

  it('a schedule that is no object is replaced on its own, not the run around it', () => {
    const setup = defaultSetup();
    for (const schedule of [5, 'step', null, ['constant']]) {
      const decoded = decodeSetupHash(linkFor({ ...setup, runs: [{ ...setup.runs[0], schedule }, setup.runs[1]] }));
      expect(decoded?.setup.runs.slice(0, 2)).toEqual(setup.runs.slice(0, 2));
      expect(decoded?.problems.map((problem) => `${describeField(problem.path)}: ${problem.fix}`), JSON.stringify(schedule)).toEqual(['schedule (run 1): replaced']);
    }
  });

  it('a bad schedule parameter falls back to that schedule type’s default, not to the run’s', () => {
    const setup = defaultSetup();
    const decoded = decodeSetupHash(linkFor({ ...setup, runs: [{ ...setup.runs[0], schedule: { type: 'step', stepSize: 'often', gamma: 0.3 } }] }));
    expect(decoded?.setup.runs[0].schedule).toEqual({ type: 'step', stepSize: 100, gamma: 0.3 });
    expect(decoded?.notice).toContain('schedule step size (run 1)');
  });

  it('more runs than a setup holds are cut to the first sixteen, and the cut is named', () => {
    const setup = defaultSetup();
    const runs = Array.from({ length: 20 }, (_, index) => ({ ...setup.runs[0], id: `r${index + 1}` }));
    const decoded = decodeSetupHash(linkFor({ ...setup, runs }));
    expect(decoded?.setup.runs.map((run) => run.id)).toEqual(runs.slice(0, 16).map((run) => run.id));
    expect(decoded?.problems).toEqual([{ path: ['runs'], fix: 'clamped' }]);
  });

  it('a run without a hyper-parameter (a link made before it existed) takes its optimizer’s default without a notice', () => {
    const setup = defaultSetup();
    const momentumRun = setup.runs.find((run) => run.optimizer === 'momentum')!;
    const { momentum: _momentum, alpha: _alpha, ...older } = momentumRun;
    const decoded = decodeSetupHash(linkFor({ ...setup, runs: [older] }));
    expect(decoded?.setup.runs[0]).toEqual(momentumRun);
    expect(decoded?.setup.runs[0].momentum).toBe(optimizerDefaults('momentum').momentum);
    expect(decoded?.notice).toBeNull();
    // Present but wrong is still reported.
    expect(decodeSetupHash(linkFor({ ...setup, runs: [{ ...older, momentum: null }] }))?.notice).toContain('momentum μ (run 1)');
  });

  it('storage and links share one repair: anything at all becomes a valid setup', () => {
    expect(validateSetup('a string')).toEqual({ setup: defaultSetup(), problems: [{ path: [], fix: 'replaced' }] });
    expect(validateSetup({ ...defaultSetup(), steps: 2.6 })).toEqual({ setup: { ...defaultSetup(), steps: 3 }, problems: [{ path: ['steps'], fix: 'clamped' }] });
  });
});

describe('conform: one value made to pass its schema', () => {
  it('clamps finite numbers to the bounds the schema names and rounds whole ones', () => {
    const problems: FieldProblem[] = [];
    expect(conform(PointSchema, [1e9, -3], [0, 0], problems)).toEqual([1e4, -3]);
    expect(problems).toEqual([{ path: [0], fix: 'clamped' }]);
    const run = defaultSetup().runs[0];
    expect(conform(RunSchema, { ...run, seed: -4.4, batchSize: 7.5 }, run)).toEqual({ ...run, seed: 0, batchSize: 8 });
  });

  it('takes the fallback’s value where a clamp cannot help, and leaves the input untouched', () => {
    const run = defaultSetup().runs[1];
    const input = { ...run, lr: Number.NaN, optimizer: 'toString', color: 'red', extra: 'dropped' };
    const problems: FieldProblem[] = [];
    expect(conform(RunSchema, input, run, problems, ['runs', 1])).toEqual(run);
    expect(problems.map((problem) => problem.path.join('.')).sort()).toEqual(['runs.1.color', 'runs.1.lr', 'runs.1.optimizer']);
    expect(input.extra).toBe('dropped');
    expect(Number.isNaN(input.lr)).toBe(true);
  });

  it('a run’s pane and a setup’s steps are clamped to the app’s limits', () => {
    expect(conform(RunSchema.entries.pane, 99, 0)).toBe(3);
    expect(validateSetup({ ...defaultSetup(), steps: 1e12 }).setup.steps).toBe(MAX_STEPS);
  });
});

const HOSTILE_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  1e-320,
  2 ** 53 + 1,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0.01',
  '',
  '__proto__',
  'constructor',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'x'.repeat(100_000),
  [],
  [1],
  [1, 2, 3],
  ['a', 'b'],
  [Number.MAX_VALUE, -Number.MAX_VALUE],
  {},
  { __proto__: { polluted: true } },
  { type: 'step' },
  { type: 'cosine', tMax: -1, etaMin: 'x' },
  { constructor: { prototype: { polluted: true } } },
  Array.from({ length: 50 }, () => ({})),
];

/** Every path into a setup (as arrays of keys), for targeted mutations. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) out.push(...paths((value as Record<string, unknown>)[key], [...prefix, key]));
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  // An earlier mutation may have put a primitive where this path expects an object.
  if (root === null || typeof root !== 'object') root = {};
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  Object.defineProperty(copy, path[0], { value: setAt((root as Record<string | number, unknown>)[path[0]], path.slice(1), value), enumerable: true, writable: true, configurable: true });
  return copy;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

describe('fuzzing with hostile input', () => {
  const random = createRandom(20240611);
  const base = richSetup();
  const basePaths = paths(base).filter((path) => path.length > 0);
  const cases: { label: string; hash: string; mutatedPath?: (string | number)[]; hostile?: unknown }[] = [];

  for (let i = 0; i < 300; i++) {
    const length = Math.floor(random() * 400);
    const bytes = Array.from({ length }, () => Math.floor(random() * 256));
    const binary = String.fromCharCode(...bytes);
    cases.push({ label: `random bytes ${i}`, hash: `#v=1&s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_')}` });
  }
  const good = encodeSetup(base);
  for (let i = 0; i < 150; i++) {
    const cut = Math.floor(random() * good.length);
    cases.push({ label: `truncated at ${cut}`, hash: good.slice(0, cut) });
  }
  for (let i = 0; i < 150; i++) {
    const chars = good.split('');
    for (let flips = 0; flips < 1 + Math.floor(random() * 5); flips++) chars[8 + Math.floor(random() * (chars.length - 8))] = pick(random, ['A', 'z', '-', '_', '9', '%', '=', '+', '/']);
    cases.push({ label: `flipped characters ${i}`, hash: chars.join('') });
  }
  for (let i = 0; i < 500; i++) {
    let mutated: unknown = base;
    const mutations = 1 + Math.floor(random() * 3);
    let mutatedPath: (string | number)[] | undefined;
    let hostile: unknown;
    for (let m = 0; m < mutations; m++) {
      mutatedPath = pick(random, basePaths);
      hostile = pick(random, HOSTILE_VALUES);
      mutated = setAt(mutated, mutatedPath, hostile);
    }
    cases.push({ label: `mutated ${i}`, hash: linkFor(mutated), mutatedPath: mutations === 1 ? mutatedPath : undefined, hostile });
  }
  for (let i = 0; i < 60; i++) {
    cases.push({ label: `hostile whole value ${i}`, hash: linkFor(pick(random, HOSTILE_VALUES) ?? null) });
  }
  cases.push({ label: 'raw __proto__ JSON', hash: `#v=1&s=${btoa('{"__proto__":{"polluted":true},"runs":[{"__proto__":{"lr":5}}]}').replace(/=+$/, '')}` });
  cases.push({ label: 'deep nesting', hash: `#v=1&s=${btoa('['.repeat(5000) + ']'.repeat(5000)).replace(/=+$/, '')}` });
  cases.push({ label: 'huge link', hash: `#v=1&s=${'A'.repeat(100_000)}` });
  cases.push({ label: 'two s fields', hash: `${good}&s=AAAA` });
  cases.push({ label: 'odd separators', hash: '#&&&=&v=&s=' });

  it('never throws, always yields a valid setup, and names what it replaced', () => {
    for (const testCase of cases) {
      let decoded: ReturnType<typeof decodeSetupHash> = null;
      expect(() => {
        decoded = decodeSetupHash(testCase.hash);
      }, testCase.label).not.toThrow();
      if (decoded === null) continue;
      const { setup, problems, notice } = decoded as NonNullable<ReturnType<typeof decodeSetupHash>>;
      expect(validityProblems(setup), testCase.label).toEqual([]);
      expect(isValidSetup(setup), testCase.label).toBe(true);
      if (problems.length > 0) expect(typeof notice === 'string' && notice.length > 0, testCase.label).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a single mutated field that had to change is named in the notice', () => {
    let checked = 0;
    for (const testCase of cases) {
      if (!testCase.mutatedPath) continue;
      const decoded = decodeSetupHash(testCase.hash);
      if (!decoded) continue;
      // What the link said, after a JSON round trip (undefined disappears, -0 becomes 0).
      const sent = JSON.parse(JSON.stringify({ value: testCase.hostile ?? null })).value;
      const kept = testCase.mutatedPath.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], decoded.setup);
      if (JSON.stringify(kept) === JSON.stringify(sent)) continue;
      // An absent hyper-parameter is what a link made before it existed looks like: filled in without a notice (tested on its own).
      const [owner, , key] = testCase.mutatedPath;
      if (testCase.hostile === undefined && testCase.mutatedPath.length === 3 && owner === 'runs' && (HYPER_PARAMETER_KEYS as readonly unknown[]).includes(key)) continue;
      const words = describeField(testCase.mutatedPath);
      expect(decoded.notice, `${testCase.label}: ${words}`).not.toBeNull();
      // The mutated field (or an enclosing one) is named; inner parts of points and ranges are named by their owner.
      const named = decoded.problems.some((problem) => testCase.mutatedPath!.join('.').startsWith(problem.path.join('.')) || problem.path.join('.').startsWith(testCase.mutatedPath!.join('.')));
      expect(named, `${testCase.label}: ${words}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('validateSetup accepts anything at all', () => {
    for (const value of HOSTILE_VALUES) {
      const { setup } = validateSetup(value);
      expect(validityProblems(setup)).toEqual([]);
    }
  });
});

