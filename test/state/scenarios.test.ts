import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { simulate, type RunSpec, type Trajectory } from '../../src/core/index.ts';
import { wireRunSpec } from '../../src/state/engine.ts';
import { SCENARIOS, scenarioById } from '../../src/state/scenarios.ts';
import type { Setup } from '../../src/state/setup.ts';
import { surfaceById } from '../../src/state/surfaceOf.ts';
import { isValidSetup } from '../../src/state/repair.ts';

/** Run every path of a scenario through the engine exactly as the worker would. */
function runScenario(id: string): { setup: Setup; paths: Trajectory[] } {
  const scenario = scenarioById(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const setup = scenario.build();
  const paths = setup.runs.map((run) => {
    const wire = wireRunSpec(setup, run);
    const surface = surfaceById(setup.panes[run.pane].surface, setup);
    if (!surface) throw new Error(`no surface for ${id}`);
    const spec: RunSpec = { ...wire, surface };
    return simulate(spec);
  });
  return { setup, paths };
}

const last = (path: Trajectory) => path.length - 1;
const finalLoss = (path: Trajectory) => path.loss[last(path)];
const finalPoint = (path: Trajectory): [number, number] => [path.x[last(path)], path.y[last(path)]];
const distance = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Mean absolute turn between consecutive steps, in radians: 0 for a straight path, large for a jittery one. */
function meanTurn(path: Trajectory, from = 1): number {
  let total = 0;
  let count = 0;
  for (let i = Math.max(1, from); i < path.length - 1; i++) {
    const ax = path.x[i] - path.x[i - 1];
    const ay = path.y[i] - path.y[i - 1];
    const bx = path.x[i + 1] - path.x[i];
    const by = path.y[i + 1] - path.y[i];
    if (Math.hypot(ax, ay) < 1e-12 || Math.hypot(bx, by) < 1e-12) continue;
    total += Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
    count++;
  }
  return count ? total / count : 0;
}

describe('guided scenarios', () => {
  it('there are at least eight, each with a title, two or three sentences, update rules and a valid setup', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(SCENARIOS.map((scenario) => scenario.id)).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS) {
      const sentences = scenario.text.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, scenario.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, scenario.id).toBeLessThanOrEqual(3);
      expect(scenario.rules.length, scenario.id).toBeGreaterThanOrEqual(1);
      for (const rule of scenario.rules) expect(() => katex.renderToString(rule.tex, { throwOnError: true }), `${scenario.id}: ${rule.label}`).not.toThrow();
      const setup = scenario.build();
      expect(isValidSetup(setup), scenario.id).toBe(true);
      expect(setup.runs.length, scenario.id).toBeGreaterThanOrEqual(2);
      expect(scenario.build(), `${scenario.id} builds the same setup every time`).toEqual(setup);
    }
  });

  it('step size: too small crawls, just right converges, too big diverges', () => {
    const { paths } = runScenario('step-size');
    const [small, right, big] = paths;
    expect(small.diverged).toBe(false);
    // After all its steps the small one still has over a tenth of its starting loss; the right one has none left.
    expect(finalLoss(small)).toBeGreaterThan(0.1 * small.loss[0]);
    expect(right.diverged).toBe(false);
    expect(finalLoss(right)).toBeLessThan(1e-6);
    expect(big.diverged).toBe(true);
    expect(big.divergedAt).toBeGreaterThan(5);
  });

  it('momentum on the narrow bowl: SGD zig-zags and lags, momentum is smoother and gets lower', () => {
    const { paths } = runScenario('momentum-bowl');
    const [sgd, momentum] = paths;
    expect(sgd.diverged || momentum.diverged).toBe(false);
    expect(meanTurn(sgd)).toBeGreaterThan(2.5);
    expect(meanTurn(momentum)).toBeLessThan(meanTurn(sgd) / 2);
    expect(finalLoss(momentum)).toBeLessThan(finalLoss(sgd) / 10);
  });

  it('saddle: SGD stalls near the saddle while momentum and Adam reach a minimum', () => {
    const { paths } = runScenario('saddle');
    const [sgd, momentum, adam] = paths;
    expect(Math.abs(finalPoint(sgd)[1])).toBeLessThan(0.1);
    expect(finalLoss(sgd)).toBeGreaterThan(-0.01);
    for (const escaped of [momentum, adam]) {
      expect(finalLoss(escaped)).toBeLessThan(-0.24);
      expect(Math.abs(Math.abs(finalPoint(escaped)[1]) - 1)).toBeLessThan(0.05);
    }
  });

  it('the start decides the valley: two starts end in two different minima', () => {
    const { setup, paths } = runScenario('start-decides');
    const surface = surfaceById(setup.panes[0].surface, setup)!;
    const nearest = (point: [number, number]) => surface.minima.reduce((best, minimum, index) => (distance(point, minimum) < distance(point, surface.minima[best]) ? index : best), 0);
    const ends = paths.map(finalPoint);
    for (const end of ends) expect(distance(end, surface.minima[nearest(end)])).toBeLessThan(0.01);
    expect(nearest(ends[0])).not.toBe(nearest(ends[1]));
    expect(distance(setup.runs[0].start!, setup.runs[1].start!)).toBeLessThan(1.5);
  });

  it('mini-batch noise: B = 1 is visibly noisier than B = 16, which is noisier than full batch', () => {
    const { setup, paths } = runScenario('minibatch');
    const [one, sixteen, full] = paths;
    expect(setup.runs.map((run) => run.batchSize)).toEqual([1, 16, setup.datasetSize]);
    expect(paths.every((path) => !path.diverged)).toBe(true);
    // Once near the answer, a full-batch step is tiny; mini-batch steps keep jittering, more with fewer rows.
    const half = Math.floor(setup.steps / 2);
    const jitter = (path: Trajectory) => {
      let total = 0;
      for (let i = half; i < last(path); i++) total += Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
      return total / (last(path) - half);
    };
    expect(jitter(one)).toBeGreaterThan(2.5 * jitter(sixteen));
    expect(jitter(sixteen)).toBeGreaterThan(100 * jitter(full));
    // The noise is around the same answer: all three end near the least-squares line.
    const surface = surfaceById(setup.panes[0].surface, setup)!;
    for (const path of paths) expect(distance(finalPoint(path), surface.minima[0])).toBeLessThan(0.2);
  });

  it("AdaGrad's steps shrink until it stalls short of the minimum; RMSprop's stay useful and arrive", () => {
    const { setup, paths } = runScenario('adagrad-rmsprop');
    const [adagrad, rmsprop] = paths;
    const surface = surfaceById(setup.panes[0].surface, setup)!;
    const stepLength = (path: Trajectory, i: number) => Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
    expect(stepLength(adagrad, 0)).toBeCloseTo(stepLength(rmsprop, 0), 6);
    expect(stepLength(adagrad, last(adagrad) - 1)).toBeLessThan(stepLength(adagrad, 0) / 100);
    expect(distance(finalPoint(adagrad), surface.minima[0])).toBeGreaterThan(0.25);
    expect(distance(finalPoint(rmsprop), surface.minima[0])).toBeLessThan(0.05);
  });

  it('Rosenbrock: momentum needs a small step (twice it diverges) and swings; Adam hugs the floor and tolerates a larger step', () => {
    const { setup, paths } = runScenario('adam-rosenbrock');
    const [momentum, momentumDoubled, adam] = paths;
    expect(setup.runs[1].lr).toBe(2 * setup.runs[0].lr);
    expect(momentum.diverged).toBe(false);
    expect(finalLoss(momentum)).toBeLessThan(1e-4);
    expect(momentumDoubled.diverged).toBe(true);
    expect(adam.diverged).toBe(false);
    expect(distance(finalPoint(adam), [1, 1])).toBeLessThan(0.01);
    const pathLength = (path: Trajectory) => {
      let total = 0;
      for (let i = 0; i < last(path); i++) total += Math.hypot(path.x[i + 1] - path.x[i], path.y[i + 1] - path.y[i]);
      return total;
    };
    expect(pathLength(adam)).toBeLessThan(0.8 * pathLength(momentum));
    // Doubling Adam's step too still reaches the minimum.
    const adamDoubled = simulate({ ...wireRunSpec(setup, setup.runs[2]), surface: 'rosenbrock', lr: 2 * setup.runs[2].lr });
    expect(adamDoubled.diverged).toBe(false);
    expect(distance(finalPoint(adamDoubled), [1, 1])).toBeLessThan(0.05);
  });

  it('a schedule rescues a too-large step: constant diverges, decayed converges', () => {
    const { paths } = runScenario('schedule-rescue');
    const [constant, decayed] = paths;
    expect(constant.diverged).toBe(true);
    expect(decayed.diverged).toBe(false);
    expect(finalLoss(decayed)).toBeLessThan(1e-9);
    // It really was rescued: the decayed run first climbed, as the constant one did.
    expect(Math.max(...decayed.loss.subarray(0, 10))).toBeGreaterThan(decayed.loss[0]);
  });
});
