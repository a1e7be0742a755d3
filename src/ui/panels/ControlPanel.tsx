/**
 * The control panel: a column beside the scene on wide screens, a drawer on
 * tablets and in presentation mode, a bottom sheet on phones. Its contents are
 * mounted only while it is open, so a closed panel costs no DOM and no renders.
 */
import { MapsPanel } from '../maps/MapsPanel.tsx';
import { PlaybackControls } from './PlaybackControls.tsx';
import { RunsPanel } from '../runs/RunsPanel.tsx';
import { StartControls } from './StartControls.tsx';
import { SurfaceControls } from './SurfaceControls.tsx';
import { useAppStore } from '../../state/app.ts';
import { ViewControls } from './ViewControls.tsx';
import { useLessonControl } from '../lesson/LockNote.tsx';

export function ControlPanel() {
  const open = useAppStore((state) => state.panelOpen);
  const setOpen = useAppStore((state) => state.setPanelOpen);
  const hideMaps = useLessonControl('hide-maps');

  return (
    <aside id="control-panel" className={`control-panel${open ? ' open' : ''}`} aria-label="Controls">
      {open ? (
        <>
          <div className="sheet-head">
            <span className="sheet-grip" aria-hidden="true" />
            <h2 className="panel-title">Controls</h2>
            <button type="button" className="button drawer-close" onClick={() => setOpen(false)}>
              Close controls
            </button>
          </div>
          <div className="control-panel-inner">
            <SurfaceControls />
            <RunsPanel />
            <StartControls />
            <PlaybackControls />
            <ViewControls />
            {hideMaps ? null : <MapsPanel />}
          </div>
        </>
      ) : null}
    </aside>
  );
}
