/**
 * The flat form an expression compiles to, and the two loops that run it.
 *
 * A program is a list of instructions [op, out, a, b] over numbered slots: slot 0
 * is x, slot 1 is y, constants sit in slots written once at compile time, and each
 * instruction writes one new slot (single assignment, so nothing is ever cleared).
 *
 * `runDuals` carries forward-mode dual numbers: every slot holds (value, ∂/∂x, ∂/∂y)
 * side by side in one Float64Array (stride 3), so the gradient is exact, not a
 * finite difference. A derivative factor that is infinite where the argument's own
 * derivative is 0 (sqrt at 0, log at 0) contributes 0 rather than NaN.
 *
 * `runHyperDuals` is forward mode of second order on the same program: every slot
 * holds (value, ∂/∂x, ∂/∂y, ∂²/∂x², ∂²/∂x∂y, ∂²/∂y²) (stride 6), so the Hessian is
 * exact too. It is a separate loop so that the gradient's loop stays as lean as it is.
 * All three loops only read and write preallocated typed arrays: no allocation per call.
 */

/** Opcodes. Plain numbers (not a const enum) so that Vite's isolatedModules is happy. */
const ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4, POWC = 5, EXPB = 6, NEG = 7, SQ = 8, CUBE = 9,
  SIN = 10, COS = 11, TAN = 12, ASIN = 13, ACOS = 14, ATAN = 15, SINH = 16, COSH = 17, TANH = 18,
  EXP = 19, LOG = 20, LOG10 = 21, LOG2 = 22, SQRT = 23, CBRT = 24, ABS = 25, SIGN = 26, FLOOR = 27,
  CEIL = 28, MIN = 29, MAX = 30, ATAN2 = 31, HYPOT = 32;

/**
 * The opcodes for the compiler. The loops below switch on the module-local
 * constants: V8 folds those into a jump table, but not exported bindings
 * (measured: 14 → 18.6 M Adam steps/s on Rosenbrock).
 */
export const Op = {
  ADD, SUB, MUL, DIV, POW, POWC, EXPB, NEG, SQ, CUBE, SIN, COS, TAN, ASIN, ACOS, ATAN, SINH, COSH, TANH,
  EXP, LOG, LOG10, LOG2, SQRT, CBRT, ABS, SIGN, FLOOR, CEIL, MIN, MAX, ATAN2, HYPOT,
} as const;

/** Fields per instruction. */
export const WIDTH = 4;

/** Runs `length` ints of `code` on plain values (slot i at v[i]). */
export function runValues(code: Int32Array, length: number, v: Float64Array): void {
  for (let pc = 0; pc < length; pc += WIDTH) {
    const o = code[pc + 1], va = v[code[pc + 2]], vb = v[code[pc + 3]];
    switch (code[pc]) {
      case ADD: v[o] = va + vb; break;
      case SUB: v[o] = va - vb; break;
      case MUL: v[o] = va * vb; break;
      case DIV: v[o] = va / vb; break;
      case POW: case POWC: v[o] = Math.pow(va, vb); break;
      case EXPB: v[o] = Math.pow(vb, va); break;
      case NEG: v[o] = -va; break;
      case SQ: v[o] = va * va; break;
      case CUBE: v[o] = va * va * va; break;
      case SIN: v[o] = Math.sin(va); break;
      case COS: v[o] = Math.cos(va); break;
      case TAN: v[o] = Math.tan(va); break;
      case ASIN: v[o] = Math.asin(va); break;
      case ACOS: v[o] = Math.acos(va); break;
      case ATAN: v[o] = Math.atan(va); break;
      case SINH: v[o] = Math.sinh(va); break;
      case COSH: v[o] = Math.cosh(va); break;
      case TANH: v[o] = Math.tanh(va); break;
      case EXP: v[o] = Math.exp(va); break;
      case LOG: v[o] = Math.log(va); break;
      case LOG10: v[o] = Math.log10(va); break;
      case LOG2: v[o] = Math.log2(va); break;
      case SQRT: v[o] = Math.sqrt(va); break;
      case CBRT: v[o] = Math.cbrt(va); break;
      case ABS: v[o] = Math.abs(va); break;
      case SIGN: v[o] = Math.sign(va); break;
      case FLOOR: v[o] = Math.floor(va); break;
      case CEIL: v[o] = Math.ceil(va); break;
      case MIN: v[o] = Math.min(va, vb); break;
      case MAX: v[o] = Math.max(va, vb); break;
      case ATAN2: v[o] = Math.atan2(va, vb); break;
      case HYPOT: v[o] = Math.hypot(va, vb); break;
      default: v[o] = NaN;
    }
  }
}

