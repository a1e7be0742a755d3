import type { Surface } from '../types.ts';

/** The bowl's principal axes are turned by this angle (15°), so its valley is not aligned with x or y. */
export const BOWL_ROTATION = Math.PI / 12;

/** Condition number of the registered `bowl`: enough for a clear zig-zag. */
export const DEFAULT_BOWL_CONDITION = 20;

/**
 * An ill-conditioned quadratic bowl with Hessian condition number `condition`:
 * L(x, y) = u²/κ + v², where (u, v) is (x, y) turned by 15°. Its Hessian has
 * eigenvalues 2/κ and 2 whatever κ is, so gradient descent is stable for
 * lr < 1 on every bowl; near that limit it zig-zags across the steep v-direction
 * while creeping along the shallow u-direction at rate 2·lr/κ per step.
 * Momentum damps the zig-zag and speeds the creep. κ must be finite and ≥ 1.
 */
export function makeBowl(condition: number): Surface {
  if (!Number.isFinite(condition) || condition < 1) {
    throw new Error(`bowl condition must be a finite number ≥ 1 (got ${condition})`);
  }
  const cos = Math.cos(BOWL_ROTATION);
  const sin = Math.sin(BOWL_ROTATION);
  const shallow = 1 / condition;
  // The Hessian is constant: Rᵀ diag(2/κ, 2) R with R the 15° turn.
  const hxx = 2 * (shallow * cos * cos + sin * sin);
  const hxy = 2 * (shallow - 1) * cos * sin;
  const hyy = 2 * (shallow * sin * sin + cos * cos);
  return {
    id: 'bowl',
    label: `Ill-conditioned bowl (κ = ${condition})`,
    teaches: 'On a long narrow valley gradient descent zig-zags across and crawls along; momentum helps.',
    tex: `\\frac{u^2}{${condition}} + v^2,\\quad \\begin{pmatrix}u\\\\v\\end{pmatrix} = R_{15^\\circ}\\begin{pmatrix}x\\\\y\\end{pmatrix}`,
    loss: (x, y) => {
      const u = cos * x + sin * y;
      const v = cos * y - sin * x;
      return shallow * u * u + v * v;
    },
    gradient: (x, y, out) => {
      const u = cos * x + sin * y;
      const v = cos * y - sin * x;
      const du = 2 * shallow * u;
      const dv = 2 * v;
      out[0] = cos * du - sin * dv;
      out[1] = sin * du + cos * dv;
    },
    hessian: (_x, _y, out) => {
      out[0] = hxx;
      out[1] = hxy;
      out[2] = hyy;
    },
    domain: { x: [-3, 3], y: [-3, 3] },
    minima: [[0, 0]],
    suggestedStart: [-2.5, 2],
    lrRange: [1e-3, 1.2],
    suggestedLr: 0.9,
    logHeight: false,
    defaultNoise: 1.5,
  };
}

/** The registered bowl, condition number 20. */
export const bowl: Surface = makeBowl(DEFAULT_BOWL_CONDITION);
