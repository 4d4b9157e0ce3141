import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Result } from 'axe-core';

import { LOCALES, type Locale } from '@/i18n/locales';
import { MESSAGES } from '@/messages';
import { DEMO_EMAILS, DEMO_PASSWORD, signInWithCredentials } from './fixtures/auth';

/**
 * Accessibility (issue 14): axe-core's WCAG 2.1 A and AA rules on every page each role's sidebar offers, in both
 * themes, and on the main dialogs, with no serious or critical violation; and the keyboard paths axe cannot check:
 * the skip link, and focus going back to the control that opened a dialog.
 *
 * Each failure lists the rule, its impact and the first elements it found, so that a regression says where to look;
 * each test also logs its figures (page × theme → serious / critical elements) and attaches them as annotations.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const DARK_CLASS = /(^|\s)dark(\s|$)/;

type Role = 'admin' | 'shop-admin' | 'support' | 'lead';
const EMAILS: Record<Role, string> = { ...DEMO_EMAILS, 'shop-admin': 'shop-admin@demo.local' };

// Written out here rather than read from the app: what each role should be offered, and the heading each page shows.
const SECTION_HEADINGS: Record<string, RegExp> = {
  '/api-keys': /^API Keys$/,
  '/search': /^Find a key$/,
  '/request-builder': /Request Builder$/,
  '/usage': /^Usage$/,
  '/audit': /^Audit$/,
  '/accounts': /^Accounts$/,
  '/users': /^Users$/,
};

// Demo data no other spec renames or deletes: the Demo shop account (every role may read it) and its key.
const ACCOUNT = 'Demo shop';
const KEY = 'Website orders';
// Finds the key by its account's sendSMS username: a search with a result, whichever keys other specs have added.
const SEARCH = '/search?q=demo';

interface Finding {
  serious: number;
  critical: number;
  violations: Result[];
}

async function signIn(page: Page, role: Role) {
  const error = await signInWithCredentials(page.request, EMAILS[role], DEMO_PASSWORD);
  expect(error, `signing in as ${role}`).toBeNull();
}

/** Puts the page in a theme as the toggle would (next-themes' stored choice), matching the OS setting to it. */
async function applyTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.evaluate((choice) => localStorage.setItem('theme', choice), theme);
}

/** The React-rendered page is ready: its theme toggle shows the stored choice only after hydration. */
async function waitForHydration(page: Page, theme: Theme, locale: Locale = 'en') {
  const html = page.locator('html');
  if (theme === 'dark') await expect(html).toHaveClass(DARK_CLASS);
  else await expect(html).not.toHaveClass(DARK_CLASS);
  const words = MESSAGES[locale].shell.theme;
  await expect(
    page.getByRole('radiogroup', { name: words.label }).getByRole('radio', { name: words[theme], exact: true }),
  ).toBeChecked();
}

/** axe's serious and critical violations, within `include` when given (a dialog, say). */
async function analyse(page: Page, include?: string): Promise<Finding> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const severe = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const count = (impact: string) =>
    severe
      .filter((violation) => violation.impact === impact)
      .reduce((sum, violation) => sum + violation.nodes.length, 0);
  return { serious: count('serious'), critical: count('critical'), violations: severe };
}

/** One line per violated rule, with the first few elements: enough to find and fix a regression. */
function explain(violations: Result[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.slice(0, 5).map((node) => `      ${node.target.join(' ')}`);
      const more = violation.nodes.length > 5 ? [`      … and ${violation.nodes.length - 5} more`] : [];
      return [
        `  ${violation.id} (${violation.impact}, ${violation.nodes.length} elements): ${violation.help}`,
        ...targets,
        ...more,
      ].join('\n');
    })
    .join('\n');
}

/** Attaches the figures, then asserts (softly, so every page is analysed) that there is nothing severe. */
function report(label: string, finding: Finding) {
  const figures = `${finding.serious}/${finding.critical}`;
  test.info().annotations.push({ type: 'axe', description: `${label}: ${figures} serious/critical elements` });
  expect.soft(explain(finding.violations), `${label} has serious or critical violations`).toBe('');
  return figures;
}

// Each test's figures, logged after it (even when it fails or times out) as a page × theme table.
let figures: { label: string; theme: Theme; figures: string }[] = [];
test.beforeEach(() => {
  figures = [];
});
test.afterEach(() => {
  if (figures.length === 0) return;
  const rows = figures.map((row) => `  ${row.label.padEnd(26)} ${row.theme.padEnd(6)} ${row.figures}`);
  console.log(
    `axe, ${test.info().title} (serious/critical elements)\n  ${'page'.padEnd(26)} ${'theme'.padEnd(6)} counts\n${rows.join('\n')}`,
  );
});

