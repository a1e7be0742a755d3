import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/state/results.ts';
import { convergedAt, summarizeRun } from '../../../src/ui/runs/runStatus.ts';

function result(loss: number[], gradNorm: number[], status: RunResult['status'] = 'done', divergedAt = -1): RunResult {
  const n = loss.length;
  return { runId: 'r1', generation: 1, x: new Float64Array(n), y: new Float64Array(n), loss: Float64Array.from(loss), gradNorm: Float64Array.from(gradNorm), lossEvaluations: new Float64Array(n), gradientEvaluations: new Float64Array(n), capacity: n, length: n, status, diverged: status === 'diverged', divergedAt, stopReason: status === 'diverged' ? 'bound' : 'none', leftDomainAt: -1, startLoss: loss[0], message: null };
}

describe('run status in the legend', () => {
  it('converged at the first step from which every point is stationary', () => {
    const run = result([4, 1, 0.1, 1e-9, 1e-12], [3, 1, 0.5, 1e-5, 1e-6]);
    expect(convergedAt(run, [0])).toBe(3);
    expect(summarizeRun(run, [0]).text).toBe('converged at step 3');
  });

  it('a point close to a known minimum’s loss counts even with a larger gradient', () => {
    const run = result([2, -0.2499999999, -0.25], [1, 0.01, 0.01]);
    expect(summarizeRun(run, [-0.25]).kind).toBe('converged');
  });

  it('a path that leaves the stationary region again is still moving', () => {
    const run = result([1, 1e-9, 0.5], [1, 1e-6, 0.3]);
    expect(summarizeRun(run, [0]).text).toBe('still moving');
  });

  it('reports divergence with its step, and the final loss', () => {
    const summary = summarizeRun(result([1, 10, 1000], [1, 10, 100], 'diverged', 3), [0]);
    expect(summary.text).toBe('diverged at step 3');
    expect(summary.finalLoss).toBe(1000);
  });
});
