/**
 * Fuzzed shareable links, from a seeded PRNG so a failure can be replayed. Each
 * link says what the app must do with it:
 *  - `fields`: the fields broken on purpose, by path; each must be named in the
 *    notice (the app's words from describeField) and hold a valid value after;
 *    every field NOT broken must survive unchanged (nothing lost);
 *  - `damaged`: the link as a whole cannot be read; a notice must say so and a
 *    valid setup must be shown.
 * A hyper-parameter left out is not broken: a link made before it existed looks
 * like that, and the run takes its optimizer's default without a notice.
 */
import { HYPER_PARAMETER_KEYS, HYPER_PARAMETERS, type HyperParameterSpec } from '../../src/core/index.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { describeField } from '../../src/state/problems.ts';
import { RUN_PALETTE, type Setup } from '../../src/state/setup.ts';
import { createRandom } from '../../src/core/random.ts';

export interface FuzzLink {
  readonly hash: string;
  readonly kind: string;
  /** Paths of broken fields, each with the words the notice must contain. */
  readonly fields: readonly { readonly path: (string | number)[]; readonly name: string }[];
  /** Paths whose values may legitimately change along with the broken ones (cross-field rules). */
  readonly mayChange: readonly (string | number)[][];
  readonly damaged: boolean;
  /** The link's setup with good fields as written (null when damaged). */
  readonly base: Setup | null;
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Placeholders replaced in the JSON text by tokens JSON cannot write (1e999 parses to Infinity). */
const RAW_TOKENS: Record<string, string> = {
  '"@@inf"': '1e999',
  '"@@-inf"': '-1e999',
};

const TEN_KB = 'x'.repeat(10_240);

/** Values no numeric field accepts as written: not numbers, not finite, or out of every range (all ranges lie within ±1e7). */
const BAD_NUMBERS: Json[] = ['NaN', 'Infinity', '@@inf', '@@-inf', null, '12', true, {}, [], TEN_KB, 1e300, -1e300, 'constructor'];
const BAD_BOOLEANS: Json[] = ['true', 1, 0, null, 'yes', {}, TEN_KB];
const BAD_ENUMS: Json[] = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, TEN_KB, ['sgd'], { a: 1 }];

/** Bad values for a hyper-parameter of core's table, by its kind. */
function badHyperParameterValues(spec: HyperParameterSpec): readonly Json[] {
  return spec.kind === 'boolean' ? BAD_BOOLEANS : spec.kind === 'choice' ? BAD_ENUMS : BAD_NUMBERS;
}

interface Leaf {
  readonly path: (string | number)[];
  readonly bad: readonly Json[];
  /** Other paths a repair of this one may change (batch sizes follow the data set size). */
  readonly mayChange?: (setup: Setup) => (string | number)[][];
}

function leaves(setup: Setup): Leaf[] {
  const out: Leaf[] = [
    { path: ['bowlCondition'], bad: BAD_NUMBERS },
    { path: ['start', 0], bad: BAD_NUMBERS },
    { path: ['start', 1], bad: BAD_NUMBERS },
    { path: ['steps'], bad: BAD_NUMBERS },
    { path: ['datasetSize'], bad: BAD_NUMBERS, mayChange: (s) => s.runs.map((_, i) => ['runs', i, 'batchSize']) },
    { path: ['playback', 'mode'], bad: BAD_ENUMS },
    { path: ['playback', 'stepsPerSecond'], bad: BAD_NUMBERS },
    { path: ['view', 'camera'], bad: BAD_ENUMS },
    { path: ['view', 'logHeight'], bad: BAD_ENUMS },
    { path: ['view', 'overlays', 'gradient'], bad: BAD_BOOLEANS },
    { path: ['view', 'overlays', 'velocity'], bad: BAD_BOOLEANS },
    { path: ['panes', 0, 'surface'], bad: BAD_ENUMS },
  ];
  setup.runs.forEach((_, i) => {
    for (const key of ['lr', 'noise', 'seed']) out.push({ path: ['runs', i, key], bad: BAD_NUMBERS });
    for (const key of HYPER_PARAMETER_KEYS) out.push({ path: ['runs', i, key], bad: badHyperParameterValues(HYPER_PARAMETERS[key] as HyperParameterSpec) });
    out.push({ path: ['runs', i, 'batchSize'], bad: BAD_NUMBERS.filter((value) => value !== 1e300) });
    out.push({ path: ['runs', i, 'visible'], bad: BAD_BOOLEANS });
    // A run's color may be replaced by its own default, which another run may use: only the value is checked.
    for (const key of ['optimizer', 'color']) out.push({ path: ['runs', i, key], bad: BAD_ENUMS });
    out.push({ path: ['runs', i, 'pane'], bad: BAD_NUMBERS });
    out.push({ path: ['runs', i, 'schedule'], bad: [...BAD_ENUMS, { type: 'warp' }, { type: 'step' }] });
  });
  return out;
}

