/**
 * The main-thread side of inspect requests: each gets an id and a promise,
 * settled when the worker's answer with that id arrives (or dropped when the
 * worker is replaced, since its answers will never come).
 */
import type { StepInspection } from '../core/index.ts';
import type { InspectResponse } from './protocol.ts';

export interface PendingInspections {
  /** A fresh id and the promise its answer settles. */
  open(): { readonly id: number; readonly answer: Promise<StepInspection> };
  receive(response: InspectResponse): void;
  /** Reject every open request with `reason` (plain words). */
  dropAll(reason: string): void;
}

export function createInspections(): PendingInspections {
  let nextId = 1;
  const pending = new Map<number, { resolve: (inspection: StepInspection) => void; reject: (error: Error) => void }>();
  return {
    open() {
      const id = nextId++;
      const answer = new Promise<StepInspection>((resolve, reject) => pending.set(id, { resolve, reject }));
      return { id, answer };
    },
    receive(response) {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (response.inspection) waiting.resolve(response.inspection);
      else waiting.reject(new Error(response.message ?? 'the step could not be inspected'));
    },
    dropAll(reason) {
      for (const waiting of pending.values()) waiting.reject(new Error(reason));
      pending.clear();
    },
  };
}
