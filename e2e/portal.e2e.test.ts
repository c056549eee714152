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
  /** A lab test with exactly one numeric result (no trend to chart yet), if the demo patient has one. */
  singleKey: string | null;
  /** A lab test with two or more numeric results, some written with a comparator ("<0.01", ">90"), if any. */
  comparatorKey: string | null;
}

interface DemoTest {
  key: string;
  name: string;
  code: string | null;
  results: { value: { kind: string; comparator?: string | null } }[];
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
    const tests: DemoTest[] = results.panels.flatMap((p: { tests: DemoTest[] }) => p.tests);
    const a1c = tests.find((t) => /a1c/i.test(t.name) || t.code === '4548-4') ?? tests[0];
    const numeric = (t: DemoTest) => t.results.filter((r) => r.value.kind === 'quantity');
    expect(a1c, 'the demo patient has lab results').toBeTruthy();
    facts = {
      fullName: `${me.patient.givenName} ${me.patient.familyName}`,
      resultKey: a1c?.key ?? '',
      resultName: a1c?.name ?? '',
      resultCount: a1c?.results.length ?? 0,
      singleKey: tests.find((t) => numeric(t).length === 1)?.key ?? null,
      comparatorKey: tests.find((t) => numeric(t).length >= 2 && numeric(t).some((r) => r.value.comparator))?.key ?? null,
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

  it('charts a trend only from two numeric results, and marks comparator values in the legend', async () => {
    const context = await newContext(1280, 900, true);
    const page = await context.newPage();
    if (facts.singleKey) {
      await page.goto(`/results/${encodeURIComponent(facts.singleKey)}`);
      await settled(page);
      expect(await page.getByTestId('no-trend').innerText()).toMatch(/after your next result/);
      expect(await page.locator('[data-testid="trend-chart"]').count()).toBe(0);
      expect(await page.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    }
    if (facts.comparatorKey) {
      await page.goto(`/results/${encodeURIComponent(facts.comparatorKey)}`);
      await settled(page);
      await page.locator('[data-testid="trend-chart"] canvas').first().waitFor({ state: 'attached' });
      expect(await page.getByTestId('chart-legend').innerText()).toMatch(/(Less|Greater) than the value shown/);
    }
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
      // Every request the pages make must exist (a missing favicon shows up as a 404 on every page).
      const missing: string[] = [];
      page.on('response', (res) => {
        if (res.status() === 404) missing.push(res.url());
      });
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(`${page.url()}: ${msg.text()}`);
      });

      await page.goto('/sign-in');
      await settled(page);
      problems.push(...(await axeViolations(page, `/sign-in @${vp.width}`)));
      // The tab icon: headless Chromium may not ask for it, so fetch what the page names.
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(icon, 'a favicon link').toBeTruthy();
      const iconRes = await context.request.get(icon ?? '/favicon.svg');
      expect(iconRes.status()).toBe(200);
      expect(iconRes.headers()['content-type']).toMatch(/image\/svg\+xml/);
      await shot(page, `${vp.name}-sign-in`);

      await context.addCookies(session?.cookies ?? []);
      const pages = ['/', '/results', `/results/${encodeURIComponent(facts.resultKey)}`, '/vitals', '/record', '/documents', '/appointments', '/access-log', '/devices'];
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
      expect(missing, 'requests answered 404').toEqual([]);
    }, TEST_TIMEOUT);
  }
});

// SESS-05 in a browser against a server whose idle timeout is 3 minutes: the warning comes from the server's own
// idle header after one real minute without requests; only the last step (expiry) fast-forwards the browser clock.
describe.skipIf(skip)('Idle warning (SESS-05)', () => {
  let portico: RunningPortico;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    portico = await startPortico(PASSWORD, 150_000, { PORTICO_SESSION_IDLE_MINUTES: '3' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await portico?.stop();
  });

  it('warns two minutes before the 3-minute idle limit, keeps the session on "Stay signed in", and at expiry returns to sign-in with a reason', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: portico.baseUrl });
    const page = await context.newPage();
    await page.clock.install();
    const res = await context.request.post('/api/v1/auth/sign-in', { data: { email: EMAIL, password: PASSWORD }, headers: { 'x-portico-csrf': '1' } });
    expect(res.status()).toBe(200);
    await page.goto('/devices');
    await settled(page);
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(await dialog.count()).toBe(0);
    // One real minute after the last request the server's deadline is two minutes away.
    await dialog.waitFor({ state: 'visible', timeout: 75_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stay signed in');
    expect(await dialog.locator('[aria-live]').innerText()).toMatch(/signed out in (2 minutes|1 minute)/);
    problemsFree(await axeViolations(page, 'idle warning'));
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    const keepAlive = page.waitForResponse((r) => r.url().endsWith('/api/v1/sessions/keep-alive'));
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    expect((await keepAlive).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });

    // Three minutes of browser time later the page gives up and goes to sign-in, saying why.
    await page.clock.fastForward('03:05');
    await page.waitForURL(/\/sign-in\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('next')).toBe('/devices');
    expect(url.searchParams.get('reason')).toBe('idle');
    expect(await page.getByTestId('idle-notice').innerText()).toBe('You were signed out after 3 minutes of inactivity.');
    // Signing in again returns to the page the patient was on.
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/devices$/);
    await context.close();
  }, 180_000);
});

function problemsFree(problems: string[]): void {
  expect(problems, `axe found violations:\n\n${problems.join('\n\n')}`).toEqual([]);
}