/** The pages a role can reach: the overview, its sidebar's sections, and an account's keys and a key's page. */
async function pagesOf(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const hrefs = await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  const pages: { path: string; label: string; heading: RegExp; ready?: (page: Page) => Locator }[] = [
    { path: '/', label: '/', heading: /^Overview$/ },
  ];
  for (const href of hrefs) {
    const heading = SECTION_HEADINGS[href];
    expect(heading, `a heading for ${href}`).toBeDefined();
    if (href === '/search') {
      pages.push({
        path: SEARCH,
        label: SEARCH,
        heading: heading!,
        ready: (page) => page.getByRole('table', { name: 'Keys found' }).getByRole('row').nth(1),
      });
      continue;
    }
    pages.push({ path: href, label: href, heading: heading! });
    if (href === '/api-keys') {
      await page.goto(href);
      await page.getByRole('link', { name: new RegExp(ACCOUNT) }).click();
      await expect(page).toHaveURL(/\/accounts\/[^/]+\/api-keys$/);
      const keysPath = new URL(page.url()).pathname;
      const keyLink = page.getByTestId(`key-row-${KEY}`).getByRole('link', { name: KEY });
      const keyPath = (await keyLink.getAttribute('href'))!;
      pages.push({
        path: keysPath,
        label: '/accounts/…/api-keys',
        heading: /^API Keys$/,
        ready: (page) => page.getByTestId(`key-row-${KEY}`),
      });
      pages.push({ path: keyPath, label: '/accounts/…/api-keys/…', heading: new RegExp(`^${KEY}$`) });
    }
  }
  return pages;
}

const ROLES: Role[] = ['admin', 'shop-admin', 'support', 'lead'];

test.describe('axe: no serious or critical violation', () => {
  for (const role of ROLES) {
    for (const theme of THEMES) {
      test(`on every page the ${role} can open, ${theme}`, async ({ page }) => {
        // About ten pages, each analysed in full, on a machine that may be busy.
        test.setTimeout(300_000);
        await signIn(page, role);
        const pages = await pagesOf(page);
        await applyTheme(page, theme);
        for (const target of pages) {
          await test.step(target.label, async () => {
            await page.goto(target.path);
            await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
            if (target.ready) await expect(target.ready(page)).toBeVisible();
            await waitForHydration(page, theme);
            const finding = await analyse(page);
            figures.push({ label: target.label, theme, figures: report(`${role} ${target.label} ${theme}`, finding) });
          });
        }
      });
    }
  }

  // The same pages in Romanian (the language cookie, as the switch sets it): longer words, other wrapping, the same
  // contrast and names to get right. Both themes in one test, to sign in once.
  for (const role of ROLES) {
    test(`on every page the ${role} can open, in Romanian, both themes`, async ({ page, baseURL }) => {
      test.setTimeout(400_000);
      await signIn(page, role);
      const pages = await pagesOf(page);
      await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ro', url: baseURL! }]);
      for (const theme of THEMES) {
        await applyTheme(page, theme);
        for (const target of pages) {
          await test.step(`${target.label} ${theme}`, async () => {
            await page.goto(target.path);
            await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
            if (target.ready && target.path !== SEARCH) await expect(target.ready(page)).toBeVisible();
            await waitForHydration(page, theme, 'ro');
            const finding = await analyse(page);
            figures.push({
              label: `${target.label} (ro)`,
              theme,
              figures: report(`${role} ${target.label} ${theme} ro`, finding),
            });
          });
        }
      }
    });
  }

  // The dialogs, the mobile menu and a builder result in each language: the names below are the messages' own.
  for (const locale of LOCALES) {
    const words = MESSAGES[locale];
    const suffix = locale === 'en' ? '' : ` (${locale})`;
    for (const theme of THEMES) {
      test(`in the Generate and Delete dialogs and the mobile menu, ${theme}, ${locale}`, async ({ page, baseURL }) => {
        test.setTimeout(120_000);
        await signIn(page, 'shop-admin');
        await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
        await page.goto('/api-keys');
        await applyTheme(page, theme);
        await page.reload();
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        const analyseDialog = async (label: string) =>
          figures.push({
            label: `${label}${suffix}`,
            theme,
            figures: report(`${label} ${theme}${suffix}`, await analyse(page, '[role="dialog"]')),
          });

        await page.getByRole('link', { name: new RegExp(ACCOUNT) }).click();
        await expect(page.getByRole('heading', { level: 1, name: words.keys.list.title })).toBeVisible();
        await waitForHydration(page, theme, locale);
        await page.getByRole('button', { name: words.keys.generateButton }).click();
        const generate = page.getByRole('dialog', { name: words.keys.generateDialog.title });
        await expect(generate.getByLabel(words.keys.generateDialog.name)).toBeVisible();
        await analyseDialog('Generate dialog');
        await page.keyboard.press('Escape');
        await expect(generate).toBeHidden();

        await page.getByTestId(`key-row-${KEY}`).getByRole('link', { name: KEY }).click();
        await expect(page.getByTestId('key-name')).toHaveText(KEY);
        await page.getByRole('button', { name: words.keys.deleteDialog.trigger }).click();
        const remove = page.getByRole('dialog', { name: words.keys.deleteDialog.title.replace('{name}', KEY) });
        await expect(remove.getByRole('textbox')).toBeVisible();
        await analyseDialog('Delete dialog');
        await page.keyboard.press('Escape');
        await expect(remove).toBeHidden();

        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByRole('button', { name: words.shell.menu.open }).click();
        const menu = page.getByRole('dialog', { name: words.shell.menu.title });
        await expect(menu.getByRole('link', { name: words.shell.sections['api-keys'].title })).toBeVisible();
        await analyseDialog('Mobile menu');
        await page.keyboard.press('Escape');
        await expect(menu).toBeHidden();
        // The page under the menu at this width too: the header's menu button, the tables scrolling sideways.
        figures.push({
          label: `Key page at 390 px${suffix}`,
          theme,
          figures: report(`Key page at 390 px ${theme}${suffix}`, await analyse(page)),
        });
      });
    }

    test(`on a Request Builder result, in both themes, announced once in a single status line, ${locale}`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, 'support');
      await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      await page.goto('/request-builder');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      // Hydrated (the toggle shows the stored choice, none yet), so that the form's state takes what is chosen.
      const themeGroup = page.getByRole('radiogroup', { name: words.shell.theme.label });
      await expect(themeGroup.getByRole('radio', { name: words.shell.theme.system })).toBeChecked();
      await page.getByLabel(words.requestBuilder.form.account).selectOption({ label: ACCOUNT });
      await page.getByLabel(words.requestBuilder.form.request, { exact: true }).selectOption('user_get_balance');
      await page.getByRole('button', { name: words.requestBuilder.form.submit }).click();
      const result = page.getByRole('region', { name: words.requestBuilder.result.title });
      await expect(result).toBeVisible();
      // The page's one status line says the outcome; the panel itself is not live, so nothing in it is read twice.
      const announced = words.requestBuilder.announce.result.split('{badge}')[0]!;
      await expect(page.getByRole('main').getByRole('status')).toHaveText(new RegExp(`^${announced}.+\\. .+`));
      expect(await page.locator('main [aria-live]:not([aria-live="off"])').count()).toBe(0);

      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        // Chosen on the toggle rather than by reloading, which would lose the result.
        await themeGroup.getByRole('radio', { name: words.shell.theme[theme] }).check();
        await waitForHydration(page, theme, locale);
        figures.push({
          label: `Request Builder result${suffix}`,
          theme,
          figures: report(`Request Builder result ${theme}${suffix}`, await analyse(page)),
        });
      }
    });
  }
});

