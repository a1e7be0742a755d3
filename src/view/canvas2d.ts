/**
 * A 2D canvas sized to its box at the device pixel ratio, with a context that
 * draws in CSS pixels. Every call sets the size, which also resets the canvas:
 * redrawing the loss chart without that reset measured 2–5× slower results
 * while a slider was scrubbed (npm run test:stress). The context is CPU-backed
 * (willReadFrequently): a GPU-accelerated 2D canvas shares the GPU with the 3D
 * view and, when that GPU is slow (software WebGL), blocks the main thread on
 * back-pressure.
 */
export function fitCanvas2d(canvas: HTMLCanvasElement, width = canvas.clientWidth, height = canvas.clientHeight): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}
