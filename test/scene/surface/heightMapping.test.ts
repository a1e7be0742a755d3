import { describe, expect, it } from 'vitest';
import { clampToDomain, createHeightMapping, createWorldFrame, fieldWantsLog, finiteRange, mappedTicks, roundNice } from '../../../src/scene/surface/heightMapping.ts';

describe('height mapping', () => {
  it('is linear from min to max when log is off', () => {
    const m = createHeightMapping(2, 12, false);
    expect(m.toT(2)).toBe(0);
    expect(m.toT(7)).toBeCloseTo(0.5, 12);
    expect(m.toT(12)).toBe(1);
    expect(m.fromT(0.25)).toBeCloseTo(4.5, 12);
  });

  it('maps through log(1 + loss − min) when log is on', () => {
    // Range 0…999: log1p(999) = ln 1000, so loss 9 → ln 10 / ln 1000 = 1/3 and loss 99 → 2/3.
    const m = createHeightMapping(0, 999, true);
    expect(m.toT(9)).toBeCloseTo(1 / 3, 12);
    expect(m.toT(99)).toBeCloseTo(2 / 3, 12);
    expect(m.fromT(1 / 3)).toBeCloseTo(9, 9);
    expect(m.fromT(m.toT(123.4))).toBeCloseTo(123.4, 9);
  });

  it('never returns NaN: NaN and +∞ go to the top, −∞ and values below min to the bottom', () => {
    for (const log of [false, true]) {
      const m = createHeightMapping(1, 5, log);
      expect(m.toT(Number.NaN)).toBe(1);
      expect(m.toT(Infinity)).toBe(1);
      expect(m.toT(-Infinity)).toBe(0);
      expect(m.toT(-100)).toBe(0);
      expect(m.toT(1e300)).toBe(1);
    }
  });

  it('gives a flat or broken range a span of 1, so nothing divides by zero', () => {
    const flat = createHeightMapping(3, 3, true);
    expect([flat.min, flat.max]).toEqual([3, 4]);
    expect(flat.toT(3)).toBe(0);
    expect(flat.toT(4)).toBe(1);
    const broken = createHeightMapping(Number.NaN, Infinity, false);
    expect([broken.min, broken.max]).toEqual([0, 1]);
    expect(broken.toT(0.5)).toBeCloseTo(0.5, 12);
  });

  it('finds the finite range of a field with holes', () => {
    expect(finiteRange(new Float32Array([3, Number.NaN, -1, Infinity, 8]))).toEqual({ min: -1, max: 8 });
  });

  it('wants log height when a few huge values dominate the range', () => {
    const spiky = new Float32Array(1000).map((_, i) => (i < 990 ? i / 990 : 1e6));
    expect(fieldWantsLog(spiky, 0, 1e6)).toBe(true);
    const even = new Float32Array(1000).map((_, i) => i);
    expect(fieldWantsLog(even, 0, 999)).toBe(false);
  });
});

describe('world frame', () => {
  it('puts the longer side of the domain on 2 world units, w₂ along −Z', () => {
    const frame = createWorldFrame({ x: [-2, 2], y: [0, 1] });
    expect(frame.toWorldX(-2)).toBe(-1);
    expect(frame.toWorldX(2)).toBe(1);
    expect(frame.toWorldZ(1)).toBeCloseTo(-0.25, 12);
    expect(frame.halfDepth).toBeCloseTo(0.25, 12);
    expect(frame.height).toBeCloseTo(1.2, 12);
    expect(frame.fromWorldX(frame.toWorldX(0.7))).toBeCloseTo(0.7, 12);
    expect(frame.fromWorldZ(frame.toWorldZ(0.3))).toBeCloseTo(0.3, 12);
  });

  it('clamps far-away and NaN points into the domain box', () => {
    const out = [0, 0];
    const domain = { x: [-1, 1], y: [-2, 2] } as const;
    clampToDomain(1e30, -Infinity, domain, out);
    expect(out).toEqual([1, -2]);
    clampToDomain(Number.NaN, 0.5, domain, out);
    expect(out).toEqual([0, 0.5]);
  });
});

describe('ticks', () => {
  it('rounds to two significant digits', () => {
    expect(roundNice(1234)).toBe(1200);
    expect(roundNice(0.0001234)).toBeCloseTo(0.00012, 15);
    expect(roundNice(0)).toBe(0);
  });

  it('spaces legend ticks evenly in height, so log height gets growing values', () => {
    const ticks = mappedTicks(createHeightMapping(0, 1e4, true), 5);
    expect(ticks[0]).toEqual({ value: 0, t: 0 });
    expect(ticks.map((tick) => tick.value)).toEqual([0, 9, 99, 1000, 10000].map(roundNice));
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].t).toBeGreaterThan(ticks[i - 1].t);
  });
});
