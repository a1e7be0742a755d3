import { describe, expect, it } from 'vitest';
import { hyperCellLr, MAP_DIVERGED, surfaces } from '../../../src/core/index.ts';
import { data, spec } from './hyperFixture.ts';
import { bestRowPerColumn, cellColormapPosition, describeCell, lossScale } from '../../../src/ui/maps/hyperMapDraw.ts';

describe('hyper heatmap read-outs', () => {
  it('scales loss colors from the start’s loss down at most 8 decades', () => {
    const d = data();
    const scale = lossScale(d);
    expect(scale.hi).toBeCloseTo(Math.log10(surfaces.bowl.loss(-2.5, 2)), 12);
    // Converged cells sit at the 1e−12 floor, far below: the scale stops 8 decades down.
    expect(scale.lo).toBeCloseTo(scale.hi - 8, 12);
    // When the best cell is only 1000 times better than the start, the scale ends there.
    const closer = { ...d, finalLoss: d.finalLoss.map(() => d.startLoss / 1000) };
    expect(lossScale(closer).lo).toBeCloseTo(scale.hi - 3, 12);
    // Never less than one decade, even when no cell improved on the start.
    const stuck = { ...d, finalLoss: d.finalLoss.map(() => d.startLoss) };
    expect(lossScale(stuck).lo).toBeCloseTo(scale.hi - 1, 12);
  });

  it('marks, for each learning rate, the momentum with the lowest final loss', () => {
    const d = data();
    const best = bestRowPerColumn(d, 'loss');
    for (let column = 0; column < spec.lrCells; column++) {
      const losses = Array.from({ length: spec.paramCells }, (_, row) => (d.outcome[row * spec.lrCells + column] === MAP_DIVERGED ? Infinity : d.finalLoss[row * spec.lrCells + column]));
      if (losses.every((loss) => loss === Infinity)) expect(best[column]).toBe(-1);
      else expect(Math.max(1e-12, losses[best[column]])).toBeLessThanOrEqual(Math.max(1e-12, Math.min(...losses)) * (1 + 1e-9));
    }
  });

  it('reads a cell out in words: settings, then diverged or the final loss and the steps it took', () => {
    const d = data();
    const lastColumn = spec.lrCells - 1;
    expect(d.outcome[lastColumn]).toBe(MAP_DIVERGED); // lr 4 with μ = 0 diverges on the bowl
    expect(describeCell(d, lastColumn, 0)).toBe(`η 4, μ 0: diverged`);
    const text = describeCell(d, 8, 5);
    expect(text).toMatch(new RegExp(`^η ${hyperCellLr(spec, 8).toPrecision(3).replace(/0+$/, '').replace(/\.$/, '')}, μ 0\\.5: final loss `));
  });

  it('colours loss and steps as the surface key does: low in purple (0), high in yellow (1)', () => {
    const d = data();
    const scale = lossScale(d);
    let lowest = -1;
    let highest = -1;
    for (let cell = 0; cell < d.finalLoss.length; cell++) {
      if (d.outcome[cell] === MAP_DIVERGED) continue;
      if (lowest < 0 || d.finalLoss[cell] < d.finalLoss[lowest]) lowest = cell;
      if (highest < 0 || d.finalLoss[cell] > d.finalLoss[highest]) highest = cell;
    }
    expect(cellColormapPosition(d, lowest, 'loss', scale)).toBe(0);
    const atStart = { ...d, finalLoss: d.finalLoss.map((loss, cell) => (cell === highest ? d.startLoss : loss)) };
    expect(cellColormapPosition(atStart, highest, 'loss', scale)).toBe(1);
    // Fewer steps to the minimum: lower on the scale.
    const fast = d.stepsToTolerance.indexOf(Math.min(...[...d.stepsToTolerance].filter((steps) => steps >= 0)));
    const slow = d.stepsToTolerance.indexOf(Math.max(...d.stepsToTolerance));
    expect(cellColormapPosition(d, fast, 'steps', scale)!).toBeLessThan(cellColormapPosition(d, slow, 'steps', scale)!);
  });
});
