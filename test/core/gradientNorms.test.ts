/**
 * A run's gradient norms and the fused loss-and-gradient evaluation: what the engine
 * streams as ‖∇L‖ must be the full gradient's norm at every point, however the run
 * obtained it (kept from the step's own gradient, or evaluated when read), and a surface's
 * `lossGradient` must change nothing in the path.
 */
import { describe, expect, it } from 'vitest';
import { createRun, createRandom, gradientNorm, makeBowl, OPTIMIZER_IDS, surfaces, type RunSpec, type Surface } from '../../src/core/index.ts';
import { surfaceFromExpression } from '../../src/core/expression/index.ts';


function typed(text: string): Surface {
  const result = surfaceFromExpression(text, { x: [-3, 3], y: [-3, 3] });
  if (!result.ok) throw new Error(result.error.message);
  return result.surface;
}

const TYPED = [
  'sin(x) * cos(y) + 0.1 * x^2',
  'x^2 + 10*y^2',
  '(1 - x)^2 + 100*(y - x^2)^2',
  'exp(-(x^2 + y^2)) - 0.5*exp(-((x-1)^2 + y^2)/0.3)',
  'log(1 + x^2 + y^2) + abs(x) * sqrt(y^2 + 1)',
  'tanh(x*y) + x^3 - 3*x + max(x, y) + hypot(x, y, 1)',
  '2^x + x^y + y^0.5 + atan(x/y)',
];
const fused = [...Object.values(surfaces), ...TYPED.map(typed)].filter((surface) => surface.lossGradient !== undefined);

describe('Surface.lossGradient', () => {
  it('exists where loss and gradient share their work', () => {
    expect(fused.map((surface) => surface.id)).toContain('valleys');
  });

  it.each(fused.map((surface) => ['source' in surface ? `${surface.id} ${String(surface.source)}` : surface.id, surface] as const))('%s: bit for bit the loss and the gradient, in and far outside the plot', (_id, surface) => {
    const random = createRandom(7);
    const { x: [x0, x1], y: [y0, y1] } = surface.domain;
    const out = new Float64Array(2);
    const g = new Float64Array(2);
    for (let i = 0; i < 20_000; i++) {
      const spread = i % 10 === 0 ? 40 : 1;
      const x = (x0 + x1) / 2 + spread * (random() - 0.5) * (x1 - x0);
      const y = (y0 + y1) / 2 + spread * (random() - 0.5) * (y1 - y0);
      const loss = surface.lossGradient!(x, y, out);
      surface.gradient(x, y, g);
      if (!Object.is(loss, surface.loss(x, y)) || !Object.is(out[0], g[0]) || !Object.is(out[1], g[1])) {
        throw new Error(`differs at (${x}, ${y}): ${loss} vs ${surface.loss(x, y)}, (${out[0]}, ${out[1]}) vs (${g[0]}, ${g[1]})`);
      }
    }
  });
});

const cases: { name: string; surface: Surface; lr: number; batch?: number }[] = [
  { name: 'valleys', surface: surfaces.valleys, lr: 0.1 },
  { name: 'valleys, mini-batches', surface: surfaces.valleys, lr: 0.1, batch: 8 },
  { name: 'rosenbrock', surface: surfaces.rosenbrock, lr: 0.001 },
  { name: 'bowl κ = 5, diverging', surface: makeBowl(5), lr: 1.1 },
  { name: 'typed-in function', surface: typed('sin(x) * cos(y) + 0.1 * x^2'), lr: 0.2 },
];

describe('Run.gradientNorms', () => {
  for (const { name, surface, lr, batch } of cases) {
    it.each(OPTIMIZER_IDS.flatMap((optimizer) => [[optimizer, 'kept'], [optimizer, 'evaluated when read']] as const))(`${name}, %s, %s: the full gradient's norm at every point, streamed in uneven pieces`, (optimizer, kept) => {
      const spec: RunSpec = { surface, optimizer, lr, start: surface.suggestedStart, steps: 300, ...(batch === undefined ? {} : { batchSize: batch, datasetSize: 64 }) };
      const run = createRun(spec, { recordGradientNorms: kept === 'kept' });
      const seen: number[] = [];
      for (const piece of [1, 1, 7, 50, 1000]) {
        run.advance(piece);
        // Read between pieces, as the worker does before each chunk.
        seen.push(...run.gradientNorms.subarray(seen.length, run.length));
      }
      expect(run.length).toBeGreaterThan(1);
      const expected = Array.from({ length: run.length }, (_, k) => gradientNorm(surface, run.x[k], run.y[k]));
      expect(seen).toEqual(expected);
      expect(Array.from(run.gradientNorms.subarray(0, run.length))).toEqual(expected);
    });
  }

  it('a surface evaluated in one pass gives the same path as one evaluated twice', () => {
    const twice: Surface = { ...surfaces.valleys, lossGradient: undefined };
    for (const optimizer of OPTIMIZER_IDS) {
      const a = createRun({ surface: surfaces.valleys, optimizer, lr: 0.1, start: [3, -2.25], steps: 2000 }, { recordGradientNorms: true });
      const b = createRun({ surface: twice, optimizer, lr: 0.1, start: [3, -2.25], steps: 2000 });
      a.advance(2000);
      b.advance(2000);
      expect(a.length, optimizer).toBe(b.length);
      for (const key of ['x', 'y', 'loss'] as const) expect(a[key].subarray(0, a.length), `${optimizer} ${key}`).toEqual(b[key].subarray(0, b.length));
    }
  });
});
