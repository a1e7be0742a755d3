/**
 * The main view: the runs legend as a strip above 1–4 scene panes in a grid,
 * and the notices. What fills a pane comes from `renderPane` (App passes the 3D
 * view, which captions itself below its picture with its surface and colour key),
 * so the UI never imports the scene and nothing is laid over the landscape.
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../state/app.ts';
import { RunsLegend } from '../runs/RunsLegend.tsx';
import { Notices } from './Notices.tsx';

export function SceneArea({ renderPane }: { renderPane: (pane: number) => ReactNode }) {
  const panes = useAppStore((state) => state.setup.panes);
  const count = panes.length;

  return (
    <section className="scene-area" aria-label="Loss landscape">
      <RunsLegend />
      <div className={`pane-grid panes-${count}`}>
        {panes.map((_, pane) => (
          <div key={pane} className="pane" data-pane={pane}>
            {renderPane(pane)}
          </div>
        ))}
      </div>
      <Notices />
    </section>
  );
}
