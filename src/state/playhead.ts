/**
 * The playback position for "animate" mode, kept outside the store because it
 * changes every frame. It is driven by elapsed time, never by frame count: the
 * position is an anchor (step, time) plus stepsPerSecond × elapsed seconds, so a
 * slow frame rate draws fewer frames but every ball is where the clock says.
 *
 * The scene reads `stepAt(performance.now())` inside useFrame; the store's
 * play/pause/stepOnce/resetPlayback/seekStep actions move the anchors.
 *
 * The timeline's cursor (`cursorAt`) is the same position, finite in both modes:
 * in whole-path mode the paths are drawn whole and the cursor puts a ball on each
 * (it rests at the last step until the learner moves it).
 */
import type { PlaybackMode } from './setup.ts';

export type Clock = () => number;

const defaultClock: Clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class Playhead {
  /** 'instant' shows every path whole: stepAt returns Infinity. */
  mode: PlaybackMode = 'instant';
  private stepsPerSecondValue = 60;
  private maxStepValue = 0;
  private playingValue = false;
  /** Step at `anchorTime` (ms, same clock as `now`). */
  private anchorStep = 0;
  private anchorTime = 0;
  /** A step pinned by a recording (frames rendered at chosen times, not at the wall clock), or null. */
  private heldStep: number | null = null;
  readonly now: Clock;

  constructor(now: Clock = defaultClock) {
    this.now = now;
  }

  get stepsPerSecond(): number {
    return this.stepsPerSecondValue;
  }

  /** The last step a path can have (setup.steps); playback stops there. */
  get maxStep(): number {
    return this.maxStepValue;
  }

  /** True while the clock advances the position (it may already sit at the end: see `finished`). */
  get playing(): boolean {
    return this.playingValue;
  }

  /**
   * The (fractional) step shown at time `now`: 12.5 means halfway between points 12
   * and 13, for smooth ball motion. Infinity in instant mode (show the whole path);
   * readers clamp to each run's own length.
   */
  stepAt(now: number = this.now()): number {
    if (this.heldStep !== null) return Math.min(this.heldStep, this.maxStepValue);
    if (this.mode === 'instant') return Number.POSITIVE_INFINITY;
    return this.positionAt(now);
  }

  /** The timeline's (fractional) step at `now`, in both modes; readers clamp to each run's own length. */
  cursorAt(now: number = this.now()): number {
    if (this.heldStep !== null) return Math.min(this.heldStep, this.maxStepValue);
    return this.positionAt(now);
  }

  /** Pause at `step` (clamped to 0 … maxStep), in either mode. */
  seek(step: number, now: number = this.now()): void {
    const at = Number.isFinite(step) ? Math.min(Math.max(0, step), this.maxStepValue) : this.positionAt(now);
    this.anchor(at, now);
    this.playingValue = false;
  }

  /**
   * Pin the shown step whatever the clock and mode say (a recording drives the
   * playback one frame at a time: hold(step), render, capture); null lets go.
   */
  hold(step: number | null): void {
    this.heldStep = step;
  }

  /** True when animate-mode playback has reached the last step. */
  finished(now: number = this.now()): boolean {
    if (this.heldStep !== null) return true;
    return this.mode === 'animate' && this.positionAt(now) >= this.maxStepValue;
  }

  /** When (same clock) a playing animation reaches the end, or null when paused or instant. */
  endsAt(): number | null {
    if (!this.playingValue || this.mode !== 'animate' || this.stepsPerSecondValue <= 0) return null;
    return this.anchorTime + ((this.maxStepValue - this.anchorStep) / this.stepsPerSecondValue) * 1000;
  }

  /** Start or resume; from the end it starts over at step 0. */
  play(now: number = this.now()): void {
    const at = this.positionAt(now);
    this.anchor(at >= this.maxStepValue ? 0 : at, now);
    this.playingValue = true;
  }

  pause(now: number = this.now()): void {
    this.anchor(this.positionAt(now), now);
    this.playingValue = false;
  }

  /** Pause and move to the next whole step. */
  stepOnce(now: number = this.now()): void {
    const next = Math.min(Math.floor(this.positionAt(now)) + 1, this.maxStepValue);
    this.anchor(next, now);
    this.playingValue = false;
  }

  /** Pause at step 0. */
  reset(now: number = this.now()): void {
    this.anchor(0, now);
    this.playingValue = false;
  }

  /** Change speed without a jump: the current position becomes the new anchor. */
  setStepsPerSecond(stepsPerSecond: number, now: number = this.now()): void {
    this.anchor(this.positionAt(now), now);
    this.stepsPerSecondValue = Math.max(0, stepsPerSecond);
  }

  /** A whole-path cursor resting at the end follows the end (so a longer run is not dimmed past the old end). */
  setMaxStep(maxStep: number, now: number = this.now()): void {
    const at = this.positionAt(now);
    const atEnd = this.mode === 'instant' && !this.playingValue && at >= this.maxStepValue;
    this.maxStepValue = Math.max(0, maxStep);
    this.anchor(atEnd ? this.maxStepValue : Math.min(at, this.maxStepValue), now);
  }

  /**
   * Whole path: the cursor goes to the end (every path undimmed). Animate: from the
   * cursor where the learner left it in whole-path mode, from step 0 otherwise.
   */
  setMode(mode: PlaybackMode, now: number = this.now()): void {
    if (mode === this.mode) return;
    const at = this.positionAt(now);
    this.mode = mode;
    this.anchor(mode === 'instant' ? this.maxStepValue : at < this.maxStepValue ? Math.floor(at) : 0, now);
    this.playingValue = false;
  }

  private positionAt(now: number): number {
    if (!this.playingValue) return Math.min(this.anchorStep, this.maxStepValue);
    const elapsedSeconds = Math.max(0, now - this.anchorTime) / 1000;
    return Math.min(this.anchorStep + elapsedSeconds * this.stepsPerSecondValue, this.maxStepValue);
  }

  private anchor(step: number, now: number): void {
    this.anchorStep = step;
    this.anchorTime = now;
  }
}
