import { describe, expect, it } from 'vitest';
import { Playhead } from '../../src/state/playhead.ts';

function animate(stepsPerSecond = 60, maxStep = 200): { playhead: Playhead; clock: { t: number } } {
  const clock = { t: 1000 };
  const playhead = new Playhead(() => clock.t);
  playhead.setMode('animate');
  playhead.setMaxStep(maxStep);
  playhead.setStepsPerSecond(stepsPerSecond);
  return { playhead, clock };
}

describe('Playhead', () => {
  it('is at step 30 after 0.5 s at 60 steps/s however often it is sampled', () => {
    const sparse = animate();
    sparse.playhead.play();
    sparse.clock.t += 500;
    expect(sparse.playhead.stepAt()).toBe(30);

    const dense = animate();
    dense.playhead.play();
    const samples: number[] = [];
    // 250 samples at 2 ms: a fast frame loop must not move it further.
    for (let i = 0; i < 250; i++) {
      dense.clock.t += 2;
      samples.push(dense.playhead.stepAt());
    }
    expect(samples.at(-1)).toBe(30);
    expect(samples[0]).toBeCloseTo(0.12, 10);
  });

  it('gives fractional steps for smooth interpolation', () => {
    const { playhead, clock } = animate(10);
    playhead.play();
    clock.t += 125;
    expect(playhead.stepAt()).toBeCloseTo(1.25, 10);
  });

  it('shows the whole path in instant mode', () => {
    const playhead = new Playhead(() => 0);
    playhead.setMaxStep(200);
    expect(playhead.stepAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it('pauses where it is and resumes from there', () => {
    const { playhead, clock } = animate();
    playhead.play();
    clock.t += 500;
    playhead.pause();
    clock.t += 10_000;
    expect(playhead.stepAt()).toBe(30);
    playhead.play();
    clock.t += 1000;
    expect(playhead.stepAt()).toBe(90);
  });

  it('stops at the last step and reports when it gets there', () => {
    const { playhead, clock } = animate(100, 50);
    playhead.play();
    expect(playhead.endsAt()).toBe(clock.t + 500);
    clock.t += 2000;
    expect(playhead.stepAt()).toBe(50);
    expect(playhead.finished()).toBe(true);
    // Play at the end starts over.
    playhead.play();
    expect(playhead.stepAt()).toBe(0);
  });

  it('steps one whole step at a time and resets to 0, paused', () => {
    const { playhead, clock } = animate();
    playhead.play();
    clock.t += 510; // 30.6
    playhead.stepOnce();
    expect(playhead.playing).toBe(false);
    expect(playhead.stepAt()).toBe(31);
    playhead.stepOnce();
    expect(playhead.stepAt()).toBe(32);
    playhead.reset();
    expect(playhead.stepAt()).toBe(0);
    expect(playhead.playing).toBe(false);
  });

  it('changes speed without jumping', () => {
    const { playhead, clock } = animate(60);
    playhead.play();
    clock.t += 500; // step 30
    playhead.setStepsPerSecond(120);
    expect(playhead.stepAt()).toBe(30);
    clock.t += 500;
    expect(playhead.stepAt()).toBe(90);
  });
});
