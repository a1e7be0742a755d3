/**
 * Every limit, in one place. Two kinds, named apart:
 *
 * - what the engine accepts (a RunSpec or map request from Node may use all of it);
 * - what the app offers (a setup, a link or a lesson file is clamped to these, a
 *   subset of what the engine accepts, sized for a browser tab and a classroom).
 *
 * The link schema, the store's clamps, the controls and validateSpec import from here.
 */

// ----------------------------------------------------------------- what the engine accepts

/** Most steps one run may take (three Float64Arrays of steps + 1 entries, 240 MB at this limit; five, 400 MB, once its evaluation counts are read). */
export const MAX_RUN_STEPS = 10_000_000;
/** Largest data set size N the engine accepts for the analytic surfaces. */
export const MAX_DATASET_SIZE = 1_000_000;
/** Largest map side (cells per side) and step count a map request may ask for. */
export const MAX_MAP_RESOLUTION = 1024;
export const MAX_MAP_STEPS = 100_000;
/** Condition numbers κ the bowl surface is built for. */
export const MIN_BOWL_CONDITION = 1;
export const MAX_BOWL_CONDITION = 1000;

// ----------------------------------------------------------------- what the app offers

/** Runs one setup may hold (the run palette has this many colours). */
export const MAX_RUNS = 16;
/** Panes of the split view. */
export const MAX_PANES = 4;
/** Steps per run in the app. */
export const MAX_STEPS = 100_000;
/** Data set size N the app offers for the analytic surfaces. */
export const MAX_APP_DATASET_SIZE = 4096;
/** Learning rates a setup may hold (sliders span less: the surface's range). */
export const LR_LIMITS = [1e-7, 100] as const;
/** Largest per-example noise spread. */
export const MAX_NOISE = 100;
/** Largest |coordinate| a start or a typed-in domain may have. */
export const MAX_COORDINATE = 1e4;
/** Animation speed, in optimizer steps per second of playback. */
export const MAX_STEPS_PER_SECOND = 10_000;
/** Largest value a real-valued schedule parameter (η_min, decay) may take in a setup; whole ones (step size, T_max) stop at MAX_STEPS. */
export const MAX_SCHEDULE_VALUE = 1e6;
/** Steps a map computes per cell in the app. */
export const MAP_STEP_LIMIT = 5000;
/** Longer links are refused outright (a real setup is a few kilobytes). */
export const MAX_LINK_LENGTH = 64_000;
/** Seeds are 32-bit unsigned integers. */
export const MAX_SEED = 2 ** 32 - 1;
