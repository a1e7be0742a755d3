/**
 * Gradient-free baselines: random search and a small genetic algorithm. They only
 * evaluate the loss, always the full loss (they ignore batchSize), and draw from
 * the run's seeded generator, so a seed reproduces a path exactly. The path is the
 * best point found so far, so its loss never increases. The learning rate is not used.
 *
 * Both adapt their search radius σ (σ₀ = spread × the plot's larger side S) by
 * success: after a step that found a better point σ ← min(1.5σ, S), else σ ← 0.8σ,
 * so the search widens while it makes progress and narrows around a minimum.
 */
import { normal } from '../random.ts';
import type { ResolvedRunSpec } from '../validate.ts';
import { finish, leaves, scalar, stepsTaken, type Loop, type LoopState, type OptimizerLoop, type StateQuantity } from './types.ts';

/** Factors applied to the search radius after a step that improved (EXPAND) or did not (SHRINK). */
export const SPREAD_EXPAND = 1.5;
export const SPREAD_SHRINK = 0.8;

/** The plot's larger side. */
const sideOf = (settings: ResolvedRunSpec): number => {
  const { x, y } = settings.surface.domain;
  return Math.max(x[1] - x[0], y[1] - y[0]);
};

/** Points [x, y] stored from `at` in state, `count` of them. */
function pointsIn(state: Float64Array, at: number, count: number): [number, number][] {
  return Array.from({ length: count }, (_, k): [number, number] => [state[at + 2 * k], state[at + 2 * k + 1]]);
}

/**
 * Random search: each step draws `candidates` points, around the best point so far
 * (θ + σ·N(0, I), sampling 'local') or uniformly over the plot ('uniform'), and moves
 * to the best of them if it is lower. State: [σ, ·, candidates (2c), their losses (c)].
 */
const randomSearchLoop: Loop = (run, count) => {
  const { lossAt, state, random } = run;
  const { candidates, sampling } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const side = sideOf(run.settings);
  const [x0, x1] = run.surface.domain.x;
  const [y0, y1] = run.surface.domain.y;
  const uniform = sampling === 'uniform';
  const lossesAt = 2 + 2 * candidates;
  let sigma = state[0];
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let best = ls[i];
  const end = i + count;
  while (i < end) {
    let winner = -1;
    for (let k = 0; k < candidates; k++) {
      const cx = uniform ? x0 + (x1 - x0) * random() : x + sigma * normal(random);
      const cy = uniform ? y0 + (y1 - y0) * random() : y + sigma * normal(random);
      const l = lossAt(cx, cy);
      state[2 + 2 * k] = cx;
      state[3 + 2 * k] = cy;
      state[lossesAt + k] = l;
      if (l < best) {
        best = l;
        winner = k;
      }
    }
    if (winner >= 0) {
      x = state[2 + 2 * winner];
      y = state[3 + 2 * winner];
      sigma = Math.min(sigma * SPREAD_EXPAND, side);
    } else {
      sigma *= SPREAD_SHRINK;
    }
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && best <= lossLimit && best >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, best)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = best;
  }
  state[0] = sigma;
  return finish(run, i);
};

/** Layout of the genetic algorithm's state for population P: offsets of the population, its losses, the children and theirs. */
const layout = (size: number) => ({ population: 2, losses: 2 + 2 * size, children: 2 + 3 * size, childLosses: 2 + 5 * size });

/** True when loss a is better than loss b (a NaN loss is worse than any number). */
const better = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/**
 * A small genetic algorithm. The first step evaluates the first generation: the
 * start and P − 1 points around it (σ·N(0, I)). Each later step breeds a new
 * generation: the best member survives unchanged (elitism); each of the P − 1 others
 * is a child of two parents, each the better of two members drawn at random
 * (tournament selection), blended coordinate by coordinate with random weights
 * (w·a + (1 − w)·b) with probability `crossoverRate`, else a copy of the first, then
 * mutated by σ·N(0, I). State: [σ, generations, population (2P), losses (P), children (2P), their losses (P)].
 */
