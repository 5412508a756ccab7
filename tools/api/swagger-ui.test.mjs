// Swagger UI in a real browser: Debian's headless Chromium, driven by
// playwright-core (no browser download), does what an API consumer does on
// /swagger/index.html of a running registry: authorise with an API key
// through the Authorize dialog, "Try it out" on POST /v1/agreements with a
// valid body, then on GET /v1/agreements, and read the rendered answers.
// Screenshots of both answers are kept as test artefacts.
//
// Run by scripts/api-checks with node's test runner:
//   REGISTRY_URL=http://127.0.0.1:PORT APICHECK_CHANGSHOU_KEY=... \
//   ARTIFACTS_DIR=../../artifacts node --test swagger-ui.test.mjs
// CHROMIUM (default /usr/bin/chromium) names the browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.REGISTRY_URL;
const key = process.env.APICHECK_CHANGSHOU_KEY;
const artifacts = resolve(process.env.ARTIFACTS_DIR ?? '../../artifacts', 'swagger-ui');

// shoot saves a screenshot of the window scrolled to an operation's live
// answer: the request sent (curl, URL), the status and the body.
async function shoot(page, operation, name) {
  await operation.locator('.responses-wrapper .curl-command').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(artifacts, name) });
}

test('Swagger UI: authorise, create an agreement and list it', { timeout: 120_000 }, async () => {
  assert.ok(base && key, 'set REGISTRY_URL and APICHECK_CHANGSHOU_KEY');
  mkdirSync(artifacts, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'registry-swagger-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 },
    locale: 'zh-CN',
  });
  const problems = [];
  const page = context.pages()[0] ?? await context.newPage();
  try {
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));

    await page.goto(`${base}/swagger/index.html`);
    await page.locator('.swagger-ui .info .title').waitFor();
    assert.match(await page.locator('.swagger-ui .info .title').innerText(), /collaboration agreement registry API/);

    // Authorize: the BearerAuth scheme is an API key in the Authorization
    // header, so the user types "Bearer " and the key.
    await page.locator('.scheme-container button.authorize').click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await dialog.locator('input').first().fill(`Bearer ${key}`);
    await dialog.locator('button.modal-btn.auth.authorize').click();
    await dialog.getByText('Logout').waitFor(); // authorised: the dialog offers to log out
    await dialog.locator('button.btn-done').click();
    await dialog.waitFor({ state: 'detached' });

    const title = `浏览器测试协议 ${Date.now()}`;
    const body = {
      title_zh: title,
      title_en: 'Agreement registered from Swagger UI',
      type: 'cooperation',
      status: 'signed',
      signed_on: '2023-09',
      parties: [
        { organization_id: 'changshou-cppcc', role: 'signatory' },
        { organization_id: 'pengzhou-cppcc', role: 'signatory' },
      ],
      areas: [{ area_code: 'culture-tourism', label_zh: '文旅交流' }],
    };

    // POST /v1/agreements: Try it out with a valid body.
    const create = page.locator('#operations-agreements-createAgreement');
    await create.locator('.opblock-summary').first().click();
    await create.locator('button.try-out__btn').click();
    await create.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
    await create.locator('button.execute').click();
    const created = create.locator('.live-responses-table .response').first();
    await created.locator('.response-col_status').waitFor();
    assert.equal((await created.locator('.response-col_status').innerText()).trim(), '201');
    const createdBody = await created.locator('.response-col_description pre').first().innerText();
    assert.ok(createdBody.includes(title), `the rendered 201 body names the agreement: ${createdBody.slice(0, 300)}`);
    assert.match(createdBody, /"version": 1/);
    const headers = await created.locator('.response-col_description').innerText();
    assert.match(headers, /etag: "1"/i);
    await shoot(page, create, 'create-agreement-201.png');

    // GET /v1/agreements: Try it out, filtered by the new title.
    const list = page.locator('#operations-agreements-listAgreements');
    await list.locator('.opblock-summary').first().click();
    await list.locator('button.try-out__btn').click();
    await list.locator('tr[data-param-name="q"] input').fill(title);
    // party is repeatable (collectionFormat multi): Swagger UI shows an
    // "Add item" button before the first input.
    const party = list.locator('tr[data-param-name="party"]');
    await party.locator('button.json-schema-form-item-add').click();
    await party.locator('input').first().fill('changshou-cppcc');
    await list.locator('button.execute').click();
    const listed = list.locator('.live-responses-table .response').first();
    await listed.locator('.response-col_status').waitFor();
    assert.equal((await listed.locator('.response-col_status').innerText()).trim(), '200');
    const listBody = await listed.locator('.response-col_description pre').first().innerText();
    const page1 = JSON.parse(listBody);
    assert.equal(page1.items.length, 1, listBody.slice(0, 300));
    assert.equal(page1.items[0].title_zh, title);
    assert.deepEqual(page1.items[0].parties.map((p) => p.organization_code), ['changshou-cppcc', 'pengzhou-cppcc']);
    // The request Swagger UI shows is the one a consumer would send.
    const curl = await list.locator('.curl-command, .request-url').first().innerText();
    assert.match(curl, /\/v1\/agreements\?/);

    await shoot(page, list, 'list-agreements-200.png');

    assert.deepEqual(problems, [], 'the page had errors');
  } catch (err) {
    await page.screenshot({ path: join(artifacts, 'failure.png'), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
