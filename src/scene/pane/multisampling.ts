/**
 * Whether the 3D view asks WebGL for multisampled antialiasing (the context's `antialias`,
 * fixed when the context is created). Not on phones and tablets with dense screens (a coarse
 * primary pointer and at least 1.5 device pixels per CSS pixel): there an edge steps by at
 * most two thirds of a CSS pixel, the contour lines are smoothed in the surface's shader either
 * way, and multisampling multiplies the samples a small GPU fills per frame by four on a
 * drawing buffer that already holds 2–9 times the CSS pixels. Desktops, laptops (a retina
 * MacBook included: its exports go into slides) and projectors keep it.
 *
 * Measured here (software WebGL, SwiftShader, which multisamples on the CPU), a phone-sized
 * boot's main-thread blocking (scripts/lighthouse/traceBoot.ts, Σ 4 × task − 50 ms after the
 * first paint) was 2,732 and 2,880 ms without it against 4,771 and 3,690 ms with it, builds
 * alternated; on a phone the saving is GPU time rather than main-thread time.
 */
export const DENSE_SCREEN = 1.5;

export function wantsMultisampling(devicePixelRatio: number, coarsePointer: boolean): boolean {
  return !(coarsePointer && devicePixelRatio >= DENSE_SCREEN);
}

/** wantsMultisampling for this browser window. */
export function browserWantsMultisampling(): boolean {
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  return wantsMultisampling(window.devicePixelRatio || 1, coarse);
}
