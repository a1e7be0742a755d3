/**
 * The hyper-parameter heatmap: learning rate (log axis, across) × momentum μ or
 * Adam's β₁ (up), one cell per run from the current start, on a 2D canvas.
 *
 * What it should make obvious (distill's momentum lesson): the stable region
 * (its colours read as the surface's key does: low loss purple, high yellow),
 * the edge of divergence (diverged cells are near-black, outlined in white
 * against the rest), and the best μ for each learning rate (a small white
 * dot per column). Hover reads a cell out; a click adds a run with its settings.
 * Cells are read from MapResults outside React and redrawn as tiles arrive.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { appMaps, appResults, appStore, useAppStore } from '../../state/app.ts';
import { cellOutcome, cellRun } from '../../state/maps/cellRun.ts';
import type { HyperData } from '../../state/maps/types.ts';
import { useHyperMap } from '../../view/mapResults.ts';
import { cellAt, describeCell, drawHyperMap, type Cell, type HyperMetric } from './hyperMapDraw.ts';
import { timelineCaption } from './hyperTimeline.ts';

export type { HyperMetric } from './hyperMapDraw.ts';

export function HyperMap({ metric }: { metric: HyperMetric }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const data = useHyperMap();
  const [hover, setHover] = useState<string | null>(null);
  /** The cell the arrow keys move (null until the heatmap has keyboard focus). */
  const [focus, setFocus] = useState<Cell | null>(null);
  /** The cell the pointer is over: the read-out runs the cell's path, so only a new cell recomputes it. */
  const hovered = useRef<Cell | null>(null);
  // A new map (new settings, new start) reads its cells afresh.
  useEffect(() => {
    hovered.current = null;
  }, [data]);
  const run = useAppStore((state) => (data ? state.setup.runs.find((r) => r.id === data.runId) : undefined));
  const current = run && data ? { lr: run.lr, param: data.spec.axis === 'beta1' ? run.beta1 : run.optimizer === 'sgd' ? 0 : run.momentum } : null;
  const currentLr = current?.lr ?? null;
  const currentParam = current?.param ?? null;
  /** The timeline's step: cells whose run reaches its minimum only later are faded and hatched, and the caption reads this run's loss there. */
  const step = useAppStore((state) => state.timelineStep);
  /** The caption is written with the picture, outside React (tiles arrive between renders). */
  const captionRef = useRef<HTMLParagraphElement>(null);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const hyper = appMaps.results.hyper;
    if (canvas) drawHyperMap(canvas, hyper, metric, currentLr !== null && currentParam !== null ? { lr: currentLr, param: currentParam } : null, focus, step);
    const result = hyper ? appResults.runs.get(hyper.runId) : undefined;
    const loss = result && result.length > 0 ? result.loss[Math.min(step, result.length - 1)] : null;
    if (captionRef.current) captionRef.current.textContent = hyper ? timelineCaption(hyper, step, loss) : '';
  }, [metric, currentLr, currentParam, focus, step]);

  useEffect(() => {
    redraw();
    let queued = 0;
    const off = appMaps.results.subscribe((kind) => {
      if (kind !== 'hyper' || queued) return;
      queued = requestAnimationFrame(() => {
        queued = 0;
        redraw();
      });
    });
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => redraw()) : null;
    if (canvasRef.current) observer?.observe(canvasRef.current);
    return () => {
      off();
      cancelAnimationFrame(queued);
      observer?.disconnect();
    };
  }, [redraw, data]);

  const onMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const hyper = appMaps.results.hyper;
    const cell = hyper && cellAt(event.currentTarget, hyper, event.clientX, event.clientY);
    if (hyper && cell && hovered.current?.column === cell.column && hovered.current.row === cell.row) return;
    hovered.current = cell;
    setHover(hyper && cell ? readOut(hyper, cell) : null);
  };

  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const hyper = appMaps.results.hyper;
    const cell = hyper && cellAt(event.currentTarget, hyper, event.clientX, event.clientY);
    if (!hyper || !cell) return;
    addRunFromCell(hyper, cell.column, cell.row);
  };

  /** Arrow keys move the keyboard's cell (Shift: 8 cells), Home/End jump along η, Enter or Space adds its run. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLCanvasElement>) => {
    const hyper = appMaps.results.hyper;
    if (!hyper || !focus) return;
    const stride = event.shiftKey ? 8 : 1;
    const moves: Record<string, Cell> = {
      ArrowLeft: { column: focus.column - stride, row: focus.row },
      ArrowRight: { column: focus.column + stride, row: focus.row },
      ArrowUp: { column: focus.column, row: focus.row + stride },
      ArrowDown: { column: focus.column, row: focus.row - stride },
      Home: { column: 0, row: focus.row },
      End: { column: hyper.spec.lrCells - 1, row: focus.row },
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      addRunFromCell(hyper, focus.column, focus.row);
      return;
    }
    const next = Object.hasOwn(moves, event.key) ? moves[event.key] : null;
    if (!next) return;
    event.preventDefault();
    const cell = {
      column: Math.min(hyper.spec.lrCells - 1, Math.max(0, next.column)),
      row: Math.min(hyper.spec.paramCells - 1, Math.max(0, next.row)),
    };
    setFocus(cell);
    setHover(readOut(hyper, cell));
  };

  const onFocus = () => {
    const hyper = appMaps.results.hyper;
    if (!hyper) return;
    const cell = focus ?? { column: Math.floor(hyper.spec.lrCells / 2), row: Math.floor(hyper.spec.paramCells / 2) };
    setFocus(cell);
    setHover(readOut(hyper, cell));
  };

  return (
    <div className="hyper-map">
      <canvas
        ref={canvasRef}
        className="hyper-map-canvas"
        data-testid="hyper-map"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => setFocus(null)}
        role="img"
        aria-label={`Heatmap of ${metric === 'loss' ? 'final loss' : metric === 'steps' ? 'steps to reach a minimum' : 'the minimum reached'} over learning rate and ${data?.spec.axis === 'beta1' ? 'β₁' : 'momentum'}; click a cell, or move with the arrow keys and press Enter, to add a run with its settings`}
        onPointerMove={onMove}
        onPointerLeave={() => {
          hovered.current = null;
          setHover(null);
        }}
        onClick={onClick}
      />
      <p ref={captionRef} className="field-hint hyper-map-timeline" data-testid="hyper-map-timeline" />
      <p className="hyper-map-readout" aria-live="polite">
        {hover ?? (data ? 'Hover a cell to read it; click to add that run.' : '')}
      </p>
    </div>
  );
}

/** Adds a run with a cell's learning rate and μ or β₁, the mapped run's other settings and start. */
export function addRunFromCell(data: HyperData, column: number, row: number): string {
  const state = appStore.getState();
  const { optimizer, patch } = cellRun(state.setup, data, column, row);
  return state.addRun(optimizer, patch);
}

/** The read-out of a cell: what the run a click adds will do, in the words its label uses. */
function readOut(data: HyperData, cell: Cell): string {
  return describeCell(data, cell.column, cell.row, cellOutcome(appStore.getState().setup, data, cell.column, cell.row));
}
