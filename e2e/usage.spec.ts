import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures/auth';

/** Issue 12's journey: a team lead finds an idle key on Usage, opens it, and exports the rows the page showed. */

/** The cells of a CSV line (RFC 4180: quoted cells may hold commas and doubled quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index]!;
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  cells.push(cell);
  return cells;
}

test('a team lead finds an idle key, drills down to it, and exports the rows the page showed', async ({ page }) => {
  await loginAs(page, 'lead');
  await page.goto('/');
  await page
    .getByRole('navigation', { name: /main|sections/i })
    .getByRole('link', { name: 'Usage' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();

  const range = page.getByRole('navigation', { name: 'Range' });
  await range.getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/range=7d/);
  await range.getByRole('link', { name: '30 days' }).click();
  await expect(range.getByRole('link', { name: '30 days' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /Uses over the last 30 days/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Uses of .*: [\d,]+ uses from/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Which keys' }).getByRole('link', { name: 'Idle 30 days' }).click();
  await expect(page).toHaveURL(/keys=idle-30/);
  const table = page.getByRole('table', { name: 'Keys in this usage view' });
  const rows = table.getByTestId('usage-key-row');
  // The demo's Staging key was made two months ago and never used; Website orders was used minutes ago.
  await expect(rows.filter({ hasText: 'Staging' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Website orders' })).toHaveCount(0);
  const shown = (await rows.getByRole('link').allTextContents()).map((name) => name.trim());
  expect(shown.length).toBeGreaterThan(0);

  await table.getByRole('link', { name: 'Staging' }).click();
  await expect(page).toHaveURL(/\/accounts\/[^/]+\/api-keys\/[^/?]+/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staging' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Uses over time' })).toBeVisible();
  await expect(page.getByText(/No uses counted in this range/)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/keys=idle-30/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^usage-30d-idle-30-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split(/\r\n/);
  const header = csvCells(lines[0]!);
  expect(header).toEqual(expect.arrayContaining(['account', 'key_name', 'uses_in_range', 'last_used_at']));
  const names = lines.slice(1).map((line) => csvCells(line)[header.indexOf('key_name')]);
  expect(names).toEqual(shown);
  // A credential report, not a secret store: only the visible fragment of each key.
  expect(lines.join('\n')).not.toMatch(/secret|ciphertext/i);
});