/**
 * Runs `length` ints of `code` on dual numbers. Operands in `code` are already
 * offsets into `d` (slot × 3): d[s] value, d[s + 1] ∂/∂x, d[s + 2] ∂/∂y.
 */
export function runDuals(code: Int32Array, length: number, d: Float64Array): void {
  for (let pc = 0; pc < length; pc += WIDTH) {
    const o = code[pc + 1], a = code[pc + 2], b = code[pc + 3];
    const va = d[a];
    // Unary rules set the value v and the factor k = f'(a); binary rules write everything and continue.
    let v: number, k: number;
    switch (code[pc]) {
      case ADD: d[o] = va + d[b]; d[o + 1] = d[a + 1] + d[b + 1]; d[o + 2] = d[a + 2] + d[b + 2]; continue;
      case SUB: d[o] = va - d[b]; d[o + 1] = d[a + 1] - d[b + 1]; d[o + 2] = d[a + 2] - d[b + 2]; continue;
      case MUL: {
        const vb = d[b];
        d[o] = va * vb; d[o + 1] = d[a + 1] * vb + va * d[b + 1]; d[o + 2] = d[a + 2] * vb + va * d[b + 2];
        continue;
      }
      case DIV: {
        const vb = d[b], q = va / vb;
        d[o] = q; d[o + 1] = (d[a + 1] - q * d[b + 1]) / vb; d[o + 2] = (d[a + 2] - q * d[b + 2]) / vb;
        continue;
      }
      case POW: {
        // d(a^b) = b a^(b-1) da + a^b ln(a) db, each term only where its differential is non-zero.
        const vb = d[b], p = Math.pow(va, vb), ka = vb * Math.pow(va, vb - 1), kb = p * Math.log(va);
        d[o] = p;
        d[o + 1] = (d[a + 1] === 0 ? 0 : ka * d[a + 1]) + (d[b + 1] === 0 ? 0 : kb * d[b + 1]);
        d[o + 2] = (d[a + 2] === 0 ? 0 : ka * d[a + 2]) + (d[b + 2] === 0 ? 0 : kb * d[b + 2]);
        continue;
      }
      case MIN: case MAX: {
        const vb = d[b];
        const takeA = code[pc] === MIN ? va <= vb : va >= vb;
        const s = takeA || vb !== vb ? a : b;
        d[o] = code[pc] === MIN ? Math.min(va, vb) : Math.max(va, vb); d[o + 1] = d[s + 1]; d[o + 2] = d[s + 2];
        continue;
      }
      case ATAN2: {
        const vb = d[b], r = va * va + vb * vb;
        d[o] = Math.atan2(va, vb);
        d[o + 1] = r === 0 ? 0 : (vb * d[a + 1] - va * d[b + 1]) / r;
        d[o + 2] = r === 0 ? 0 : (vb * d[a + 2] - va * d[b + 2]) / r;
        continue;
      }
      case HYPOT: {
        const vb = d[b], h = Math.hypot(va, vb);
        d[o] = h;
        d[o + 1] = h === 0 ? 0 : (va * d[a + 1] + vb * d[b + 1]) / h;
        d[o + 2] = h === 0 ? 0 : (va * d[a + 2] + vb * d[b + 2]) / h;
        continue;
      }
      case POWC: { const c = d[b]; v = Math.pow(va, c); k = c * Math.pow(va, c - 1); break; }
      case EXPB: { const base = d[b]; v = Math.pow(base, va); k = v * Math.log(base); break; }
      case NEG: d[o] = -va; d[o + 1] = -d[a + 1]; d[o + 2] = -d[a + 2]; continue;
      case SQ: d[o] = va * va; d[o + 1] = 2 * va * d[a + 1]; d[o + 2] = 2 * va * d[a + 2]; continue;
      case CUBE: v = va * va * va; k = 3 * va * va; break;
      case SIN: v = Math.sin(va); k = Math.cos(va); break;
      case COS: v = Math.cos(va); k = -Math.sin(va); break;
      case TAN: v = Math.tan(va); k = 1 + v * v; break;
      case ASIN: v = Math.asin(va); k = 1 / Math.sqrt(1 - va * va); break;
      case ACOS: v = Math.acos(va); k = -1 / Math.sqrt(1 - va * va); break;
      case ATAN: v = Math.atan(va); k = 1 / (1 + va * va); break;
      case SINH: v = Math.sinh(va); k = Math.cosh(va); break;
      case COSH: v = Math.cosh(va); k = Math.sinh(va); break;
      case TANH: v = Math.tanh(va); k = 1 - v * v; break;
      case EXP: v = Math.exp(va); k = v; break;
      case LOG: v = Math.log(va); k = 1 / va; break;
      case LOG10: v = Math.log10(va); k = 1 / (va * Math.LN10); break;
      case LOG2: v = Math.log2(va); k = 1 / (va * Math.LN2); break;
      case SQRT: v = Math.sqrt(va); k = 0.5 / v; break;
      case CBRT: v = Math.cbrt(va); k = 1 / (3 * v * v); break;
      // |a| has derivative sign(a), taken as 0 at the kink; sign, floor and ceil are flat almost everywhere.
      case ABS: v = Math.abs(va); k = va > 0 ? 1 : va < 0 ? -1 : 0; break;
      case SIGN: v = Math.sign(va); k = 0; break;
      case FLOOR: v = Math.floor(va); k = 0; break;
      case CEIL: v = Math.ceil(va); k = 0; break;
      default: v = NaN; k = NaN;
    }
    const dax = d[a + 1], day = d[a + 2];
    d[o] = v;
    d[o + 1] = dax === 0 ? 0 : dax * k;
    d[o + 2] = day === 0 ? 0 : day * k;
  }
}

