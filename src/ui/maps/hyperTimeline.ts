/**
 * The heatmap at the timeline's step: the hatch under the cells whose run has not reached its
 * minimum yet, and the caption that counts the settings arrived and reads the mapped run's loss.
 */
import type { HyperData } from '../../state/maps/types.ts';
import { formatNumber } from '../../view/format.ts';
import { arrivalSentence, arrivalsAt } from '../../view/mapTimeline.ts';

/** Thin light diagonals, for the cells whose run has not reached its minimum yet. */
export function hatchPattern(context: CanvasRenderingContext2D): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const draw = tile.getContext('2d');
  if (!draw) return null;
  draw.strokeStyle = 'rgba(200, 211, 226, 0.45)';
  draw.lineWidth = 1;
  draw.beginPath();
  draw.moveTo(0, 6);
  draw.lineTo(6, 0);
  draw.stroke();
  return context.createPattern(tile, 'repeat');
}

/**
 * What the map shows at timeline step `step`, in words: how many of the settings that reach a
 * minimum have reached it by then (the rest are faded and hatched), and the mapped run's loss there (`loss`, when known).
 */
export function timelineCaption(data: HyperData, step: number, loss: number | null): string {
  const runLoss = loss === null ? '' : ` This run (ring): loss ${formatNumber(loss, 4)}.`;
  return `${arrivalSentence(step, arrivalsAt(data.filled, data.stepsToTolerance, step), 'settings', 'faded and hatched')}${runLoss}`;
}
