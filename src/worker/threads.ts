/**
 * Where a message handler runs: in a module worker, or on this thread behind
 * the same interface when `Worker` is missing (Node tests) or cannot start (a
 * blocked script). The engine client and the map pool both start their
 * workers here; the worker files only wire `self` to their handler.
 */

/** The part of `Worker` the client and the pool use (tests pass fakes). `Request` is what the main thread posts. */
export interface WorkerLike<Request> {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  postMessage(message: Request, transfer: Transferable[]): void;
  terminate(): void;
}

/** The parts of a dedicated worker's global scope a worker file uses (the project's lib is DOM, not WebWorker). */
export interface WorkerScope<Request, Response> {
  postMessage(message: Response, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onunhandledrejection: ((event: PromiseRejectionEvent) => void) | null;
}

/** How a handler answers: a message and the buffers to transfer with it. */
export type Post<Response> = (message: Response, transfer: Transferable[]) => void;

/** A message handler: what a worker file wires `self.onmessage` to. */
export interface MessageHandler<Request> {
  onMessage(request: Request): void;
}

/** True where module workers can be created. */
export function hasWorker(): boolean {
  return typeof Worker !== 'undefined';
}

// Vite finds workers by this exact `new Worker(new URL(…, import.meta.url))` form, so each has its own line.

/** The engine worker (engine.worker.ts). */
export function engineModuleWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

/** A map worker (map.worker.ts). */
export function mapModuleWorker(): Worker {
  return new Worker(new URL('./map.worker.ts', import.meta.url), { type: 'module' });
}

export interface InThreadOptions<Request> {
  /** How a posted message reaches the handler: at once by default; the map pool gives each its own task. */
  readonly deliver?: (task: () => void) => void;
  /** Sent to the handler on terminate, so work it has scheduled stops. */
  readonly onTerminate?: Request;
}

/** `createHandler`'s handler on this thread, behind the worker interface. */
export function inThreadWorker<Request, Response>(
  createHandler: (post: Post<Response>) => MessageHandler<Request>,
  options: InThreadOptions<Request> = {},
): WorkerLike<Request> {
  const deliver = options.deliver ?? ((task: () => void) => task());
  let terminated = false;
  const worker: WorkerLike<Request> = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(message) {
      deliver(() => {
        if (!terminated) handler.onMessage(message);
      });
    },
    terminate() {
      terminated = true;
      if (options.onTerminate !== undefined) handler.onMessage(options.onTerminate);
    },
  };
  const handler = createHandler((message) => {
    if (!terminated) worker.onmessage?.({ data: message } as MessageEvent);
  });
  return worker;
}
