/** An engine worker double for the client's tests: records requests; the test plays the worker's part. */
import type { Request, Response } from '../../src/worker/protocol.ts';
import type { WorkerLike } from '../../src/worker/threads.ts';

export class FakeWorker implements WorkerLike<Request> {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly received: Request[] = [];
  terminated = false;
  postMessage(message: Request): void {
    this.received.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: Response): void {
    this.onmessage?.({ data: message } as MessageEvent);
  }
  fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  /** The compute requests received, in order. */
  computes(): Extract<Request, { type: 'compute' }>[] {
    return this.received.filter((request): request is Extract<Request, { type: 'compute' }> => request.type === 'compute');
  }
}
