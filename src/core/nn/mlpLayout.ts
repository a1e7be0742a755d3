/** Where a 2 → H → H → 1 perceptron's parameters sit in one vector θ (see mlp.ts). */
/** Where each parameter block starts in θ: W₁ (H × 2, row-major), b₁, W₂ (H × H, row-major), b₂, w₃ (H), b₃. */
export interface MlpLayout {
  readonly hidden: number;
  readonly w1: number;
  readonly b1: number;
  readonly w2: number;
  readonly b2: number;
  readonly w3: number;
  readonly b3: number;
  /** H² + 5H + 1 (337 for H = 16). */
  readonly parameterCount: number;
}

/** Inputs per example. */
export const INPUT_SIZE = 2;

export function mlpLayout(hidden: number): MlpLayout {
  const w1 = 0;
  const b1 = w1 + INPUT_SIZE * hidden;
  const w2 = b1 + hidden;
  const b2 = w2 + hidden * hidden;
  const w3 = b2 + hidden;
  const b3 = w3 + hidden;
  return { hidden, w1, b1, w2, b2, w3, b3, parameterCount: b3 + 1 };
}
