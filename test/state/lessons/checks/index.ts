/** The engine checks of every course lesson, by lesson id (see src/state/lessons/claims.ts). */
import type { LessonChecks } from '../runLesson.ts';
import { edgeOfStabilityChecks } from './edgeOfStability.ts';

export const CHECKS: Readonly<Record<string, LessonChecks>> = {
  'edge-of-stability': edgeOfStabilityChecks,
};
