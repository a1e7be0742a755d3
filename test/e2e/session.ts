/**
 * One static server on dist/ and one headless Chromium per test file: started
 * before its tests, closed after. Each test opens the app in a fresh context.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, serveDist, type AppPage, type StaticServer } from './harness.ts';

export type OpenOptions = Parameters<typeof openApp>[2];

export interface BrowserSession {
  /** The app in a fresh browser context (own storage), offline-guarded (see openApp). */
  open(options?: OpenOptions): Promise<AppPage>;
  /** The served origin, e.g. http://127.0.0.1:41234. */
  readonly url: string;
}

/** `root`: the folder to serve (default dist/). */
export function browserSession(root?: string): BrowserSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist(root);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open(options) {
      if (!server || !browser) throw new Error('browserSession: the browser is not started (call open inside a test)');
      return openApp(browser, server.url, options);
    },
    get url() {
      if (!server) throw new Error('browserSession: the server is not started');
      return server.url;
    },
  };
}
