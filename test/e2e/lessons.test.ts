/**
 * Lessons in the built app: a question hides every path until it is answered
 * (pixels: no run colour in the scene), the answer reveals the paths and an
 * explanation with the engine's numbers, a copied link reopens the same lesson
 * and stage, a teacher's link shows only the controls it allows, a lesson goes
 * out as a .json file and comes back identical, and a whole lesson can be
 * walked with the keyboard alone.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { lessonById } from '../../src/state/lessons/course/index.ts';
import { encodeLessonHash } from '../../src/state/lessons/link.ts';
import { parseLessonJson } from '../../src/state/lessons/parse.ts';
import type { Lesson } from '../../src/state/lessons/schema.ts';
import { GUESS_COLOR } from '../../src/view/runColors.ts';
import { countColor, sceneShot, settle, type AppPage } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

async function open(hash = ''): Promise<AppPage> {
  const app = await session.open({ hash, width: 1440, height: 900 });
  await settle(app.page);
  return app;
}

/** Wait until a reveal's replay has reached its last step and the scene has drawn it. */
async function afterReveal(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__descentLab!.store.getState().playing === false, undefined, { timeout: 30_000 });
  await settle(page);
}

/** The colours of the runs, in order. */
function runColors(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__descentLab!.store.getState().setup.runs.map((run) => run.color));
}

