/**
 * What the loss chart's x axis counts, as a segmented choice: optimizer steps,
 * gradient evaluations (a mini-batch of B counts B/N, a line search every trial),
 * or epochs (examples seen ÷ N). Part of the setup's view, so a link keeps it.
 */
import { useId } from 'react';
import { useAppStore } from '../../state/app.ts';
import type { ChartXAxis } from '../../state/setup.ts';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';

const OPTIONS: readonly (readonly [ChartXAxis, string])[] = [
  ['steps', 'Steps'],
  ['gradients', 'Gradients'],
  ['epochs', 'Epochs'],
];

const NAMES: Record<ChartXAxis, string> = {
  steps: 'optimizer steps',
  gradients: 'gradient evaluations',
  epochs: 'epochs, examples seen divided by N',
};

export function ChartAxisChoice() {
  const id = useId();
  const chartX = useAppStore((state) => state.setup.view.chartX);
  const setChartX = useAppStore((state) => state.setChartX);
  return (
    <div className="chart-axis">
      <SegmentedChoice legend="x axis" hideLegend groupLabel="The chart's x axis counts" name={`${id}-chart-x`} options={OPTIONS} value={chartX} onChange={setChartX} optionLabel={(axis) => NAMES[axis]} />
    </div>
  );
}
