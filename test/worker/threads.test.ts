/**
 * The in-thread stand-in for a worker: the same interface, the handler on this thread.
 */
import { describe, expect, it } from 'vitest';
import { inThreadWorker, type Post } from '../../src/worker/threads.ts';

/** A handler that answers each number with its double, and remembers what it was told. */
function doubler(post: Post<number>) {
  const seen: number[] = [];
  return { seen, onMessage: (request: number) => (seen.push(request), post(request * 2, [])) };
}

describe('inThreadWorker', () => {
  it('delivers at once by default and answers through onmessage', () => {
    const answers: number[] = [];
    const worker = inThreadWorker<number, number>(doubler);
    worker.onmessage = (event) => answers.push(event.data as number);
    worker.postMessage(21, []);
    expect(answers).toEqual([42]);
  });

  it('delivers through `deliver` when given, and drops what arrives after terminate', () => {
    const tasks: (() => void)[] = [];
    const answers: number[] = [];
    let handler: ReturnType<typeof doubler> | null = null;
    const worker = inThreadWorker<number, number>(
      (post) => (handler = doubler(post)),
      { deliver: (task) => tasks.push(task), onTerminate: -1 },
    );
    worker.onmessage = (event) => answers.push(event.data as number);
    worker.postMessage(1, []);
    worker.postMessage(2, []);
    expect(answers).toEqual([]);
    tasks.shift()!();
    worker.terminate();
    tasks.shift()!();
    // The handler heard 1 and the terminate message, never 2; nothing is answered after terminate.
    expect(handler!.seen).toEqual([1, -1]);
    expect(answers).toEqual([2]);
  });
});
