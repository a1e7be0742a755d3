import { describe, expect, it } from 'vitest';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { startPathFrame } from '../../../src/scene/paths/pathBudget.ts';
import { trackRun, type PathTracking } from '../../../src/scene/paths/runPathFrame.ts';
import type { RunResult } from '../../../src/state/results.ts';
import { bowl } from '../bowlField.ts';

function result(runId: string, capacity: number): RunResult {
  const buffer = () => new Float64Array(capacity);
  return {
    runId, generation: 1, x: buffer(), y: buffer(), loss: buffer(), gradNorm: buffer(), lossEvaluations: buffer(), gradientEvaluations: buffer(), epochs: buffer(),
    capacity, length: capacity, status: 'done', diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 1, message: null,
  };
}

describe('a run path frame', () => {
  it('spreads the buffers of 16 runs growing to 100,000 steps over several frames, and every run gets its buffers', () => {
    const field = bowl();
    const runs = Array.from({ length: 16 }, (_, i) => ({ result: result(`r${i}`, 100_001), geometry: new LineSegmentsGeometry(), tracking: null as PathTracking | null }));
    let frames = 0;
    const perFrame: number[] = [];
    while (runs.some((run) => !run.tracking) && frames < 100) {
      startPathFrame();
      let allocated = 0;
      for (const run of runs) {
        const before = run.tracking;
        const state = trackRun(run.tracking, run.geometry, run.result, field);
        if (state) run.tracking = state;
        if (state && state !== before) allocated++;
      }
      perFrame.push(allocated);
      frames++;
    }
    expect(runs.every((run) => run.tracking?.buffers.pointCapacity === 100_001)).toBe(true);
    // At least one a frame (no run waits forever), and never all at once.
    expect(Math.min(...perFrame)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(4);
    // A run whose buffers are big enough keeps them: no budget needed.
    startPathFrame();
    const kept = runs.map((run) => trackRun(run.tracking, run.geometry, run.result, field));
    expect(kept.every((state, i) => state === runs[i].tracking)).toBe(true);
  });

  it('gives short runs their buffers at once', () => {
    const field = bowl();
    startPathFrame();
    const states = Array.from({ length: 16 }, (_, i) => trackRun(null, new LineSegmentsGeometry(), result(`s${i}`, 201), field));
    expect(states.every((state) => state !== null)).toBe(true);
  });
});
