import { describe, expect, it } from 'vitest';
import { surfaces } from '../../src/core/index.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { wireRunSpec } from '../../src/state/engine.ts';
import type { Setup } from '../../src/state/setup.ts';
import { clampIntoDomain, paneDomain, paneStart, panesMovingTheStart, startBox } from '../../src/state/startDomain.ts';
import { createAppStore } from '../../src/state/store/store.ts';

/** Valleys ([−4, 4]²) in pane 1 and Rosenbrock ([−2, 2] × [−1, 3]) in pane 2, the second run in pane 2. */
function twoPanes(): Setup {
  const setup = defaultSetup();
  return { ...setup, panes: [{ surface: 'valleys' }, { surface: 'rosenbrock' }], runs: setup.runs.map((run, index) => (index === 1 ? { ...run, pane: 1 } : run)) };
}

describe('starts inside their pane’s plot', () => {
  it('reads each pane’s plot, the bowl’s and a typed function’s too', () => {
    const setup = twoPanes();
    expect(paneDomain(setup, 1)).toEqual(surfaces.rosenbrock.domain);
    expect(paneDomain({ ...setup, panes: [{ surface: 'custom' }], custom: { expression: 'x', domain: { x: [0, 1], y: [2, 3] } } }, 0)).toEqual({ x: [0, 1], y: [2, 3] });
    expect(startBox(setup)).toEqual({ x: [-4, 4], y: [-4, 4] });
    expect(clampIntoDomain([100, -2.25], surfaces.valleys.domain)).toEqual([4, -2.25]);
  });

  it('gives the engine a start inside each pane: the shared start where it fits, its nearest point inside where it does not', () => {
    const setup = twoPanes();
    expect(setup.start).toEqual([3, -2.25]);
    expect(wireRunSpec(setup, setup.runs[0]).start).toEqual([3, -2.25]);
    expect(wireRunSpec(setup, setup.runs[1]).start).toEqual([2, -1]);
    expect(panesMovingTheStart(setup)).toEqual([{ pane: 1, start: [2, -1] }]);
    expect(paneStart(setup, 0, setup.start)).toBe(setup.start);
  });

  it('setStart moves a start outside every plot to the nearest point inside one', () => {
    const store = createAppStore();
    store.getState().setStart([100, -2.25]);
    expect(store.getState().setup.start).toEqual([4, -2.25]);
  });
});
