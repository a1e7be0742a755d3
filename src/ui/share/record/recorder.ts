/**
 * Recordings of the animated playback (issue 17.4), as a WebM video (WebCodecs
 * VideoEncoder + webm-muxer) or an animated GIF (gifenc). Frames are rendered at
 * the times the recording chooses, not captured live: for frame k the playhead is
 * held at its step, every pane runs its frame callbacks and renders, and the
 * picture is copied, so a recording is the same on a fast and a slow machine.
 * Loaded as a lazy chunk with its two encoders (pure JS: no eval, no workers).
 */
import { appPlayhead, appStore } from '../../../state/app.ts';
import { composePanes, refreshPanes } from '../../../view/paneRegistry.ts';
import { formatInteger } from '../../../view/format.ts';
import { drawChartAt, hasChart } from '../../chart/chartSnapshot.ts';

export type RecordFormat = 'webm' | 'gif';

/** A recording never has more frames than this (a long, slow animation is sampled more coarsely). */
export const MAX_FRAMES = 900;

export interface RecordingPlan {
  readonly frames: number;
  /** The step shown in frame k (fractional: the ball moves smoothly between points). */
  stepOf(frame: number): number;
}

/** Frames for an animation from step 0 to `maxStep` at `stepsPerSecond`, sampled at `fps`. */
export function recordingPlan(maxStep: number, stepsPerSecond: number, fps: number): RecordingPlan {
  const seconds = maxStep / Math.max(1e-9, stepsPerSecond);
  const frames = Math.max(2, Math.min(MAX_FRAMES, Math.ceil(seconds * fps) + 1));
  // Frame k shows the step the clock reaches at k / fps; a capped recording spreads its frames over the whole run.
  const perFrame = Math.max(stepsPerSecond / fps, maxStep / (frames - 1));
  return { frames, stepOf: (frame) => Math.min(maxStep, frame * perFrame) };
}

export interface RecordOptions {
  readonly format: RecordFormat;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Draw the loss chart, with the playhead's cursor, beside the landscape. */
  readonly withChart: boolean;
  readonly signal: AbortSignal;
  onProgress(done: number, total: number): void;
}

const BACKGROUND = '#0f1117';

/** Draw one frame at `step`: the panes (letterboxed), the chart beside them, the step counter. */
function drawFrame(context: CanvasRenderingContext2D, options: RecordOptions, step: number, maxStep: number): void {
  const { width, height } = options;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, width, height);
  appPlayhead.hold(step);
  const scene = composePanes(1, true);
  const chart = options.withChart && hasChart();
  const sceneWidth = chart ? Math.round(width * 0.64) : width;
  const scale = Math.min(sceneWidth / scene.width, height / scene.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(scene, (sceneWidth - scene.width * scale) / 2, (height - scene.height * scale) / 2, scene.width * scale, scene.height * scale);
  if (chart) drawChartAt(context, sceneWidth + 8, 8, width - sceneWidth - 16, height - 16, step);
  context.font = `600 ${Math.max(12, Math.round(height / 36))}px system-ui, sans-serif`;
  context.fillStyle = '#eef2f7';
  context.textBaseline = 'top';
  context.fillText(`step ${formatInteger(Math.floor(step))} / ${formatInteger(maxStep)}`, 12, 10);
}

function abortError(): DOMException {
  return new DOMException('The recording was cancelled.', 'AbortError');
}

/** Let the page breathe between frames (progress, Cancel) without depending on animation frames. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function videoCodec(width: number, height: number, fps: number): Promise<{ config: VideoEncoderConfig; track: string }> {
  if (typeof VideoEncoder === 'undefined') throw new Error('This browser cannot encode video (no WebCodecs). Record a GIF instead.');
  for (const [codec, track] of [['vp09.00.10.08', 'V_VP9'], ['vp8', 'V_VP8']] as const) {
    const config: VideoEncoderConfig = { codec, width, height, bitrate: Math.round(width * height * fps * 0.15), framerate: fps };
    if ((await VideoEncoder.isConfigSupported(config)).supported) return { config, track };
  }
  throw new Error('This browser cannot encode VP9 or VP8 video. Record a GIF instead.');
}

/** Record the playback from step 0 to the last step; resolves with the file, rejects with an AbortError on cancel. */
export async function record(options: RecordOptions): Promise<Blob> {
  const { setup } = appStore.getState();
  const maxStep = setup.steps;
  const plan = recordingPlan(maxStep, setup.playback.stepsPerSecond, options.fps);
  const canvas = document.createElement('canvas');
  canvas.width = options.width;
  canvas.height = options.height;
  const context = canvas.getContext('2d', { willReadFrequently: options.format === 'gif' });
  if (!context) throw new Error('This browser cannot draw the frames.');
  try {
    return options.format === 'gif' ? await encodeGif(context, options, plan, maxStep) : await encodeWebm(context, options, plan, maxStep);
  } finally {
    appPlayhead.hold(null);
    refreshPanes();
  }
}

async function encodeWebm(context: CanvasRenderingContext2D, options: RecordOptions, plan: RecordingPlan, maxStep: number): Promise<Blob> {
  const { Muxer, ArrayBufferTarget } = await import('webm-muxer');
  const { config, track } = await videoCodec(options.width, options.height, options.fps);
  const muxer = new Muxer({ target: new ArrayBufferTarget(), video: { codec: track, width: options.width, height: options.height, frameRate: options.fps } });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({ output: (chunk, meta) => muxer.addVideoChunk(chunk, meta), error: (error) => (failure = error) });
  encoder.configure(config);
  const frameMicros = 1e6 / options.fps;
  try {
    for (let frame = 0; frame < plan.frames; frame++) {
      if (options.signal.aborted) throw abortError();
      if (failure) throw failure;
      drawFrame(context, options, plan.stepOf(frame), maxStep);
      const video = new VideoFrame(context.canvas, { timestamp: Math.round(frame * frameMicros), duration: Math.round(frameMicros) });
      encoder.encode(video, { keyFrame: frame % (options.fps * 2) === 0 });
      video.close();
      options.onProgress(frame + 1, plan.frames);
      while (encoder.encodeQueueSize > 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await pause();
    }
    await encoder.flush();
    if (failure) throw failure;
    muxer.finalize();
    return new Blob([muxer.target.buffer], { type: 'video/webm' });
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
}

async function encodeGif(context: CanvasRenderingContext2D, options: RecordOptions, plan: RecordingPlan, maxStep: number): Promise<Blob> {
  const { GIFEncoder, quantize, applyPalette } = await import('gifenc');
  const gif = GIFEncoder();
  const delay = Math.round(1000 / options.fps);
  for (let frame = 0; frame < plan.frames; frame++) {
    if (options.signal.aborted) throw abortError();
    drawFrame(context, options, plan.stepOf(frame), maxStep);
    const { data } = context.getImageData(0, 0, options.width, options.height);
    const palette = quantize(data, 256, { format: 'rgb444' });
    gif.writeFrame(applyPalette(data, palette, 'rgb444'), options.width, options.height, { palette, delay });
    options.onProgress(frame + 1, plan.frames);
    await pause();
  }
  gif.finish();
  return new Blob([gif.bytes()], { type: 'image/gif' });
}
