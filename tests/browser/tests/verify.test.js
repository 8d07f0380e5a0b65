// Evidence upload shows the SHA-256; verifying a case with it moves the dashboard's figure.
'use strict';
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const {BASE_URL, launch, newPage, checkClean, login, screenshot, apiGet, apiPost, figure} = require('../lib.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('uploading evidence for a person shows its SHA-256; verifying the person counts on the dashboard', async () => {
  const page = await newPage(browser);
  await login(page, 'investigator');
  const verifiedBefore = await figure(page, 'verified');

  const found = await apiGet(page, '/api/persons?status=corroborated&page_size=1');
  const person = found.body.persons[0];
  assert.ok(person, 'a corroborated person to verify');

  await page.goto(`${BASE_URL}/#/evidence?person_id=${person.person_id}`);
  await page.waitForSelector('form.upload-form');
  assert.equal(await page.inputValue('input[name="person_id"]'), String(person.person_id));
  const content = Buffer.from(`Photograph of the burial site, test ${Date.now()} ${Math.random()}\n`);
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  await page.setInputFiles('input[name="file"]', {name: 'burial-site.txt', mimeType: 'text/plain', buffer: content});
  await page.fill('textarea[name="description"]', 'Photograph of the burial site (تجربة)');
  await page.click('form.upload-form button[type="submit"]');
  await page.waitForSelector('[data-testid="upload-ok"] .sha256');
  assert.equal(await page.textContent('[data-testid="upload-ok"] .sha256'), sha256, 'the SHA-256 of the file is shown');
  await page.waitForSelector(`table.evidence code.hash:text("${sha256}")`);
  await screenshot(page, 'evidence');

  // The same file again is a duplicate, not a second piece of evidence.
  await page.setInputFiles('input[name="file"]', {name: 'copy.txt', mimeType: 'text/plain', buffer: content});
  await page.click('form.upload-form button[type="submit"]');
  await page.waitForSelector('.upload-result .notice');
  assert.match(await page.textContent('.upload-result'), /already evidence/);

  await page.goto(`${BASE_URL}/#/person/${person.person_id}`);
  await page.waitForSelector('form.verify-form');
  const box = page.locator(`form.verify-form input[name="evidence"][value="${sha256}"]`);
  assert.equal(await box.count(), 1, 'the uploaded evidence is linked to the person');
  await box.check();
  await page.selectOption('form.verify-form select[name="status"]', 'verified');
  await page.fill('form.verify-form textarea[name="rationale"]', 'Two independent lists and a photograph of the grave.');
  await page.click('form.verify-form button[type="submit"]');
  await page.waitForSelector('table.history .badge[data-status="verified"]');
  await screenshot(page, 'person-verified');

  await page.goto(`${BASE_URL}/#/`);
  await page.waitForSelector('.figures .figure');
  assert.equal(await figure(page, 'verified'), verifiedBefore + 1, 'the dashboard counts the verified case');
  await screenshot(page, 'dashboard-after-verify');
  checkClean(page);
});

test('an incident is added through the form and listed', async () => {
  const page = await newPage(browser);
  await login(page, 'investigator');
  await page.goto(`${BASE_URL}/#/incidents`);
  await page.waitForSelector('form.incident-form');
  const title = `Killings in Baniyas (بانياس) ${Date.now()}`;
  await page.fill('form.incident-form input[name="title"]', title);
  await page.selectOption('form.incident-form select[name="incident_type"]', 'mass_killing');
  await page.fill('form.incident-form input[name="start_date"]', '2025-03-08');
  await page.fill('form.incident-form input[name="end_date"]', '2025-03-09');
  await page.fill('form.incident-form input[name="place"]', 'بانياس');
  await page.click('form.incident-form button[type="submit"]');
  await page.waitForSelector(`table.incidents bdi:text("${title}")`);
  await screenshot(page, 'incidents');
  await page.click(`table.incidents a:has(bdi:text("${title}"))`);
  await page.waitForSelector('dl.summary');
  await screenshot(page, 'incident');
  checkClean(page);
});

test('sanity: the API the UI needs answers for an investigator', async () => {
  const page = await newPage(browser);
  await login(page, 'investigator');
  for (const url of ['/api/me', '/api/stats', '/api/persons', '/api/review', '/api/evidence', '/api/sources']) {
    assert.equal((await apiGet(page, url)).status, 200, `GET ${url}`);
  }
  const skip = await apiPost(page, '/api/review', {record_a: 'none', record_b: 'other', decision: 'skip'});
  assert.notEqual(skip.status, 500, 'a bad record id is a client error, not a crash');
});
