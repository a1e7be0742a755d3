/**
 * The surface palette: viridis (van der Walt & Smith, matplotlib), perceptually
 * uniform and readable with every common colour-vision deficiency. Ten sRGB
 * stops at t = 0, 1/9, …, 1, interpolated linearly between neighbours; lightness
 * rises monotonically from dark purple (low loss) to yellow (high loss).
 */
const STOPS_HEX = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'] as const;

/** "#rrggbb" → [r, g, b], each 0…255. */
export function hexToRgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

const STOPS: readonly (readonly [number, number, number])[] = STOPS_HEX.map((hex) => {
  const [r, g, b] = hexToRgb(hex);
  return [r / 255, g / 255, b / 255];
});

/** Clamp t to [0, 1]; NaN counts as the top of the scale (it only comes from blown-up values). */
function clampUnit(t: number): number {
  if (!(t >= 0)) return Number.isNaN(t) ? 1 : 0;
  return t > 1 ? 1 : t;
}

/**
 * Write the sRGB colour (components 0…1) for t ∈ [0, 1] into out[offset…offset+2].
 * Allocation-free, for filling vertex or pixel buffers.
 */
export function colormapInto(t: number, out: Float32Array | Uint8ClampedArray | number[], offset = 0, scale = 1): void {
  const position = clampUnit(t) * (STOPS.length - 1);
  const index = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - index;
  const a = STOPS[index];
  const b = STOPS[index + 1];
  out[offset] = (a[0] + (b[0] - a[0]) * f) * scale;
  out[offset + 1] = (a[1] + (b[1] - a[1]) * f) * scale;
  out[offset + 2] = (a[2] + (b[2] - a[2]) * f) * scale;
}

/** The colour for t as a CSS hex string (legend gradients, 2D fallback). */
export function colormapCss(t: number): string {
  const rgb = [0, 0, 0];
  colormapInto(t, rgb, 0, 255);
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** A CSS linear-gradient of the palette from `direction`'s start (low t) to its end (high t). */
export function colormapGradientCss(direction = 'to top'): string {
  const parts = STOPS_HEX.map((hex, i) => `${hex} ${((i / (STOPS_HEX.length - 1)) * 100).toFixed(1)}%`);
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** sRGB component (0…1) to linear light, for three.js vertex colours (which are linear). */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** CIE L* (0…100) of an sRGB colour: the test for "lightness rises monotonically". */
export function lightness(r: number, g: number, b: number): number {
  const y = 0.2126 * srgbToLinear(r) + 0.7152 * srgbToLinear(g) + 0.0722 * srgbToLinear(b);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}
