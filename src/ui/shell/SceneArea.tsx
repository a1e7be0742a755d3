/**
 * The main view: 1–4 scene panes in a grid, each labelled with its surface,
 * with the runs legend and the notices laid over it. What fills a pane comes
 * from `renderPane` (App passes the 3D view), so the UI never imports the scene.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../state/app.ts';
import { paneSurfaceLabel } from '../../view/catalog.ts';
import { RunsLegend } from '../runs/RunsLegend.tsx';
import { Notices } from './Notices.tsx';

export function SceneArea({ renderPane }: { renderPane: (pane: number) => ReactNode }) {
  const setup = useAppStore((state) => state.setup);
  const count = setup.panes.length;

  return (
    <section className="scene-area" aria-label="Loss landscape">
      <div className={`pane-grid panes-${count}`}>
        {setup.panes.map((_, pane) => (
          <div key={pane} className="pane">
            {renderPane(pane)}
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
