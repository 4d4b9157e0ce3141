import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { MESSAGES } from '@/messages';
import { createTemporaryUser, loginAs, signInWithCredentials } from './fixtures/auth';

/**
 * Romanian and English (issue 14): the browser's language decides until the person chooses; the choice is kept in a
 * cookie before sign-in and on the account after; <html lang> follows; and a page read in Romanian holds no sentence
 * of the English messages, which catches a word left hard-coded in a component or sent in English by the server.
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, into: Map<string, string> = new Map(), prefix = ''): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, into, path);
  }
  return into;
}

/**
 * English sentences that must not be on a Romanian page: messages of three words or more without placeholders or
 * markup (those are assembled and would not appear verbatim), whose Romanian differs.
 */
const ENGLISH_ONLY: string[] = (() => {
  const en = flatten(MESSAGES.en as unknown as Tree);
  const ro = flatten(MESSAGES.ro as unknown as Tree);
  return [...en]
    .filter(([key, text]) => ro.get(key) !== text && !/[{}<]/.test(text) && text.trim().split(/\s+/).length >= 3)
    .map(([, text]) => text);
})();

async function englishLeftOn(page: Page): Promise<string[]> {
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  return ENGLISH_ONLY.filter((sentence) => text.includes(sentence));
}

test.describe('in a Romanian browser', () => {
  test.use({ locale: 'ro-RO' });

  test('the sign-in page is in Romanian, and the switch turns it to English before sign-in', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    expect(await englishLeftOn(page)).toEqual([]);
    await page.getByTestId('language-switch').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  const PAGES: Record<'admin' | 'support' | 'lead', string[]> = {
    admin: ['/', '/api-keys', '/request-builder', '/usage', '/audit', '/accounts', '/users', '/search', '/preferences'],
    support: ['/', '/search?q=198.51.100.20', '/audit', '/usage'],
    lead: ['/', '/usage', '/api-keys', '/audit'],
  };

  for (const role of Object.keys(PAGES) as Array<keyof typeof PAGES>) {
    test(`the ${role}'s pages hold no English sentence`, async ({ page }) => {
      test.setTimeout(120_000);
      await loginAs(page, role);
      await page.goto('/api-keys');
      const accountKeys = await page
        .getByRole('main')
        .getByRole('link')
        .evaluateAll((links) =>
          links.map((link) => link.getAttribute('href')).filter((href) => href?.includes('/api-keys')),
        );
      const pages = [...PAGES[role], ...accountKeys.slice(0, 1).map(String)];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await englishLeftOn(page), path).toEqual([]);
      }
      // A key's own page, reached from the account's list.
      if (accountKeys[0]) {
        await page.goto(accountKeys[0]);
        const keyLink = page.getByRole('table').getByRole('link').first();
        if (await keyLink.count()) {
          await keyLink.click();
          await expect(page.getByTestId('key-name')).toBeVisible();
          expect(await englishLeftOn(page), page.url()).toEqual([]);
        }
      }
    });
  }

  test('a user’s choice is kept on their account: another browser in English still shows Romanian', async ({
    page,
    browser,
  }) => {
    await loginAs(page, 'admin');
    const user = await createTemporaryUser(page.request);
    try {
      const english = await browser.newContext({ locale: 'en-US' });
      const other = await english.newPage();
      expect(await signInWithCredentials(other.request, user.email, user.password)).toBeNull();
      await other.goto('/preferences');
      await expect(other.locator('html')).toHaveAttribute('lang', 'en');
      const form = other.getByRole('main');
      await form.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ro');
      await form.getByRole('combobox', { name: 'Time zone', exact: true }).selectOption('Europe/Bucharest');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(other.locator('html')).toHaveAttribute('lang', 'ro');
      await expect(other.getByRole('heading', { level: 1, name: 'Limbă și fus orar' })).toBeVisible();
      await english.close();

      // A third browser, English too, knows nothing yet: after sign-in the account's choice wins.
      const third = await browser.newContext({ locale: 'en-US' });
      const fresh = await third.newPage();
      await fresh.goto('/login');
      await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
      expect(await signInWithCredentials(fresh.request, user.email, user.password)).toBeNull();
      await fresh.goto('/');
      await expect(fresh.locator('html')).toHaveAttribute('lang', 'ro');
      await third.close();
    } finally {
      await user.disable();
    }
  });
});

test('an English browser gets English, and the header switch changes only this user’s language', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await loginAs(page, 'lead');
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByTestId('language-switch')).toHaveValue('en');
});

test('only the reader’s language ships: neither the scripts nor an English page hold the Romanian messages', async ({
  page,
}) => {
  const romanianOnly = MESSAGES.ro.shell.productName;
  expect(romanianOnly).not.toBe(MESSAGES.en.shell.productName);
  const staticDir = path.resolve(__dirname, '..', '.next', 'static');
  const walk = (directory: string): string[] =>
    fs
      .readdirSync(directory, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
      );
  const scripts = walk(staticDir).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts)
    expect(fs.readFileSync(file, 'utf8').includes(romanianOnly), path.basename(file)).toBe(false);
  await loginAs(page, 'lead');
  const response = await page.goto('/');
  expect(await response!.text()).not.toContain(romanianOnly);
});
