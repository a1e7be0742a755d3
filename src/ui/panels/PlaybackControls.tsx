/**
 * Playback: instant or animated, speed, play/pause/step/reset. The step counter
 * follows the playhead by requestAnimationFrame, writing text directly: no React
 * render per frame.
 */
import { useEffect, useId, useRef } from 'react';
import { appPlayhead, useAppStore } from '../../state/app.ts';
import type { PlaybackMode } from '../../state/setup.ts';
import { formatInteger } from '../../view/format.ts';
import { RangeField } from '../widgets/RangeField.tsx';
import { SegmentedChoice } from '../widgets/SegmentedChoice.tsx';

/** "step 120 / 500", kept current by requestAnimationFrame. */
function StepCounter() {
  const ref = useRef<HTMLSpanElement>(null);
  const steps = useAppStore((state) => state.setup.steps);
  useEffect(() => {
    let last = '';
    let frame = requestAnimationFrame(function tick() {
      frame = requestAnimationFrame(tick);
      const step = appPlayhead.stepAt(performance.now());
      const text = Number.isFinite(step) ? `step ${formatInteger(Math.floor(step))} / ${formatInteger(steps)}` : `all ${formatInteger(steps)} steps`;
      if (text !== last && ref.current) {
        ref.current.textContent = text;
        last = text;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [steps]);
  return <span ref={ref} className="step-counter" />;
}

export function PlaybackControls() {
  const mode = useAppStore((state) => state.setup.playback.mode);
  const stepsPerSecond = useAppStore((state) => state.setup.playback.stepsPerSecond);
  const playing = useAppStore((state) => state.playing);
  const setPlaybackMode = useAppStore((state) => state.setPlaybackMode);
  const setStepsPerSecond = useAppStore((state) => state.setStepsPerSecond);
  const togglePlay = useAppStore((state) => state.togglePlay);
  const stepOnce = useAppStore((state) => state.stepOnce);
  const resetPlayback = useAppStore((state) => state.resetPlayback);
  const id = useId();
  const modes: readonly [PlaybackMode, string][] = [
    ['instant', 'Whole path'],
    ['animate', 'Animate'],
  ];

  return (
    <section className="panel-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Playback
      </h2>
      <SegmentedChoice legend="Mode" name={`${id}-mode`} options={modes} value={mode} onChange={setPlaybackMode} />
      {mode === 'animate' ? (
        <>
          <RangeField label="Speed (steps per second)" value={stepsPerSecond} min={1} max={2000} log integer format={(value) => `${formatInteger(value)} steps/s`} onChange={(value) => setStepsPerSecond(Math.round(value))} />
          <div className="transport" role="group" aria-label="Playback controls">
            <button type="button" className="button primary" onClick={togglePlay} aria-keyshortcuts="Space">
              {playing ? 'Pause' : 'Play'}
            </button>
            <button type="button" className="button" onClick={stepOnce} aria-keyshortcuts="ArrowRight">
              Step
            </button>
            <button type="button" className="button" onClick={resetPlayback} aria-keyshortcuts="R">
              Reset
            </button>
            <StepCounter />
          </div>
        </>
      ) : (
        <p className="field-hint">Every path is drawn whole; the timeline under the landscape puts a ball on each at one step. Choose Animate to watch the steps one by one.</p>
      )}
    </section>
  );
}
