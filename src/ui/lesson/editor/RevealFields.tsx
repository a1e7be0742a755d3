/**
 * What one stage reveals, in the editor: the paths (all runs or some, whole or
 * only up to a step), the loss chart, a run's basin map or hyper-parameter map.
 * The editor always writes the list out; an empty list shows nothing but the
 * surface and the start.
 */
import { useId } from 'react';
import { MAX_STEPS } from '../../../core/index.ts';
import type { Reveal } from '../../../state/lessons/schema.ts';
import { NumberField } from '../../widgets/NumberField.tsx';

type PathsReveal = Extract<Reveal, { show: 'paths' }>;

interface RevealFieldsProps {
  /** The stage's reveal list; undefined means every path and the chart. */
  readonly reveal: readonly Reveal[] | undefined;
  readonly where: string;
  readonly runNames: readonly string[];
  readonly steps: number;
  readonly onChange: (reveal: Reveal[]) => void;
}

export function RevealFields({ reveal, where, runNames, steps, onChange }: RevealFieldsProps) {
  const id = useId();
  const list: readonly Reveal[] = reveal ?? [{ show: 'paths' }, { show: 'chart' }];
  const paths = list.find((item): item is PathsReveal => item.show === 'paths');
  const chart = list.some((item) => item.show === 'chart');
  const basin = list.find((item) => item.show === 'basin-map');
  const hyper = list.find((item) => item.show === 'hyper-map');
  const others = list.filter((item) => !['paths', 'chart', 'basin-map', 'hyper-map'].includes(item.show));

  const write = (next: { paths?: PathsReveal | null; chart?: boolean; basin?: number | null; hyper?: number | null }) => {
    const out: Reveal[] = [];
    const nextPaths = next.paths === undefined ? paths : next.paths;
    if (nextPaths) out.push(nextPaths);
    if (next.chart ?? chart) out.push({ show: 'chart' });
    const basinRun = next.basin === undefined ? (basin && 'run' in basin ? basin.run : null) : next.basin;
    if (basinRun !== null) out.push({ show: 'basin-map', run: basinRun });
    const hyperRun = next.hyper === undefined ? (hyper && 'run' in hyper ? hyper.run : null) : next.hyper;
    if (hyperRun !== null) out.push({ show: 'hyper-map', run: hyperRun });
    onChange([...out, ...others]);
  };
  const chosenRuns = paths?.runs ?? runNames.map((_, index) => index);
  const toggleRun = (index: number, on: boolean) => {
    if (!paths) return;
    const runs = runNames.map((_, at) => at).filter((at) => (at === index ? on : chosenRuns.includes(at)));
    const { runs: _old, ...rest } = paths;
    write({ paths: runs.length === runNames.length ? rest : { ...rest, runs } });
  };

  return (
    <fieldset className="editor-group">
      <legend>After the answer, show</legend>
      <label className="check">
        <input type="checkbox" checked={paths !== undefined} onChange={(event) => write({ paths: event.currentTarget.checked ? { show: 'paths' } : null })} aria-label={`${where}: show the paths`} />
        The paths
      </label>
      {paths ? (
        <div className="editor-indent">
          <div className="editor-runs" role="group" aria-label={`${where}: paths of which runs`}>
            {runNames.map((name, index) => (
              <label key={index} className="check">
                <input type="checkbox" checked={chosenRuns.includes(index)} onChange={(event) => toggleRun(index, event.currentTarget.checked)} />
                {name}
              </label>
            ))}
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={paths.upToStep !== undefined}
              aria-label={`${where}: only up to a step`}
              onChange={(event) => {
                const { upToStep: _step, upToEpoch: _epoch, ...rest } = paths;
                write({ paths: event.currentTarget.checked ? { ...rest, upToStep: Math.min(1, steps) } : rest });
              }}
            />
            Only up to a step
          </label>
          {paths.upToStep !== undefined ? <NumberField label={`${where}: last step shown`} value={paths.upToStep} min={0} max={Math.min(steps, MAX_STEPS)} integer onCommit={(upToStep) => write({ paths: { ...paths, upToStep } })} /> : null}
        </div>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={chart} onChange={(event) => write({ chart: event.currentTarget.checked })} aria-label={`${where}: show the loss chart`} />
        The loss chart
      </label>
      <div className="editor-grid">
        <MapRunField label="Basin map" id={`${id}-basin`} ariaLabel={`${where}: basin map`} chosen={basin && 'run' in basin ? basin.run : null} runNames={runNames} onChoose={(run) => write({ basin: run })} />
        <MapRunField label="Hyper-parameter map" id={`${id}-hyper`} ariaLabel={`${where}: hyper-parameter map`} chosen={hyper && 'run' in hyper ? hyper.run : null} runNames={runNames} onChoose={(run) => write({ hyper: run })} />
      </div>
    </fieldset>
  );
}

interface MapRunFieldProps {
  label: string;
  id: string;
  ariaLabel: string;
  /** The run whose map is revealed, or null for none. */
  chosen: number | null;
  runNames: readonly string[];
  onChoose: (run: number | null) => void;
}

/** A menu that picks which run's map a stage reveals, or none. */
function MapRunField({ label, id, ariaLabel, chosen, runNames, onChoose }: MapRunFieldProps) {
  return (
    <label className="editor-field">
      <span className="field-label">{label}</span>
      <select id={id} value={chosen === null ? '' : String(chosen)} aria-label={ariaLabel} onChange={(event) => onChoose(event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}>
        <option value="">None</option>
        {runNames.map((name, index) => (
          <option key={index} value={index}>
            Of {name}
          </option>
        ))}
      </select>
    </label>
  );
}
