/**
 * What a pane shows while the 3D view's chunk (three.js and the scene) loads:
 * the same boxes as the real pane (picture and caption strip), so nothing moves
 * when it arrives, the surface it will show and what that surface teaches (something
 * to read in the second it takes on a phone), and a line saying what is coming.
 * Light: no three.js here.
 * If the chunk cannot be loaded (offline, a deploy replaced it), the pane says
 * so instead of taking the page down.
 */
import { Component, type ReactNode } from 'react';
import { useAppStore } from '../../state/app.ts';
import { usePaneSurfaces } from '../runs/usePaneSurfaces.ts';

/** The surface a pane will show (null while a typed-in function's parser loads). */
function PaneSurface({ pane }: { pane: number }) {
  const panes = useAppStore((state) => state.setup.panes);
  const bowlCondition = useAppStore((state) => state.setup.bowlCondition);
  const custom = useAppStore((state) => state.setup.custom);
  const surface = usePaneSurfaces({ panes, bowlCondition, custom })[pane] ?? null;
  if (!surface) return null;
  return (
    <>
      <strong className="scene-status-title">{surface.label}</strong>
      <span className="scene-status-line">{surface.teaches}</span>
    </>
  );
}

export function ScenePlaceholder({ pane, message = 'Loading the 3D view…', failed = false }: { pane?: number; message?: string; failed?: boolean }) {
  return (
    <div className="scene-pane scene-placeholder">
      <div className="scene-view" aria-busy={!failed}>
        <p className="scene-status" role={failed ? 'alert' : 'status'}>
          {pane !== undefined && !failed ? <PaneSurface pane={pane} /> : null}
          <span className="scene-status-note">{message}</span>
        </p>
      </div>
      <div className="scene-footer" aria-hidden="true" />
    </div>
  );
}

/** Catches a failed load of the lazy 3D view and shows why in the pane. */
export class SceneLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <ScenePlaceholder failed message="The 3D view could not be loaded (are you offline?). Reload the page to try again." /> : this.props.children;
  }
}
