/**
 * Choosing another network slice in a setup: the choice is checked against its
 * lists, and panes that show the network start afresh on it (its suggested
 * start and learning rates), as choosing a new surface does.
 */
import { DATASET_IDS, SLICE_DIRECTIONS, pendingNeuralNetSurface } from '../../core/index.ts';
import { defaultLr } from '../defaults.ts';
import type { NeuralNetSetup, Setup } from '../setup.ts';
import { DEFAULT_NEURAL_NET_SETUP, NEURAL_NET_SURFACE } from './sliceCache.ts';

/** `setup` with its neural-net choice patched; unchanged when the patch names nothing the lists hold. */
export function withNeuralNet(setup: Setup, patch: Partial<NeuralNetSetup>): Setup {
  const old = setup.neuralNet ?? DEFAULT_NEURAL_NET_SETUP;
  const dataset = patch.dataset !== undefined && (DATASET_IDS as readonly string[]).includes(patch.dataset) ? patch.dataset : old.dataset;
  const directions = patch.directions !== undefined && (SLICE_DIRECTIONS as readonly string[]).includes(patch.directions) ? patch.directions : old.directions;
  if (dataset === old.dataset && directions === old.directions) return setup;
  const choice: NeuralNetSetup = { dataset, directions };
  const surface = pendingNeuralNetSurface(choice);
  const shows = (pane: number) => setup.panes[pane]?.surface === NEURAL_NET_SURFACE;
  const runs = setup.runs.map((run) => (shows(run.pane) ? { ...run, start: null, lr: defaultLr(run.optimizer, surface) } : run));
  return { ...setup, neuralNet: choice, runs, start: shows(0) ? surface.suggestedStart : setup.start };
}
