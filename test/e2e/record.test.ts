/**
 * Issue 17.4: "Record" in the export menu saves the animated playback as a WebM
 * video and as an animated GIF at the chosen size and frame rate, with progress
 * and Cancel. The files are parsed here: their frame size and number of frames
 * must be what the dialog promised (frames rendered at chosen times, not live).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { settle } from './harness.ts';
import { parseGif, parseWebm } from './mediaFiles.ts';
import { browserSession } from './session.ts';

const session = browserSession();

async function openRecorder(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('button', { name: 'Record video or GIF…' }).click();
  await page.getByRole('dialog', { name: 'Record the playback' }).waitFor();
}

async function recordFile(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

describe('recording the playback', () => {
  test('a WebM and a GIF download with the chosen size and number of frames; Cancel stops a recording', async () => {
    const app = await session.open({ width: 1280, height: 800 });
    const { page } = app;
    await settle(page);
    // 200 steps at 100 steps/s: two seconds of animation.
    await page.evaluate(() => window.__descentLab!.store.getState().setStepsPerSecond(100));
    await openRecorder(page);
    await page.locator('.record-dialog').getByLabel('Frame size', { exact: true }).selectOption({ label: '480 × 270' });
    await page.locator('.record-dialog').getByLabel('Frame rate', { exact: true }).selectOption({ label: '10 frames/s' });
    const frames = Number(await page.locator('.record-plan').getAttribute('data-frames'));
    expect(frames).toBe(21);

    const webm = await recordFile(page, 'Record WebM');
    expect(webm.name).toMatch(/^descent-lab-.+-playback\.webm$/);
    const video = parseWebm(webm.bytes);
    expect(video).toEqual({ docType: 'webm', width: 480, height: 270, frames });
    await expect.poll(() => page.locator('.record-dialog [role="status"]').innerText()).toMatch(/Saved 21 frames/);

    await page.locator('.record-dialog').getByLabel('Animated GIF').check();
    const gif = await recordFile(page, 'Record GIF');
    expect(gif.name).toMatch(/\.gif$/);
    expect(parseGif(gif.bytes)).toEqual({ width: 480, height: 270, frames });
    await writeFile('test-results/recording.gif', gif.bytes);

    // A long recording, cancelled once it has started: no file, and the dialog says so.
    await page.locator('.record-dialog').getByLabel('Frame size', { exact: true }).selectOption({ label: '1280 × 720' });
    await page.locator('.record-dialog').getByLabel('Frame rate', { exact: true }).selectOption({ label: '30 frames/s' });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Record GIF' }).click();
    await expect.poll(() => page.getByRole('progressbar', { name: 'Recording progress' }).getAttribute('value'), { timeout: 30_000 }).not.toBe('0');
    await page.getByRole('button', { name: 'Cancel recording' }).click();
    await expect.poll(() => page.locator('.record-dialog [role="status"]').innerText()).toBe('Recording cancelled.');
    expect(downloads).toBe(0);

    // The scene is live again afterwards: the playhead is no longer held.
    expect(await page.evaluate(() => window.__descentLab!.playhead.stepAt())).toBe(Number.POSITIVE_INFINITY);
    expect(app.errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual([]);
    await app.context.close();
  });
});
