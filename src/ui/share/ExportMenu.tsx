/**
 * Export: the view as PNG, every trajectory as CSV, the setup as JSON, and a
 * recording of the playback (WebM or GIF). File names carry the surface and what
 * the file holds.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { exportPng } from '../../view/paneRegistry.ts';
import { appResults, appStore } from '../../state/app.ts';
import { LoadBoundary } from '../widgets/LoadBoundary.tsx';
import { useMenu } from '../widgets/useMenu.ts';
import { buildSetupJson, buildTrajectoriesCsv, downloadBlob, exportFileName } from './exportFiles.ts';

/** The recorder and its encoders are a lazy chunk: most visits never record. */
const RecordDialog = lazy(() => import('./record/RecordDialog.tsx').then((module) => ({ default: module.RecordDialog })));

/** When the recorder's chunk cannot be loaded: say so, once, and close. */
function RecordUnavailable({ onClose }: { onClose: () => void }) {
  useEffect(() => {
    appStore.getState().pushNotice('error', 'The recorder could not be loaded (are you offline?). Reload the page to try again.');
    onClose();
  }, [onClose]);
  return null;
}

export function ExportMenu() {
  const { open, setOpen, rootRef } = useMenu<HTMLDivElement>();
  const [recording, setRecording] = useState(false);

  const surfaceId = () => appStore.getState().setup.panes[0]?.surface ?? 'surface';

  const exportView = async () => {
    setOpen(false);
    try {
      const blob = await exportPng();
      downloadBlob(blob, exportFileName(surfaceId(), 'view'));
    } catch {
      appStore.getState().pushNotice('error', 'The view could not be saved as an image (the 3D view may not be ready yet). Try again in a moment.');
    }
  };

  const exportTrajectories = () => {
    setOpen(false);
    const csv = buildTrajectoriesCsv(appStore.getState().setup, appResults);
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), exportFileName(surfaceId(), 'trajectories'));
  };

  const exportSetup = () => {
    setOpen(false);
    const json = buildSetupJson(appStore.getState().setup);
    downloadBlob(new Blob([json], { type: 'application/json' }), exportFileName(surfaceId(), 'setup'));
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button type="button" className="button" aria-expanded={open} aria-controls="export-options" onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      {open ? (
        <ul id="export-options" className="popover menu-list">
          <li>
            <button type="button" onClick={exportView}>
              View as PNG
            </button>
          </li>
          <li>
            <button type="button" onClick={exportTrajectories}>
              Trajectories as CSV
            </button>
          </li>
          <li>
            <button type="button" onClick={exportSetup}>
              Setup as JSON
            </button>
          </li>
          <li>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setRecording(true);
              }}
            >
              Record video or GIF…
            </button>
          </li>
        </ul>
      ) : null}
      {recording
        ? createPortal(
            <LoadBoundary fallback={<RecordUnavailable onClose={() => setRecording(false)} />}>
              <Suspense fallback={null}>
                <RecordDialog onClose={() => setRecording(false)} />
              </Suspense>
            </LoadBoundary>,
            document.body,
          )
        : null}
    </div>
  );
}
