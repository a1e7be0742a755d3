import { describe, expect, it } from 'vitest';
import { createRandom, LEAST_SQUARES, makeBowl, SURFACE_IDS, surfaceList, surfaces, type Surface } from '../../src/core/index.ts';
import { REGRESSION_ROWS } from '../../src/core/data/regression.ts';

const gradientAt = (surface: Surface, x: number, y: number): [number, number] => {
  const out = new Float64Array(2);
  surface.gradient(x, y, out);
  return [out[0], out[1]];
};

/** Every built-in surface, plus bowls of other condition numbers. */
const checked: readonly Surface[] = [...surfaceList, makeBowl(1), makeBowl(3.5), makeBowl(1000)];

describe('the registry', () => {
  it('holds the surfaces of the issue under their standard ids, keyed by id', () => {
    expect(SURFACE_IDS).toEqual([
      'saddle',
      'bowl',
      'valleys',
      'rosenbrock',
      'himmelblau',
      'beale',
      'rastrigin',
      'ackley',
      'six-hump-camel',
      'booth',
      'goldstein-price',
      'linear-regression',
      'neural-net',
    ]);
    for (const id of SURFACE_IDS) expect(surfaces[id].id).toBe(id);
    expect(Object.hasOwn(surfaces, 'constructor')).toBe(false);
  });

  it.each(surfaceList.map((surface) => [surface.id, surface] as const))('%s has a sensible record', (_, surface) => {
    const { x, y } = surface.domain;
    expect(x[0]).toBeLessThan(x[1]);
    expect(y[0]).toBeLessThan(y[1]);
    // A name, and one sentence on what the surface teaches.
    expect(surface.label).toMatch(/^[A-Z][^.]{3,}$/);
    expect(surface.teaches).toMatch(/^[A-Z][^\n]{20,}\.$/);
    expect(surface.lrRange[0]).toBeLessThan(surface.suggestedLr);
    expect(surface.suggestedLr).toBeLessThan(surface.lrRange[1]);
    expect(Number.isFinite(surface.loss(...surface.suggestedStart))).toBe(true);
    expect(surface.minima.length).toBeGreaterThan(0);
  });

  it('uses log height exactly where the loss spans decades', () => {
    const logged = surfaceList.filter((surface) => surface.logHeight).map((surface) => surface.id);
    expect(logged).toEqual(['rosenbrock', 'beale', 'goldstein-price', 'neural-net']);
  });
});

describe('analytic gradients match central finite differences', () => {
  it.each(checked.map((surface) => [surface.label, surface] as const))('%s at 60 random points', (_, surface) => {
    const random = createRandom(7);
    const { x: [x0, x1], y: [y0, y1] } = surface.domain;
    for (let k = 0; k < 60; k++) {
      const x = x0 + (x1 - x0) * random();
      const y = y0 + (y1 - y0) * random();
      const h = 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
      const fdx = (surface.loss(x + h, y) - surface.loss(x - h, y)) / (2 * h);
      const fdy = (surface.loss(x, y + h) - surface.loss(x, y - h)) / (2 * h);
      const [gx, gy] = gradientAt(surface, x, y);
      // Central differences err by O(h²)·L''' plus rounding ε·|L|/h: scale the tolerance with both.
      const tolerance = 1e-6 * Math.max(1, Math.abs(fdx), Math.abs(fdy), Math.abs(surface.loss(x, y)));
      expect(Math.abs(gx - fdx), `∂x at (${x}, ${y})`).toBeLessThan(tolerance);
      expect(Math.abs(gy - fdy), `∂y at (${x}, ${y})`).toBeLessThan(tolerance);
    }
  });
});

describe('listed minima', () => {
  it.each(checked.map((surface) => [surface.label, surface] as const))('%s: gradient ≈ 0, each a local minimum, global first', (_, surface) => {
    const span = Math.max(surface.domain.x[1] - surface.domain.x[0], surface.domain.y[1] - surface.domain.y[0]);
    const lowest = surface.loss(...surface.minima[0]);
    for (const [x, y] of surface.minima) {
      const loss = surface.loss(x, y);
      const [gx, gy] = gradientAt(surface, x, y);
      expect(Math.hypot(gx, gy), `gradient at (${x}, ${y})`).toBeLessThan(1e-8 * Math.max(1, Math.abs(loss)));
      expect(lowest).toBeLessThanOrEqual(loss + 1e-12);
      for (let k = 0; k < 8; k++) {
        const angle = (k * Math.PI) / 4;
        const r = 1e-3 * span;
        expect(surface.loss(x + r * Math.cos(angle), y + r * Math.sin(angle))).toBeGreaterThan(loss);
      }
    }
  });

  it('agree with the published values', () => {
    const near = (surface: Surface, index: number, point: readonly [number, number], digits: number) => {
      expect(surface.minima[index][0]).toBeCloseTo(point[0], digits);
      expect(surface.minima[index][1]).toBeCloseTo(point[1], digits);
    };
    near(surfaces.rosenbrock, 0, [1, 1], 12);
    near(surfaces.himmelblau, 1, [-2.805118, 3.131312], 5);
    near(surfaces.himmelblau, 2, [-3.77931, -3.283186], 5);
    near(surfaces.himmelblau, 3, [3.584428, -1.848126], 5);
    near(surfaces.beale, 0, [3, 0.5], 12);
    near(surfaces['six-hump-camel'], 0, [0.0898, -0.7127], 4); // published as ±(0.0898, −0.7126), truncated
    near(surfaces['goldstein-price'], 0, [0, -1], 12);
    expect(surfaces['goldstein-price'].loss(0, -1)).toBe(3);
    expect(surfaces['six-hump-camel'].loss(...surfaces['six-hump-camel'].minima[0])).toBeCloseTo(-1.0316, 4);
    expect(surfaces.ackley.loss(0, 0)).toBeCloseTo(0, 14);
    expect(surfaces.rastrigin.loss(0, 0)).toBe(0);
    expect(surfaces.saddle.loss(0, 1)).toBe(-0.25);
  });

  it('valleys has at least two minima of different depth', () => {
    const depths = surfaces.valleys.minima.map(([x, y]) => surfaces.valleys.loss(x, y));
    expect(depths.length).toBeGreaterThanOrEqual(2);
    expect(depths[1] - depths[0]).toBeGreaterThan(0.1);
  });
});

