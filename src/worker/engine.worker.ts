/**
 * The engine worker: wires messages to the handler and nothing else. Failures
 * outside any run are reported as a 'fatal' message so the client can restart
 * the worker and say what happened.
 */
import { createHandler } from './handler.ts';
import type { Request, Response } from './protocol.ts';
import type { WorkerScope } from './threads.ts';

const scope = self as unknown as WorkerScope<Request, Response>;

function post(message: Response, transfer: Transferable[]): void {
  scope.postMessage(message, transfer);
}

const handler = createHandler(post);

scope.onmessage = (event: MessageEvent<Request>) => handler.onMessage(event.data);

function reportFatal(reason: unknown): void {
  const text = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'an unknown error';
  try {
    post({ type: 'fatal', message: text || 'an unknown error' }, []);
  } catch {
    // Posting failed too; the error event on the main thread still reports the crash.
  }
}

scope.onerror = (event) => {
  reportFatal(event.error ?? event.message);
  // The client restarts on 'fatal'; preventing the default avoids a second report through the Worker's error event.
  event.preventDefault();
};
scope.onunhandledrejection = (event) => reportFatal(event.reason);
