/**
 * The Model view: the model the selected run's point is, at the playhead's step.
 * Linear regression: the rows, the line w·u + b, the residuals, the step's
 * mini-batch. Neural-net slice: the network's decision regions over the input
 * plane with the rows coloured by class. Drawn on a canvas from requestAnimationFrame,
 * only when the run, its point or the size changed (no React render per frame);
 * the text summary beside it is refreshed a few times a second.
 */
import { useEffect, useRef, useState } from 'react';
import { decisionGrid, isNeuralNetSlice, regressionData, type NeuralNetSlice } from '../../core/index.ts';
import { appPlayhead, appResults, useAppStore } from '../../state/app.ts';
import { currentStageView } from '../../state/store/lessonSlice.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { optimizerLabel } from '../../view/catalog.ts';
import { fitCanvas2d } from '../../view/canvas2d.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';
import { drawClassifier, drawRegression } from './modelDraw.ts';
import './model.css';
import { batchRowsAt, modelKindOf, modelPointAt, modelTarget, pointIndexAt, showsModels, type ModelTarget } from './modelTarget.ts';

const REGRESSION = regressionData();
/** Cells per side of the decision regions (64² takes ~5 ms). */
const REGION_RESOLUTION = 64;
const SUMMARY_EVERY_MS = 300;

export function ModelView() {
  const setup = useAppStore((state) => state.setup);
  const shown = showsModels(setup);
  return shown ? <ModelPanel /> : null;
}

function ModelPanel() {
  const setup = useAppStore((state) => state.setup);
  const selectedRunId = useAppStore((state) => state.selectedRunId);
  // A lesson stage shows a model only once its question is answered, and then the run it names unless another is selected.
  const stageModel = useAppStore((state) => {
    const view = currentStageView(state);
    return view === null ? undefined : view.model;
  });
  const lessonHides = stageModel === null;
  const preferred = selectedRunId ?? (typeof stageModel === 'number' ? (setup.runs[stageModel]?.id ?? null) : null);
  const target = lessonHides ? null : modelTarget(setup, preferred);
  const kind = target?.kind ?? setup.panes.map((pane) => modelKindOf(pane.surface)).find((found) => found !== null) ?? 'regression';
  const networkSurface = useSurfaceById('neural-net', setup.bowlCondition, setup.custom);
  const slice = networkSurface && isNeuralNetSlice(networkSurface) ? networkSurface : null;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [summary, setSummary] = useState('');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let frame = 0;
    let lastKey = '';
    let lastSummaryAt = -Infinity;
    let lastSummary = '';
    const grid = new Float32Array(REGION_RESOLUTION * REGION_RESOLUTION);
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      if (width < 20 || height < 20) return;
      const result = target ? appResults.runs.get(target.run.id) : undefined;
      const step = appPlayhead.cursorAt();
      const index = pointIndexAt(step, result?.length ?? 0);
      const point = modelPointAt(result, step);
      const key = `${target?.run.id}|${kind}|${index}|${point?.[0]}|${point?.[1]}|${width}x${height}|${slice?.id}|${target?.run.color}`;
      if (key === lastKey) return;
      lastKey = key;
      const fontSize = Number.parseFloat(getComputedStyle(canvas).fontSize) || 13;
      const context = fitCanvas2d(canvas, width, height);
      if (!context) return;
      const text = lessonHides ? 'This stage of the lesson shows the model once you answer.' : describe(target, index, point, slice);
      if (kind === 'network') {
        const probabilities = slice && point ? decisionGrid(slice, point[0], point[1], REGION_RESOLUTION, grid) : null;
        const data = slice?.data;
        drawClassifier(context, width, height, fontSize * 0.85, {
          probabilities,
          resolution: REGION_RESOLUTION,
          domain: slice?.inputDomain ?? { x: [-1, 1], y: [-1, 1] },
          inputs: data?.inputs ?? new Float64Array(0),
          labels: data?.labels ?? new Float64Array(0),
          size: data?.size ?? 0,
          caption: slice ? (point ? `accuracy ${Math.round(100 * slice.accuracy(point[0], point[1]))}%` : 'no point yet') : 'training the network…',
        });
      } else {
        const batch = target && index >= 0 ? batchRowsAt(setup, target.run, index) : [];
        drawRegression(context, width, height, fontSize * 0.85, {
          rows: REGRESSION.inputs,
          size: REGRESSION.size,
          line: point,
          batch,
          color: target?.run.color ?? '#ffffff',
          caption: point ? `${lineText(point)}${batch.length > 0 ? `, batch of ${batch.length}` : ''}` : 'no line yet',
        });
      }
      const now = performance.now();
      if (text !== lastSummary && now - lastSummaryAt >= SUMMARY_EVERY_MS) {
        lastSummary = text;
        lastSummaryAt = now;
        setSummary(text);
      } else if (text !== lastSummary) {
        // Shown on a later frame: the key stays stale so this frame's text is retried.
        lastKey = '';
      }
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [target, kind, slice, setup, lessonHides]);

  return (
    <section className="model-panel" aria-labelledby="model-title">
      <h2 id="model-title" className="panel-title">
        Model
      </h2>
      <div className="model-canvas">
        <canvas ref={canvasRef} role="img" aria-label="Model" aria-describedby="model-summary" />
      </div>
      <p id="model-summary" className="model-summary muted small" aria-live="off">
        {summary}
      </p>
    </section>
  );
}

/** The line of (w, b) as people write it: t = 1.97·u − 0.957. */
const lineText = ([w, b]: readonly [number, number]) => `t = ${formatNumber(w)}·u ${b < 0 ? '−' : '+'} ${formatNumber(Math.abs(b))}`;

/** The view in words: which run, which step, what the model is there. */
function describe(target: ModelTarget | null, index: number, point: readonly [number, number] | null, slice: NeuralNetSlice | null): string {
  if (!target) return 'Add a run on this surface to see the model at each of its points.';
  const who = `Run ${target.runNumber} (${optimizerLabel(target.run.optimizer)})`;
  if (!point) return `${who} has no points yet.`;
  const at = `at step ${formatInteger(index)}`;
  if (target.kind === 'regression') {
    return `${who} ${at}: the line ${lineText(point)} through the 64 rows, with each row's residual.`;
  }
  if (!slice) return `${who} ${at}: the network is still being trained.`;
  return `${who} ${at}: the network classifies ${Math.round(100 * slice.accuracy(point[0], point[1]))}% of the ${slice.data.size} rows right; the shaded regions are the classes it predicts.`;
}
