/**
 * The main view: 1–4 scene panes in a grid, each labelled with its surface,
 * with the legend and the notices laid over it.
 */
import { SceneView } from '../../scene/pane/SceneView.tsx';
import { useAppStore } from '../../state/app.ts';
import { paneSurfaceLabel } from '../catalog.ts';
import { RunsLegend } from '../runs/RunsLegend.tsx';
import { Notices } from './Notices.tsx';

export function SceneArea() {
  const setup = useAppStore((state) => state.setup);
  const count = setup.panes.length;

  return (
    <section className="scene-area" aria-label="Loss landscape">
      <div className={`pane-grid panes-${count}`}>
        {setup.panes.map((_, pane) => (
          <div key={pane} className="pane">
            <SceneView pane={pane} />
            <div className="pane-label">
              {count > 1 ? <span className="pane-number">{pane + 1}</span> : null}
              {paneSurfaceLabel(setup, pane)}
            </div>
          </div>
        ))}
      </div>
      <RunsLegend />
      <Notices />
    </section>
  );
}
