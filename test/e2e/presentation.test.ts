/**
 * Issue 18.2: presentation mode makes the landscape larger on a projector (1280×720)
 * and a full-HD screen, sets large type, keeps the lesson text readable (it
 * scrolls inside its panel, nothing cut off the page), and is left with Escape or
 * with its visible Exit button.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

interface SceneSize {
  readonly width: number;
  readonly height: number;
}

async function sceneSize(page: Page): Promise<SceneSize> {
  const box = await page.getByTestId('scene-canvas').first().boundingBox();
  if (!box) throw new Error('no scene on screen');
  return { width: box.width, height: box.height };
}

const inPresentation = (page: Page) => page.evaluate(() => document.querySelector('.app')!.classList.contains('presentation'));

describe('presentation mode', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    test(`at ${viewport.width}×${viewport.height} the landscape grows, the text scrolls, Esc and Exit leave it`, async () => {
      const app = await session.open(viewport);
      const { page } = app;
      // A lesson: the longest text beside the landscape.
      await page.getByLabel('Lesson', { exact: true }).selectOption('saddle');
      await settle(page);
      const normal = await sceneSize(page);

      await page.getByRole('button', { name: 'Presentation', exact: true }).click();
      await settle(page);
      expect(await inPresentation(page)).toBe(true);
      const presenting = await sceneSize(page);
      console.info(`${viewport.width}×${viewport.height}: scene ${Math.round(normal.width)}×${Math.round(normal.height)} → ${Math.round(presenting.width)}×${Math.round(presenting.height)} in presentation mode`);
      expect(presenting.width * presenting.height).toBeGreaterThan(normal.width * normal.height * 1.2);
      expect(presenting.height).toBeGreaterThan(normal.height * 1.2);
      // The lesson column beside it may take a little width; the landscape gains far more height.
      expect(presenting.width).toBeGreaterThanOrEqual(normal.width * 0.9);
      await page.screenshot({ path: `test-results/presentation-${viewport.width}.png` });

      // Large type, and the lesson text fits the screen: it scrolls inside its panel.
      const text = await page.evaluate(() => {
        const panel = document.querySelector('.text-panel') as HTMLElement;
        const box = panel.getBoundingClientRect();
        return {
          fontSize: parseFloat(getComputedStyle(panel).fontSize),
          overflowY: getComputedStyle(panel).overflowY,
          bottom: box.bottom,
          scrollable: panel.scrollHeight > panel.clientHeight,
          scrollTopAfter: (panel.scrollTop = 10_000, panel.scrollTop),
        };
      });
      expect(text.fontSize).toBeGreaterThanOrEqual(18);
      expect(text.bottom).toBeLessThanOrEqual(viewport.height + 0.5);
      expect(['auto', 'scroll']).toContain(text.overflowY);
      if (text.scrollable) expect(text.scrollTopAfter).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // The controls are out of the way (a drawer that opens on demand).
      expect(await page.locator('#control-panel .control-panel-inner').count()).toBe(0);

      // Escape leaves it, and the scene returns to its size.
      await page.keyboard.press('Escape');
      await expect.poll(() => inPresentation(page)).toBe(false);
      await settle(page);
      const back = await sceneSize(page);
      expect(Math.abs(back.width - normal.width)).toBeLessThan(2);
      expect(Math.abs(back.height - normal.height)).toBeLessThan(2);

      // The visible Exit button leaves it too.
      await page.getByRole('button', { name: 'Presentation', exact: true }).click();
      await expect.poll(() => inPresentation(page)).toBe(true);
      const exit = page.getByRole('button', { name: /^Exit presentation/ });
      expect(await exit.isVisible()).toBe(true);
      await exit.click();
      await expect.poll(() => inPresentation(page)).toBe(false);
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});
