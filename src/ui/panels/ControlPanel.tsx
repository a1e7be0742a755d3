/**
 * The control panel: a column beside the scene on wide screens, a drawer on
 * tablets, and a strip that opens on hover or focus in presentation mode.
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
      <div className="control-panel-inner">
        <button type="button" className="button drawer-close" onClick={() => setOpen(false)}>
          Close controls
        </button>
        <SurfaceControls />
        <RunsPanel />
        <StartControls />
        <PlaybackControls />
        <ViewControls />
        {hideMaps ? null : <MapsPanel />}
      </div>
    </aside>
  );
}
