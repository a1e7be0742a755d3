/**
 * Loss vs step for every visible run, on a canvas we draw ourselves (log y by
 * default). Redraws when results arrive (in its own task, spaced by its own cost); the
 * playhead cursor lives on an overlay canvas updated by requestAnimationFrame,
 * reading the playhead directly: no React render per frame.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { learningRateAt } from '../../core/index.ts';
import { appPlayhead, appResults, useAppStore } from '../../state/app.ts';
import { currentStageView } from '../../state/store/lessonSlice.ts';
import type { RunConfig } from '../../state/setup.ts';
import { optimizerLabel } from '../../view/catalog.ts';
import { axisFor, extendExtent, type Axis, type Extent } from './chartScale.ts';
import { drawChart, drawCursor, type ChartLayout, type ChartSeries, type CursorPoint } from './chartDraw.ts';
import { fitCanvas2d } from '../../view/canvas2d.ts';
import { publishChart } from './chartSnapshot.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';

/** How far above the starting values a diverging run still shapes the y axis. */
const DIVERGED_CAP = 1000;

interface Size {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
}

/** Learning rate at every step of a run (for the optional schedule series). */
function learningRates(run: RunConfig, steps: number): Float64Array {
  const values = new Float64Array(steps + 1);
  for (let t = 0; t <= steps; t++) values[t] = learningRateAt(run.lr, run.schedule, t);
  return values;
}

