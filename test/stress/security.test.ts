/**
 * Security and offline: the served page carries a strict Content-Security-Policy
 * (read from the page: no 'unsafe-eval', no remote sources, and the browser
 * enforces it), and while the whole app is exercised (every lesson,
 * exports, overlays) every request outside the page's origin is blocked and
 * recorded; none may be attempted. Fonts, KaTeX styles and icons must all come
 * from the page's own origin.
 */
import { describe, expect, test } from 'vitest';
import { waitForIdle } from '../e2e/harness.ts';
import { settle } from './stressHarness.ts';
import { recordRow, tally } from './summary.ts';
import { browserSession } from '../e2e/session.ts';

const session = browserSession();

/** Sources a strict policy may name: nothing remote, nothing that runs strings as code. */
const ALLOWED_SOURCES = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);
const ALLOWED_INLINE = new Set(['style-src']);

function policyProblems(policy: string): string[] {
  const problems: string[] = [];
  const directives = policy.split(';').map((part) => part.trim().split(/\s+/)).filter((parts) => parts[0]);
  const names = new Set(directives.map(([name]) => name));
  for (const required of ['default-src', 'script-src', 'object-src', 'base-uri']) if (!names.has(required)) problems.push(`no ${required}`);
  for (const [name, ...sources] of directives) {
    for (const source of sources) {
      if (!ALLOWED_SOURCES.has(source)) problems.push(`${name} allows ${source}`);
      else if (source === "'unsafe-inline'" && !ALLOWED_INLINE.has(name)) problems.push(`${name} allows 'unsafe-inline'`);
    }
  }
  return problems;
}

describe('security and offline', () => {
  test('the page carries and enforces a strict CSP, and nothing is requested outside its origin while the whole app is used', async () => {
    const app = await session.open();
    const { page } = app;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await settle(page);

    const metaPolicy = (await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '')) ?? '';
    const response = await page.reload();
    const headerPolicy = response?.headers()['content-security-policy'] ?? '';
    await waitForIdle(page);
    const workerPolicy = await page.evaluate(async () => {
      const script = performance.getEntriesByType('resource').map((entry) => entry.name).find((name) => /worker/i.test(name));
      return script ? ((await fetch(script)).headers.get('content-security-policy') ?? '') : 'no worker script seen';
    });

    // Use everything: every lesson (answered at once), the lesson editor, the export menu, presentation mode, the shortcut list.
    const lessonCount = await page.getByLabel('Lesson', { exact: true }).locator('option:not([disabled])').count();
    for (let index = 1; index <= lessonCount; index++) {
      await page.getByLabel('Lesson', { exact: true }).selectOption({ index });
      await waitForIdle(page, 60_000);
      const skip = page.getByRole('button', { name: 'Skip to the answer' });
      if (await skip.count()) await skip.click();
    }
    await page.getByRole('button', { name: 'Write your own lesson' }).click();
    await page.getByRole('button', { name: 'Close the lesson editor' }).click();
    await page.getByRole('button', { name: /^Export/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Trajectories as CSV' }).click()]);
    await download.path();
    await page.getByRole('button', { name: 'Presentation' }).click();
    await page.getByRole('button', { name: 'Presentation' }).click();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.keyboard.press('Escape');
    await settle(page);
    const appViolations = await page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]);
    const resources = await page.evaluate(() => [
      ...performance.getEntriesByType('resource').map((entry) => entry.name),
      ...[...document.styleSheets].map((sheet) => sheet.href ?? ''),
    ]);
    const fontsLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === 'loaded').length;
    });

    // Snapshot what the app itself caused before the deliberate probes below add their own reports.
    const ownCspReports = [...appViolations, ...app.cspViolations];
    const ownErrors = [...app.errors];
    // The browser enforces the policy: strings do not run as code, remote scripts do not load.
    const requestsBeforeProbe = [...requests];
    const blockedBeforeProbe = [...app.foreignRequests];
    const enforcement = await page.evaluate(async () => {
      const violation = (blocked: (uri: string) => boolean) =>
        new Promise<string>((resolve) => {
          const listener = (event: SecurityPolicyViolationEvent) => {
            if (!blocked(event.blockedURI)) return;
            clearTimeout(timer);
            document.removeEventListener('securitypolicyviolation', listener);
            resolve(`${event.violatedDirective} (${event.blockedURI})`);
          };
          const timer = setTimeout(() => resolve('no violation reported'), 5_000);
          document.addEventListener('securitypolicyviolation', listener);
        });
      const host = window as unknown as { __evalRan?: boolean };
      // A string timer is compiled later, in a task of its own: the page's policy applies (DevTools' evaluate is exempt).
      const evalReport = violation((uri) => uri === 'eval');
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
      const evalViolation = await evalReport;
      const remoteReport = violation((uri) => uri.startsWith('https://cdn.example.com'));
      const script = document.createElement('script');
      script.src = 'https://cdn.example.com/remote.js';
      document.head.append(script);
      const remoteScript = await remoteReport;
      return { evalBlocked: host.__evalRan !== true && evalViolation.startsWith('script-src'), evalViolation, remoteScript };
    });
    const problems = [...policyProblems(metaPolicy).map((p) => `meta: ${p}`), ...policyProblems(headerPolicy).map((p) => `header: ${p}`)];
    const foreignResources = resources.filter((url) => url !== '' && !url.startsWith(session.url) && !url.startsWith('data:') && !url.startsWith('blob:'));
    const foreign = [...new Set([...blockedBeforeProbe, ...requestsBeforeProbe.filter((url) => !url.startsWith(session.url) && !url.startsWith('data:') && !url.startsWith('blob:'))])];

    recordRow('security', 'CSP from the page (meta) and header: unsafe-eval or remote sources', problems.length ? problems.join('; ') : 'none', 'none', problems.length === 0);
    recordRow('security', 'CSP enforced by the browser', `string eval: ${enforcement.evalViolation}; remote script: ${enforcement.remoteScript}`, 'both blocked by script-src', enforcement.evalBlocked && enforcement.remoteScript.startsWith('script-src'));
    recordRow('security', 'CSP violations reported by the app itself', String(ownCspReports.length), '0', ownCspReports.length === 0);
    recordRow('security', `requests while using everything (${lessonCount} lessons, the lesson editor, export, overlays)`, `${requestsBeforeProbe.length} made, ${foreign.length} outside the origin`, '0 outside', foreign.length === 0);
    recordRow('security', 'fonts, styles, icons from own origin', `${resources.length} resources, ${fontsLoaded} fonts loaded, ${foreignResources.length} foreign`, '0 foreign', foreignResources.length === 0);
    tally('violationsFound', problems.length + ownCspReports.length + foreign.length + foreignResources.length);
    console.info(`security: worker script policy: ${workerPolicy}; foreign: ${foreign.join(', ') || 'none'}`);

    expect(metaPolicy).toContain("script-src 'self'");
    expect(problems).toEqual([]);
    expect(enforcement.evalBlocked).toBe(true);
    expect(enforcement.remoteScript).toMatch(/^script-src/);
    expect(ownCspReports).toEqual([]);
    expect(foreign).toEqual([]);
    expect(foreignResources).toEqual([]);
    expect(ownErrors).toEqual([]);
    await app.context.close();
  });
});
