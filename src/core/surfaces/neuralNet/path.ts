/** The training path of a PCA slice, projected onto its plane. */
import { dot } from '../../nn/linalg.ts';
import type { TrainingResult } from '../../nn/train.ts';

/** The training path projected onto the plane (PCA slices). */
export interface ProjectedPath {
  /** (θᵢ − θ*)·d₁ and (θᵢ − θ*)·d₂ for each kept point, the initialisation first and θ* (0, 0) last. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /**
   * L(θᵢ), the true loss of each point. It is NOT the slice's height at (xᵢ, yᵢ):
   * θᵢ lies off the plane by `offPlane`ᵢ, and the slice's height there is the loss
   * of the projected point instead.
   */
  readonly loss: Float64Array;
  /** ‖θᵢ − θ* − xᵢ d₁ − yᵢ d₂‖, how far the real point is from the plane. */
  readonly offPlane: Float64Array;
  /** The step of each point: Adam's steps, then the last Adam step plus the polish's iteration. */
  readonly step: Int32Array;
  /** Index of the first polish point: points before it are Adam's, the rest L-BFGS/Newton's, ending at θ*. */
  readonly polishStart: number;
  readonly length: number;
}

/** The training path's points on the plane through `center` spanned by the orthonormal d₁, d₂, with how far each lies off it. */
export function projectPath(trained: TrainingResult, center: Float64Array, d1: Float64Array, d2: Float64Array): ProjectedPath {
  const { path, pathCount: count } = trained;
  const size = center.length;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const offPlane = new Float64Array(count);
  const offset = new Float64Array(size);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < size; p++) offset[p] = path[i * size + p] - center[p];
    x[i] = dot(offset, 0, d1, 0, size);
    y[i] = dot(offset, 0, d2, 0, size);
    let squares = 0;
    for (let p = 0; p < size; p++) {
      const residual = offset[p] - x[i] * d1[p] - y[i] * d2[p];
      squares += residual * residual;
    }
    offPlane[i] = Math.sqrt(squares);
  }
  return { x, y, loss: trained.pathLoss.slice(), offPlane, step: trained.pathStep.slice(), polishStart: trained.polishStart, length: count };
}
