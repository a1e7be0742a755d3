/** The engine checks of every course lesson, by lesson id (see src/state/lessons/claims.ts). */
import type { LessonChecks } from '../runLesson.ts';
import { adagradRmspropChecks } from './adagradRmsprop.ts';
import { adamRosenbrockChecks } from './adamRosenbrock.ts';
import { decayNoiseFloorChecks } from './decayNoiseFloor.ts';
import { edgeOfStabilityChecks } from './edgeOfStability.ts';
import { effectiveLearningRateChecks } from './effectiveLearningRate.ts';
import { gradientFreeChecks } from './gradientFree.ts';
import { miniBatchChecks } from './miniBatch.ts';
import { miniBatchEpochsChecks } from './miniBatchEpochs.ts';
import { momentumBowlChecks } from './momentumBowl.ts';
import { momentumValleysChecks } from './momentumValleys.ts';
import { nesterovLookAheadChecks } from './nesterovLookAhead.ts';
import { realNetworkChecks } from './realNetwork.ts';
import { notesVsTorchChecks } from './notesVsTorch.ts';
import { saddleChecks } from './saddle.ts';
import { scheduleRescueChecks } from './scheduleRescue.ts';
import { startDecidesChecks } from './startDecides.ts';
import { steepestDescentChecks } from './steepestDescent.ts';
import { stepSizeChecks } from './stepSize.ts';
import { weightDecayChecks } from './weightDecay.ts';

export const CHECKS: Readonly<Record<string, LessonChecks>> = {
  'steepest-descent': steepestDescentChecks,
  'step-size': stepSizeChecks,
  'edge-of-stability': edgeOfStabilityChecks,
  minibatch: miniBatchChecks,
  'minibatch-epochs': miniBatchEpochsChecks,
  saddle: saddleChecks,
  'start-decides': startDecidesChecks,
  'momentum-bowl': momentumBowlChecks,
  'effective-learning-rate': effectiveLearningRateChecks,
  'momentum-valleys': momentumValleysChecks,
  'adagrad-rmsprop': adagradRmspropChecks,
  'adam-rosenbrock': adamRosenbrockChecks,
  'schedule-rescue': scheduleRescueChecks,
  'decay-noise-floor': decayNoiseFloorChecks,
  'notes-vs-torch': notesVsTorchChecks,
  'gradient-free': gradientFreeChecks,
  'weight-decay': weightDecayChecks,
  'nesterov-look-ahead': nesterovLookAheadChecks,
  'real-network': realNetworkChecks,
};
