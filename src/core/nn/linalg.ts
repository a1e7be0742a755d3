/** Dense symmetric linear algebra for the polish and the directions: small, allocation-free given buffers. */

/**
 * Cholesky factorisation A + shift·I = L Lᵀ in place (A is n × n, row-major; L is
 * left in the lower triangle). Returns false, leaving `a` spoiled, when the
 * matrix is not positive definite.
 */
export function cholesky(a: Float64Array, n: number, shift: number): boolean {
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j] + shift;
    for (let k = 0; k < j; k++) diagonal -= a[j * n + k] * a[j * n + k];
    if (!(diagonal > 0)) return false;
    const pivot = Math.sqrt(diagonal);
    a[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j] + (i === j ? shift : 0);
      for (let k = 0; k < j; k++) sum -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = sum / pivot;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place (b becomes x), L from `cholesky`. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * b[k];
    b[i] = sum / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * b[k];
    b[i] = sum / l[i * n + i];
  }
}

/** Σ a[aOffset + p]·b[bOffset + p] for p < size, in index order. */
export function dot(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, size: number): number {
  let sum = 0;
  for (let p = 0; p < size; p++) sum += a[aOffset + p] * b[bOffset + p];
  return sum;
}

/** ‖v‖₂. */
export function norm(v: Float64Array): number {
  return Math.sqrt(dot(v, 0, v, 0, v.length));
}
