import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, SCHEDULES, SURFACE_IDS, scheduleDefaults } from '../../src/core/index.ts';
import type { OptimizerId, ScheduleType } from '../../src/core/types.ts';
import { defaultRun, defaultSetup } from '../../src/state/defaults.ts';
import { MAX_PANES, MAX_RUNS, MAX_STEPS, RUN_PALETTE, type RunConfig, type Setup } from '../../src/state/setup.ts';
import {
  decodeSetupHash,
  describeField,
  encodeSetup,
  isValidSetup,
  LINK_VERSION,
  MAX_COORDINATE,
  setupLink,
  validateSetup,
} from '../../src/state/url.ts';
import { createRandom } from '../../src/core/random.ts';

/**
 * An independent validity check (not the schema under test): every field has
 * the right type, numbers are finite and in range, enums are own values.
 */
function validityProblems(setup: Setup): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const finiteIn = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  const wholeIn = (value: unknown, min: number, max: number) => finiteIn(value, min, max) && Number.isInteger(value);
  const point = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every((c) => finiteIn(c, -MAX_COORDINATE, MAX_COORDINATE));

  check(Array.isArray(setup.panes) && setup.panes.length >= 1 && setup.panes.length <= MAX_PANES, 'panes');
  for (const pane of setup.panes ?? []) check(SURFACE_IDS.includes(pane.surface) || (pane.surface === 'custom' && setup.custom !== null), `pane surface ${pane.surface}`);
  check(finiteIn(setup.bowlCondition, 1, 1000), 'bowlCondition');
  check(setup.custom === null || (typeof setup.custom.expression === 'string' && setup.custom.expression.length <= 2000), 'custom');
  check(point(setup.start), 'start');
  check(wholeIn(setup.steps, 1, MAX_STEPS), 'steps');
  check(wholeIn(setup.datasetSize, 1, 1_000_000), 'datasetSize');
  check(Array.isArray(setup.runs) && setup.runs.length <= MAX_RUNS, 'runs');
  const ids = new Set<string>();
  for (const run of setup.runs ?? []) {
    check(typeof run.id === 'string' && /^r\d+$/.test(run.id) && !ids.has(run.id), `run id ${run.id}`);
    ids.add(run.id);
    check(typeof run.optimizer === 'string' && Object.hasOwn(OPTIMIZERS, run.optimizer), `optimizer ${String(run.optimizer)}`);
    check(finiteIn(run.lr, 1e-7, 100), 'lr');
    check(finiteIn(run.momentum, 0, 0.999), 'momentum');
    check(finiteIn(run.alpha, 0, 0.9999), 'alpha');
    check(typeof run.centered === 'boolean', 'centered');
    check(finiteIn(run.beta1, 0, 0.999), 'beta1');
    check(finiteIn(run.beta2, 0, 0.99999), 'beta2');
    check(finiteIn(run.eps, 1e-12, 0.1), 'eps');
    check(typeof run.schedule?.type === 'string' && Object.hasOwn(SCHEDULES, run.schedule.type), 'schedule type');
    if (run.schedule && Object.hasOwn(SCHEDULES, run.schedule.type)) {
      for (const parameter of SCHEDULES[run.schedule.type].parameters) {
        const value = (run.schedule as unknown as Record<string, unknown>)[parameter.key];
        check(typeof value === 'number' && Number.isFinite(value) && value >= parameter.min && value <= parameter.max && (!parameter.integer || Number.isInteger(value)), `schedule ${parameter.key}`);
      }
    }
    check(wholeIn(run.batchSize, 1, setup.datasetSize), 'batchSize');
    check(finiteIn(run.noise, 0, 100), 'noise');
    check(wholeIn(run.seed, 0, 2 ** 32 - 1), 'seed');
    check((RUN_PALETTE as readonly string[]).includes(run.color), 'color');
    check(typeof run.visible === 'boolean', 'visible');
    check(run.start === null || point(run.start), 'run start');
    check(wholeIn(run.pane, 0, setup.panes.length - 1), 'run pane');
  }
  check(setup.playback?.mode === 'instant' || setup.playback?.mode === 'animate', 'playback mode');
  check(finiteIn(setup.playback?.stepsPerSecond, 1, 10_000), 'stepsPerSecond');
  check(['3d', 'top'].includes(setup.view?.camera), 'camera');
  check(['auto', 'on', 'off'].includes(setup.view?.logHeight), 'logHeight');
  for (const key of ['gradient', 'velocity', 'effectiveStep'] as const) check(typeof setup.view?.overlays?.[key] === 'boolean', key);
  return problems;
}

