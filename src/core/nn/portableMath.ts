/**
 * Elementary functions written with + − × ÷ and Math.round only, so they give
 * the same bits in every JavaScript engine.
 *
 * ECMAScript leaves Math.exp, Math.log, Math.tanh, Math.cos … "implementation-
 * approximated": measured on this machine, Node 20 (V8 11.3) and Chromium 156
 * disagree in the last bit for about 10% of Math.exp and 3% of Math.cos
 * arguments. A network trained for thousands of steps amplifies such bits, so
 * the neural-net slice, which must be the same in Node and in a browser worker,
 * uses these instead. Accuracy is about one or two units in the last place
 * (tested against Math.*); speed is on par with Math.*.
 *
 * Method (the textbook one, as in fdlibm): reduce the argument by a multiple of
 * ln 2 or π/2 split into a high part with trailing zeros and a low part (Cody and
 * Waite), then sum a Taylor polynomial by Horner's rule on the small remainder.
 */

/** ln 2 in two parts; LN2_HI has 21 trailing zero bits, so k·LN2_HI is exact for |k| < 2^21 (fdlibm's ln2HI/ln2LO). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
/** π/2 in two parts (fdlibm's pio2_1, pio2_1t); PIO2_HI has 33 significant bits. */
const PIO2_HI = 1.57079632673412561417;
const PIO2_LO = 6.07710050650619224932e-11;
const TWO_OVER_PI = 6.36619772367581382433e-1;
const SQRT_HALF = 0.7071067811865476;
const SQRT_TWO = 1.4142135623730951;
const TWO_PI = 6.283185307179586;

/** 2^k for every k from −1074 to 1023, exact: built by doubling and halving, which are exact. */
const POW2_OFFSET = 1074;
const POW2 = (() => {
  const table = new Float64Array(POW2_OFFSET + 1024);
  let up = 1;
  for (let k = 0; k <= 1023; k++, up *= 2) table[POW2_OFFSET + k] = up;
  let down = 1;
  for (let k = 0; k >= -1074; k--, down /= 2) table[POW2_OFFSET + k] = down;
  return table;
})();

/** p · 2^k for an integer k from −1075 to 1024, rounding once. */
function scale(p: number, k: number): number {
  if (k > 1023) return p * 2 * POW2[POW2_OFFSET + k - 1];
  if (k < -1022) return p * POW2[POW2_OFFSET + k + 100] * POW2[POW2_OFFSET - 100];
  return p * POW2[POW2_OFFSET + k];
}

/** 1/n! for n = 0 … 18, exact to rounding (each a correctly rounded division). */
const INVERSE_FACTORIAL = (() => {
  const table = new Float64Array(19);
  let factorial = 1;
  for (let n = 0; n < 19; n++) {
    if (n > 0) factorial *= n; // exact: 18! < 2^53
    table[n] = 1 / factorial;
  }
  return table;
})();
const F2 = INVERSE_FACTORIAL[2], F3 = INVERSE_FACTORIAL[3], F4 = INVERSE_FACTORIAL[4];

/**
 * 1/low! + w/(low + stride)! + w²/(low + 2·stride)! + … up to the term in 1/high!, by Horner's
 * rule: the Taylor series below. e^r − 1 = r times the series in w = r from 1 to 15 (stride 1); sin r = r times the
 * series in w = −r² from 1 to 17 and cos r the series in w = −r² from 0 to 18 (stride 2).
 */
function factorialSeries(w: number, low: number, high: number, stride: number): number {
  let p = INVERSE_FACTORIAL[high];
  for (let n = high - stride; n >= low; n -= stride) p = p * w + INVERSE_FACTORIAL[n];
  return p;
}

/** e^r − 1 for |r| ≤ ln2 / 2: Taylor to r^15 (truncation below 1e-19 relative). */
function expm1Reduced(r: number): number {
  return factorialSeries(r, 1, 15, 1) * r;
}

/** e^x. */
export function exp(x: number): number {
  if (x !== x) return x; // NaN
  if (x > 709.782712893384) return Infinity; // e^x overflows
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  return scale(1 + expm1Reduced(r), k);
}

/** 2^(−m/256) for m = 0 … 255 (each within an ulp), and 2^(−q) for q = 0 … 63 (exact). */
const EXP2_FRACTION = Float64Array.from({ length: 256 }, (_, m) => exp((-m * LN2_HI) / 256 - (m * LN2_LO) / 256));
const EXP2_WHOLE = Float64Array.from({ length: 64 }, (_, q) => POW2[POW2_OFFSET - q]);
/** 512/ln 2: |x|·TANH_STEPS counts the steps of ln2/256 in 2|x|. */
const TANH_STEPS = 512 * INV_LN2;
const LN2_256_HI = LN2_HI / 256;
const LN2_256_LO = LN2_LO / 256;