export function LossChart() {
  const runs = useAppStore((state) => state.setup.runs);
  const steps = useAppStore((state) => state.setup.steps);
  const resultsVersion = useAppStore((state) => state.resultsVersion);
  const chart = useAppStore((state) => state.chart);
  const setChart = useAppStore((state) => state.setChart);
  const seekStep = useAppStore((state) => state.seekStep);
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef<{ layout: ChartLayout; axis: Axis } | null>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [hoverStep, setHoverStep] = useState<number | null>(null);
  const [linearBecauseNegative, setLinearBecauseNegative] = useState(false);
  const linearRef = useRef(false);

  // A lesson stage may keep the curves hidden (its question is open) or show only some runs'.
  const chartMask = useAppStore((state) => {
    const view = currentStageView(state);
    return view === null ? null : view.chartRuns.map((on) => (on ? '1' : '0')).join('');
  });
  const lessonHides = chartMask !== null && !chartMask.includes('1');
  const visibleRuns = runs.filter((run, index) => run.visible && (chartMask === null || chartMask[index] === '1'));
  const asking = useAppStore((state) => state.lesson !== null && !state.lesson.revealed);
  const lessonAxis = useAppStore((state) => currentStageView(state)?.chart ?? null);

  // Follow the container's size (and the font size, which presentation mode changes).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const measure = () => {
      const box = container.getBoundingClientRect();
      const fontSize = Number.parseFloat(getComputedStyle(container).fontSize) || 14;
      setSize((old) => (old && old.width === box.width && old.height === box.height && old.fontSize === fontSize ? old : { width: box.width, height: box.height, fontSize }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  // The plot: redrawn when the setup, the toggles, the size or the results change.
  useEffect(() => {
    const canvas = plotRef.current;
    if (!canvas || !size || size.width < 10 || size.height < 10) return;
    // Streaming results redraw in their own task (not inside the 3D view's frame), spaced by
    // three times the last draw's cost: a chart of 16 × 100,000 points does not redraw per chunk.
    let timer = 0;
    let nextAt = 0;
    const lrSeries = chart.learningRate ? visibleRuns.map((run) => learningRates(run, steps)) : [];

    const draw = () => {
      timer = 0;
      const started = performance.now();
      const ctx = fitCanvas2d(canvas, size.width, size.height);
      if (!ctx) return;

      let anyNonPositive = false;
      for (const run of visibleRuns) {
        const result = appResults.runs.get(run.id);
        if (!result) continue;
        for (let i = 0; i < result.length && !anyNonPositive; i++) anyNonPositive = result.loss[i] <= 0;
      }
      const log = chart.logY && !anyNonPositive;
      // Only a change is set: this runs in an effect after every commit, and an update
      // queued each time would count as nested updates while a slider is scrubbed.
      const linear = chart.logY && anyNonPositive;
      if (linear !== linearRef.current) {
        linearRef.current = linear;
        setLinearBecauseNegative(linear);
      }

      // A diverging run counts for the axis only up to DIVERGED_CAP × the largest starting value.
      let startLoss = 0;
      let startGradNorm = 0;
      for (const run of visibleRuns) {
        const result = appResults.runs.get(run.id);
        if (!result || result.length === 0) continue;
        if (Number.isFinite(result.loss[0])) startLoss = Math.max(startLoss, Math.abs(result.loss[0]));
        if (Number.isFinite(result.gradNorm[0])) startGradNorm = Math.max(startGradNorm, result.gradNorm[0]);
      }
      const series: ChartSeries[] = [];
      let extent: Extent | null = null;
      for (const run of visibleRuns) {
        const result = appResults.runs.get(run.id);
        if (!result) continue;
        const diverged = result.status === 'diverged';
        series.push({ color: run.color, values: result.loss, length: result.length, style: 'solid', axis: 'left' });
        extent = extendExtent(extent, result.loss, result.length, log, diverged ? DIVERGED_CAP * startLoss : Infinity);
        if (chart.gradNorm) {
          series.push({ color: run.color, values: result.gradNorm, length: result.length, style: 'dashed', axis: 'left' });
          extent = extendExtent(extent, result.gradNorm, result.length, log, diverged ? DIVERGED_CAP * startGradNorm : Infinity);
        }
      }
      let lrExtent: Extent | null = null;
      visibleRuns.forEach((run, index) => {
        const values = lrSeries[index];
        if (!values) return;
        series.push({ color: run.color, values, length: values.length, style: 'dotted', axis: 'right' });
        lrExtent = extendExtent(lrExtent, values, values.length, true);
      });
      const left = axisFor(extent, log);
      const right = chart.learningRate ? axisFor(lrExtent, true) : null;
      const leftTitle = chart.gradNorm ? 'loss, ‖∇L‖ (dashed)' : 'loss';
      const layout = drawChart(ctx, size.width, size.height, size.fontSize * 0.9, { maxStep: steps, left, right, series, leftTitle, rightTitle: 'learning rate (dotted)' });
      layoutRef.current = { layout, axis: left };
      publishChart({ plot: canvas, layout });
      const finished = performance.now();
      nextAt = finished + Math.max(16, 3 * (finished - started));
    };
    const schedule = () => {
      if (timer === 0) timer = window.setTimeout(draw, Math.max(0, nextAt - performance.now()));
    };
    draw();
    const unsubscribe = appResults.subscribe(schedule);
    return () => {
      unsubscribe();
      if (timer !== 0) clearTimeout(timer);
      publishChart(null);
    };
    // visibleRuns is derived from runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runs, steps, chart, size, resultsVersion, chartMask]);

  // The cursor: follows the playhead every frame, redrawing only when the step moves.
  useEffect(() => {
    const canvas = cursorRef.current;
    if (!canvas || !size) return;
    const ctx = fitCanvas2d(canvas, size.width, size.height);
    if (!ctx) return;
    let lastStep = Number.NaN;
    let lastRevision = -1;
    let frame = requestAnimationFrame(function tick() {
      frame = requestAnimationFrame(tick);
      const current = layoutRef.current;
      if (!current) return;
      const step = appPlayhead.cursorAt(performance.now());
      // No cursor over an empty chart (a lesson keeping its curves hidden).
      const shown = Number.isFinite(step) && visibleRuns.length > 0 ? Math.floor(step) : Number.POSITIVE_INFINITY;
      if (shown === lastStep && appResults.revision === lastRevision) return;
      lastStep = shown;
      lastRevision = appResults.revision;
      const points: CursorPoint[] = [];
      if (Number.isFinite(shown)) {
        for (const run of visibleRuns) {
          const result = appResults.runs.get(run.id);
          if (result && result.length > 0) points.push({ color: run.color, value: result.loss[Math.min(shown, result.length - 1)] });
        }
      }
      drawCursor(ctx, size.width, size.height, current.layout, current.axis, shown, points);
    });
    return () => cancelAnimationFrame(frame);
    // visibleRuns is derived from runs and the lesson's mask.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runs, size, chartMask]);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = layoutRef.current;
    if (!current) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left - current.layout.left;
    if (x < 0 || x > current.layout.width) {
      setHoverStep(null);
      return;
    }
    setHoverStep(Math.round((x / current.layout.width) * current.layout.maxStep));
    // Dragging on the chart moves the timeline's cursor.
    if (event.buttons === 1) seekStep(Math.round((x / current.layout.width) * current.layout.maxStep));
  };

  const runNumber = (run: RunConfig) => runs.indexOf(run) + 1;

  return (
    <section className="chart-panel" aria-labelledby="chart-title">
      <div className="chart-toolbar">
        <h2 id="chart-title" className="panel-title">
          Loss vs step
        </h2>
        <label className="check">
          <input type="checkbox" checked={chart.logY} onChange={(event) => setChart({ logY: event.currentTarget.checked })} />
          Log scale
        </label>
        <label className="check">
          <input type="checkbox" checked={chart.gradNorm} onChange={(event) => setChart({ gradNorm: event.currentTarget.checked })} />
          Gradient norm
        </label>
        <label className="check">
          <input type="checkbox" checked={chart.learningRate} onChange={(event) => setChart({ learningRate: event.currentTarget.checked })} />
          Learning rate
        </label>
        {lessonAxis === 'epochs' || lessonAxis === 'evaluations' ? <span className="muted small">This stage compares runs by {lessonAxis}; the x axis counts steps (one epoch is N/B steps of a run).</span> : null}
      </div>
      <div
        className="chart-canvas"
        ref={containerRef}
        onPointerMove={onPointerMove}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          onPointerMove(event);
        }}
        onPointerLeave={() => setHoverStep(null)}
      >
        <canvas ref={plotRef} role="img" aria-label={`Loss versus step for ${visibleRuns.length} visible run${visibleRuns.length === 1 ? '' : 's'}${chart.logY && !linearBecauseNegative ? ', logarithmic loss axis' : ''}.`} />
        <canvas ref={cursorRef} className="chart-cursor" aria-hidden="true" />
        {linearBecauseNegative ? <span className="chart-note">Linear scale: the loss goes below zero</span> : null}
        {lessonHides ? <p className="chart-hidden">{asking ? 'The loss curves appear once you answer (or skip to the answer).' : 'This stage of the lesson shows no loss curves.'}</p> : null}
        {hoverStep !== null ? (
          <div className="chart-readout" role="status">
            <div className="readout-step">step {formatInteger(hoverStep)}</div>
            {visibleRuns.map((run) => {
              const result = appResults.runs.get(run.id);
              const index = result ? Math.min(hoverStep, result.length - 1) : -1;
              return (
                <div key={run.id} className="readout-row">
                  <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
                  <span className="readout-name">
                    {runNumber(run)} · {optimizerLabel(run.optimizer)}
                  </span>
                  {result && index >= 0 ? (
                    <span>
                      loss {formatNumber(result.loss[index])} at {formatPoint(result.x[index], result.y[index])}
                      {index < hoverStep ? ` (ended at step ${formatInteger(index)})` : ''}
                    </span>
                  ) : (
                    <span>no points yet</span>
                  )}
                </div>
              );
            })}
          </div>
        ) : null}
      </div>
    </section>
  );
}
