// API tokens in Chromium, on a server of its own: the platform file's other tests use up the
// sign-in allowance of the one address every test browser comes from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, visit, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();

test('a lead makes and revokes an API token with plain forms: the form, its errors and the token shown once are accessible', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead.manchester@demo.example',
    password: DEMO_PASSWORD,
  });
  await visit(page, '/orgs/manchester-peer-network/api-tokens');
  await page.getByRole('button', { name: 'Make the token' }).click();
  await expectAccessible(page, 'API tokens with an error');
  assert.match(await page.locator('.error-summary').innerText(), /Give the token a name/);
  await page.getByLabel('Name').fill('Council directory');
  await page.getByLabel('Our own figures').check();
  await page.getByRole('button', { name: 'Make the token' }).click();
  await expectAccessible(page, 'API tokens with a new token');
  const token = await page.locator('#new-token').innerText();
  assert.match(token, /^rcapi_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Revoke the token “Council directory”' }).click();
  await expectAccessible(page, 'API tokens after revoking');
  assert.match(await page.locator('main').innerText(), /is revoked/);
  assert.doesNotMatch(await page.content(), new RegExp(token));
  await context.close();
});
