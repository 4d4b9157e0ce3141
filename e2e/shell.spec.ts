import { expect, test, type Page } from '@playwright/test';

import { loginAs } from './fixtures/auth';

// Written out here rather than imported from the app: the test states what a user should see, independently of the code.
const sections = [
  { name: 'API Keys', path: '/api-keys' },
  { name: 'Find a key', path: '/search' },
  { name: 'Request Builder', path: '/request-builder' },
  { name: 'Usage', path: '/usage' },
  { name: 'Audit', path: '/audit' },
  { name: 'Accounts', path: '/accounts' },
  { name: 'Users', path: '/users' },
] as const;

const DARK_CLASS = /(^|\s)dark(\s|$)/;

// Every page of the dashboard needs a session: each test starts signed in as the demo admin (who may open all seven).
test.beforeEach(async ({ page }, testInfo) => {
  if (testInfo.titlePath.includes('sign-in page')) return;
  await loginAs(page, 'admin');
});

function sidebar(page: Page) {
  return page.getByRole('navigation', { name: 'Sections' });
}

function themeChoice(page: Page, name: 'Light' | 'Dark' | 'System') {
  return page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name });
}

/**
 * The toggle shows the stored choice only once React has hydrated, so waiting for it also means clicks and key
 * presses reach React's handlers rather than inert server HTML. A fresh browser context starts on "System".
 */
async function waitForThemeToggle(page: Page, expected: 'Light' | 'Dark' | 'System' = 'System') {
  await expect(themeChoice(page, expected)).toBeChecked();
}

interface FocusedElement {
  href: string | null;
  label: string | null;
  inSidebar: boolean;
  inThemeToggle: boolean;
}

function describeFocus(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      href: element?.getAttribute('href') ?? null,
      label: element?.getAttribute('aria-label') ?? null,
      inSidebar: element?.closest('nav[aria-label="Sections"]') != null,
      inThemeToggle: element?.closest('[role="radiogroup"][aria-label="Theme"]') != null,
    };
  });
}

/** Presses Tab until `reached` holds for the focused element; fails if it never does within `maxTabs`. */
async function tabUntil(page: Page, reached: (focused: FocusedElement) => boolean, maxTabs = 30) {
  for (let presses = 0; presses < maxTabs; presses++) {
    await page.keyboard.press('Tab');
    if (reached(await describeFocus(page))) return;
  }
  throw new Error(`Focus did not reach the expected element within ${maxTabs} presses of Tab`);
}

test.describe('sidebar', () => {
  test('lists the seven sections in order', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(sidebar(page).getByRole('link')).toHaveText(sections.map((section) => section.name));
  });

  test('each section opens with its heading and is marked as the current page', async ({ page }) => {
    await page.goto('/');
    for (const section of sections) {
      await sidebar(page).getByRole('link', { name: section.name }).click();

      await expect(page).toHaveURL(section.path);
      await expect(page.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
      await expect(page).toHaveTitle(`${section.name} · sendSMS API Keys`);
      // Every section is built: none shows a placeholder.
      await expect(page.getByText('This section is not built yet')).toHaveCount(0);

      await expect(sidebar(page).getByRole('link', { name: section.name })).toHaveAttribute('aria-current', 'page');
      for (const other of sections.filter((candidate) => candidate !== section)) {
        await expect(sidebar(page).getByRole('link', { name: other.name })).not.toHaveAttribute('aria-current');
      }
    }
  });

  test('a section opened by its address is marked as current', async ({ page }) => {
    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
    await expect(sidebar(page).getByRole('link', { name: 'Audit' })).toHaveAttribute('aria-current', 'page');
  });

  test('the overview links to every section', async ({ page }) => {
    await page.goto('/');
    const main = page.getByRole('main');
    for (const section of sections) {
      await expect(main.getByRole('link', { name: new RegExp(`^${section.name}`) })).toHaveAttribute(
        'href',
        section.path,
      );
    }
  });
});

