import { describe, expect, it } from 'vitest';
import { defaultSetup } from '../../src/state/defaults.ts';
import { decodeChartToggles, decodeSetupHash, encodeChartToggles, encodeSetup } from '../../src/state/link.ts';
import { DEFAULT_CHART, type ChartSeries } from '../../src/state/store/uiSlice.ts';

describe('the chart toggles in a link', () => {
  it('every combination of toggles survives a link', () => {
    for (let bits = 0; bits < 8; bits++) {
      const chart: ChartSeries = { logY: (bits & 1) !== 0, gradNorm: (bits & 2) !== 0, learningRate: (bits & 4) !== 0 };
      const hash = `${encodeSetup(defaultSetup())}${encodeChartToggles(chart)}`;
      const read = decodeChartToggles(hash);
      expect(read ?? DEFAULT_CHART, JSON.stringify(chart)).toEqual(chart);
      // The setup reads as before.
      expect(decodeSetupHash(hash)?.setup).toEqual(defaultSetup());
    }
  });

  it('gradient norm on: the link says so', () => {
    expect(encodeChartToggles({ ...DEFAULT_CHART, gradNorm: true })).toBe('&chart=log,grad');
    expect(decodeChartToggles('#v=1&s=x&chart=log,grad')).toEqual({ logY: true, gradNorm: true, learningRate: false });
  });

  it('defaults add nothing, so older links stay as they were; a hash without toggles changes none', () => {
    expect(encodeChartToggles(DEFAULT_CHART)).toBe('');
    expect(decodeChartToggles(encodeSetup(defaultSetup()))).toBeNull();
  });

  it('ignores unknown or hostile tokens', () => {
    expect(decodeChartToggles('#chart=__proto__,constructor,grad')).toEqual({ logY: false, gradNorm: true, learningRate: false });
    expect(decodeChartToggles('#chart=%E0%A4%A')).not.toBeUndefined();
    expect(decodeChartToggles(`#chart=${'x'.repeat(100_000)}`)).toBeNull();
  });
});
