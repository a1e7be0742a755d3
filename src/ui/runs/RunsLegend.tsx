/**
 * The legend over the scene: for each visible run its color, optimizer, key
 * hyper-parameters, status (converged / diverged at step k, still moving) and
 * final loss. Selecting an entry shows that optimizer's update rule.
 */
import { useMemo, useState } from 'react';
import { OPTIMIZERS } from '../../core/index.ts';
import { appResults, useAppStore } from '../../state/app.ts';
import { currentStageView } from '../../state/store/lessonSlice.ts';
import type { RunConfig, Setup } from '../../state/setup.ts';
import { useExpressionParser } from '../../state/customSurface.ts';
import { surfaceById as stateSurfaceById } from '../../state/surfaceOf.ts';
import { paneSurfaceId } from '../../view/catalog.ts';
import { formatInteger, formatNumber } from '../../view/format.ts';
import { finalLossText, minimumLosses, summarizeRun } from './runStatus.ts';
import { Tex } from '../widgets/Tex.tsx';
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

function useMinimaByPane(setup: Setup): number[][] {
  // A custom pane's minima are known once the lazily loaded parser has arrived.
  const parser = useExpressionParser(setup.custom !== null && setup.panes.some((pane) => pane.surface === 'custom'));
  return useMemo(
    () => setup.panes.map((_, pane) => minimumLosses(stateSurfaceById(paneSurfaceId(setup, pane), setup) ?? undefined)),
    // Only the surfaces decide the minima.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setup.panes, setup.bowlCondition, setup.custom, parser],
  );
}

export function RunsLegend() {
  const setup = useAppStore((state) => state.setup);
  const selectedRunId = useAppStore((state) => state.selectedRunId);
  const selectRun = useAppStore((state) => state.selectRun);
  const resultsVersion = useAppStore((state) => state.resultsVersion);
  const revision = useResultsRevision();
  const minimaByPane = useMinimaByPane(setup);
  // A lesson names its runs ("η = 1.05") and may keep their outcome hidden until its question is answered.
  const lessonRuns = useAppStore((state) => state.lesson?.lesson.setup.runs ?? null);
  const asking = useAppStore((state) => state.lesson !== null && !state.lesson.revealed);
  const shownMask = useAppStore((state) => currentStageView(state)?.paths.map((on) => (on ? '1' : '0')).join('') ?? null);
  // With three or four panes the legend would hide most of pane 1: it starts folded, until someone opens it.
  const [collapsedByUser, setCollapsed] = useState<boolean | null>(null);
  const collapsed = collapsedByUser ?? setup.panes.length >= 3;
  const visible = setup.runs.filter((run) => run.visible);
  // Both counters only force a re-render; the summaries read the buffers directly.
  void resultsVersion;
  void revision;

  if (setup.runs.length === 0) return null;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <div className="legend-head">
        <h2 id="legend-title" className="panel-title">
          Runs
        </h2>
        <button type="button" className="legend-toggle" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Show' : 'Hide'}
        </button>
      </div>
      {collapsed ? null : (
      <ul>
        {visible.map((run) => {
          const number = setup.runs.indexOf(run) + 1;
          const summary = summarizeRun(appResults.runs.get(run.id), minimaByPane[run.pane] ?? []);
          const index = number - 1;
          const hiddenByLesson = shownMask !== null && shownMask[index] !== '1';
          const label = lessonRuns?.[index]?.label;
          const selected = run.id === selectedRunId;
          return (
            <li key={run.id} className={`legend-entry status-${summary.kind}${selected ? ' selected' : ''}`}>
              <button type="button" className="legend-button" aria-pressed={selected} onClick={() => selectRun(selected ? null : run.id)}>
                <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
                <span className="legend-text">
                  <span className="legend-name">
                    {number} · {label ?? OPTIMIZERS[run.optimizer].label}
                    {setup.panes.length > 1 ? <span className="muted"> · pane {run.pane + 1}</span> : null}
                  </span>
                  <span className="legend-params">
                    {label ? `${OPTIMIZERS[run.optimizer].label} · ` : ''}
                    {keyParameters(run, setup.datasetSize)}
                  </span>
                  {hiddenByLesson ? (
                    <span className="legend-status muted">{asking ? 'Hidden until you answer' : 'Not shown in this stage'}</span>
                  ) : (
                    <span className="legend-status">
                      <span className="status-text">{summary.text}</span>
                      {Number.isFinite(summary.finalLoss) ? <span className="muted"> · {finalLossText(summary)}</span> : null}
                    </span>
                  )}
                </span>
              </button>
              {selected ? (
                <div className="legend-rule">
                  <Tex tex={OPTIMIZERS[run.optimizer].updateRuleTex} block />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      )}
      {!collapsed && visible.length < setup.runs.length ? (
        <p className="legend-hidden muted">
          {setup.runs.length - visible.length} hidden run{setup.runs.length - visible.length === 1 ? '' : 's'}
        </p>
      ) : null}
    </section>
  );
}