function setAt(target: Json, path: readonly (string | number)[], value: Json | undefined): void {
  let node = target as Record<string | number, Json>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** A valid setup with some variety: 1–5 runs of assorted optimizers, a schedule, mini-batches. */
function randomBase(random: () => number): Setup {
  const setup = defaultSetup();
  const optimizers = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const;
  const count = 1 + Math.floor(random() * 5);
  const runs = Array.from({ length: count }, (_, i) => ({
    ...setup.runs[i % setup.runs.length],
    id: `r${i + 1}`,
    optimizer: optimizers[Math.floor(random() * optimizers.length)],
    color: setup.runs[0].color,
    batchSize: random() < 0.5 ? 8 : setup.datasetSize,
    seed: Math.floor(random() * 1000),
  }));
  return { ...setup, steps: 50 + Math.floor(random() * 400), runs: runs.map((run, i) => ({ ...run, color: RUN_PALETTE[i] })) };
}

function link(json: string, version = '1'): string {
  let text = json;
  for (const [placeholder, token] of Object.entries(RAW_TOKENS)) text = text.split(placeholder).join(token);
  return `#v=${version}&s=${base64Url(text)}`;
}

/**
 * `count` fuzzed links from `seed`. Each carries a unique `&n=` parameter (the app
 * reads only `v` and `s`), so no two links are equal and every one fires a
 * hashchange.
 */
export function fuzzLinks(count: number, seed: number): FuzzLink[] {
  return fuzzLinksWithRepeats(count, seed).map((link, n) => ({ ...link, hash: `${link.hash}&n=${n}` }));
}

function fuzzLinksWithRepeats(count: number, seed: number): FuzzLink[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const out: FuzzLink[] = [];
  for (let n = 0; n < count; n++) {
    const base = randomBase(random);
    const roll = random();
    if (roll < 0.72) {
      // 1–3 fields broken (a missing field counts as broken).
      const json = JSON.parse(JSON.stringify(base)) as Json;
      const all = leaves(base);
      const broken: Leaf[] = [];
      const howMany = 1 + Math.floor(random() * 3);
      while (broken.length < howMany) {
        const leaf = pick(all);
        if (!broken.some((other) => other.path.join('.') === leaf.path.join('.'))) broken.push(leaf);
      }
      const leftOut: Leaf[] = [];
      for (const leaf of broken) {
        const missing = random() < 0.12 && typeof leaf.path.at(-1) === 'string';
        setAt(json, leaf.path, missing ? undefined : pick(leaf.bad));
        if (missing && leaf.path[0] === 'runs' && (HYPER_PARAMETER_KEYS as readonly unknown[]).includes(leaf.path[2])) leftOut.push(leaf);
      }
      const reported = broken.filter((leaf) => !leftOut.includes(leaf));
      out.push({
        hash: link(JSON.stringify(json)),
        kind: 'bad fields',
        fields: reported.map((leaf) => ({ path: leaf.path, name: describeField(leaf.path) })),
        mayChange: [...leftOut.map((leaf) => leaf.path), ...broken.flatMap((leaf) => leaf.mayChange?.(base) ?? [])],
        damaged: false,
        base,
      });
    } else if (roll < 0.8) {
      // Structural: too many runs, duplicate ids, too many panes, a run pointing at a missing pane.
      const variant = pick(['runs', 'duplicate', 'panes', 'pane-ref'] as const);
      const json = JSON.parse(JSON.stringify(base)) as { runs: Json[]; panes: Json[] } & Record<string, Json>;
      let fields: FuzzLink['fields'];
      const mayChange: (string | number)[][] = [];
      if (variant === 'runs') {
        while (json.runs.length < 20) json.runs.push({ ...(json.runs[0] as Record<string, Json>), id: `r${json.runs.length + 1}` });
        fields = [{ path: ['runs'], name: describeField(['runs']) }];
      } else if (variant === 'duplicate' && json.runs.length > 1) {
        (json.runs[1] as Record<string, Json>).id = (json.runs[0] as Record<string, Json>).id;
        fields = [{ path: ['runs', 1, 'id'], name: describeField(['runs', 1, 'id']) }];
      } else if (variant === 'panes') {
        json.panes = Array.from({ length: 6 }, () => ({ surface: 'bowl' }));
        fields = [{ path: ['panes'], name: describeField(['panes']) }];
      } else {
        (json.runs[0] as Record<string, Json>).pane = 3;
        fields = [{ path: ['runs', 0, 'pane'], name: describeField(['runs', 0, 'pane']) }];
      }
      out.push({ hash: link(JSON.stringify(json)), kind: `structure: ${variant}`, fields, mayChange, damaged: false, base: variant === 'runs' ? null : base });
    } else if (roll < 0.86) {
      // Inherited names and extra keys: must be ignored without touching prototypes.
      const text = JSON.stringify(base).replace(/^\{/, '{"__proto__":{"steps":5,"polluted":true},"constructor":{"prototype":{"polluted":true}},"extra":1,');
      out.push({ hash: link(text), kind: 'prototype keys', fields: [], mayChange: [], damaged: false, base });
    } else {
      const text = JSON.stringify(base);
      const encoded = base64Url(text);
      const variant = pick(['truncated', 'bad base64', 'not json', 'top-level array', 'top-level number', 'empty', 'too long', 'deep nesting', 'bad utf-8', 'other version'] as const);
      let hash: string;
      let damaged = true;
      switch (variant) {
        case 'truncated':
          hash = `#v=1&s=${encoded.slice(0, Math.floor(encoded.length * random()))}`;
          break;
        case 'bad base64':
          hash = `#v=1&s=${encoded.slice(0, 20)}!*%$${encoded.slice(20)}`;
          break;
        case 'not json':
          hash = link('{"steps": NaN, start: [1,2]');
          break;
        case 'top-level array':
          hash = link('[1,2,3]');
          break;
        case 'top-level number':
          hash = link('1e999');
          break;
        case 'empty':
          hash = '#v=1&s=';
          break;
        case 'too long':
          hash = `#v=1&s=${'A'.repeat(70_000)}`;
          break;
        case 'deep nesting':
          hash = link(`${'['.repeat(5000)}${']'.repeat(5000)}`);
          break;
        case 'bad utf-8':
          hash = `#v=1&s=${Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url')}`;
          break;
        case 'other version':
          hash = link(text, pick(['2', '0', '', 'abc', TEN_KB.slice(0, 40)]));
          damaged = false;
          break;
      }
      out.push({ hash, kind: `link: ${variant}`, fields: [], mayChange: [], damaged, base: damaged ? null : base });
    }
  }
  return out;
}
