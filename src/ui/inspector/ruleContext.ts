/**
 * What every optimizer's rule-with-numbers reads: the run, the step, the gradient
 * it uses, the step numbers (t for the inspector's θ_t → θ_{t+1}, k = t + 1 for
 * torch's bias-correction powers) and the L2 weight-decay line where it applies.
 */
import type { Point, StepInspection } from '../../core/index.ts';
import type { RunConfig } from '../../state/setup.ts';
import { l2Decay, texFactor, texNumber, texPoint, usedGradient } from './texParts.ts';

export interface RuleContext {
  readonly run: RunConfig;
  readonly step: StepInspection;
  /** The gradient the rule uses (L2 weight decay added), null for the gradient-free methods. */
  readonly g: Point | null;
  /** The inspector's step: θ_t → θ_{t+1}. */
  readonly t: number;
  /** torch's step number t + 1 (the power in the bias corrections). */
  readonly k: number;
  /** η_t in TeX. */
  readonly eta: string;
  /** Δθ in TeX (the engine's update). */
  readonly delta: string;
  readonly update: Point;
}

export function ruleContext(run: RunConfig, step: StepInspection, update: Point): RuleContext {
  return { run, step, g: usedGradient(run, step), t: step.step, k: step.step + 1, eta: texNumber(step.lr), delta: texPoint(update), update };
}

/** "g_t = ∇L + λθ_t = …" when the optimizer adds L2 weight decay λ ≠ 0; nothing otherwise. */
export function decayLines(c: RuleContext): string[] {
  const lambda = l2Decay(c.run);
  if (lambda === 0 || !c.step.gradient || !c.g) return [];
  return [`g_{${c.t}} &= \\nabla L + \\lambda\\theta_{${c.t}} = ${texPoint(c.step.gradient)} + ${texFactor(lambda)}\\cdot ${texPoint(c.step.point)} = ${texPoint(c.g)}`];
}

/** The gradient's symbol in the lines that follow. */
export const gSymbol = (c: RuleContext): string => `g_{${c.t}}`;
