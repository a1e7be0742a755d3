/**
 * "Record…": choose WebM or GIF, a size, a frame rate and whether the chart
 * goes beside the landscape; see how many frames that makes; record with a
 * progress bar and Cancel; the file downloads when done. A modal dialog, loaded
 * with the recorder as one lazy chunk.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../../../state/app.ts';
import { formatInteger, formatNumber } from '../../../view/format.ts';
import { downloadBlob } from '../exportFiles.ts';
import { record, recordingPlan, type RecordFormat } from './recorder.ts';

const SIZES = [
  [1280, 720],
  [960, 540],
  [640, 360],
  [480, 270],
] as const;
const FRAME_RATES = [10, 15, 24, 30] as const;

type Status = { kind: 'idle' } | { kind: 'recording'; done: number; total: number } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function RecordDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [format, setFormat] = useState<RecordFormat>('webm');
  const [sizeIndex, setSizeIndex] = useState(2);
  const [fps, setFps] = useState<number>(15);
  const [withChart, setWithChart] = useState(true);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const steps = useAppStore((state) => state.setup.steps);
  const stepsPerSecond = useAppStore((state) => state.setup.playback.stepsPerSecond);
  const surface = useAppStore((state) => state.setup.panes[0]?.surface ?? 'surface');
  const plan = recordingPlan(steps, stepsPerSecond, fps);
  const busy = status.kind === 'recording';

  useEffect(() => {
    dialogRef.current?.showModal();
    // Closing the dialog mid-recording cancels it.
    return () => abortRef.current?.abort();
  }, []);

  const start = async () => {
    const controller = new AbortController();
    abortRef.current = controller;
    const [width, height] = SIZES[sizeIndex];
    setStatus({ kind: 'recording', done: 0, total: plan.frames });
    try {
      const blob = await record({ format, width, height, fps, withChart, signal: controller.signal, onProgress: (done, total) => setStatus({ kind: 'recording', done, total }) });
      const safe = surface.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      downloadBlob(blob, `descent-lab-${safe}-playback.${format}`);
      setStatus({ kind: 'done', text: `Saved ${plan.frames} frames (${formatNumber(blob.size / 1e6, 3)} MB).` });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      setStatus(cancelled ? { kind: 'done', text: 'Recording cancelled.' } : { kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      abortRef.current = null;
    }
  };

  return (
    <dialog ref={dialogRef} className="modal-dialog record-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={() => abortRef.current?.abort()}>
      <h2 id={`${id}-title`}>Record the playback</h2>
      <p className="muted">Every frame is rendered at its own step, so the recording is smooth on any machine.</p>
      <fieldset className="record-formats" disabled={busy}>
        <legend className="field-label">Format</legend>
        <label className="check">
          <input type="radio" name={`${id}-format`} checked={format === 'webm'} onChange={() => setFormat('webm')} /> WebM video
        </label>
        <label className="check">
          <input type="radio" name={`${id}-format`} checked={format === 'gif'} onChange={() => setFormat('gif')} /> Animated GIF
        </label>
      </fieldset>
      <div className="field-grid">
        <span className="number-field">
          <label className="field-label" htmlFor={`${id}-size`}>
            Frame size
          </label>
          <select id={`${id}-size`} value={sizeIndex} disabled={busy} onChange={(event) => setSizeIndex(Number(event.currentTarget.value))}>
            {SIZES.map(([width, height], index) => (
              <option key={width} value={index}>
                {width} × {height}
              </option>
            ))}
          </select>
        </span>
        <span className="number-field">
          <label className="field-label" htmlFor={`${id}-fps`}>
            Frame rate
          </label>
          <select id={`${id}-fps`} value={fps} disabled={busy} onChange={(event) => setFps(Number(event.currentTarget.value))}>
            {FRAME_RATES.map((rate) => (
              <option key={rate} value={rate}>
                {rate} frames/s
              </option>
            ))}
          </select>
        </span>
      </div>
      <label className="check">
        <input type="checkbox" checked={withChart} disabled={busy} onChange={(event) => setWithChart(event.currentTarget.checked)} /> The loss chart beside the landscape
      </label>
      <p className="record-plan" data-frames={plan.frames}>
        {formatInteger(plan.frames)} frames: steps 0 – {formatInteger(steps)} at {formatInteger(stepsPerSecond)} steps/s (the playback speed).
      </p>
      {status.kind === 'recording' ? (
        <div className="map-progress-row">
          <progress max={status.total} value={status.done} aria-label="Recording progress" />
          <span className="muted">
            {status.done} / {status.total}
          </span>
        </div>
      ) : null}
      <p className={status.kind === 'error' ? 'field-error' : 'field-hint'} role="status">
        {status.kind === 'done' || status.kind === 'error' ? status.text : ''}
      </p>
      <div className="record-actions">
        {busy ? (
          <button type="button" className="button" onClick={() => abortRef.current?.abort()}>
            Cancel recording
          </button>
        ) : (
          <button type="button" className="button primary" onClick={start}>
            Record {format === 'gif' ? 'GIF' : 'WebM'}
          </button>
        )}
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
