/**
 * Loss vs step for every visible run, on a canvas we draw ourselves (log y by
 * default). Redraws when results arrive (in its own task, spaced by its own cost); the
 * playhead cursor lives on an overlay canvas updated by requestAnimationFrame,
 * reading the playhead directly: no React render per frame.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { lowestKnownLoss } from '../../core/index.ts';
import { appPlayhead, appResults, useAppStore } from '../../state/app.ts';
import { currentStageView } from '../../state/store/lessonSlice.ts';
import type { RunConfig } from '../../state/setup.ts';
import { optimizerLabel } from '../../view/catalog.ts';
import { type Axis } from './chartScale.ts';
import { drawChart, drawCursor, type ChartLayout, type CursorPoint } from './chartDraw.ts';
import { indexAtX, xUnit, type LossScale } from './chartAxes.ts';
import { planChart, plottedValue, type ChartRun, type PlottedRun } from './chartData.ts';
import { ChartAxisChoice } from './ChartAxisChoice.tsx';
import { fitCanvas2d } from '../../view/canvas2d.ts';
import { publishChart } from './chartSnapshot.ts';
import { cancelDraw, scheduleDraw, type Pacing } from './drawPacing.ts';
import { formatInteger, formatNumber, formatPoint } from '../../view/format.ts';
import { usePaneSurfaces } from '../runs/usePaneSurfaces.ts';

interface Size {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
}

/** What the last draw used, for the cursor and the hover readout. */
interface Drawn {
  readonly layout: ChartLayout;
  readonly axis: Axis;
  readonly scale: LossScale;
  readonly runs: readonly PlottedRun[];
}

