import { describe, expect, it } from 'vitest';
import { MAX_FRAMES, recordingPlan } from '../../../src/ui/share/record/recorder.ts';
import { Playhead } from '../../../src/state/playhead.ts';

describe('recordingPlan', () => {
  it('samples 200 steps at 100 steps/s with 10 frames/s as 21 frames, 10 steps apart, ending on the last step', () => {
    const plan = recordingPlan(200, 100, 10);
    expect(plan.frames).toBe(21);
    expect([0, 1, 2, 20].map(plan.stepOf)).toEqual([0, 10, 20, 200]);
  });

  it('rounds a fractional duration up so the last frame still shows the end', () => {
    // 200 steps at 60 steps/s is 3.33 s: 34 frames cover it at 10 frames/s, plus the first.
    const plan = recordingPlan(200, 60, 10);
    expect(plan.frames).toBe(35);
    expect(plan.stepOf(plan.frames - 1)).toBe(200);
    expect(plan.stepOf(1)).toBe(6);
  });

  it('caps a long, slow animation at MAX_FRAMES, spread over the whole run', () => {
    const plan = recordingPlan(100_000, 10, 30);
    expect(plan.frames).toBe(MAX_FRAMES);
    expect(plan.stepOf(MAX_FRAMES - 1)).toBeCloseTo(100_000, 6);
  });
});

describe('Playhead.hold', () => {
  it('pins the shown step whatever the clock and mode say, and lets go', () => {
    const clock = { t: 0 };
    const playhead = new Playhead(() => clock.t);
    playhead.setMaxStep(200);
    expect(playhead.stepAt()).toBe(Number.POSITIVE_INFINITY);
    playhead.hold(12.5);
    expect(playhead.stepAt()).toBe(12.5);
    playhead.hold(500);
    expect(playhead.stepAt()).toBe(200);
    playhead.hold(null);
    expect(playhead.stepAt()).toBe(Number.POSITIVE_INFINITY);
  });
});
