import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random.ts';
import { drawChart, type ChartLayout, type ChartSeries } from '../../../src/ui/chart/chartDraw.ts';
import { axisFraction, type Axis } from '../../../src/ui/chart/chartScale.ts';
import { formatInteger } from '../../../src/view/format.ts';

type Call = [string, number, number];

/** A 2D context that records the path of each stroked series and ignores the rest. */
function recordingContext(): { ctx: CanvasRenderingContext2D; strokes: Call[][] } {
  const strokes: Call[][] = [];
  let current: Call[] = [];
  const record: Record<string, unknown> = {
    beginPath: () => (current = []),
    moveTo: (x: number, y: number) => current.push(['M', x, y]),
    lineTo: (x: number, y: number) => current.push(['L', x, y]),
    stroke: () => strokes.push(current),
    measureText: (text: string) => ({ width: text.length * 6 }),
    setLineDash: () => undefined,
  };
  const ctx = new Proxy(record, { get: (target, key: string) => (key in target ? target[key] : () => undefined), set: () => true });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

/** The reduction done the plain way: map every point to pixels, then keep first/min/max/last per column. */
function reference(layout: ChartLayout, axis: Axis, values: ArrayLike<number>, length: number, xs: ArrayLike<number> | null = null): Call[] {
  const { left, top, width, height, maxX: maxStep } = layout;
  const calls: Call[] = [];
  let pen = false;
  let column = Number.NaN;
  let minY = 0;
  let maxY = 0;
  let lastY = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    calls.push(['L', column, minY], ['L', column, maxY], ['L', column, lastY]);
  };
  for (let step = 0; step < (xs ? length : Math.min(length, maxStep + 1)); step++) {
    const fraction = axisFraction(axis, values[step]);
    if (Number.isNaN(fraction)) {
      flush();
      column = Number.NaN;
      pen = false;
      continue;
    }
    const y = top + height * (1 - Math.max(-0.05, Math.min(1.05, fraction)));
    const x = Math.round(left + ((xs ? xs[step] : step) / maxStep) * width);
    if (!pen) {
      calls.push(['M', x, y]);
      pen = true;
      column = x;
      minY = maxY = lastY = y;
    } else if (x !== column) {
      flush();
      column = x;
      minY = maxY = lastY = y;
      calls.push(['L', x, y]);
    } else {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      lastY = y;
    }
  }
  flush();
  return calls;
}

/**
 * What a path shows, column by column: for each pen-down stretch, each pixel column's entry,
 * topmost, bottommost and last y. Two paths that differ only by redundant vertical vertices
 * (a column's extremes visited once, in another order) show the same.
 */
function shown(calls: readonly Call[]): string[] {
  const out: string[] = [];
  let column = Number.NaN;
  let entry = 0;
  let low = 0;
  let high = 0;
  let last = 0;
  const close = () => {
    if (!Number.isNaN(column)) out.push(`${column}: ${entry.toFixed(9)} ${low.toFixed(9)} ${high.toFixed(9)} ${last.toFixed(9)}`);
  };
  for (const [kind, x, y] of calls) {
    if (kind === 'M' || x !== column) {
      close();
      if (kind === 'M') out.push('pen down');
      column = x;
      entry = low = high = last = y;
      continue;
    }
    low = Math.min(low, y);
    high = Math.max(high, y);
    last = y;
  }
  close();
  return out;
}

/** The drawn path shows what the plain reduction shows, with at most as many vertices. */
function expectSameShape(drawn: readonly Call[], expected: readonly Call[]): void {
  expect(shown(drawn)).toEqual(shown(expected));
  expect(drawn.length).toBeLessThanOrEqual(expected.length);
}

describe('loss chart series', () => {
  it('reduces each pixel column on raw values to what mapping every point would show, gaps and off-scale values included', () => {
    const random = createRandom(11);
    for (const log of [true, false]) {
      for (const steps of [50, 3_000, 100_000]) {
        const values = new Float64Array(steps + 1);
        for (let i = 0; i <= steps; i++) {
          const r = random();
          values[i] = r < 0.01 ? Number.NaN : r < 0.02 ? -r : r < 0.03 ? Infinity : 10 ** (4 * random() - 2) * (1 + i / steps);
        }
        const axis: Axis = log ? { log, min: 0.1, max: 10 } : { log, min: 0, max: 50 };
        const series: ChartSeries = { color: '#fff', values, length: values.length, style: 'solid', axis: 'left' };
        const { ctx, strokes } = recordingContext();
        const layout = drawChart(ctx, 600, 300, 12, { maxX: steps, xAxis: 'steps', xTitle: 'step', left: axis, right: null, series: [series], leftTitle: 'loss', rightTitle: '' });
        const drawn = strokes.at(-1)!;
        const expected = reference(layout, axis, values, values.length);
        expectSameShape(drawn, expected);
        // A path of a few points per column, whatever the number of steps.
        expect(drawn.length).toBeLessThan(4 * layout.width + 4 * 0.04 * steps + 10);
      }
    }
  });

  it('on an axis of evaluations or epochs, reduces by the points’ own x to what mapping every point would show', () => {
    const random = createRandom(5);
    for (const steps of [40, 5_000, 60_000]) {
      // Cumulative counts that grow unevenly: a line search's several trials, then none for a while.
      const xs = new Float64Array(steps + 1);
      const values = new Float64Array(steps + 1);
      for (let i = 1; i <= steps; i++) xs[i] = xs[i - 1] + (random() < 0.3 ? 0 : random() * 3);
      for (let i = 0; i <= steps; i++) values[i] = 10 ** (3 * random() - 1);
      const axis: Axis = { log: true, min: 0.1, max: 100 };
      const series: ChartSeries = { color: '#fff', values, length: values.length, style: 'solid', axis: 'left', xs };
      const { ctx, strokes } = recordingContext();
      const layout = drawChart(ctx, 600, 300, 12, { maxX: xs[steps], xAxis: 'gradients', xTitle: 'gradient evaluations', left: axis, right: null, series: [series], leftTitle: 'loss', rightTitle: '' });
      const drawn = strokes.at(-1)!;
      const expected = reference(layout, axis, values, values.length, xs);
      expectSameShape(drawn, expected);
    }
  });
});

