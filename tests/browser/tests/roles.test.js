// A viewer sees the figures but cannot reach investigator pages or their API (403).
'use strict';
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const {BASE_URL, launch, newPage, checkClean, login, screenshot, apiGet, apiPost} = require('../lib.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a viewer has no investigator pages and the API refuses them', async () => {
  const page = await newPage(browser);
  await login(page, 'viewer');
  const nav = await page.$$eval('#nav a', (links) => links.map((a) => a.textContent));
  assert.ok(nav.includes('Dashboard'));
  for (const hidden of ['Review', 'Incidents', 'Evidence']) assert.ok(!nav.includes(hidden), `${hidden} hidden`);
  await screenshot(page, 'viewer-dashboard');

  for (const route of ['review', 'evidence', 'incidents']) {
    await page.goto(`${BASE_URL}/#/${route}`);
    await page.waitForSelector('[data-testid="forbidden"]');
  }
  await screenshot(page, 'viewer-forbidden');

  for (const url of ['/api/review', '/api/evidence', '/api/incidents', '/api/estimates', '/api/users']) {
    const {status, body} = await apiGet(page, url);
    assert.equal(status, 403, `GET ${url} is forbidden to a viewer`);
    assert.ok(body && body.error, `GET ${url} explains why`);
  }
  const posts = [
    ['/api/review', {record_a: 1, record_b: 2, decision: 'match'}],
    ['/api/persons/1/verification', {status: 'verified', rationale: 'x', evidence: [], testimonies: []}],
    ['/api/incidents', {title: 'x'}],
  ];
  for (const [url, data] of posts) {
    const {status} = await apiPost(page, url, data);
    assert.equal(status, 403, `POST ${url} is forbidden to a viewer`);
  }
  // A viewer's register holds published persons only, without the records behind them.
  const persons = await apiGet(page, '/api/persons');
  assert.equal(persons.status, 200);
  for (const p of persons.body.persons) {
    assert.ok(['verified', 'corroborated'].includes(p.status), `viewers see published persons, not ${p.status}`);
  }
  // A published person opens as a summary, with no verification form.
  if (persons.body.persons.length) {
    const id = persons.body.persons[0].person_id;
    await page.goto(`${BASE_URL}/#/register`);
    await page.click(`table.register tr[data-person-id="${id}"] a.person-link`);
    await page.waitForSelector('dl.summary');
    assert.equal(await page.$('form.verify-form'), null, 'no verification form for a viewer');
    await screenshot(page, 'viewer-person');
  }
  // Signing out returns to the sign-in page and the session no longer works.
  await page.click('#account button');
  await page.waitForSelector('form.login-form');
  assert.equal((await apiGet(page, '/api/stats')).status, 401);
  checkClean(page);
});

test('without a session the API answers 401 and a POST without the CSRF token is refused', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/`);
  assert.equal((await apiGet(page, '/api/stats')).status, 401);
  await login(page, 'investigator');
  const response = await page.request.post(`${BASE_URL}/api/review`,
      {data: {record_a: 1, record_b: 2, decision: 'skip'}});
  assert.equal(response.status(), 403, 'no X-CSRF-Token, no change');
  checkClean(page);
});
