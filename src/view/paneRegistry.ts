/**
 * The pane registry: what the UI can ask of the 3D view without touching three.js
 * or importing the scene: export the current picture as PNG and reset the camera.
 * Each mounted pane registers itself here (scene/pane/CameraRig.tsx); split panes
 * keep their cameras in sync through `syncCameras`.
 */

/** What one mounted pane offers. */
export interface PaneHandle {
  /** Render now and return the canvas holding the fresh frame (call toBlob in the same task). */
  renderNow(): HTMLCanvasElement;
  /** Run the pane's frame callbacks (paths, ball, labels at the playhead's step), render, and return the canvas. */
  renderFrame(): HTMLCanvasElement;
  /** Draw the pane's HTML labels and caption strip on a 2D context whose origin is `rect`'s top-left (the container's box). */
  drawOverlays(context: CanvasRenderingContext2D, rect: DOMRect): void;
  /** The element the pane fills, picture and caption strip (for layout in a split export). */
  readonly container: HTMLElement;
  resetView(): void;
  /** Copy another pane's camera pose (split view); must not call back into syncCameras. */
  applyCamera(pose: CameraPose): void;
}

export interface CameraPose {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
  readonly zoom: number;
}

const panes = new Map<number, PaneHandle>();

export function registerPane(pane: number, handle: PaneHandle): () => void {
  panes.set(pane, handle);
  return () => {
    if (panes.get(pane) === handle) panes.delete(pane);
  };
}

/** Put every pane's camera back to its default pose. */
export function resetView(): void {
  for (const handle of panes.values()) handle.resetView();
}

/** Render every pane once at the playhead's current step (after a recording let go of it). */
export function refreshPanes(): void {
  for (const handle of panes.values()) handle.renderFrame();
}

/** Called by a pane whose camera the person moved: the other panes follow. */
export function syncCameras(from: number, pose: CameraPose): void {
  for (const [pane, handle] of panes) if (pane !== from) handle.applyCamera(pose);
}

/**
 * Every pane laid out as on screen (picture, axis labels, caption strip) on one
 * new canvas, `ratio` device pixels per CSS pixel. Each WebGL canvas is rendered
 * and copied in the same task, so no preserveDrawingBuffer is needed; `advance`
 * runs the panes' frame callbacks first (a recording holds the playhead at a step).
 */
export function composePanes(ratio: number, advance = false): HTMLCanvasElement {
  const handles = [...panes.entries()].sort((a, b) => a[0] - b[0]).map(([, handle]) => handle);
  if (handles.length === 0) throw new Error('There is no landscape on screen to export.');
  const rects = handles.map((handle) => handle.container.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round((right - left) * ratio));
  canvas.height = Math.max(1, Math.round((bottom - top) * ratio));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot create an image to export.');
  context.fillStyle = '#0f1117';
  context.fillRect(0, 0, canvas.width, canvas.height);
  handles.forEach((handle, i) => {
    const rect = rects[i];
    const source = advance ? handle.renderFrame() : handle.renderNow();
    const picture = source.getBoundingClientRect();
    context.save();
    context.setTransform(ratio, 0, 0, ratio, (rect.left - left) * ratio, (rect.top - top) * ratio);
    context.drawImage(source, picture.left - rect.left, picture.top - rect.top, picture.width, picture.height);
    handle.drawOverlays(context, rect);
    context.restore();
  });
  return canvas;
}