/** Press Tab until `selector` has the focus (at most `limit` presses); returns how many it took. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return presses;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const panelText = (page: Page) => page.locator('.lesson-panel').innerText();

describe('lessons in headless Chromium', () => {
  test('choosing a lesson shows its question and no path; answering reveals the paths and an explanation with the engine’s numbers', async () => {
    const app = await open();
    const { page } = app;
    await page.getByLabel('Lesson', { exact: true }).selectOption('edge-of-stability');
    await settle(page);
    expect(await panelText(page)).toMatch(/Lesson 4 of 14[\s\S]*The edge of stability[\s\S]*Stage 1 of 2/i);
    await expect.poll(() => page.getByRole('group', { name: 'After 100 steps, what has the run with η = 1.0 done?' }).count()).toBe(1);
    await expect.poll(() => page.locator('.chart-hidden').count()).toBe(1);
    expect(await page.locator('.legend').innerText()).toContain('Hidden until you answer');
    // The legend's swatches would count as path colours: fold it.
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await settle(page);
    // The white pin and the surface only: neither the orange nor the blue path (the third run is white, like the pin).
    const [orange, blue] = await runColors(page);
    const asking = await sceneShot(page);
    expect(countColor(asking, orange, 30), 'orange path while asking').toBeLessThan(5);
    expect(countColor(asking, blue, 30), 'blue path while asking').toBeLessThan(5);

    await page.getByRole('button', { name: /Bounced from wall to wall/ }).click();
    await afterReveal(page);
    const revealed = await sceneShot(page);
    expect(countColor(revealed, orange, 30), 'orange path after the answer').toBeGreaterThan(20);
    expect(countColor(revealed, blue, 30), 'blue path after the answer').toBeGreaterThan(20);
    expect(await page.locator('.chart-hidden').count()).toBe(0);
    const finalLoss = await page.evaluate(() => {
      const run = window.__descentLab!.results.runs.get(window.__descentLab!.store.getState().setup.runs[1].id)!;
      return Number(run.loss[run.length - 1].toPrecision(3));
    });
    const text = await panelText(page);
    expect(text).toContain('Just as you predicted.');
    expect(text).toContain(`The loss settles at ${finalLoss} and stays there`);
    expect(text).not.toMatch(/\{[a-z]/);
    expect(await page.locator('.lesson-panel [role="status"]').first().innerText()).toBe('Revealed: the paths of all 3 runs and the loss chart.');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a "click where it ends" question places a magenta ring, not the start; a diverged run shows where it blew up', async () => {
    const app = await open('#v=1&lesson-id=start-decides');
    const { page } = app;
    const startBefore = await page.evaluate(() => window.__descentLab!.store.getState().setup.start.join(','));
    const box = (await page.locator('[data-testid="scene-canvas"]').first().boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.6);
    await settle(page);
    expect(await page.evaluate(() => window.__descentLab!.store.getState().setup.start.join(','))).toBe(startBefore);
    expect(await page.evaluate(() => window.__descentLab!.store.getState().lesson?.clickGuess)).not.toBeNull();
    expect(countColor(await sceneShot(page), GUESS_COLOR, 40), 'the magenta ring').toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Check my guess' }).click();
    await afterReveal(page);
    expect(await panelText(page)).toMatch(/Run 2 ends at \(−?[\d.]+, −?[\d.]+\), [\d.]+ from your click/);

    // schedule-rescue's constant run at η = 1.15 blows up; its update rules are typeset.
    await page.evaluate(() => (location.hash = '#v=1&lesson-id=schedule-rescue'));
    await expect.poll(() => panelText(page)).toContain('A schedule rescues');
    await page.getByRole('button', { name: 'Skip to the answer' }).click();
    await afterReveal(page);
    const statuses = await page.evaluate(() => [...window.__descentLab!.results.runs.values()].map((run) => run.status));
    expect(statuses).toContain('diverged');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/diverged at step \d+/);
    await page.locator('.lesson-rules summary').click();
    await expect.poll(() => page.locator('.lesson-rules .katex').count()).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a copied link opens the same lesson on the same stage in a new page', async () => {
    const first = await open('#v=1&lesson-id=momentum-bowl');
    const { page } = first;
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('stage=2');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#v=1&lesson-id=momentum-bowl&stage=2$/);
    const second = await open(link.slice(link.indexOf('#')));
    expect(await panelText(second.page)).toMatch(/Momentum[\s\S]*Stage 2 of 2/);
    expect(await second.page.evaluate(() => window.__descentLab!.store.getState().lesson?.stage)).toBe(1);
    // A changed setup travels with the lesson, and the panel says so.
    await page.evaluate(() => window.__descentLab!.store.getState().setSteps(42));
    await expect.poll(() => panelText(page)).toContain('You changed the number of steps; the lesson’s text describes its own setup.');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/stage=2&s=/);
    const changed = await open(await page.evaluate(() => location.hash));
    expect(await changed.page.evaluate(() => window.__descentLab!.store.getState().setup.steps)).toBe(42);
    await changed.page.getByRole('button', { name: 'Restore the lesson’s setup' }).click();
    expect(await changed.page.evaluate(() => window.__descentLab!.store.getState().setup.steps)).toBe(150);
    for (const app of [first, second, changed]) {
      expect(app.errors).toEqual([]);
      await app.context.close();
    }
  });

  test('a teacher’s lesson opens with only the controls it allows', async () => {
    const lesson: Lesson = { ...lessonById('step-size')!, id: 'my-step-size', title: 'My step size', controls: ['hide-learning-rate', 'lock-start', 'hide-maps'] };
    const app = await open(`${encodeLessonHash(lesson)}&stage=1`);
    const { page } = app;
    expect(await panelText(page)).toContain('My step size');
    expect(await page.getByRole('slider', { name: /^Learning rate/ }).count()).toBe(0);
    expect(await page.getByRole('slider', { name: /^Batch size/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('textbox', { name: 'Start x' }).isDisabled()).toBe(true);
    expect(await page.locator('.control-panel').innerText()).toContain('This lesson fixes the start point.');
    expect(await page.locator('.maps-panel').count()).toBe(0);
    expect(await page.getByLabel('Lesson', { exact: true }).inputValue()).toBe('__own');
    // Closing the lesson gives every control back.
    await page.getByRole('button', { name: 'Close the lesson' }).click();
    await expect.poll(() => page.getByRole('slider', { name: /^Learning rate/ }).count()).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a lesson written in the editor, exported to .json and imported back, is identical', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'write a lesson' }).click();
    const dialog = page.getByRole('dialog', { name: 'Write a lesson' });
    // Before there is a lesson, the room where it will be says how one is made.
    await expect.poll(() => dialog.getByRole('region', { name: 'How a lesson is made' }).innerText()).toMatch(/asks before it shows/);
    await dialog.getByRole('button', { name: 'New lesson from the current setup' }).click();
    expect(await dialog.getByRole('region', { name: 'How a lesson is made' }).count()).toBe(0);
    await dialog.getByLabel('Title', { exact: true }).fill('Three optimizers, one valley');
    await dialog.getByLabel('Stage 1: text').fill('Three runs leave the same start. Which one ends lowest?');
    await dialog.getByLabel('Stage 1: prompt').fill('Which run ends lowest?');
    await dialog.getByLabel('Stage 1: option 1', { exact: true }).fill('SGD');
    await dialog.getByLabel('Stage 1: option 2', { exact: true }).fill('Adam');
    await dialog.getByLabel('Stage 1: option 2 is the right answer').check();
    await dialog.getByLabel('Stage 1: explanation').fill('You said {guess}; run 1 ends at {final.loss.run1}.');
    await dialog.getByLabel('Hide the learning-rate sliders').check();
    await expect.poll(() => dialog.innerText()).toMatch(/Ready to share/i);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .json' }).click()]);
    const exported = await readFile((await download.path())!, 'utf8');
    const parsed = parseLessonJson(exported);
    expect(parsed).toMatchObject({ ok: true, problems: [] });
    expect(parsed.ok && parsed.lesson).toMatchObject({ title: 'Three optimizers, one valley', controls: ['hide-learning-rate'] });

    await page.getByTestId('lesson-import').setInputFiles({ name: 'lesson.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => dialog.getByTestId('lesson-import-result').innerText()).toContain('Imported “Three optimizers, one valley”.');
    expect(await dialog.locator('.editor-lesson-list li').count()).toBe(2);
    const [again] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .json' }).click()]);
    const reexported = await readFile((await again.path())!, 'utf8');
    // The same lesson; only the id changed, since the class already had one by that id.
    expect(reexported.replace(/"id": "[^"]+"/, '')).toBe(exported.replace(/"id": "[^"]+"/, ''));

    // A broken file is refused field by field.
    const broken = JSON.stringify({ ...JSON.parse(exported), minutes: 'soon', stages: [{ text: 'Only text', reveal: [{ show: 'fireworks' }] }] });
    await page.getByTestId('lesson-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect.poll(() => dialog.getByTestId('lesson-import-result').innerText()).toMatch(/read with 2 changes[\s\S]*minutes: [\s\S]*stage 1, reveal 1/);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a whole lesson can be walked with the keyboard alone', async () => {
    const app = await open();
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, '#lesson-picker');
    // The course opens with searching without gradients; the second lesson, steepest descent, asks for a number in its second stage.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => panelText(page)).toMatch(/Lesson 1 of 14[\s\S]*Stage 1 of 2/i);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => panelText(page)).toMatch(/Lesson 2 of 14[\s\S]*Stage 1 of 2/i);
    await tabTo(page, '.lesson-option');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('lesson-result'))).toBe(true);
    expect(await page.locator('.lesson-result').innerText()).toContain('What happened');
    await tabTo(page, '.lesson-nav .button.primary');
    await page.keyboard.press('Enter');
    await expect.poll(() => panelText(page)).toContain('Stage 2 of 2');
    await tabTo(page, '.lesson-number input');
    await page.keyboard.type('-11');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.lesson-verdict').innerText()).toContain('Close: the engine’s answer is −11.2');
    await tabTo(page, '.lesson-nav .button.primary');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Next lesson: /);
    await page.keyboard.press('Enter');
    await expect.poll(() => panelText(page)).toMatch(/Lesson 3 of 14/i);
    await tabTo(page, 'button.lesson-skip');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__descentLab!.store.getState().lesson?.revealed)).toBe(true);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
