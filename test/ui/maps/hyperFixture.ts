/** A small momentum learning-rate map on the bowl, as the maps tests share it. */
import { hyperMap, surfaces, type HyperMapSpec } from '../../../src/core/index.ts';
import type { HyperData } from '../../../src/state/maps/types.ts';

export const spec: HyperMapSpec = {
  surface: surfaces.bowl,
  optimizer: 'momentum',
  lr: 0.1,
  axis: 'momentum',
  steps: 200,
  start: [-2.5, 2],
  lrMin: 0.01,
  lrMax: 4,
  lrCells: 16,
  paramCells: 10,
  paramMin: 0,
  paramMax: 0.9,
};

export function data(): HyperData {
  const map = hyperMap(spec);
  const { surface: _surface, ...wire } = spec;
  return {
    kind: 'hyper',
    spec: { ...wire, surface: { kind: 'bowl', condition: 20 } },
    sourceOptimizer: 'momentum',
    runId: 'r1',
    outcome: map.outcome,
    stepsToTolerance: map.stepsToTolerance,
    finalLoss: map.finalLoss,
    bestLoss: 0,
    startLoss: surfaces.bowl.loss(-2.5, 2),
    filled: new Uint8Array(map.outcome.length).fill(1),
  };
}