test.describe('keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // A stored choice, so that the theme toggle shows when the page has hydrated (see waitForHydration).
    await page.addInitScript(() => localStorage.setItem('theme', 'light'));
    await signIn(page, 'shop-admin');
  });

  test('the skip link moves focus to the main content, its heading in view below the sticky header', async ({
    page,
  }) => {
    await page.goto('/audit');
    const heading = page.getByRole('heading', { level: 1, name: 'Audit' });
    await expect(heading).toBeVisible();
    await waitForHydration(page, 'light');
    // Scrolled down first, so that jumping to the content has to scroll the heading back into view.
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('main')).toBeFocused();
    // The heading lies wholly below the header, not under it.
    const headerBox = (await page.locator('header').boundingBox())!;
    await expect
      .poll(async () => (await heading.boundingBox())!.y, { message: 'the heading’s top, below the header' })
      .toBeGreaterThanOrEqual(headerBox.y + headerBox.height);
    await expect(heading).toBeInViewport({ ratio: 1 });
    // The next Tab starts from the content, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') != null)).toBe(true);
  });

  test('focus returns to Generate a new API Key after Escape closes its dialog', async ({ page }) => {
    await page.goto('/api-keys');
    await page.getByRole('link', { name: new RegExp(ACCOUNT) }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API Keys' })).toBeVisible();
    await waitForHydration(page, 'light');
    const button = page.getByRole('button', { name: 'Generate a new API Key' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Generate a new API Key' });
    await expect(dialog).toBeVisible();
    await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    // And after its close button, pressed with the mouse.
    await button.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test.describe('narrow screens', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('focus returns to the menu button after the mobile menu closes', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await waitForHydration(page, 'light');
      const button = page.getByRole('button', { name: 'Open menu' });
      const menu = page.getByRole('dialog', { name: 'Menu' });

      await button.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toBeVisible();
      await expect.poll(() => menu.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await expect(button).toBeFocused();

      await button.click();
      await expect(menu).toBeVisible();
      await menu.getByRole('button', { name: 'Close menu' }).click();
      await expect(menu).toBeHidden();
      await expect(button).toBeFocused();
    });
  });
});

test('/favicon.ico and the SVG icon answer with images', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/^image\//);

  // The page names its icons, so browsers need not guess.
  await signIn(page, 'lead');
  await page.goto('/');
  const icons = await page
    .locator('link[rel~="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  expect(icons.some((href) => href.startsWith('/icon.svg'))).toBe(true);
  for (const href of icons) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toMatch(/^image\//);
  }
});
