import { describe, expect, it, vi } from 'vitest';
import { whenPageSettled, type SettleHost } from '../../src/view/pageSettled.ts';

/** A host whose idle periods, frames and timers the test releases by hand, in order. */
function fakeHost() {
  const idles: { callback: () => void; timeoutMs: number }[] = [];
  const frames: (() => void)[] = [];
  const timers: { ms: number; callback: () => void; cancelled: boolean }[] = [];
  const host: SettleHost = {
    idle: (callback, timeoutMs) => idles.push({ callback, timeoutMs }),
    nextFrame: (callback) => frames.push(callback),
    after(ms, callback) {
      const timer = { ms, callback, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  return { host, idles, frames, timers };
}

describe('whenPageSettled', () => {
  it('starts after idle time, then two frames each followed by idle time, once', () => {
    const { host, idles, frames, timers } = fakeHost();
    let starts = 0;
    whenPageSettled(() => starts++, host, 2, 1500);
    const release = [
      () => idles.shift()!.callback(),
      () => frames.shift()!(),
      () => idles.shift()!.callback(),
      () => frames.shift()!(),
      () => idles.shift()!.callback(),
    ];
    for (const [index, next] of release.entries()) {
      expect(starts, `before step ${index}`).toBe(0);
      next();
    }
    expect(starts).toBe(1);
    expect(idles).toEqual([]);
    expect(frames).toEqual([]);
    // The limit's timer is cancelled once started; firing it anyway starts nothing more.
    expect(timers[0].cancelled).toBe(true);
    timers[0].callback();
    expect(starts).toBe(1);
  });

  it('every idle wait is bounded, and the whole wait ends at the limit', () => {
    const { host, idles, timers } = fakeHost();
    let starts = 0;
    whenPageSettled(() => starts++, host, 2, 1500);
    expect(idles.map((idle) => idle.timeoutMs)).toEqual([1500]);
    expect(timers.map((timer) => timer.ms)).toEqual([1500]);
    // A hidden tab draws no frames: the limit starts it.
    idles.shift()!.callback();
    timers[0].callback();
    expect(starts).toBe(1);
  });

  it('a cancelled wait never starts', () => {
    const { host, idles, frames, timers } = fakeHost();
    let starts = 0;
    const cancel = whenPageSettled(() => starts++, host, 1, 1500);
    idles.shift()!.callback();
    cancel();
    frames.shift()!();
    idles.shift()?.callback();
    timers[0].callback();
    expect(starts).toBe(0);
    expect(timers[0].cancelled).toBe(true);
  });
});

describe('afterPageSettled', () => {
  it('waits once for the whole page: callers queue until it has settled, later callers are called at once', async () => {
    vi.resetModules();
    const { afterPageSettled, isPageSettled } = await import('../../src/view/pageSettled.ts');
    const { host, idles, frames } = fakeHost();
    const calls: string[] = [];
    afterPageSettled(() => calls.push('chart'), host);
    const cancel = afterPageSettled(() => calls.push('cancelled'));
    afterPageSettled(() => calls.push('scene'));
    cancel();
    expect(idles).toHaveLength(1);
    while (idles.length > 0 || frames.length > 0) {
      expect(calls).toEqual([]);
      expect(isPageSettled()).toBe(false);
      if (idles.length > 0) idles.shift()!.callback();
      else frames.shift()!();
    }
    expect(calls).toEqual(['chart', 'scene']);
    expect(isPageSettled()).toBe(true);
    afterPageSettled(() => calls.push('later'));
    expect(calls).toEqual(['chart', 'scene', 'later']);
  });
});
