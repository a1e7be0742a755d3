/**
 * The one timeline every run follows: play/pause, a slider named "Timeline step"
 * and the step read-out, in a bar between the landscape and the dock. The slider
 * follows the playhead by requestAnimationFrame, writing the input's value
 * directly (no React render per frame); moving it seeks the store's timeline,
 * which the balls, the chart's cursor, the inspector and the model view follow.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { appPlayhead, appStore, useAppStore } from '../../state/app.ts';
import { formatInteger } from '../../view/format.ts';
import { TIMELINE_BIG_STEP } from '../shell/useShortcuts.ts';
import { OverlayKey } from './OverlayKey.tsx';
import './inspector.css';


/** "step 1 200 of 100 000", its numbers held together (narrow no-break spaces): on a narrow bar the read-out wraps between its words, never inside a number. */
function stepText(step: number, steps: number): string {
  const whole = (value: number) => formatInteger(value).replaceAll('\u2009', '\u202f');
  return `step ${whole(step)} of ${whole(steps)}`;
}

export function TimelineBar() {
  const steps = useAppStore((state) => state.setup.steps);
  const playing = useAppStore((state) => state.playing);
  const inspectorOpen = useAppStore((state) => state.inspectorOpen);
  const togglePlay = useAppStore((state) => state.togglePlay);
  const seekStep = useAppStore((state) => state.seekStep);
  const moveTimeline = useAppStore((state) => state.moveTimeline);
  const setInspectorOpen = useAppStore((state) => state.setInspectorOpen);
  const slider = useRef<HTMLInputElement>(null);
  const readout = useRef<HTMLOutputElement>(null);
  const id = useId();

  useEffect(() => {
    let last = Number.NaN;
    let frame = requestAnimationFrame(function tick() {
      frame = requestAnimationFrame(tick);
      const step = Math.floor(appPlayhead.cursorAt(performance.now()));
      if (step === last || !slider.current || !readout.current) return;
      last = step;
      const text = stepText(step, steps);
      slider.current.value = String(step);
      slider.current.setAttribute('aria-valuetext', text);
      readout.current.textContent = text;
    });
    return () => cancelAnimationFrame(frame);
  }, [steps]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowUp' || event.key === 'ArrowLeft' || event.key === 'ArrowDown')) {
      moveTimeline(event.key === 'ArrowRight' || event.key === 'ArrowUp' ? TIMELINE_BIG_STEP : -TIMELINE_BIG_STEP);
      // The next native arrow key starts from here, not from the value the animation frame has not written yet.
      event.currentTarget.value = String(appStore.getState().timelineStep);
    } else if (event.key === ' ') {
      togglePlay();
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div className="timeline-bar" role="group" aria-label="Timeline">
      {/* The bar is a CSS container and this row its grid: the row's columns follow the bar's own width (inspector.css). */}
      <div className="timeline-row">
        <button type="button" className="button primary timeline-play" onClick={togglePlay} aria-keyshortcuts="Space">
          {playing ? 'Pause' : 'Play'}
        </button>
        <label htmlFor={`${id}-slider`} className="field-label timeline-label">
          Timeline step
        </label>
        {/* Named on its own as well: where the bar is narrow the visible label is not displayed. */}
        <input
          id={`${id}-slider`}
          ref={slider}
          className="timeline-slider"
          aria-label="Timeline step"
          type="range"
          min={0}
          max={steps}
          step={1}
          defaultValue={0}
          aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End"
          onChange={(event) => seekStep(Number(event.currentTarget.value))}
          onKeyDown={onKeyDown}
        />
        <output ref={readout} htmlFor={`${id}-slider`} className="timeline-readout" />
        <button type="button" className="button timeline-inspect" aria-pressed={inspectorOpen} aria-controls={inspectorOpen ? 'update-inspector' : undefined} onClick={() => setInspectorOpen(!inspectorOpen)}>
          Inspect step
        </button>
        <OverlayKey />
      </div>
    </div>
  );
}
