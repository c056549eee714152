import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Best-practice rules run on top of the WCAG tags: landmarks (each unique and named, one main, nothing outside them)
 * and headings. Listed by id because the 'best-practice' tag as a whole also brings rules that change with axe releases.
 */
export const AXE_BEST_PRACTICE_RULES = [
  'landmark-unique', 'landmark-one-main', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main', 'landmark-banner-is-top-level', 'landmark-main-is-top-level',
  'landmark-complementary-is-top-level', 'landmark-contentinfo-is-top-level', 'region', 'page-has-heading-one',
  'heading-order', 'empty-heading',
];

/** Runs axe and returns its violations as readable lines (empty when there are none). */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  // Rules enabled by id run as well as the tagged ones. options() replaces all options, so it comes before withTags().
  const rules = Object.fromEntries(AXE_BEST_PRACTICE_RULES.map((id) => [id, { enabled: true }]));
  const { violations } = await new AxeBuilder({ page }).options({ rules }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`);
    return `${label}: [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.helpUrl}\n${nodes.join('\n')}`;
  });
}

/** Waits until the page has its heading and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"]') && !document.body.innerText.includes('Loading'),
    undefined,
    { timeout: 30_000 },
  );
}

export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
