/**
 * The gradient-free methods' current candidates: random search's points of the
 * last step and evolution's population, as small dots in the run's colour on the
 * surface, at the playhead's step. They come from the engine itself
 * (inspectStep: the very loop simulate runs, replayed to that step), recomputed
 * only when the whole step under the playhead changes, once the run has finished
 * computing, and only while a replay stays cheap (CANDIDATE_BUDGET loss
 * evaluations); longer runs show no dots.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry } from 'three';
import { inspectStep, OPTIMIZERS, type RunSpec, type Surface } from '../../core/index.ts';
import { wireRunSpec } from '../../state/engine.ts';
import { appResults, appStore, playhead } from '../appBridge.ts';
import type { SceneRun } from '../pane/sceneRuns.ts';
import { useFrameRef } from '../useFrameRef.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import { sampleGrid, toGrid, type MappedField } from '../surface/mappedField.ts';

/**
 * Loss evaluations a replay may cost (steps × candidates per step); beyond it the dots
 * are not shown. The replay runs on the main thread inside a frame, so it must stay well
 * under a frame's worth of long task (about 10 ms on a slow machine).
 */
export const CANDIDATE_BUDGET = 50_000;
/** Dots a run can show (the table's largest population and candidate count). */
const MAX_DOTS = 1024;
const DOT_LIFT = 0.02;
const dotGeometry = new SphereGeometry(0.016, 10, 8);
const matrix = new Matrix4();
const grid = new Float64Array(2);

/** The candidates (random search) or population (evolution) after the step that produced point `step`, or null. */
export function candidatesAt(spec: RunSpec, step: number): readonly (readonly [number, number])[] | null {
  if (!(step >= 1) || step > spec.steps) return null;
  try {
    const inspection = inspectStep(spec, step - 1);
    const points = inspection.stateAfter.find((quantity) => quantity.kind === 'points');
    return points ? (points.value as readonly (readonly [number, number])[]) : null;
  } catch {
    // The run stopped before this step: nothing to show.
    return null;
  }
}

/** Candidate evaluations per step of a gradient-free spec. */
function evaluationsPerStep(spec: RunSpec): number {
  return spec.optimizer === 'evolution' ? (spec.populationSize ?? 16) : (spec.candidates ?? 8);
}

function RunCandidates({ run, surface, field, frame }: { run: SceneRun; surface: Surface; field: MappedField; frame: WorldFrame }) {
  const mesh = useMemo(() => {
    // Opaque, as the runs' step markers: the same shader program, linked when the scene
    // starts, so the first dots never wait for a link in the middle of a heavy load.
    const dots = new InstancedMesh(dotGeometry, new MeshBasicMaterial({ color: new Color(run.color) }), MAX_DOTS);
    dots.count = 0;
    dots.frustumCulled = false;
    dots.renderOrder = 4;
    return dots;
  }, [run.color]);
  useEffect(
    () => () => {
      (mesh.material as MeshBasicMaterial).dispose();
      mesh.dispose();
    },
    [mesh],
  );
  const shown = useRef({ step: -1, generation: -1, spec: null as RunSpec | null, setup: null as unknown, mesh: null as InstancedMesh | null });
  // A new surface, height mapping or frame: place the dots again (and rebuild the spec).
  useEffect(() => {
    shown.current.setup = null;
  }, [surface, field, frame]);
  const invalidate = useThree((three) => three.invalidate);
  const meshRef = useFrameRef(mesh);

  useFrame(() => {
    const mesh = meshRef.current;
    const result = appResults.runs.get(run.id);
    const { setup } = appStore.getState();
    const config = setup.runs.find((candidate) => candidate.id === run.id);
    // Not while the run's points are still arriving: each chunk would start another replay.
    if (!run.visible || !result || result.length < 2 || !config || result.status === 'computing') {
      mesh.count = 0;
      return;
    }
    const last = result.length - 1;
    const step = Math.max(0, Math.min(Math.floor(playhead.stepAt(performance.now())), run.lastStep ?? last, last));
    const memo = shown.current;
    if (memo.setup !== setup || memo.mesh !== mesh) {
      memo.setup = setup;
      memo.mesh = mesh;
      memo.spec = { ...wireRunSpec(setup, config), surface };
      memo.step = -1;
    }
    if (memo.step === step && memo.generation === result.generation) return;
    memo.step = step;
    memo.generation = result.generation;
    const spec = memo.spec;
    const points = spec && step * evaluationsPerStep(spec) <= CANDIDATE_BUDGET ? candidatesAt(spec, step) : null;
    const [x0, x1] = field.domain.x;
    const [y0, y1] = field.domain.y;
    let count = 0;
    for (const [x, y] of points ?? []) {
      if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1) || count >= MAX_DOTS) continue;
      toGrid(field, x, y, grid);
      matrix.makeTranslation(frame.toWorldX(x), sampleGrid(field, grid[0], grid[1]) * frame.height + DOT_LIFT, frame.toWorldZ(y));
      mesh.setMatrixAt(count++, matrix);
    }
    mesh.count = count;
    mesh.instanceMatrix.needsUpdate = true;
    invalidate();
  });

  return <primitive object={mesh} />;
}

/** Dots for every visible gradient-free run of the pane. */
export function Candidates({ runs, surface, field, frame }: { runs: readonly SceneRun[]; surface: Surface | null; field: MappedField; frame: WorldFrame }) {
  if (!surface) return null;
  return (
    <>
      {runs
        .filter((run) => run.visible && !OPTIMIZERS[run.optimizer].usesGradient)
        .map((run) => (
          <RunCandidates key={run.id} run={run} surface={surface} field={field} frame={frame} />
        ))}
    </>
  );
}
