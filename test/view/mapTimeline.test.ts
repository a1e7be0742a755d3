import { describe, expect, it } from 'vitest';
import { arrivalSentence, arrivalsAt, fadePending, PENDING_ALPHA, pendingAt } from '../../src/view/mapTimeline.ts';

describe('maps at a timeline step', () => {
  // Five cells: arrives at 0, at 3, at 10, never (−1), and one not computed yet.
  const filled = Uint8Array.of(1, 1, 1, 1, 0);
  const steps = Int32Array.of(0, 3, 10, -1, 2);

  it('a cell is pending until its arrival step; one that never arrives or is not computed never counts', () => {
    expect([0, 3, 10, -1].map((s) => pendingAt(s, 3))).toEqual([false, false, true, false]);
    expect(arrivalsAt(filled, steps, 0)).toEqual({ reached: 1, reaching: 3 });
    expect(arrivalsAt(filled, steps, 3)).toEqual({ reached: 2, reaching: 3 });
    expect(arrivalsAt(filled, steps, 9)).toEqual({ reached: 2, reaching: 3 });
    expect(arrivalsAt(filled, steps, 10)).toEqual({ reached: 3, reaching: 3 });
  });

  it('fading keeps the colour and lowers the opacity, never raises it', () => {
    const pixels = Uint8Array.of(10, 20, 30, 255, 1, 2, 3, 0);
    fadePending(pixels, 0);
    fadePending(pixels, 4);
    expect(Array.from(pixels)).toEqual([10, 20, 30, PENDING_ALPHA, 1, 2, 3, 0]);
  });

  it('says how many have arrived, all of them, or that none reaches a minimum', () => {
    expect(arrivalSentence(3, arrivalsAt(filled, steps, 3), 'starts', 'faded')).toBe('At step 3: 2 of the 3 starts that reach a minimum have reached it; the others are faded until they do.');
    expect(arrivalSentence(1200, arrivalsAt(filled, steps, 1200), 'starts', 'faded')).toBe('At step 1\u2009200: all 3 starts that reach a minimum have reached it.');
    expect(arrivalSentence(5, { reached: 0, reaching: 0 }, 'settings', 'faded')).toBe("At step 5: none of these settings reaches a known minimum within the map's steps.");
  });
});
