/**
 * When the loss chart redraws: one pending redraw at a time, at the pacing's next allowed
 * moment (LossChart spaces draws by three times the last one's cost), and the first one
 * only once the page has settled after its boot (view/pageSettled.ts).
 */
import { afterPageSettled, isPageSettled } from '../../view/pageSettled.ts';

export interface Pacing {
  timer: number;
  nextAt: number;
  /** Cancels the wait for the page to settle, while the first drawing waits for it. */
  cancelWait: (() => void) | null;
}

/** One pending redraw at a time, at the pacing's next allowed moment; it draws the latest setup. */
export function scheduleDraw(pacing: Pacing, draw: { readonly current: (() => void) | null }): void {
  if (pacing.timer !== 0 || pacing.cancelWait) return;
  // The first drawing on a 2D canvas waits for the GPU process (it sets up the canvas's shared
  // images); during the boot that process is busy drawing the page's first frames, and the chart's
  // first draw once kept the main thread 13–160 ms. It waits until the page has settled instead.
  if (!isPageSettled()) {
    pacing.cancelWait = afterPageSettled(() => {
      pacing.cancelWait = null;
      scheduleDraw(pacing, draw);
    });
    return;
  }
  pacing.timer = window.setTimeout(() => {
    pacing.timer = 0;
    draw.current?.();
  }, Math.max(0, pacing.nextAt - performance.now()));
}

/** Drops the pending redraw, or the first one's wait for the page to settle. */
export function cancelDraw(pacing: Pacing): void {
  if (pacing.timer !== 0) clearTimeout(pacing.timer);
  pacing.timer = 0;
  pacing.cancelWait?.();
  pacing.cancelWait = null;
}