/** k·d, but 0 when the differential d is 0, even where k is infinite (the rule runDuals follows). */
function scaled(k: number, d: number): number {
  return d === 0 ? 0 : k * d;
}

/** k·d·e, 0 when either differential is 0. */
function pair(k: number, d: number, e: number): number {
  return d === 0 || e === 0 ? 0 : k * d * e;
}

/**
 * The chain rule of second order for o = f(a, b), given f's partial derivatives at
 * (a, b): ∇o = f_a∇a + f_b∇b and
 * ∇²o = f_a∇²a + f_b∇²b + f_aa∇a∇aᵀ + f_ab(∇a∇bᵀ + ∇b∇aᵀ) + f_bb∇b∇bᵀ.
 */
function binaryRule(h: Float64Array, o: number, a: number, b: number, fa: number, fb: number, faa: number, fab: number, fbb: number): void {
  const ax = h[a + 1], ay = h[a + 2], bx = h[b + 1], by = h[b + 2];
  h[o + 1] = scaled(fa, ax) + scaled(fb, bx);
  h[o + 2] = scaled(fa, ay) + scaled(fb, by);
  h[o + 3] = scaled(fa, h[a + 3]) + scaled(fb, h[b + 3]) + pair(faa, ax, ax) + 2 * pair(fab, ax, bx) + pair(fbb, bx, bx);
  h[o + 4] = scaled(fa, h[a + 4]) + scaled(fb, h[b + 4]) + pair(faa, ax, ay) + pair(fab, ax, by) + pair(fab, bx, ay) + pair(fbb, bx, by);
  h[o + 5] = scaled(fa, h[a + 5]) + scaled(fb, h[b + 5]) + pair(faa, ay, ay) + 2 * pair(fab, ay, by) + pair(fbb, by, by);
}

