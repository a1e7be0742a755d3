/**
 * The landscape without WebGL: a plain 2D canvas with the colour-mapped height
 * field, iso-lines (marching squares, once per field), minima, the start point and
 * every run's path and ball. Clicking sets the start. Redraws on results, store
 * changes and during playback, at most once per animation frame.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Surface } from '../../core/types.ts';
import type { SceneRun } from '../pane/sceneRuns.ts';
import { appResults, appStore, clickSurface, playhead } from '../appBridge.ts';
import { colormapInto } from '../../view/colormap.ts';
import { formatNumber } from '../../view/format.ts';
import { fitCanvas2d } from '../../view/canvas2d.ts';
import { GUESS_COLOR } from '../../view/runColors.ts';
import { clampToDomain } from '../surface/heightMapping.ts';
import { niceTicks } from '../../view/ticks.ts';
import type { MappedField } from '../surface/mappedField.ts';
import { contourLevels, contourLines } from './marchingSquares.ts';
import { classifyMinima } from '../markers/Minima.tsx';

const MARGIN = 48;
const NOTICE_ROOM = 110;

/** The field as an image (row 0 at the bottom) with its iso-lines, drawn once per field. */
function paintBackground(field: MappedField): HTMLCanvasElement {
  const r = field.resolution;
  const image = document.createElement('canvas');
  image.width = r;
  image.height = r;
  const context = image.getContext('2d');
  if (!context) return image;
  const pixels = context.createImageData(r, r);
  for (let j = 0; j < r; j++) {
    for (let i = 0; i < r; i++) {
      const o = ((r - 1 - j) * r + i) * 4;
      colormapInto(field.t[j * r + i], pixels.data, o, 255);
      pixels.data[o + 3] = 255;
    }
  }
  context.putImageData(pixels, 0, 0);
  return image;
}

