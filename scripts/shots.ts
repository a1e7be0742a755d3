/**
 * Screenshots of the production build for looking at the app as its users will:
 *   npx tsx scripts/shots.ts [outDir] [hash]
 * Writes one PNG per device a class has: desktop (1440×900), projector (1280×720)
 * and full HD (1920×1080), each also in presentation mode; tablets (768×1024,
 * 1024×768, touch); a phone (390×844, touch, laid out at device width) with its
 * menu and its controls sheet open, and scrolled down to the text; and four panes at 1024×768.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, openApp, serveDist, settle } from '../test/e2e/harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
const hash = process.argv[3] ?? '';
mkdirSync(outDir, { recursive: true });

interface Shot {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly touch?: boolean;
  readonly mobile?: boolean;
  /** What to do before the picture (open a menu, enter presentation mode, …). */
  readonly prepare?: (page: Page) => Promise<void>;
}

const present = async (page: Page) => {
  await page.getByRole('button', { name: 'Presentation', exact: true }).click({ force: true }).catch(async () => {
    await page.getByRole('button', { name: /^Menu/ }).click();
    await page.getByRole('button', { name: 'Presentation', exact: true }).click();
  });
};

const only = process.env.ONLY;
const allShots: Shot[] = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'projector', width: 1280, height: 720 },
  { name: 'full-hd', width: 1920, height: 1080 },
  { name: 'projector-presentation', width: 1280, height: 720, prepare: present },
  { name: 'full-hd-presentation', width: 1920, height: 1080, prepare: present },
  { name: 'tablet-portrait', width: 768, height: 1024, touch: true },
  { name: 'tablet-landscape', width: 1024, height: 768, touch: true },
  { name: 'phone', width: 390, height: 844, mobile: true },
  {
    // What a student sees after scrolling down to the text: the rules typeset where they come into view.
    name: 'phone-scrolled',
    width: 390,
    height: 844,
    mobile: true,
    prepare: async (page) => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(1500);
    },
  },
  { name: 'phone-menu', width: 390, height: 844, mobile: true, prepare: (page) => page.getByRole('button', { name: /^Menu/ }).click() },
  { name: 'phone-controls', width: 390, height: 844, mobile: true, prepare: (page) => page.getByRole('button', { name: /Controls$/ }).click() },
  {
    name: 'four-panes-1024',
    width: 1024,
    height: 768,
    prepare: (page) => page.evaluate(() => window.__descentLab!.store.getState().setPaneCount(4)),
  },
];

const shots = only ? allShots.filter((shot) => shot.name === only) : allShots;
const server = await serveDist();
const browser = await launchChromium();
try {
  for (const shot of shots) {
    const app = await openApp(browser, server.url, { width: shot.width, height: shot.height, touch: shot.touch, mobile: shot.mobile, hash });
    await settle(app.page, 60_000).catch((error: unknown) => console.warn(`${shot.name}: ${String(error)}`));
    if (shot.prepare) {
      await shot.prepare(app.page);
      await settle(app.page, 60_000).catch((error: unknown) => console.warn(`${shot.name}: ${String(error)}`));
    }
    const file = join(outDir, `${shot.name}.png`);
    // Phones scroll: the whole page; elsewhere the page fits the screen, so the screen is what people see.
    await app.page.screenshot({ path: file, fullPage: shot.mobile === true && !shot.prepare });
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${file}  horizontal overflow ${overflow}px  errors ${app.errors.length}`);
    await app.context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
