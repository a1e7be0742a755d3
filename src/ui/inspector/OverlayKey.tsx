/**
 * The key to the overlays drawn at the timeline's cursor: each run's colour, and
 * what each shape means. Shown while any overlay is on.
 */
import { useAppStore } from '../../state/app.ts';
import { optimizerLabel } from '../../view/catalog.ts';

export function OverlayKey() {
  const overlays = useAppStore((state) => state.setup.view.overlays);
  const allRuns = useAppStore((state) => state.setup.runs);
  const runs = allRuns.map((run, index) => ({ id: run.id, color: run.color, visible: run.visible, label: `${index + 1} · ${optimizerLabel(run.optimizer)}` }));
  if (!overlays.gradient && !overlays.velocity && !overlays.effectiveStep) return null;
  const shapes: string[] = [];
  if (overlays.gradient) shapes.push('arrow: −ηg', 'pale ring over dot: L + g·Δθ predicted, true L after');
  if (overlays.velocity) shapes.push('pale arrow: step taken (L-BFGS: direction d)', 'ring: Nesterov look-ahead θ − ημb, thin arrow −ηg there');
  if (overlays.effectiveStep) shapes.push('box: per-axis step |Δθx| × |Δθy|');
  return (
    <div className="overlay-key" role="group" aria-label="Overlay key">
      <span className="overlay-key-title">At the cursor:</span>
      {runs
        .filter((run) => run.visible)
        .map((run) => (
          <span key={run.id} className="overlay-key-run">
            <span className="swatch" style={{ background: run.color }} aria-hidden="true" />
            {run.label}
          </span>
        ))}
      <ul className="overlay-key-shapes">
        {shapes.map((shape) => (
          <li key={shape}>{shape}</li>
        ))}
      </ul>
    </div>
  );
}
