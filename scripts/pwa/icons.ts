/**
 * The install icons, rendered from public/favicon.svg by headless Chromium
 * (run: npm run icons; the PNGs are committed, so builds need no browser):
 *  - icons/icon-192.png, icons/icon-512.png: the favicon as drawn (rounded corners, transparent outside);
 *  - icons/icon-maskable-512.png and icons/apple-touch-icon.png (180): full-bleed background with
 *    the drawing scaled into the maskable safe zone (the central circle of 80% diameter), so a
 *    launcher's circle or squircle mask never cuts the curve, and iOS has no transparent corners
 *    to fill with black.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from '../../test/e2e/harness.ts';

const PUBLIC = resolve('public');
/** The favicon's background tile; the maskable variant replaces it with a full-bleed square. */
const TILE = /<rect width="32" height="32" rx="6" fill="(#[0-9a-f]{6})"\/>/i;
/** The drawing spans x 3..29 and y 8..29 of 32; at 0.75 its farthest point is 11.4 from the centre, inside the 12.8 safe radius. */
const SAFE_SCALE = 0.75;

/** The favicon redrawn for a mask: square background edge to edge, drawing shrunk around the centre. */
function maskableSvg(favicon: string): string {
  const tile = TILE.exec(favicon);
  if (!tile) throw new Error('public/favicon.svg no longer starts with the 32×32 rounded tile this script expects: update TILE');
  const [before, after] = favicon.split(tile[0]);
  const drawing = after.replace(/<\/svg>\s*$/, '');
  return `${before}<rect width="32" height="32" fill="${tile[1]}"/><g transform="translate(16 16) scale(${SAFE_SCALE}) translate(-16 -16)">${drawing}</g></svg>`;
}

const favicon = await readFile(resolve(PUBLIC, 'favicon.svg'), 'utf8');
const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-512.png', size: 512, svg: maskableSvg(favicon) },
  { file: 'apple-touch-icon.png', size: 180, svg: maskableSvg(favicon) },
];

await mkdir(resolve(PUBLIC, 'icons'), { recursive: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { file, size, svg } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await writeFile(resolve(PUBLIC, 'icons', file), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    console.log(`public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
