/**
 * Neural-net slices built this session, kept for the session: the slice the pool
 * trained (rebuilt here from its parts, without training on this thread) and its
 * height field. The main thread never trains a slice itself: until the pool has
 * built one, the `neural-net` surface reads as a stand-in with the real slice's
 * names, domain and learning rates but no minima (pendingNeuralNetSurface).
 */
import { neuralNetChoiceOptions, neuralNetSliceId, pendingNeuralNetSurface, type NeuralNetSlice, type Surface } from '../../core/index.ts';
import type { Domain } from '../../core/types.ts';
import type { NeuralNetSetup, Setup } from '../setup.ts';

/** The surface id panes use for the network slice (its data set and directions are setup.neuralNet). */
export const NEURAL_NET_SURFACE = 'neural-net';

export const DEFAULT_NEURAL_NET_SETUP: NeuralNetSetup = { dataset: 'moons', directions: 'random' };

/** A built slice's height field, as Results holds fields. */
export interface SliceField {
  readonly resolution: number;
  readonly domain: Domain;
  readonly heights: Float32Array;
  readonly min: number;
  readonly max: number;
}

export interface BuiltSlice {
  readonly slice: NeuralNetSlice;
  readonly field: SliceField;
  /** Wall time of the build on the pool (ms). */
  readonly buildMs: number;
}

const built = new Map<string, BuiltSlice>();
const listeners = new Set<() => void>();
let version = 0;
/** The choice of the setup the app shows, for callers that look a surface up without a setup. */
let current: NeuralNetSetup = DEFAULT_NEURAL_NET_SETUP;

/** The slice id (core's neuralNetSliceId) of a setup's choice. */
export function neuralNetIdOf(choice: NeuralNetSetup | undefined): string {
  return neuralNetSliceId(neuralNetChoiceOptions(choice ?? DEFAULT_NEURAL_NET_SETUP));
}

/** The choice in `setup`, or the default (links made before the choice existed). */
export const neuralNetChoiceOf = (setup: Pick<Setup, 'neuralNet'> | undefined): NeuralNetSetup => setup?.neuralNet ?? current;

export function setCurrentNeuralNet(choice: NeuralNetSetup): void {
  current = choice;
}

/** Every slice built this session, by id. */
export function builtSlices(): ReadonlyMap<string, BuiltSlice> {
  return built;
}

export function builtSlice(id: string): BuiltSlice | null {
  return built.get(id) ?? null;
}

export function storeBuiltSlice(id: string, entry: BuiltSlice): void {
  built.set(id, entry);
  version++;
  for (const listener of listeners) listener();
}

/** The `neural-net` surface for a choice: the built slice, or its stand-in while it is being built. */
export function neuralNetSurface(choice: NeuralNetSetup): Surface {
  const id = neuralNetIdOf(choice);
  const ready = built.get(id)?.slice;
  if (ready) return ready;
  let stand = pending.get(id);
  if (!stand) pending.set(id, (stand = pendingNeuralNetSurface(choice)));
  return stand;
}

const pending = new Map<string, Surface>();

/** For useSyncExternalStore: a number that changes whenever a slice arrives. */
export const sliceCacheVersion = (): number => version;
export function subscribeSliceCache(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
