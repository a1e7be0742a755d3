/**
 * The neural-net surface's own controls: the data set and the plane's
 * directions, the slice's build on the worker pool (a progress bar and Cancel,
 * or Build again), and for training-path planes the note that the path drawn is
 * projected and its heights are the true losses, not the slice's.
 */
import { useId } from 'react';
import { useAppStore } from '../../state/app.ts';
import type { NeuralNetSetup } from '../../state/setup.ts';
import { formatNumber } from '../../view/format.ts';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';
import './model.css';

const DATASETS = [
  ['moons', 'Two moons'],
  ['spirals', 'Spirals'],
] as const satisfies readonly (readonly [NeuralNetSetup['dataset'], string])[];
const DIRECTIONS = [
  ['random', 'Random'],
  ['pca', 'Training path (PCA)'],
] as const satisfies readonly (readonly [NeuralNetSetup['directions'], string])[];

export function NeuralNetControls() {
  const choice = useAppStore((state) => state.setup.neuralNet) ?? { dataset: 'moons', directions: 'random' };
  const setNeuralNet = useAppStore((state) => state.setNeuralNet);
  const id = useId();
  return (
    <div className="field-block">
      <SegmentedChoice legend="Data set" name={`${id}-dataset`} options={DATASETS} value={choice.dataset} onChange={(dataset) => setNeuralNet({ dataset })} />
      <SegmentedChoice legend="Plane directions" name={`${id}-directions`} options={DIRECTIONS} value={choice.directions} onChange={(directions) => setNeuralNet({ directions })} />
      <p className="field-hint">
        {choice.directions === 'random'
          ? 'Two random directions through the 337 weights, each scaled neuron by neuron to the trained weights (filter-normalised).'
          : 'The two directions Adam’s training path moved along most. The dashed line is that path projected onto this plane: its heights are the true losses of the weights it passed through, not the slice’s heights below it.'}
      </p>
      <SliceBuild />
    </div>
  );
}

/** The build's progress, with Cancel while it runs and Build again after a cancel or a failure. */
function SliceBuild() {
  const build = useAppStore((state) => state.neuralSlice);
  const cancel = useAppStore((state) => state.cancelSliceBuild);
  const retry = useAppStore((state) => state.retrySliceBuild);
  if (build.status === 'idle') return null;
  const seconds = formatNumber(build.elapsedMs / 1000, 2);
  return (
    <div className="slice-build">
      {build.status === 'building' ? (
        <>
          <label className="field-label" htmlFor="slice-progress">
            Training the network and mapping its loss…
          </label>
          <progress id="slice-progress" max={build.bandsTotal} value={build.bandsDone} aria-valuetext={`${build.bandsDone} of ${build.bandsTotal} parts`} />
          <div className="slice-build-row">
            <span className="muted small">
              {build.bandsDone} of {build.bandsTotal} parts
            </span>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
      {build.status === 'done' ? <p className="field-hint" role="status">Network trained and its loss mapped in {seconds} s (kept for this session).</p> : null}
      {build.status === 'cancelled' || build.status === 'error' ? (
        <div className="slice-build-row" role="status">
          <span className="field-hint">{build.status === 'cancelled' ? 'Training was cancelled.' : `The network could not be trained: ${build.message ?? 'unknown error'}`}</span>
          <button type="button" onClick={retry}>
            Build again
          </button>
        </div>
      ) : null}
    </div>
  );
}
