/**
 * Round tick values for every linear axis the views draw: the scene's w₁ and w₂
 * ticks, the 2D fallback's and the loss chart's linear and step axes.
 */

/**
 * About `target` evenly spaced values covering [lo, hi], in steps of 1, 2 or 5 × 10^k.
 * Values are cleaned of floating-point noise (0.1 + 0.2 is written 0.3, −1e−17 is 0);
 * an empty, reversed or non-finite range gives just [lo].
 */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const rough = span / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(lo / step - 1e-9) * step; tick <= hi + step * 1e-9; tick += step) {
    ticks.push(Math.abs(tick) < step * 1e-9 ? 0 : Number(tick.toPrecision(12)));
  }
  return ticks;
}
