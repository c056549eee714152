// Portico end to end: a real server (scripts/start.ts on embedded defaults) and Debian's Chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, hasHorizontalScroll, launchChromium, settled } from './browser';
import { startPortico } from './portico-server';
import type { RunningPortico } from './portico-server';

const EMAIL = 'patient@demo.portico.test';
const PASSWORD = process.env.PORTICO_DEMO_PASSWORD ?? 'E2e-demo-passphrase-2026';
// Also set here, not only in e2e/vitest.config.ts, so a plain `npx vitest run e2e` from the root works too.
const TEST_TIMEOUT = 120_000;
const SHOTS = process.env.PORTICO_SHOTS; // a directory to save screenshots in, when set
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

// In CI a missing browser is a broken environment, not a reason to skip.
const skip = !hasChromium && process.env.CI !== 'true';

interface DemoFacts {
  fullName: string;
  resultKey: string;
  resultName: string;
  resultCount: number;
}

describe.skipIf(skip)('Portico in a browser', () => {
  let portico: RunningPortico;
  let browser: Browser;
  let facts: DemoFacts;
  let session: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  // A browser zone other than the clinic's, so pages show both clinic time and the patient's own.
  async function newContext(width: number, height: number, signedIn = false): Promise<BrowserContext> {
    return browser.newContext({
      viewport: { width, height }, baseURL: portico.baseUrl, timezoneId: 'America/Los_Angeles',
      storageState: signedIn ? session : undefined,
    });
  }

  async function signInByApi(context: BrowserContext): Promise<void> {
    const res = await context.request.post('/api/v1/auth/sign-in', {
      data: { email: EMAIL, password: PASSWORD }, headers: { 'x-portico-csrf': '1' },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  async function shot(page: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    browser = await launchChromium();
    portico = await startPortico(PASSWORD);
    // Learn what the demo patient's data is, through the same API the page uses.
    const context = await newContext(1280, 900);
    await signInByApi(context);
    session = await context.storageState();
    const me = await (await context.request.get('/api/v1/me')).json();
    const results = await (await context.request.get('/api/v1/records/results')).json();
    const tests = results.panels.flatMap((p: { tests: { key: string; name: string; results: unknown[] }[] }) => p.tests);
    const a1c = tests.find((t: { name: string; code: string | null }) => /a1c/i.test(t.name) || t.code === '4548-4') ?? tests[0];
    expect(a1c, 'the demo patient has lab results').toBeTruthy();
    facts = {
      fullName: `${me.patient.givenName} ${me.patient.familyName}`,
      resultKey: a1c.key,
      resultName: a1c.name,
      resultCount: a1c.results.length,
    };
    await context.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await portico?.stop();
  });

  it('signs in with the keyboard only, returns to the page asked for, and shows the dashboard', async () => {
    const context = await newContext(1280, 900);
    const page = await context.newPage();
    await page.goto('/appointments');
    await page.waitForURL(/\/sign-in\?next=%2Fappointments/);
    await settled(page);
    for (const [id, text] of [['email', EMAIL], ['password', PASSWORD]] as const) {
      for (let i = 0; i < 15 && (await page.evaluate(() => document.activeElement?.id)) !== id; i += 1) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/appointments');
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe('Appointments');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await settled(page);
    await expect.poll(() => page.getByTestId('patient-name').innerText()).toContain(facts.fullName);
    expect(await page.locator('h1').innerText()).toContain(facts.fullName.split(' ')[0]);
    const appointments = page.getByTestId('upcoming-appointments').locator('li');
    expect(await appointments.count(), 'an upcoming appointment on the dashboard').toBeGreaterThan(0);
    expect(await appointments.first().innerText()).toContain('(clinic time)');
    const results = page.getByTestId('recent-results').locator('li');
    expect(await results.count(), 'a recent result on the dashboard').toBeGreaterThan(0);

    // Signing out ends the session on the server: the portal asks to sign in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/results');
    await page.waitForURL(/\/sign-in\?next=%2Fresults/);
    await context.close();
  }, TEST_TIMEOUT);

  it('opens Results and a lab test with its chart and table', async () => {
    const context = await newContext(1280, 900, true);
    const page = await context.newPage();
    await page.goto('/');
    await settled(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
    await page.waitForURL('**/results');
    await settled(page);
    await page.getByRole('link', { name: facts.resultName, exact: false }).first().click();
    await page.waitForURL(`**/results/${encodeURIComponent(facts.resultKey)}`);
    await settled(page);
    expect(await page.locator('h1').innerText()).toBe(facts.resultName);
    await page.locator('[data-testid="trend-chart"] canvas').first().waitFor({ state: 'attached' });
    const table = page.getByRole('table', { name: new RegExp(facts.resultName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    expect(await table.locator('tbody tr').count()).toBe(facts.resultCount);
    await context.close();
  }, TEST_TIMEOUT);

  for (const vp of VIEWPORTS) {
    it(`has no axe violations on any page at ${vp.width} px, and no sideways scrolling on phones`, async () => {
      const context = await newContext(vp.width, vp.height);
      const page = await context.newPage();
      const problems: string[] = [];
      const scrolls: string[] = [];
      // The server's CSP allows no inline script or style; anything the SPA does against it shows up here.
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(`${page.url()}: ${msg.text()}`);
      });

      await page.goto('/sign-in');
      await settled(page);
      problems.push(...(await axeViolations(page, `/sign-in @${vp.width}`)));
      await shot(page, `${vp.name}-sign-in`);

      await context.addCookies(session?.cookies ?? []);
      const pages = ['/', '/results', `/results/${encodeURIComponent(facts.resultKey)}`, '/vitals', '/record', '/documents', '/appointments'];
      for (const route of pages) {
        await page.goto(route);
        await settled(page);
        problems.push(...(await axeViolations(page, `${route} @${vp.width}`)));
        if (vp.width <= 390 && (await hasHorizontalScroll(page))) scrolls.push(route);
        await shot(page, `${vp.name}-${route === '/' ? 'dashboard' : route.slice(1).replace(/\//g, '-')}`);
      }
      await context.close();
      expect(problems, `axe found violations:\n\n${problems.join('\n\n')}`).toEqual([]);
      expect(scrolls, 'pages that scroll sideways at 390 px').toEqual([]);
      expect(pageErrors, 'script errors or CSP violations').toEqual([]);
    }, TEST_TIMEOUT);
  }
});