const evolutionLoop: Loop = (run, count) => {
  const { lossAt, state, random } = run;
  const { populationSize: size, crossoverRate } = run.settings;
  const { x: xs, y: ys, loss: ls } = run;
  let { xLow, xHigh, yLow, yHigh } = run.bounds;
  const lossLimit = run.bounds.lossLimit;
  const side = sideOf(run.settings);
  const { population, losses, children, childLosses } = layout(size);
  const pick = (): number => {
    const a = Math.floor(random() * size);
    const b = Math.floor(random() * size);
    return better(state[losses + b], state[losses + a]) ? b : a;
  };
  let sigma = state[0];
  let i = run.length - 1;
  let x = xs[i];
  let y = ys[i];
  let best = ls[i];
  const end = i + count;
  while (i < end) {
    if (state[1] === 0) {
      state[population] = x;
      state[population + 1] = y;
      state[losses] = best;
      for (let k = 1; k < size; k++) {
        const cx = x + sigma * normal(random);
        const cy = y + sigma * normal(random);
        state[population + 2 * k] = cx;
        state[population + 2 * k + 1] = cy;
        state[losses + k] = lossAt(cx, cy);
      }
    } else {
      let elite = 0;
      for (let k = 1; k < size; k++) if (better(state[losses + k], state[losses + elite])) elite = k;
      state[children] = state[population + 2 * elite];
      state[children + 1] = state[population + 2 * elite + 1];
      state[childLosses] = state[losses + elite];
      for (let k = 1; k < size; k++) {
        const a = pick();
        let cx = state[population + 2 * a];
        let cy = state[population + 2 * a + 1];
        if (random() < crossoverRate) {
          const b = pick();
          const wx = random();
          const wy = random();
          cx = wx * cx + (1 - wx) * state[population + 2 * b];
          cy = wy * cy + (1 - wy) * state[population + 2 * b + 1];
        }
        cx += sigma * normal(random);
        cy += sigma * normal(random);
        state[children + 2 * k] = cx;
        state[children + 2 * k + 1] = cy;
        state[childLosses + k] = lossAt(cx, cy);
      }
      state.copyWithin(population, children, children + 3 * size);
    }
    state[1]++;
    let elite = 0;
    for (let k = 1; k < size; k++) if (better(state[losses + k], state[losses + elite])) elite = k;
    if (state[losses + elite] < best) {
      best = state[losses + elite];
      x = state[population + 2 * elite];
      y = state[population + 2 * elite + 1];
      sigma = Math.min(sigma * SPREAD_EXPAND, side);
    } else {
      sigma *= SPREAD_SHRINK;
    }
    if (!(x >= xLow && x <= xHigh && y >= yLow && y <= yHigh && best <= lossLimit && best >= -lossLimit)) {
      if (leaves(run, i + 1, x, y, best)) break;
      ({ xLow, xHigh, yLow, yHigh } = run.bounds);
    }
    xs[++i] = x;
    ys[i] = y;
    ls[i] = best;
  }
  state[0] = sigma;
  return finish(run, i);
};

const spreadInit = (state: Float64Array, settings: ResolvedRunSpec): void => {
  state[0] = settings.spread * sideOf(settings);
};

export const RANDOM_SEARCH: OptimizerLoop = {
  loop: randomSearchLoop,
  stateSize: (settings) => 2 + 3 * settings.candidates,
  init: spreadInit,
  cost: (settings) => ({ lossAtStart: 1, lossPerStep: settings.candidates, gradientPerStep: 0 }),
  describe: (run: LoopState) => {
    const { candidates, sampling } = run.settings;
    const quantities: StateQuantity[] = [scalar(sampling === 'uniform' ? 'Search radius (unused: uniform sampling)' : 'Search radius', '\\sigma', run.state[0])];
    if (stepsTaken(run) > 0) {
      quantities.push({ name: 'Candidates of the last step', symbol: '\\theta^{(k)}', kind: 'points', value: pointsIn(run.state, 2, candidates) });
      quantities.push({ name: 'Their losses', symbol: 'L(\\theta^{(k)})', kind: 'list', value: Array.from(run.state.subarray(2 + 2 * candidates, 2 + 3 * candidates)) });
    }
    return quantities;
  },
};

export const EVOLUTION: OptimizerLoop = {
  loop: evolutionLoop,
  stateSize: (settings) => 2 + 6 * settings.populationSize,
  init: spreadInit,
  cost: (settings) => ({ lossAtStart: 1, lossPerStep: settings.populationSize - 1, gradientPerStep: 0 }),
  describe: (run: LoopState) => {
    const size = run.settings.populationSize;
    const { population, losses } = layout(size);
    const quantities: StateQuantity[] = [scalar('Mutation size', '\\sigma', run.state[0]), scalar('Generations so far', 'n', run.state[1])];
    if (run.state[1] > 0) {
      quantities.push({ name: 'Population', symbol: '\\theta^{(k)}', kind: 'points', value: pointsIn(run.state, population, size) });
      quantities.push({ name: 'Their losses', symbol: 'L(\\theta^{(k)})', kind: 'list', value: Array.from(run.state.subarray(losses, losses + size)) });
    }
    return quantities;
  },
};
