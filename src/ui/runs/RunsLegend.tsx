/**
 * The runs legend above the scene: for each visible run its color, optimizer, key
 * hyper-parameters, status (core's describeOutcome: converged, diverged, left the
 * plot, local minimum, undefined) and final loss. Pointing at an entry brings its
 * path forward; selecting it keeps it forward and shows that optimizer's update
 * rule in the lesson text.
 */
import { useEffect, useState } from 'react';
import { OPTIMIZERS } from '../../core/index.ts';
import { appResults, useAppStore } from '../../state/app.ts';
import { currentStageView } from '../../state/store/lessonSlice.ts';
import type { RunConfig } from '../../state/setup.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';
import { emphasizedRun, emphasizeRun } from '../../view/runEmphasis.ts';
import { finalLossText, summarizeRun } from './runStatus.ts';
import { usePaneSurfaces } from './usePaneSurfaces.ts';
import { useResultsRevision } from './useResultsRevision.ts';

const SYMBOLS: Record<string, string> = {
  lr: 'η',
  momentum: 'μ',
  alpha: 'α',
  beta1: 'β₁',
  beta2: 'β₂',
};

/** "η 0.01 · μ 0.9 · B 16 · cosine": the settings that tell two runs apart. */
export function keyParameters(run: RunConfig, datasetSize: number): string {
  const parts = [`η ${formatNumber(run.lr)}`];
  for (const parameter of OPTIMIZERS[run.optimizer].hyperParameters) {
    const symbol = SYMBOLS[parameter.key];
    if (!symbol) continue;
    parts.push(`${symbol} ${formatNumber(Number(run[parameter.key as keyof RunConfig]), 4)}`);
  }
  if (run.optimizer === 'rmsprop' && run.centered) parts.push('centered');
  if (run.batchSize < datasetSize) parts.push(`B ${formatInteger(run.batchSize)}`);
  if (run.schedule.type !== 'constant') parts.push(run.schedule.type);
  return parts.join(' · ');
}

/** Hover, focus or touch on a chip points at its run: the scene brings that path forward (view/runEmphasis.ts). */
function emphasisHandlers(runId: string) {
  const on = () => emphasizeRun(runId);
  const off = () => {
    if (emphasizedRun() === runId) emphasizeRun(null);
  };
  return { onPointerEnter: on, onPointerLeave: off, onFocus: on, onBlur: off };
}

/**
 * A strip of chips above the panes, never over them: nothing in it can hide a path.
 * "Hide" folds each chip to its colour and name (one short row, as on phones).
 */
export function RunsLegend() {
  const setup = useAppStore((state) => state.setup);
  const selectedRunId = useAppStore((state) => state.selectedRunId);
  const selectRun = useAppStore((state) => state.selectRun);
  const resultsVersion = useAppStore((state) => state.resultsVersion);
  const revision = useResultsRevision();
  const surfacesByPane = usePaneSurfaces(setup);
  const [collapsed, setCollapsed] = useState(false);
  // A lesson names its runs ("η = 1.05") and may keep their outcome hidden until its question is answered.
  const lessonRuns = useAppStore((state) => state.lesson?.lesson.setup.runs ?? null);
  const asking = useAppStore((state) => state.lesson !== null && !state.lesson.revealed);
  const shownMask = useAppStore((state) => currentStageView(state)?.paths.map((on) => (on ? '1' : '0')).join('') ?? null);
  const visible = setup.runs.filter((run) => run.visible);
  // Both counters only force a re-render; the summaries read the buffers directly.
  void resultsVersion;
  void revision;
  // A chip that unmounts while pointed at must not leave its run emphasized.
  useEffect(() => () => emphasizeRun(null), []);

  if (setup.runs.length === 0) return null;
  const hiddenCount = setup.runs.length - visible.length;
  return (
    <section className={`legend${collapsed ? ' collapsed' : ''}`} aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title legend-title">
        Runs
      </h2>
      <ul className="legend-chips">
        {visible.map((run) => {
          const number = setup.runs.indexOf(run) + 1;
          const summary = summarizeRun(appResults.runs.get(run.id), surfacesByPane[run.pane] ?? surfacesByPane[0] ?? null);
          const index = number - 1;
          const hiddenByLesson = shownMask !== null && shownMask[index] !== '1';
          const label = lessonRuns?.[index]?.label;
          const selected = run.id === selectedRunId;
          return (
            <li key={run.id} className={`legend-entry status-${summary.kind}${selected ? ' selected' : ''}`} data-run={run.id}>
              <button type="button" className="legend-button" aria-pressed={selected} onClick={() => selectRun(selected ? null : run.id)} {...emphasisHandlers(run.id)}>
                <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
                <span className="legend-text">
                  <span className="legend-name">
                    {number} · {label ?? OPTIMIZERS[run.optimizer].label}
                    {setup.panes.length > 1 ? <span className="muted"> · pane {run.pane + 1}</span> : null}
                    {collapsed ? null : <span className="legend-params"> {label ? `${OPTIMIZERS[run.optimizer].label} · ` : ''}{keyParameters(run, setup.datasetSize)}</span>}
                  </span>
                  {hiddenByLesson ? (
                    <span className={`legend-status muted${collapsed ? ' visually-hidden' : ''}`}>{asking ? 'Hidden until you answer' : 'Not shown in this stage'}</span>
                  ) : (
                    <span className={`legend-status${collapsed ? ' visually-hidden' : ''}`} title={Number.isFinite(summary.finalLoss) ? `${summary.text} · ${finalLossText(summary)}` : summary.text}>
                      <span className="status-text">{summary.text}</span>
                      {Number.isFinite(summary.finalLoss) ? <span className="muted" title={finalLossText(summary)}> · loss {formatNumber(summary.finalLoss)}</span> : null}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
        {hiddenCount > 0 ? (
          <li className="legend-hidden muted">
            +{hiddenCount} hidden
          </li>
        ) : null}
      </ul>
      <button type="button" className="legend-toggle" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
        {collapsed ? 'Show' : 'Hide'}
      </button>
    </section>
  );
}
