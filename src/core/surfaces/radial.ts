/**
 * The Hessian of a radially symmetric term f(|p − c|) is a·I − b·uuᵀ along the
 * direction u from its centre (a = f′/r, and b·|u|² = a − f″). Valleys' Gaussian wells
 * and Ackley's cone are such terms: each adds its part to a packed Hessian
 * [xx, xy, yy] (Surface.hessian's layout) with this one function.
 */
export function addRadialHessian(out: Float64Array, a: number, b: number, ux: number, uy: number): void {
  out[0] += a - b * ux * ux;
  out[1] -= b * ux * uy;
  out[2] += a - b * uy * uy;
}
