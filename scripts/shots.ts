/**
 * Screenshots of the production build for looking at the app as its users will:
 *   npx tsx scripts/shots.ts [outDir] [hash]
 * Writes desktop (1440×900), projector (1280×720) and phone (390×844, touch) PNGs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openApp, serveDist, settle } from '../test/e2e/harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
const hash = process.argv[3] ?? '';
mkdirSync(outDir, { recursive: true });
const server = await serveDist();
const browser = await launchChromium();
const sizes = [
  { name: 'desktop', width: 1440, height: 900, touch: false },
  { name: 'projector', width: 1280, height: 720, touch: false },
  { name: 'phone', width: 390, height: 844, touch: true },
];
try {
  for (const size of sizes) {
    const app = await openApp(browser, server.url, { width: size.width, height: size.height, touch: size.touch, hash });
    await settle(app.page, 60_000).catch((error: unknown) => console.warn(`${size.name}: ${String(error)}`));
    const file = join(outDir, `${size.name}.png`);
    await app.page.screenshot({ path: file, fullPage: true });
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${file}  horizontal overflow ${overflow}px  errors ${app.errors.length}`);
    await app.context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
