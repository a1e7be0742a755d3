import { describe, expect, it } from 'vitest';
import { whenShellPainted, type PaintWaitHost } from '../../../src/ui/shell/whenShellPainted.ts';

/** A host whose frames, timers and paint entries the test releases by hand. */
function fakeHost(options: { hidden?: boolean; entryTypes?: string[] } = {}) {
  const frames: (() => void)[] = [];
  const timers: { ms: number; callback: () => void }[] = [];
  const observers: { type: string; onEntry: () => void; stopped: boolean }[] = [];
  const host: PaintWaitHost = {
    hidden: options.hidden ?? false,
    entryTypes: options.entryTypes ?? ['paint', 'largest-contentful-paint'],
    observe(type, onEntry) {
      const observer = { type, onEntry, stopped: false };
      observers.push(observer);
      return () => (observer.stopped = true);
    },
    nextFrame: (callback) => frames.push(callback),
    after: (ms, callback) => timers.push({ ms, callback }),
  };
  return { host, frames, timers, observers };
}

describe('whenShellPainted', () => {
  it('starts when the first contentful frame is reported, once, and stops observing', () => {
    const { host, timers, observers } = fakeHost();
    let starts = 0;
    whenShellPainted(() => starts++, host, 1000);
    expect(starts).toBe(0);
    expect(observers.map((o) => o.type)).toEqual(['largest-contentful-paint']);
    observers[0].onEntry();
    expect(starts).toBe(1);
    expect(observers[0].stopped).toBe(true);
    observers[0].onEntry();
    timers.forEach((timer) => timer.callback());
    expect(starts).toBe(1);
  });

  it('waits no longer than the limit when no paint is reported', () => {
    const { host, timers, observers } = fakeHost();
    let starts = 0;
    whenShellPainted(() => starts++, host, 750);
    expect(timers.map((timer) => timer.ms)).toEqual([750]);
    timers[0].callback();
    expect(starts).toBe(1);
    expect(observers[0].stopped).toBe(true);
  });

  it('without paint entries, starts in a task after the next frame', () => {
    const { host, frames, timers, observers } = fakeHost({ entryTypes: [] });
    let starts = 0;
    whenShellPainted(() => starts++, host, 1000);
    expect(observers).toHaveLength(0);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(starts).toBe(0);
    const afterFrame = timers.find((timer) => timer.ms === 0)!;
    afterFrame.callback();
    expect(starts).toBe(1);
  });

  it('in a background tab, which draws no frames, starts at once', () => {
    const { host, frames, timers, observers } = fakeHost({ hidden: true });
    let starts = 0;
    whenShellPainted(() => starts++, host, 1000);
    expect(starts).toBe(1);
    expect(frames.length + timers.length + observers.length).toBe(0);
  });

  it('a buffered entry delivered while observing starts it and stops the observer', () => {
    const { host } = fakeHost();
    let stopped = false;
    let starts = 0;
    const buffered: PaintWaitHost = {
      ...host,
      observe(_type, onEntry) {
        onEntry();
        return () => (stopped = true);
      },
    };
    whenShellPainted(() => starts++, buffered, 1000);
    expect(starts).toBe(1);
    expect(stopped).toBe(true);
  });
});
