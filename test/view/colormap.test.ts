import { describe, expect, it } from 'vitest';
import { colormapCss, colormapGradientCss, colormapInto, lightness } from '../../src/view/colormap.ts';

describe('colormap (viridis)', () => {
  it('starts at dark purple and ends at yellow', () => {
    expect(colormapCss(0)).toBe('#440154');
    expect(colormapCss(1)).toBe('#fde725');
  });

  it('rises monotonically in CIE lightness from low to high loss', () => {
    const rgb = [0, 0, 0];
    let previous = -Infinity;
    for (let i = 0; i <= 200; i++) {
      colormapInto(i / 200, rgb);
      const l = lightness(rgb[0], rgb[1], rgb[2]);
      expect(l).toBeGreaterThan(previous);
      previous = l;
    }
    colormapInto(0, rgb);
    expect(lightness(rgb[0], rgb[1], rgb[2])).toBeLessThan(20);
    expect(previous).toBeGreaterThan(85);
  });

  it('clamps out-of-range t and treats NaN as the top of the scale', () => {
    expect(colormapCss(-3)).toBe('#440154');
    expect(colormapCss(7)).toBe('#fde725');
    expect(colormapCss(Number.NaN)).toBe('#fde725');
  });

  it('writes into a byte buffer at an offset without touching neighbours', () => {
    const pixels = new Uint8ClampedArray(8).fill(9);
    colormapInto(1, pixels, 4, 255);
    expect([...pixels]).toEqual([9, 9, 9, 9, 0xfd, 0xe7, 0x25, 9]);
  });

  it('describes the same palette as a CSS gradient for the colour key and the heatmap legend', () => {
    expect(colormapGradientCss('to right')).toBe(
      'linear-gradient(to right, #440154 0.0%, #482878 11.1%, #3e4989 22.2%, #31688e 33.3%, #26828e 44.4%, #1f9e89 55.6%, #35b779 66.7%, #6ece58 77.8%, #b5de2b 88.9%, #fde725 100.0%)',
    );
  });
});
