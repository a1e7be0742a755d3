/**
 * View options: camera (3D or top-down), height scale, overlays, and resetting
 * the camera (through the pane registry, so the UI needs no three.js).
 */
import { useId } from 'react';
import { useAppStore } from '../../state/app.ts';
import type { CameraMode, LogHeightMode } from '../../state/setup.ts';
import { resetView } from '../../view/paneRegistry.ts';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';

export function ViewControls() {
  const view = useAppStore((state) => state.setup.view);
  const setCamera = useAppStore((state) => state.setCamera);
  const setLogHeight = useAppStore((state) => state.setLogHeight);
  const setOverlay = useAppStore((state) => state.setOverlay);
  const id = useId();
  const cameras: readonly [CameraMode, string][] = [
    ['3d', '3D'],
    ['top', 'Top-down'],
  ];
  const heights: readonly [LogHeightMode, string][] = [
    ['auto', 'Auto'],
    ['on', 'Log'],
    ['off', 'Linear'],
  ];
  const overlays: readonly [keyof typeof view.overlays, string][] = [
    ['gradient', 'Gradient arrows'],
    ['velocity', 'Velocity (momentum)'],
    ['effectiveStep', 'Effective step size'],
  ];

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        View
      </h2>
      <SegmentedChoice legend="Camera" name={`${id}-camera`} options={cameras} value={view.camera} onChange={setCamera} />
      <SegmentedChoice legend="Height scale" name={`${id}-height`} options={heights} value={view.logHeight} onChange={setLogHeight} />
      <fieldset className="checks">
        <legend className="field-label">Overlays</legend>
        {overlays.map(([name, label]) => (
          <label key={name} className="check">
            <input type="checkbox" checked={view.overlays[name]} onChange={(event) => setOverlay(name, event.currentTarget.checked)} />
            {label}
          </label>
        ))}
      </fieldset>
      <button type="button" className="button" onClick={resetView}>
        Reset camera
      </button>
    </section>
  );
}