test.describe('theme', () => {
  test('choosing dark puts the dark class on <html>, and the choice survives a reload', async ({ page }) => {
    await page.goto('/');
    await waitForThemeToggle(page);
    const html = page.locator('html');
    await expect(html).not.toHaveClass(DARK_CLASS);

    await themeChoice(page, 'Dark').click();
    await expect(html).toHaveClass(DARK_CLASS);
    await expect(themeChoice(page, 'Dark')).toBeChecked();

    await page.reload();
    await expect(html).toHaveClass(DARK_CLASS);
    await waitForThemeToggle(page, 'Dark');

    await themeChoice(page, 'Light').click();
    await expect(html).not.toHaveClass(DARK_CLASS);

    await page.reload();
    await waitForThemeToggle(page, 'Light');
    await expect(html).not.toHaveClass(DARK_CLASS);
  });

  test('system follows the operating system setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await waitForThemeToggle(page, 'System');
    const html = page.locator('html');
    await expect(html).toHaveClass(DARK_CLASS);

    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).not.toHaveClass(DARK_CLASS);
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the theme toggle and every sidebar link, in order', async ({ page }) => {
    await page.goto('/');
    await waitForThemeToggle(page);

    const reachedSidebarLinks: string[] = [];
    let reachedThemeToggle = false;
    for (let presses = 0; presses < 30 && reachedSidebarLinks.length < sections.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await describeFocus(page);
      if (focused.inThemeToggle) reachedThemeToggle = true;
      if (focused.inSidebar && focused.href) reachedSidebarLinks.push(focused.href);
    }

    expect(reachedThemeToggle).toBe(true);
    expect(reachedSidebarLinks).toEqual(sections.map((section) => section.path));
  });

  test('Enter on a sidebar link opens its section', async ({ page }) => {
    await page.goto('/');
    await waitForThemeToggle(page);

    await tabUntil(page, (focused) => focused.inSidebar && focused.href === '/usage');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL('/usage');
    await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
    await expect(sidebar(page).getByRole('link', { name: 'Usage' })).toHaveAttribute('aria-current', 'page');
  });

  test('the theme toggle works with arrow keys and Space', async ({ page }) => {
    await page.goto('/');
    await waitForThemeToggle(page);

    await tabUntil(page, (focused) => focused.inThemeToggle);
    // Tab lands on the checked choice; arrow keys move focus round the group (Light, Dark, System, and back).
    // Each move is awaited before the next key, since the group moves focus after the key event.
    const focusedChoice = () => expect.poll(async () => (await describeFocus(page)).label);
    await focusedChoice().toBe('System');
    await page.keyboard.press('ArrowRight');
    await focusedChoice().toBe('Light');
    await page.keyboard.press('ArrowRight');
    await focusedChoice().toBe('Dark');

    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveClass(DARK_CLASS);
    await expect(themeChoice(page, 'Dark')).toBeChecked();
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the sidebar hides behind a menu button that opens it', async ({ page }) => {
    await page.goto('/');
    await waitForThemeToggle(page);
    await expect(sidebar(page)).toBeHidden();

    await page.getByRole('button', { name: 'Open menu' }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await menu.getByRole('link', { name: 'Accounts' }).click();

    await expect(page).toHaveURL('/accounts');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await expect(menu).toBeHidden();
  });

  test('Escape closes the menu', async ({ page }) => {
    await page.goto('/');
    await waitForThemeToggle(page);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeHidden();
  });
});

test.describe('sign-in page', () => {
  // A source address of its own, so this failure counts against no other test's limit.
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.21' } });

  test('shows its fields, and a wrong password gets a clear message', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    await expect(page.getByLabel('Email')).toBeEnabled();
    await expect(page.getByLabel('Password')).toBeEnabled();
    await page.getByLabel('Email').fill('nobody@demo.local');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('The email or password is not right.');

    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    // Without a session the dashboard sends you back here, remembering where you wanted to go.
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);
  });
});

test('an unknown address shows a not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
