/**
 * What a pane shows while the 3D view's chunk (three.js and the scene) loads:
 * the same boxes as the real pane (picture and caption strip), so nothing moves
 * when it arrives, and a line saying what is coming. Light: no three.js here.
 * If the chunk cannot be loaded (offline, a deploy replaced it), the pane says
 * so instead of taking the page down.
 */
import { Component, type ReactNode } from 'react';

export function ScenePlaceholder({ message = 'Loading the 3D view…', failed = false }: { message?: string; failed?: boolean }) {
  return (
    <div className="scene-pane scene-placeholder">
      <div className="scene-view" aria-busy={!failed}>
        <p className="scene-status" role={failed ? 'alert' : 'status'}>
          {message}
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
