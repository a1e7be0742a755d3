/**
 * A lesson's full Setup, built from the few choices
 * the lesson makes, over defaultSetup() and defaultRun() for everything else
 * (colours, ids, torch's defaults for unnamed hyper-parameters), so a lesson
 * keeps working whatever else the setup grows.
 */
import { HYPER_PARAMETER_KEYS } from '../../core/index.ts';
import { defaultRun, defaultSetup } from '../defaults.ts';
import type { RunConfig, Setup } from '../setup.ts';
import { effectiveDatasetSize, surfaceRecord } from './parseSetup.ts';
import type { Lesson } from './schema.ts';

/** The setup a lesson opens with. */
export function lessonSetup(lesson: Lesson): Setup {
  const choice = lesson.setup;
  const base = defaultSetup();
  const bowlCondition = choice.bowlCondition ?? base.bowlCondition;
  const paneIds = [choice.surface, ...(choice.splitWith ?? [])];
  const paneSurfaces = paneIds.map((id) => surfaceRecord(id, bowlCondition));
  const datasetSize = effectiveDatasetSize(paneSurfaces[0], choice.datasetSize, base.datasetSize);
  const runs = choice.runs.map((run, index): RunConfig => {
    const pane = run.pane ?? 0;
    const fresh = defaultRun(run.optimizer, index, { surface: paneSurfaces[pane], datasetSize });
    const hyperParameters = Object.fromEntries(HYPER_PARAMETER_KEYS.flatMap((key) => (run[key] === undefined ? [] : [[key, run[key]]])));
    return {
      ...fresh,
      lr: run.lr,
      ...hyperParameters,
      schedule: run.schedule ?? fresh.schedule,
      batchSize: run.batchSize ?? datasetSize,
      noise: run.noise ?? fresh.noise,
      seed: run.seed ?? fresh.seed,
      start: run.start ?? null,
      pane,
    };
  });
  return {
    ...base,
    panes: paneIds.map((surface) => ({ surface })),
    bowlCondition,
    start: choice.start,
    steps: choice.steps,
    datasetSize,
    runs,
    playback: { ...base.playback, mode: 'instant' },
  };
}