/**
 * Runs `length` ints of `code` on hyper-dual numbers. Operands in `code` are offsets
 * into `h` (slot × 6): h[s] value, h[s + 1..2] gradient, h[s + 3..5] the Hessian's
 * xx, xy and yy entries. A unary f(a) gives f′(a)∇a and f′(a)∇²a + f″(a)∇a∇aᵀ. Only one
 * mixed entry is stored, so every Hessian is symmetric by construction. Conventions
 * follow runDuals: a zero differential contributes 0 whatever its factor, kinks
 * (abs, min, max) take one side, and sign, floor and ceil are flat.
 */
export function runHyperDuals(code: Int32Array, length: number, h: Float64Array): void {
  for (let pc = 0; pc < length; pc += WIDTH) {
    const o = code[pc + 1], a = code[pc + 2], b = code[pc + 3];
    const va = h[a];
    // Unary rules set the value v, k = f′(a) and kk = f″(a); the others write everything and continue.
    let v: number, k: number, kk: number;
    switch (code[pc]) {
      case ADD: for (let i = 0; i < 6; i++) h[o + i] = h[a + i] + h[b + i]; continue;
      case SUB: for (let i = 0; i < 6; i++) h[o + i] = h[a + i] - h[b + i]; continue;
      case NEG: for (let i = 0; i < 6; i++) h[o + i] = -h[a + i]; continue;
      case MUL: {
        // ∇²(ab) = b∇²a + a∇²b + ∇a∇bᵀ + ∇b∇aᵀ.
        const vb = h[b], ax = h[a + 1], ay = h[a + 2], bx = h[b + 1], by = h[b + 2];
        h[o] = va * vb; h[o + 1] = ax * vb + va * bx; h[o + 2] = ay * vb + va * by;
        h[o + 3] = h[a + 3] * vb + va * h[b + 3] + 2 * ax * bx;
        h[o + 4] = h[a + 4] * vb + va * h[b + 4] + ax * by + bx * ay;
        h[o + 5] = h[a + 5] * vb + va * h[b + 5] + 2 * ay * by;
        continue;
      }
      case DIV: {
        // From a = q·b: ∇²q = (∇²a − q∇²b − ∇q∇bᵀ − ∇b∇qᵀ) / b.
        const vb = h[b], q = va / vb, bx = h[b + 1], by = h[b + 2];
        const qx = (h[a + 1] - q * bx) / vb, qy = (h[a + 2] - q * by) / vb;
        h[o] = q; h[o + 1] = qx; h[o + 2] = qy;
        h[o + 3] = (h[a + 3] - q * h[b + 3] - 2 * qx * bx) / vb;
        h[o + 4] = (h[a + 4] - q * h[b + 4] - qx * by - bx * qy) / vb;
        h[o + 5] = (h[a + 5] - q * h[b + 5] - 2 * qy * by) / vb;
        continue;
      }
      case SQ: {
        const ax = h[a + 1], ay = h[a + 2];
        h[o] = va * va; h[o + 1] = 2 * va * ax; h[o + 2] = 2 * va * ay;
        h[o + 3] = 2 * (va * h[a + 3] + ax * ax);
        h[o + 4] = 2 * (va * h[a + 4] + ax * ay);
        h[o + 5] = 2 * (va * h[a + 5] + ay * ay);
        continue;
      }
      case POW: {
        // a^b: f_a = b a^(b−1), f_b = a^b ln a, f_aa = b(b−1) a^(b−2), f_ab = a^(b−1)(1 + b ln a), f_bb = a^b ln² a.
        const vb = h[b], p = Math.pow(va, vb), ln = Math.log(va), below = Math.pow(va, vb - 1);
        h[o] = p;
        binaryRule(h, o, a, b, vb * below, p * ln, vb * (vb - 1) * Math.pow(va, vb - 2), below * (1 + vb * ln), p * ln * ln);
        continue;
      }
      case MIN: case MAX: {
        const vb = h[b];
        const takeA = code[pc] === MIN ? va <= vb : va >= vb;
        const s = takeA || vb !== vb ? a : b;
        h[o] = code[pc] === MIN ? Math.min(va, vb) : Math.max(va, vb);
        for (let i = 1; i < 6; i++) h[o + i] = h[s + i];
        continue;
      }
      case ATAN2: {
        // atan2(a, b): f_a = b/r, f_b = −a/r (r = a² + b²), f_aa = 2 f_a f_b = −f_bb, f_ab = f_b² − f_a².
        const vb = h[b], r = va * va + vb * vb;
        h[o] = Math.atan2(va, vb);
        if (r === 0) { for (let i = 1; i < 6; i++) h[o + i] = 0; continue; }
        const fa = vb / r, fb = -va / r;
        binaryRule(h, o, a, b, fa, fb, 2 * fa * fb, fb * fb - fa * fa, -2 * fa * fb);
        continue;
      }
      case HYPOT: {
        // hypot(a, b) = ρ: f_a = a/ρ, f_b = b/ρ, f_aa = f_b²/ρ, f_ab = −f_a f_b/ρ, f_bb = f_a²/ρ.
        const vb = h[b], rho = Math.hypot(va, vb);
        h[o] = rho;
        if (rho === 0) { for (let i = 1; i < 6; i++) h[o + i] = 0; continue; }
        const fa = va / rho, fb = vb / rho;
        binaryRule(h, o, a, b, fa, fb, (fb * fb) / rho, (-fa * fb) / rho, (fa * fa) / rho);
        continue;
      }
      case POWC: { const c = h[b]; v = Math.pow(va, c); k = c * Math.pow(va, c - 1); kk = c * (c - 1) * Math.pow(va, c - 2); break; }
      case EXPB: { const ln = Math.log(h[b]); v = Math.pow(h[b], va); k = v * ln; kk = k * ln; break; }
      case CUBE: v = va * va * va; k = 3 * va * va; kk = 6 * va; break;
      case SIN: v = Math.sin(va); k = Math.cos(va); kk = -v; break;
      case COS: v = Math.cos(va); k = -Math.sin(va); kk = -v; break;
      case TAN: v = Math.tan(va); k = 1 + v * v; kk = 2 * v * k; break;
      case ASIN: v = Math.asin(va); k = 1 / Math.sqrt(1 - va * va); kk = va * k * k * k; break;
      case ACOS: v = Math.acos(va); k = -1 / Math.sqrt(1 - va * va); kk = va * k * k * k; break;
      case ATAN: v = Math.atan(va); k = 1 / (1 + va * va); kk = -2 * va * k * k; break;
      case SINH: v = Math.sinh(va); k = Math.cosh(va); kk = v; break;
      case COSH: v = Math.cosh(va); k = Math.sinh(va); kk = v; break;
      case TANH: v = Math.tanh(va); k = 1 - v * v; kk = -2 * v * k; break;
      case EXP: v = Math.exp(va); k = v; kk = v; break;
      case LOG: v = Math.log(va); k = 1 / va; kk = -k * k; break;
      case LOG10: v = Math.log10(va); k = 1 / (va * Math.LN10); kk = -k / va; break;
      case LOG2: v = Math.log2(va); k = 1 / (va * Math.LN2); kk = -k / va; break;
      case SQRT: v = Math.sqrt(va); k = 0.5 / v; kk = (-k * k) / v; break;
      case CBRT: v = Math.cbrt(va); k = 1 / (3 * v * v); kk = (-2 * k * k) / v; break;
      case ABS: v = Math.abs(va); k = va > 0 ? 1 : va < 0 ? -1 : 0; kk = 0; break;
      case SIGN: v = Math.sign(va); k = 0; kk = 0; break;
      case FLOOR: v = Math.floor(va); k = 0; kk = 0; break;
      case CEIL: v = Math.ceil(va); k = 0; kk = 0; break;
      default: v = NaN; k = NaN; kk = NaN;
    }
    const ax = h[a + 1], ay = h[a + 2];
    h[o] = v;
    h[o + 1] = scaled(k, ax);
    h[o + 2] = scaled(k, ay);
    h[o + 3] = scaled(k, h[a + 3]) + pair(kk, ax, ax);
    h[o + 4] = scaled(k, h[a + 4]) + pair(kk, ax, ay);
    h[o + 5] = scaled(k, h[a + 5]) + pair(kk, ay, ay);
  }
}