/** Where each run is at `step`, on the chart's axes. */
function cursorPoints(drawn: Drawn, step: number): CursorPoint[] {
  const points: CursorPoint[] = [];
  for (const run of drawn.runs) {
    const length = run.result?.length ?? 0;
    if (length === 0) continue;
    const index = Math.min(step, length - 1);
    points.push({ color: run.color, x: run.xs ? run.xs[index] : index, value: plottedValue(run, index, drawn.scale, drawn.axis) });
  }
  return points;
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
  const drawnRef = useRef<Drawn | null>(null);
  const [size, setSize] = useState<Size | null>(null);
  /** The hovered x, on the chart's x axis (a step, evaluations or epochs). */
  const [hoverX, setHoverX] = useState<number | null>(null);
  // Why a log scale that is asked for is not in use (null when it is, or when it is not asked for).
  const [linearWhy, setLinearWhy] = useState<string | null>(null);
  const linearRef = useRef<string | null>(null);
  const setup = useAppStore((state) => state.setup);
  const setChartX = useAppStore((state) => state.setChartX);
  const xAxis = setup.view.chartX;
  const surfaces = usePaneSurfaces(setup);

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

  // The plot: redrawn when the setup, the toggles, the size or the results change. Every
  // redraw runs in its own task, spaced by three times the last draw's cost (kept across
  // setup changes): a chart of 16 × 100,000 points does not redraw per chunk, and
  // scrubbing a slider at 100 events/s does not redraw per event.
  const drawRef = useRef<(() => void) | null>(null);
  const pacing = useRef<Pacing>({ timer: 0, nextAt: 0, cancelWait: null });
  useEffect(() => {
    const canvas = plotRef.current;
    if (!canvas || !size || size.width < 10 || size.height < 10) {
      drawRef.current = null;
      return;
    }
    const found = visibleRuns.some((run) => (setup.panes[run.pane] ?? setup.panes[0]).surface === 'custom');
    drawRef.current = () => {
      const started = performance.now();
      const ctx = fitCanvas2d(canvas, size.width, size.height);
      if (!ctx) return;
      const chartRuns: ChartRun[] = visibleRuns.map((run) => {
        const surface = surfaces[run.pane] ?? surfaces[0] ?? null;
        return { config: run, result: appResults.runs.get(run.id), lowest: surface ? lowestKnownLoss(surface) : null };
      });
      const plan = planChart(chartRuns, { ...chart, xAxis, steps, found });
      // Only a change is set: an update queued on every draw would re-render the chart for nothing.
      if (plan.scale.why !== linearRef.current) {
        linearRef.current = plan.scale.why;
        setLinearWhy(plan.scale.why);
      }
      const layout = drawChart(ctx, size.width, size.height, size.fontSize * 0.9, plan.model);
      // Rasterise now (reading one pixel flushes the canvas), so that the draw's measured cost,
      // which spaces the next redraw, includes the raster the browser would otherwise do after it.
      ctx.getImageData(0, 0, 1, 1);
      drawnRef.current = { layout, axis: plan.left, scale: plan.scale, runs: plan.runs };
      publishChart({ plot: canvas, layout });
      const finished = performance.now();
      pacing.current.nextAt = finished + Math.max(16, 3 * (finished - started));
    };
    scheduleDraw(pacing.current, drawRef);
    // visibleRuns is derived from runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runs, steps, chart, size, resultsVersion, chartMask, xAxis, surfaces, setup.panes]);

  // Results streaming in schedule a redraw (of whatever the latest setup is).
  useEffect(() => {
    const state = pacing.current;
    const unsubscribe = appResults.subscribe(() => scheduleDraw(state, drawRef));
    return () => {
      unsubscribe();
      cancelDraw(state);
      publishChart(null);
    };
  }, []);

  // The cursor: follows the playhead every frame, redrawing only when the step moves.
  useEffect(() => {
    const canvas = cursorRef.current;
    if (!canvas || !size) return;
    // Its context is made at the first cursor drawn, after the chart's first draw (see scheduleDraw).
    let ctx: CanvasRenderingContext2D | null = null;
    let lastStep = Number.NaN;
    let lastRevision = -1;
    let lastDrawn: typeof drawnRef.current = null;
    let frame = requestAnimationFrame(function tick() {
      frame = requestAnimationFrame(tick);
      const current = drawnRef.current;
      if (!current) return;
      const step = appPlayhead.cursorAt(performance.now());
      // No cursor over an empty chart (a lesson keeping its curves hidden).
      const shown = Number.isFinite(step) && visibleRuns.length > 0 ? Math.floor(step) : Number.POSITIVE_INFINITY;
      // Redrawn when the step moves, points arrive, or the chart itself was redrawn (another x axis, scale or size).
      if (shown === lastStep && appResults.revision === lastRevision && current === lastDrawn) return;
      ctx ??= fitCanvas2d(canvas, size.width, size.height);
      if (!ctx) return;
      lastDrawn = current;
      lastStep = shown;
      lastRevision = appResults.revision;
      drawCursor(ctx, size.width, size.height, current.layout, current.axis, shown, Number.isFinite(shown) ? cursorPoints(current, shown) : []);
    });
    return () => cancelAnimationFrame(frame);
    // visibleRuns is derived from runs and the lesson's mask.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runs, size, chartMask]);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drawnRef.current;
    if (!current) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left - current.layout.left;
    if (x < 0 || x > current.layout.width) {
      setHoverX(null);
      return;
    }
    const value = (x / current.layout.width) * current.layout.maxX;
    setHoverX(current.layout.xAxis === 'steps' ? Math.round(value) : value);
    // Dragging on the chart moves the timeline's cursor: to the step of the first plotted run at that x.
    if (event.buttons === 1) {
      const run = current.runs.find((item) => item.result && item.result.length > 0);
      if (run?.result) seekStep(current.layout.xAxis === 'steps' ? Math.round(value) : Math.max(0, indexAtX(run.xs, run.result.length, value)));
    }
  };

  const runNumber = (run: RunConfig) => runs.indexOf(run) + 1;
  const logInUse = chart.logY && linearWhy === null;
  const unit = xUnit(xAxis);
  // A lesson stage that compares by epochs or evaluations offers the matching axis (epochs count every evaluation).
  const lessonWantsEpochs = (lessonAxis === 'epochs' || lessonAxis === 'evaluations') && xAxis === 'steps';
  const hovered = hoverX === null ? null : drawnRef.current;

  return (
    <section className="chart-panel" aria-labelledby="chart-title">
      <div className="chart-toolbar">
        <h2 id="chart-title" className="panel-title">
          Loss
        </h2>
        <label className="check" title={linearWhy === null ? undefined : `Linear: ${linearWhy}`}>
          <input type="checkbox" checked={logInUse} disabled={linearWhy !== null} onChange={(event) => setChart({ logY: event.currentTarget.checked })} />
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
        {linearWhy !== null ? <span className="chart-note">Linear scale: {linearWhy}</span> : null}
        <ChartAxisChoice />
        {lessonWantsEpochs ? (
          <span className="muted small">
            This stage compares runs by {lessonAxis}.{' '}
            <button type="button" className="link-button" onClick={() => setChartX('epochs')}>
              Count epochs
            </button>
          </span>
        ) : null}
      </div>
      <div
        className="chart-canvas"
        ref={containerRef}
        onPointerMove={onPointerMove}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          onPointerMove(event);
        }}
        onPointerLeave={() => setHoverX(null)}
      >
        <canvas ref={plotRef} role="img" aria-label={`Loss versus ${unit} for ${visibleRuns.length} visible run${visibleRuns.length === 1 ? '' : 's'}${logInUse ? ', logarithmic loss axis' : ''}.`} />
        <canvas ref={cursorRef} className="chart-cursor" aria-hidden="true" />
        {lessonHides ? <p className="chart-hidden">{asking ? 'The loss curves appear once you answer (or skip to the answer).' : 'This stage of the lesson shows no loss curves.'}</p> : null}
        {hoverX !== null && hovered ? (
          <div className="chart-readout" role="status">
            <div className="readout-step">{xAxis === 'steps' ? `step ${formatInteger(hoverX)}` : `${formatNumber(hoverX, 3)} ${unit}`}</div>
            {visibleRuns.map((run) => {
              const plotted = hovered.runs.find((item) => item.id === run.id);
              const result = plotted?.result;
              const index = result ? indexAtX(plotted.xs, result.length, hoverX) : -1;
              const ended = result !== undefined && index === result.length - 1 && (plotted?.xs ? plotted.xs[index] : index) < hoverX;
              return (
                <div key={run.id} className="readout-row">
                  <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
                  <span className="readout-name">
                    {runNumber(run)} · {optimizerLabel(run.optimizer)}
                  </span>
                  {result && index >= 0 ? (
                    <span>
                      {xAxis === 'steps' ? '' : `step ${formatInteger(index)}: `}loss {formatNumber(result.loss[index])} at {formatPoint(result.x[index], result.y[index])}
                      {ended ? ` (ended at step ${formatInteger(index)})` : ''}
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