function linkFor(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `#v=1&s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

function richSetup(): Setup {
  const base = defaultSetup();
  const optimizers = Object.keys(OPTIMIZERS) as OptimizerId[];
  const scheduleTypes = Object.keys(SCHEDULES) as ScheduleType[];
  const runs: RunConfig[] = optimizers.map((optimizer, index) => ({
    ...defaultRun(optimizer, index),
    lr: 0.0123 * (index + 1),
    schedule: scheduleDefaults(scheduleTypes[index % scheduleTypes.length]),
    batchSize: 1 + index,
    seed: 4_000_000_000 - index,
    noise: 0.25 * index,
    visible: index % 2 === 0,
    start: index === 1 ? [0.125, -1.75] : null,
    pane: index % 3,
    centered: optimizer === 'rmsprop',
  }));
  return {
    ...base,
    panes: [{ surface: 'rosenbrock' }, { surface: 'bowl' }, { surface: 'saddle' }],
    bowlCondition: 37,
    start: [-1.2, 1.05],
    steps: 1234,
    runs,
    playback: { mode: 'animate', stepsPerSecond: 42 },
    view: { camera: 'top', logHeight: 'on', overlays: { gradient: true, velocity: false, effectiveStep: true } },
  };
}

describe('shareable links: round trips', () => {
  it('the default setup survives encode → decode unchanged, with no notice', () => {
    const setup = defaultSetup();
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.setup).toEqual(setup);
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.notice).toBeNull();
  });

  it('every optimizer, every schedule, custom starts, hidden runs and three panes survive', () => {
    const setup = richSetup();
    expect(isValidSetup(setup)).toBe(true);
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.setup).toEqual(setup);
  });

  it.each(Object.keys(SCHEDULES) as ScheduleType[])('schedule %s with its parameters survives', (type) => {
    const setup = defaultSetup();
    const schedule = scheduleDefaults(type);
    const withSchedule = { ...setup, runs: setup.runs.map((run) => ({ ...run, schedule })) };
    expect(decodeSetupHash(encodeSetup(withSchedule))?.setup.runs[0].schedule).toEqual(schedule);
  });

  it.each([1, 2, 3, 4])('%i panes survive', (count) => {
    const setup = { ...defaultSetup(), panes: Array.from({ length: count }, (_, i) => ({ surface: SURFACE_IDS[i] })) };
    expect(decodeSetupHash(encodeSetup(setup))?.setup.panes).toEqual(setup.panes);
  });

  it('a custom surface expression travels as text and comes back', () => {
    const setup: Setup = { ...defaultSetup(), custom: { expression: 'x^2 + 3*sin(y)', domain: { x: [-2, 2], y: [-1, 3] } }, panes: [{ surface: 'custom' }] };
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.setup.custom).toEqual(setup.custom);
    expect(decoded?.setup.panes).toEqual([{ surface: 'custom' }]);
  });

  it('the link is compact, URL-safe and versioned', () => {
    const hash = encodeSetup(richSetup());
    expect(hash.startsWith(`#v=${LINK_VERSION}&s=`)).toBe(true);
    expect(hash.slice(1)).toMatch(/^v=1&s=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(8000);
  });

  it('setupLink replaces an old hash and keeps the page address', () => {
    const link = setupLink('https://example.org/lab/?x=1#v=1&s=old', defaultSetup());
    expect(link.startsWith('https://example.org/lab/?x=1#v=1&s=')).toBe(true);
    expect(link).not.toContain('s=old');
  });

  it('a hash without a setup is not a link (a stored session may be used instead)', () => {
    expect(decodeSetupHash('')).toBeNull();
    expect(decodeSetupHash('#')).toBeNull();
    expect(decodeSetupHash('#section-2')).toBeNull();
  });
});

describe('shareable links: bad fields fall back one by one', () => {
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
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'SGD', 'adam_w']) {
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

  it('a link cut short or full of garbage gives the default setup and says so', () => {
    const hash = encodeSetup(defaultSetup());
    for (const broken of [hash.slice(0, hash.length - 17), '#v=1&s=%%%', '#v=1&s=!!!!', '#v=1&s=' + 'A'.repeat(10)]) {
      const decoded = decodeSetupHash(broken);
      expect(decoded?.setup).toEqual(defaultSetup());
      expect(decoded?.notice).toMatch(/damaged|could not|too long/);
    }
  });

  it('a link from another version is read as far as possible, with a notice', () => {
    const decoded = decodeSetupHash(encodeSetup(defaultSetup()).replace('v=1', 'v=7'));
    expect(decoded?.setup).toEqual(defaultSetup());
    expect(decoded?.notice).toContain('another version');
  });

  it('names fields in plain words', () => {
    expect(describeField(['runs', 1, 'lr'])).toBe('learning rate (run 2)');
    expect(describeField(['runs', 0, 'schedule', 'gamma'])).toBe('schedule γ (run 1)');
    expect(describeField(['panes', 2, 'surface'])).toBe('surface (pane 3)');
    expect(describeField(['start', 1])).toBe('start point');
    expect(describeField(['playback', 'stepsPerSecond'])).toBe('steps per second');
    expect(describeField(['runs', 4])).toBe('run 5');
    expect(describeField(['custom', 'domain', 'x', 0])).toBe('custom domain');
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

describe('shareable links: fuzzing with hostile input', () => {
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

  it(`has at least 1,000 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
  });

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

describe('the last session in local storage', () => {
  const memoryStorage = (initial: Record<string, string> = {}) => {
    const map = new Map(Object.entries(initial));
    return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
  };

  it('is restored when there is no link, and a link wins over it', async () => {
    const { initialSetup, saveStoredSetup } = await import('../../src/state/persist.ts');
    const storage = memoryStorage();
    const stored = richSetup();
    saveStoredSetup(stored, storage);
    expect(initialSetup('', storage)).toEqual({ setup: stored, source: 'stored', notice: null });
    const linked = defaultSetup();
    expect(initialSetup(encodeSetup(linked), storage)?.setup).toEqual(linked);
    expect(initialSetup(encodeSetup(linked), storage)?.source).toBe('link');
  });

  it('garbage in storage is validated like a link, and no storage at all is fine', async () => {
    const { initialSetup, loadStoredSetup, STORAGE_KEY } = await import('../../src/state/persist.ts');
    expect(loadStoredSetup(memoryStorage({ [STORAGE_KEY]: '{not json' }))).toBeNull();
    const repaired = loadStoredSetup(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...defaultSetup(), steps: 'many' }) }));
    expect(repaired?.steps).toBe(defaultSetup().steps);
    expect(initialSetup('', null)).toBeNull();
  });
});
