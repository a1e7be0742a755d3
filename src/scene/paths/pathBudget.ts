/**
 * The work all drawn runs share in one frame: turning new points into polyline is
 * sliced, and each run converts at least one slice per frame, then more while the
 * frame's time lasts; new path buffers are allocated within a per-frame allowance.
 * 16 runs × 100,000 steps arriving at once are drawn over several frames, never in
 * one long task. Landscape starts the frame (startPathFrame) before the runs' callbacks.
 */

/** Points converted to polyline at a time. */
export const PATH_SLICE = 1024;
const PATH_BUDGET_MS = 10;
/**
 * Most slices one run converts in a frame: the drawn segments' storage is sized for every
 * new vertex becoming a corner, so a run converting its whole 100,000 points in one frame
 * would allocate (and upload) megabytes for segments that simplification then drops.
 */
export const MAX_SLICES_PER_FRAME = 8;
/**
 * Bytes of path buffers a frame may allocate beyond its first allocation: when 16 runs
 * grow to 100,000 steps at once, each needs ≈ 2.7 MB of zeroed buffers; allocated in one
 * frame, they and the collection they set off made one task of over 100 ms. Runs past the
 * allowance keep their drawn path one more frame and allocate in the next.
 */
const ALLOCATION_BUDGET_BYTES = 6 * 2 ** 20;

let pathDeadline = 0;
let allocationLeft = 0;
let allocatedThisFrame = false;

/** Start a frame's path budget (Landscape calls this before the runs' frame callbacks). */
export function startPathFrame(): void {
  pathDeadline = performance.now() + PATH_BUDGET_MS;
  allocationLeft = ALLOCATION_BUDGET_BYTES;
  allocatedThisFrame = false;
}

/** Whether the frame's time for converting points is not used up yet. */
export function pathTimeLeft(): boolean {
  return performance.now() < pathDeadline;
}

/** May this frame allocate `bytes` of path buffers? The first allocation of a frame always may. */
export function mayAllocate(bytes: number): boolean {
  if (allocatedThisFrame && bytes > allocationLeft) return false;
  allocatedThisFrame = true;
  allocationLeft -= bytes;
  return true;
}
