/**
 * View options: camera (3D or top-down), height scale, overlays, and resetting
 * the camera (through the pane registry, so the UI needs no three.js).
 */
import { useId } from 'react';
import { useAppStore } from '../../state/app.ts';
import type { CameraMode, LogHeightMode } from '../../state/setup.ts';
import { resetView } from '../../view/paneRegistry.ts';

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
      <fieldset className="segmented">
        <legend className="field-label">Camera</legend>
        {cameras.map(([value, label]) => (
          <label key={value} className={view.camera === value ? 'active' : ''}>
            <input type="radio" name={`${id}-camera`} value={value} checked={view.camera === value} onChange={() => setCamera(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="field-label">Height scale</legend>
        {heights.map(([value, label]) => (
          <label key={value} className={view.logHeight === value ? 'active' : ''}>
            <input type="radio" name={`${id}-height`} value={value} checked={view.logHeight === value} onChange={() => setLogHeight(value)} />
            {label}
          </label>
        ))}
      </fieldset>
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