describe('loss chart series while a run streams in', () => {
  /** The stroke of one series drawn on a 600 × 300 chart. */
  function stroke(series: ChartSeries, axis: Axis, maxX: number): Call[] {
    const { ctx, strokes } = recordingContext();
    drawChart(ctx, 600, 300, 12, { maxX, xAxis: series.xs ? 'gradients' : 'steps', xTitle: 'x', left: axis, right: null, series: [series], leftTitle: 'loss', rightTitle: '' });
    return strokes.at(-1)!;
  }

  it('continuing the last reduction draws exactly what reducing from scratch draws, chunk after chunk and across generations', () => {
    const random = createRandom(29);
    for (const withXs of [false, true]) {
      for (const log of [true, false]) {
        const steps = 40_000;
        const values = new Float64Array(steps + 1);
        const xs = withXs ? new Float64Array(steps + 1) : null;
        const axis: Axis = log ? { log, min: 1e-3, max: 10 } : { log, min: -1, max: 12 };
        for (const generation of [1, 2]) {
          const fill = (from: number, to: number) => {
            for (let i = from; i < to; i++) {
              const r = random();
              values[i] = r < 0.005 ? Number.NaN : r < 0.01 ? -r : 10 ** (2 * random() - 2) * (1 + (generation * i) / steps);
              if (xs) xs[i] = i === 0 ? 0 : xs[i - 1] + (random() < 0.3 ? 0 : random() * 2);
            }
          };
          let length = 0;
          while (length < steps + 1) {
            const next = Math.min(steps + 1, length + 1 + Math.floor(random() * 4000));
            fill(length, next);
            length = next;
            const maxX = xs ? xs[steps] + 1 : steps;
            const streamed = stroke({ color: '#fff', values, length, style: 'solid', axis: 'left', xs, generation }, axis, maxX);
            const scratch = stroke({ color: '#fff', values, length, style: 'solid', axis: 'left', xs }, axis, maxX);
            expect(streamed).toEqual(scratch);
          }
        }
      }
    }
  });

  it('starts over when the axis changes what the columns hold (a floor at a new axis minimum)', () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => (i % 7 === 0 ? 0 : 1 / (i + 1)));
    const series: ChartSeries = { color: '#fff', values, length: 1001, style: 'solid', axis: 'left', floorAtZero: true, generation: 3 };
    for (const min of [1e-4, 1e-6, 1e-4]) {
      const axis: Axis = { log: true, min, max: 1 };
      expect(stroke(series, axis, 1000)).toEqual(stroke({ ...series, generation: undefined }, axis, 1000));
    }
  });
});

describe('loss chart text', () => {
  /** Every fillText's horizontal extent, from the context's textAlign and a width of 6 px per character. */
  function textExtents(draw: (ctx: CanvasRenderingContext2D) => void): { text: string; from: number; to: number }[] {
    const extents: { text: string; from: number; to: number }[] = [];
    let align = 'start';
    let rotated = false;
    const record: Record<string, unknown> = {
      measureText: (text: string) => ({ width: text.length * 6 }),
      rotate: () => (rotated = true),
      restore: () => (rotated = false),
      fillText: (text: string, x: number) => {
        if (rotated) return;
        const width = text.length * 6;
        const from = align === 'center' ? x - width / 2 : align === 'right' || align === 'end' ? x - width : x;
        extents.push({ text, from, to: from + width });
      },
    };
    const ctx = new Proxy(record, {
      get: (target, key: string) => (key in target ? target[key] : () => undefined),
      set: (_target, key: string, value: unknown) => {
        if (key === 'textAlign') align = String(value);
        return true;
      },
    });
    draw(ctx as unknown as CanvasRenderingContext2D);
    return extents;
  }

  it('keeps every label inside the canvas, the last step count under the plot’s right edge included', () => {
    for (const [width, maxX] of [[366, 1000], [600, 1000], [300, 100000], [420, 200]] as const) {
      const series: ChartSeries = { values: Float64Array.from({ length: 11 }, (_, i) => 1 / (i + 1)), length: 11, color: '#fff', style: 'solid', axis: 'left' };
      const axis: Axis = { log: true, min: 0.01, max: 1 };
      const extents = textExtents((ctx) => drawChart(ctx, width, 200, 12, { maxX, xAxis: 'steps', xTitle: 'step', left: axis, right: null, series: [series], leftTitle: 'loss', rightTitle: '' }));
      expect(extents.some((extent) => extent.text === formatInteger(maxX))).toBe(true);
      for (const extent of extents) {
        expect(extent.from, `"${extent.text}" at width ${width}`).toBeGreaterThanOrEqual(0);
        expect(extent.to, `"${extent.text}" at width ${width}`).toBeLessThanOrEqual(width);
      }
    }
  });
});
