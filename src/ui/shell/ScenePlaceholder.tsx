/**
 * What a pane shows while the 3D view's chunk (three.js and the scene) loads:
 * the same boxes as the real pane (picture and caption strip), so nothing moves
 * when it arrives, and a line saying what is coming. Light: no three.js here.
 */
export function ScenePlaceholder() {
  return (
    <div className="scene-pane scene-placeholder">
      <div className="scene-view" aria-busy="true">
        <p className="scene-status" role="status">
          Loading the 3D view…
        </p>
      </div>
      <div className="scene-footer" aria-hidden="true" />
    </div>
  );
}
