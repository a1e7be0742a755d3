/**
 * Export: the view as PNG, every trajectory as CSV, the setup as JSON, and a
 * recording of the playback (WebM or GIF). File names carry the surface and what
 * the file holds.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { composePanes } from '../../view/paneRegistry.ts';
import { appResults, appStore } from '../../state/app.ts';
import { surfaceById } from '../../state/surfaceOf.ts';
import { summarizeRun } from '../runs/runStatus.ts';
import { LoadBoundary } from '../widgets/LoadBoundary.tsx';
import { useMenu } from '../widgets/useMenu.ts';
import { buildSetupJson, buildTrajectoriesCsv, downloadBlob, exportFileName, paneSurfaceIds } from './exportFiles.ts';
import { drawExportSheet, exportCaption, exportLegend } from './exportSheet.ts';

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

/** Each run's status as the runs legend words it, or null while a lesson keeps outcomes hidden. */
function legendStatus(runId: string): string | null {
  const { setup, lesson } = appStore.getState();
  if (lesson !== null && !lesson.revealed) return null;
  const run = setup.runs.find((candidate) => candidate.id === runId);
  if (!run) return null;
  const pane = setup.panes[run.pane] ?? setup.panes[0];
  return summarizeRun(appResults.runs.get(runId), surfaceById(pane.surface, setup)).text;
}

/** The panes as on screen with, below them, a caption and the runs legend, as a PNG. */
function viewPng(): Promise<Blob> {
  let sheet: HTMLCanvasElement;
  try {
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const setup = appStore.getState().setup;
    sheet = drawExportSheet(composePanes(ratio), ratio, exportCaption(setup), exportLegend(setup, legendStatus));
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    sheet.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png');
  });
}

export function ExportMenu() {
  const { open, setOpen, rootRef } = useMenu<HTMLDivElement>();
  const [recording, setRecording] = useState(false);

  const surfaceId = () => paneSurfaceIds(appStore.getState().setup);

  const exportView = async () => {
    setOpen(false);
    try {
      const blob = await viewPng();
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
