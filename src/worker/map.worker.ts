/**
 * A map worker: wires messages to the map handler and nothing else. An uncaught
 * failure reaches the pool through the Worker's error event.
 */
import { createMapHandler } from './mapHandler.ts';
import type { MapRequest, MapResponse } from './mapProtocol.ts';

/** The parts of a dedicated worker's global scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: MapResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<MapRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handler = createMapHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<MapRequest>) => handler.onMessage(event.data);