export function Fallback2D({ field, surface, runs }: { field: MappedField; surface: Surface | null; runs: readonly SceneRun[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const background = useMemo(() => paintBackground(field), [field]);
  const contours = useMemo(() => contourLines(field.t, field.resolution, field.resolution, contourLevels(15)), [field]);
  const minima = useMemo(() => classifyMinima(surface), [surface]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let queued = 0;
    const r = field.resolution;
    const [x0, x1] = field.domain.x;
    const [y0, y1] = field.domain.y;
    /** Fit the domain in the canvas, keeping its aspect ratio, leaving room for ticks and the colour key. */
    const layout = (width: number, height: number) => {
      const room = width - 2 * MARGIN;
      // The bottom keeps room for the w₁ ticks and the "WebGL is not available" notice.
      const scale = Math.min(room / (x1 - x0), (height - MARGIN - NOTICE_ROOM) / (y1 - y0));
      return { scale, left: MARGIN + (room - (x1 - x0) * scale) / 2, top: MARGIN * 0.6 };
    };
    const drawTicks = (context: CanvasRenderingContext2D, px: (x: number) => number, py: (y: number) => number) => {
      context.fillStyle = '#c9cfdb';
      context.font = '13px system-ui, sans-serif';
      context.textAlign = 'center';
      context.textBaseline = 'top';
      for (const x of niceTicks(x0, x1, 5)) context.fillText(formatNumber(x), px(x), py(y0) + 6);
      context.fillText('w₁', px((x0 + x1) / 2), py(y0) + 24);
      context.textAlign = 'right';
      context.textBaseline = 'middle';
      for (const y of niceTicks(y0, y1, 5)) context.fillText(formatNumber(y), px(x0) - 6, py(y));
      context.fillText('w₂', px(x0) - 26, py((y0 + y1) / 2));
      context.textAlign = 'left';
    };
    const draw = () => {
      queued = 0;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const context = fitCanvas2d(canvas, width, height);
      if (!context) return;
      context.fillStyle = '#0f1117';
      context.fillRect(0, 0, width, height);
      // Fit the domain, keeping its aspect ratio.
      const { scale, left, top } = layout(width, height);
      if (!(scale > 0)) return;
      const px = (x: number) => left + (x - x0) * scale;
      const py = (y: number) => top + (y1 - y) * scale;
      const gx = (g: number) => left + (g / (r - 1)) * (x1 - x0) * scale;
      const gy = (g: number) => top + (1 - g / (r - 1)) * (y1 - y0) * scale;
      context.imageSmoothingEnabled = true;
      context.drawImage(background, left, top, (x1 - x0) * scale, (y1 - y0) * scale);
      context.lineWidth = 1;
      context.strokeStyle = 'rgba(10, 12, 18, 0.45)';
      context.beginPath();
      for (const segments of contours) {
        for (let k = 0; k < segments.length; k += 4) {
          context.moveTo(gx(segments[k]), gy(segments[k + 1]));
          context.lineTo(gx(segments[k + 2]), gy(segments[k + 3]));
        }
      }
      context.stroke();
      drawTicks(context, px, py);
      for (const m of minima) {
        context.fillStyle = '#ffffff';
        context.strokeStyle = '#ffffff';
        context.beginPath();
        if (m.global) {
          context.moveTo(px(m.x), py(m.y) - 7);
          context.lineTo(px(m.x) + 7, py(m.y));
          context.lineTo(px(m.x), py(m.y) + 7);
          context.lineTo(px(m.x) - 7, py(m.y));
          context.fill();
        } else {
          context.lineWidth = 2;
          context.arc(px(m.x), py(m.y), 6, 0, Math.PI * 2);
          context.stroke();
        }
      }
      const point = [0, 0];
      const step = playhead.stepAt(performance.now());
      for (const run of runs) {
        const result = appResults.runs.get(run.id);
        if (!run.visible || !result || result.length === 0) continue;
        const last = Math.min(result.length - 1, Math.floor(step), run.lastStep ?? Number.POSITIVE_INFINITY);
        context.beginPath();
        for (let k = 0; k <= last; k++) {
          clampToDomain(result.x[k], result.y[k], field.domain, point);
          if (k === 0) context.moveTo(px(point[0]), py(point[1]));
          else context.lineTo(px(point[0]), py(point[1]));
        }
        context.lineJoin = 'round';
        context.lineWidth = 6;
        context.strokeStyle = 'rgba(11, 13, 18, 0.75)';
        context.stroke();
        context.lineWidth = 3;
        context.strokeStyle = run.color;
        context.stroke();
        clampToDomain(result.x[last], result.y[last], field.domain, point);
        context.fillStyle = run.color;
        context.beginPath();
        context.arc(px(point[0]), py(point[1]), 6, 0, Math.PI * 2);
        context.fill();
        if (result.status === 'diverged' && last === result.length - 1) {
          context.font = '600 14px system-ui, sans-serif';
          context.fillText(`✕ diverged at step ${result.divergedAt}`, px(point[0]) + 9, py(point[1]) - 9);
        }
      }
      const start = appStore.getState().setup.start;
      clampToDomain(start[0], start[1], field.domain, point);
      context.fillStyle = '#ffffff';
      context.strokeStyle = '#0b0d12';
      context.lineWidth = 2;
      context.beginPath();
      context.arc(px(point[0]), py(point[1]), 7, 0, Math.PI * 2);
      context.fill();
      context.stroke();
      const session = appStore.getState().lesson;
      const guess = session && session.lesson.stages[session.stage].question?.kind === 'click' ? session.clickGuess : null;
      if (guess) {
        clampToDomain(guess[0], guess[1], field.domain, point);
        context.strokeStyle = GUESS_COLOR;
        context.lineWidth = 3;
        context.beginPath();
        context.arc(px(point[0]), py(point[1]), 10, 0, Math.PI * 2);
        context.stroke();
      }
      if (playhead.playing && !playhead.finished()) request();
    };
    const request = () => {
      if (!queued) queued = requestAnimationFrame(draw);
    };
    const onClick = (event: MouseEvent) => {
      const rect = canvas.getBoundingClientRect();
      const { scale, left, top } = layout(rect.width, rect.height);
      const x = x0 + (event.clientX - rect.left - left) / scale;
      const y = y1 - (event.clientY - rect.top - top) / scale;
      if (x >= x0 && x <= x1 && y >= y0 && y <= y1) clickSurface(x, y);
    };
    const offResults = appResults.subscribe(request);
    const offStore = appStore.subscribe(request);
    const observer = new ResizeObserver(request);
    observer.observe(canvas);
    canvas.addEventListener('click', onClick);
    request();
    return () => {
      offResults();
      offStore();
      observer.disconnect();
      canvas.removeEventListener('click', onClick);
      if (queued) cancelAnimationFrame(queued);
    };
  }, [field, background, contours, minima, runs]);

  return <canvas ref={canvasRef} className="scene-fallback-canvas" aria-label="Loss landscape (2D contour view)" />;
}
