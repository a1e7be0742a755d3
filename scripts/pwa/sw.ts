/**
 * Descent Lab's service worker: the app works offline after one visit.
 *
 * Compiled into dist/sw.js by ./serviceWorkerPlugin.ts, which prepends the list of
 * files to precache (every file of the build the app can request) and a version
 * hashed from their contents, so any change to the build changes this script and
 * the browser installs the new version.
 *
 * - install: fill a cache named after the version with every precached file: files
 *   under assets/ (named by content hash) already held by an older version are copied,
 *   the rest fetched bypassing the HTTP cache; one failure fails the install (retried on
 *   the next visit), so a version never runs on half a build. No skipWaiting: a new version waits until every tab
 *   running the old one has closed, so a running lesson is never reloaded or handed
 *   files of another build (its lazy chunks stay in the old cache until then).
 * - activate: delete other versions' caches, and control the open page at once
 *   (clients.claim), which is safe on a first visit: the page and the cache hold the
 *   same build.
 * - fetch: same-origin GETs in scope come from the cache (the app root maps to
 *   index.html, ignoring the query), anything else from the network.
 */

declare const __PRECACHE__: readonly string[];
declare const __VERSION__: string;

/** What this script uses of the service-worker scope (the project's lib is DOM, which lacks it). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const CACHE_PREFIX = 'descent-lab-';
const CACHE = `${CACHE_PREFIX}${__VERSION__}`;
const worker = self as unknown as ServiceWorkerScope;

/** Vite names every file under assets/ by a hash of its content: one found in an older cache is the same file. */
const CONTENT_ADDRESSED = /^assets\//;

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const scope = worker.registration.scope;
  await Promise.all(
    __PRECACHE__.map(async (path) => {
      const url = new URL(path, scope).href;
      const kept = CONTENT_ADDRESSED.test(path) ? await caches.match(url, { ignoreVary: true }) : undefined;
      if (kept) return cache.put(url, kept);
      const response = await fetch(new Request(url, { cache: 'reload' }));
      if (!response.ok) throw new Error(`precache: ${response.status} for ${url}`);
      return cache.put(url, response);
    }),
  );
}

worker.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const scope = new URL(worker.registration.scope);
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const navigation = request.mode === 'navigate';
  const key = navigation && url.pathname === scope.pathname ? new URL('index.html', scope).href : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: navigation, ignoreVary: true }))
      .then((cached) => cached ?? fetch(request)),
  );
});

export {};