/**
 * tanh x, the networks' activation, built for speed (about twice as fast as
 * Math.tanh here): (1 − e)/(1 + e) with e = e^{−2|x|} = 2^{−q} · 2^{−m/256} · e^{−r},
 * |r| ≤ ln2/512, e^{−r} by Taylor to r⁴. Absolute error below 4e-16 everywhere
 * (tested); being absolute, not relative, it is coarse for |x| < 1e-3, which an
 * activation does not notice. |x| is capped at 22, where tanh rounds to ±1.
 */
export function tanh(x: number): number {
  const a = Math.min(Math.abs(x), 22); // NaN stays NaN
  const j = (a * TANH_STEPS + 0.5) | 0;
  const r = 2 * a - j * LN2_256_HI - j * LN2_256_LO;
  const e = EXP2_WHOLE[j >> 8] * (EXP2_FRACTION[j & 255] * (1 - r * (1 - r * (F2 - r * (F3 - r * F4)))));
  const value = (1 - e) / (1 + e);
  return x < 0 ? -value : value;
}

/** 1/(2n + 1) for n = 0 … 17. */
const ODD_RECIPROCAL = Float64Array.from({ length: 18 }, (_, n) => 1 / (2 * n + 1));

/** 2·(1 + z/3 + z²/5 + … + z^terms/(2·terms + 1)) = 2 atanh(s)/s with z = s², by Horner's rule. */
function atanhSeries(z: number, terms: number): number {
  let p = ODD_RECIPROCAL[terms];
  for (let n = terms - 1; n >= 0; n--) p = p * z + ODD_RECIPROCAL[n];
  return 2 * p;
}

/** ln(1 + u) for 0 ≤ u ≤ 1: 2 atanh(s) with s = u / (2 + u) ≤ 1/3, its odd series to s^35 (truncation below 1e-18). */
export function log1pUnit(u: number): number {
  const s = u / (2 + u);
  return s * atanhSeries(s * s, 17);
}

/** ln x for x > 0 (NaN for x ≤ 0 or NaN, Infinity for Infinity): x = m·2^e with m in [√½, √2), then 2 atanh((m − 1)/(m + 1)). */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  let m = x;
  let e = 0;
  while (m < 2.2250738585072014e-308) {
    m *= 2 ** 54;
    e -= 54;
  }
  while (m < SQRT_HALF) {
    m *= 2;
    e--;
  }
  while (m >= SQRT_TWO) {
    m /= 2;
    e++;
  }
  // |s| ≤ 0.1716, s² ≤ 0.0295: the series to s^23 is below 1e-19 relative.
  const s = (m - 1) / (m + 1);
  return e * LN2_HI + (e * LN2_LO + s * atanhSeries(s * s, 11));
}

/** sin r for |r| ≤ π/4: Taylor to r^17 (truncation below 1e-19). */
function sinReduced(r: number): number {
  return factorialSeries(-(r * r), 1, 17, 2) * r;
}

/** cos r for |r| ≤ π/4: Taylor to r^18. */
function cosReduced(r: number): number {
  return factorialSeries(-(r * r), 0, 18, 2);
}

/** The quadrant k (mod 4) and remainder r of x = k·π/2 + r; exact reduction for |x| < 2^19 or so, which is all the engine needs. */
function quadrant(x: number): { k: number; r: number } {
  const k = Math.round(x * TWO_OVER_PI);
  return { k: ((k % 4) + 4) % 4, r: x - k * PIO2_HI - k * PIO2_LO };
}

/** sin x (for moderate |x|: the data sets' angles). */
export function sin(x: number): number {
  const { k, r } = quadrant(x);
  return k === 0 ? sinReduced(r) : k === 1 ? cosReduced(r) : k === 2 ? -sinReduced(r) : -cosReduced(r);
}

/** cos x (for moderate |x|). */
export function cos(x: number): number {
  const { k, r } = quadrant(x);
  return k === 0 ? cosReduced(r) : k === 1 ? -sinReduced(r) : k === 2 ? -cosReduced(r) : sinReduced(r);
}

/**
 * A standard normal draw by Box–Muller (cosine branch), consuming two uniforms
 * in the order random.ts's `normal` does, but with the functions above.
 */
export function gaussian(random: () => number): number {
  const u = 1 - random(); // (0, 1]: the logarithm stays finite
  const v = random();
  return Math.sqrt(-2 * log(u)) * cos(TWO_PI * v);
}
