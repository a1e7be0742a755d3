/**
 * Walks core's optimizer table: every optimizer, with every hyper-parameter it
 * uses at its default and at the ends of its control, must pass the link
 * schema, survive a link, be accepted by the store's addRun and updateRun,
 * reach the worker's spec, and be listed by the controls' catalogue. A bad value
 * is repaired with a notice naming the field. Nothing here lists optimizers or
 * hyper-parameters by hand, so a new table entry is tested as soon as it exists.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS, OPTIMIZERS, type HyperParameter, type OptimizerId } from '../../src/core/index.ts';
import { defaultRun, defaultSetup } from '../../src/state/defaults.ts';
import { wireRunSpec } from '../../src/state/engine.ts';
import { decodeSetupHash, encodeSetup } from '../../src/state/link.ts';
import { describeField } from '../../src/state/problems.ts';
import { RunSchema, type RunConfig, type Setup } from '../../src/state/setup.ts';
import { createAppStore } from '../../src/state/store/store.ts';
import { OPTIMIZER_IDS as CATALOG_OPTIMIZER_IDS, optimizerLabel } from '../../src/view/catalog.ts';
import { plainSpecError } from '../../src/worker/plainWords.ts';

/** A hyper-parameter's value: a number, a boolean or one of a choice's options. */
type Value = number | boolean | string;

/** The values a control can set: its default and both ends (every option of a choice, both booleans). */
function controlValues(parameter: HyperParameter): { label: string; value: Value }[] {
  switch (parameter.kind) {
    case 'number':
    case 'integer':
      return [
        { label: 'default', value: parameter.default },
        { label: 'control min', value: parameter.control.min },
        { label: 'control max', value: parameter.control.max },
      ];
    case 'boolean':
      return [
        { label: 'default', value: parameter.default },
        { label: 'flipped', value: !parameter.default },
      ];
    case 'choice':
      return parameter.options.map((option) => ({ label: option === parameter.default ? `${option} (default)` : option, value: option }));
  }
}

/** A value no control offers: past the top of a range, or of the wrong type. */
function badValues(parameter: HyperParameter): { value: unknown; fix: 'clamped' | 'replaced'; becomes: Value }[] {
  const wrongType = { value: 'not a value', fix: 'replaced' as const, becomes: parameter.default };
  if (parameter.kind === 'number' || parameter.kind === 'integer') {
    return [wrongType, { value: parameter.control.max + Math.max(1, Math.abs(parameter.control.max)), fix: 'clamped', becomes: parameter.control.max }];
  }
  return [wrongType];
}

/** A setup of one run of `optimizer`, with `key` set to `value` (unchecked, as a link could carry it). */
function setupWith(optimizer: OptimizerId, key: string, value: unknown): Setup {
  const run = { ...defaultRun(optimizer, 0), [key]: value } as RunConfig;
  return { ...defaultSetup(), runs: [run] };
}

const cases = OPTIMIZER_IDS.flatMap((id) => OPTIMIZERS[id].hyperParameters.map((parameter) => ({ id, parameter })));

describe('every optimizer in core’s table', () => {
  it('the table has optimizers, and each optimizer’s defaults are its controls’ defaults', () => {
    expect(OPTIMIZER_IDS.length).toBeGreaterThanOrEqual(6);
    for (const id of OPTIMIZER_IDS) {
      const run = defaultRun(id, 0);
      for (const parameter of OPTIMIZERS[id].hyperParameters) expect(run[parameter.key], `${id}.${parameter.key}`).toBe(parameter.default);
    }
  });

  it.each(OPTIMIZER_IDS)('%s passes the schema, survives a link, is listed by the catalogue and added by the store', (id) => {
    const run = defaultRun(id, 0);
    expect(v.is(RunSchema, run)).toBe(true);
    const decoded = decodeSetupHash(encodeSetup({ ...defaultSetup(), runs: [run] }));
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.setup.runs[0]).toEqual(run);
    expect(CATALOG_OPTIMIZER_IDS).toContain(id);
    expect(optimizerLabel(id)).toBe(OPTIMIZERS[id].label);
    const store = createAppStore();
    const added = store.getState().addRun(id);
    expect(store.getState().setup.runs.find((candidate) => candidate.id === added)?.optimizer).toBe(id);
  });

  it.each(OPTIMIZER_IDS)('switching a run to %s fills its own defaults', (id) => {
    const store = createAppStore();
    const other = OPTIMIZER_IDS.find((candidate) => candidate !== id)!;
    const runId = store.getState().addRun(other);
    store.getState().updateRun(runId, { optimizer: id });
    const run = store.getState().setup.runs.find((candidate) => candidate.id === runId)!;
    expect(run.optimizer).toBe(id);
    for (const parameter of OPTIMIZERS[id].hyperParameters) expect(run[parameter.key], parameter.key).toBe(parameter.default);
  });
});

describe.each(cases)('$id: $parameter.key', ({ id, parameter }) => {
  it.each(controlValues(parameter))('at its $label passes the schema, a link, the store and the wire spec', ({ value }) => {
    const setup = setupWith(id, parameter.key, value);
    expect(v.is(RunSchema, setup.runs[0])).toBe(true);
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.setup.runs[0][parameter.key]).toBe(value);

    const store = createAppStore();
    const added = store.getState().addRun(id, { [parameter.key]: value } as Partial<RunConfig>);
    expect(store.getState().setup.runs.find((run) => run.id === added)?.[parameter.key]).toBe(value);
    const first = store.getState().setup.runs[0];
    store.getState().updateRun(first.id, { optimizer: id });
    store.getState().updateRun(first.id, { [parameter.key]: value } as Partial<RunConfig>);
    expect(store.getState().setup.runs[0][parameter.key]).toBe(value);

    expect(wireRunSpec(setup, setup.runs[0])[parameter.key]).toBe(value);
  });

  it.each(badValues(parameter))('a link with $value there is repaired ($fix) and the notice names the field', ({ value, fix, becomes }) => {
    const decoded = decodeSetupHash(encodeSetup(setupWith(id, parameter.key, value)));
    expect(decoded?.setup.runs[0][parameter.key]).toBe(becomes);
    expect(decoded?.problems).toEqual([{ path: ['runs', 0, parameter.key], fix }]);
    const name = describeField(['runs', 0, parameter.key]);
    expect(name.toLowerCase()).toBe(`${parameter.label.toLowerCase()} (run 1)`);
    expect(decoded?.notice).toContain(name);
  });

  it('the worker names it by its label when the engine refuses it', () => {
    expect(plainSpecError(`${parameter.key} must be something else (got 2)`)).toBe(`${parameter.label} must be something else (got 2).`);
  });
});