describe('the saddle', () => {
  it('curves up along x and down along y at the origin, and is bounded below', () => {
    const h = 1e-3;
    const s = surfaces.saddle;
    expect(s.loss(h, 0) + s.loss(-h, 0) - 2 * s.loss(0, 0)).toBeGreaterThan(0);
    expect(s.loss(0, h) + s.loss(0, -h) - 2 * s.loss(0, 0)).toBeLessThan(0);
    expect(s.loss(0, 10)).toBeGreaterThan(0);
  });
});

describe('makeBowl', () => {
  it.each([1, 10, 20, 1000])('has Hessian condition number %d', (condition) => {
    const bowl = makeBowl(condition);
    const h = 1e-4;
    const [ax, ay] = gradientAt(bowl, h, 0);
    const [bx, by] = gradientAt(bowl, 0, h);
    const [hxx, hxy, hyy] = [ax / h, (ay + bx) / (2 * h), by / h];
    const mean = (hxx + hyy) / 2;
    const radius = Math.hypot((hxx - hyy) / 2, hxy);
    expect((mean + radius) / (mean - radius)).toBeCloseTo(condition, 6);
  });

  it('refuses a condition number below 1', () => {
    expect(() => makeBowl(0.5)).toThrow(/condition/);
    expect(() => makeBowl(Number.NaN)).toThrow(/condition/);
  });
});

describe('linear regression', () => {
  const surface = surfaces['linear-regression'];
  const examples = surface.examples!;

  it('ships 64 rows and is the mean of its per-example losses and gradients', () => {
    expect(REGRESSION_ROWS.length).toBe(64);
    expect(examples.size).toBe(64);
    const random = createRandom(3);
    for (let k = 0; k < 20; k++) {
      const w = -1 + 6 * random();
      const b = -4 + 6 * random();
      let lossSum = 0;
      const summed = new Float64Array(2);
      for (let i = 0; i < examples.size; i++) {
        lossSum += examples.exampleLoss(i, w, b);
        examples.exampleGradient(i, w, b, summed);
      }
      expect(surface.loss(w, b)).toBeCloseTo(lossSum / examples.size, 11);
      const [gx, gy] = gradientAt(surface, w, b);
      expect(gx).toBeCloseTo(summed[0] / examples.size, 11);
      expect(gy).toBeCloseTo(summed[1] / examples.size, 11);
    }
  });

  it('has its minimum at the least-squares line, solved from the normal equations', () => {
    // [Σu² Σu; Σu N] [w; b] = [Σut; Σt], by Cramer's rule.
    let su = 0;
    let suu = 0;
    let st = 0;
    let sut = 0;
    for (const [u, t] of REGRESSION_ROWS) {
      su += u;
      suu += u * u;
      st += t;
      sut += u * t;
    }
    const n = REGRESSION_ROWS.length;
    const det = suu * n - su * su;
    const w = (sut * n - su * st) / det;
    const b = (suu * st - su * sut) / det;
    expect(LEAST_SQUARES[0]).toBeCloseTo(w, 12);
    expect(LEAST_SQUARES[1]).toBeCloseTo(b, 12);
    expect(surface.minima[0]).toEqual(LEAST_SQUARES);
    expect(w).toBeCloseTo(2, 0); // the data were drawn around t = 2u − 1
    expect(b).toBeCloseTo(-1, 0);
  });
});

describe('valleys, unrolled for speed', () => {
  it('gives bit for bit the loss and gradient of the formula summed well by well', () => {
    const wells = [
      [1.5, 1, 2, 0.8],
      [-1.5, -0.5, 1.4, 0.6],
      [0.6, -2.2, 1, 0.5],
    ] as const;
    const random = createRandom(3);
    const out = new Float64Array(2);
    for (let i = 0; i < 2000; i++) {
      const x = -4 + 8 * random();
      const y = -4 + 8 * random();
      let value = 0.05 * (x * x + y * y);
      let gx = 2 * 0.05 * x;
      let gy = 2 * 0.05 * y;
      for (const [cx, cy, depth, width2] of wells) {
        const dx = x - cx;
        const dy = y - cy;
        value -= depth * Math.exp(-(dx * dx + dy * dy) / width2);
        const pull = ((2 * depth) / width2) * Math.exp(-(dx * dx + dy * dy) / width2);
        gx += pull * dx;
        gy += pull * dy;
      }
      surfaces.valleys.gradient(x, y, out);
      expect(surfaces.valleys.loss(x, y)).toBe(value);
      expect(out[0]).toBe(gx);
      expect(out[1]).toBe(gy);
    }
  });
});
