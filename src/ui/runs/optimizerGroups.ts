/**
 * How the optimizer picker groups the optimizers: by the idea they add, in the
 * order a course meets them. Every id of core's table is in exactly one group
 * (test/ui/optimizerGroups.test.ts holds that), so a new optimizer must be placed here.
 */
import { OPTIMIZER_IDS, type OptimizerId } from '../../core/index.ts';

export interface OptimizerGroup {
  readonly label: string;
  readonly ids: readonly OptimizerId[];
}

export const OPTIMIZER_GROUPS: readonly OptimizerGroup[] = [
  { label: 'Gradient descent', ids: ['sgd', 'momentum', 'nesterov'] },
  { label: 'Adaptive', ids: ['adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'adamax', 'adadelta', 'rprop'] },
  { label: 'Second order', ids: ['lbfgs', 'newton'] },
  { label: 'Without gradients', ids: ['random-search', 'evolution'] },
];

/** The group holding `id` (the last group's label for an id no group lists, which the test forbids). */
export function optimizerGroupOf(id: OptimizerId): string {
  return OPTIMIZER_GROUPS.find((group) => group.ids.includes(id))?.label ?? OPTIMIZER_GROUPS[OPTIMIZER_GROUPS.length - 1].label;
}

/** Ids no group lists (empty when the groups are complete). */
export function ungroupedOptimizers(): OptimizerId[] {
  return OPTIMIZER_IDS.filter((id) => !OPTIMIZER_GROUPS.some((group) => group.ids.includes(id)));
}
