/**
 * A map worker: wires messages to the map handler and nothing else. An uncaught
 * failure reaches the pool through the Worker's error event.
 */
import { createMapHandler } from './mapHandler.ts';
import type { MapRequest, MapResponse } from './mapProtocol.ts';
import type { WorkerScope } from './threads.ts';

const scope = self as unknown as WorkerScope<MapRequest, MapResponse>;
const handler = createMapHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<MapRequest>) => handler.onMessage(event.data);
