// Deciding a review pair changes the register at once.
'use strict';
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const {BASE_URL, launch, newPage, checkClean, login, screenshot, apiGet} = require('../lib.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function registerTotal(page) {
  await page.goto(`${BASE_URL}/#/register`);
  await page.waitForSelector('.results:not([aria-busy]) .result-count');
  return Number(await page.getAttribute('.result-count', 'data-total'));
}

test('matching a pair of two persons merges them in the register', async () => {
  const page = await newPage(browser);
  await login(page, 'investigator');
  // The first queued pair whose records are still two persons (the UI shows the queue in order).
  const queue = await apiGet(page, '/api/review?limit=200');
  assert.equal(queue.status, 200);
  const pairs = queue.body.pairs;
  assert.ok(pairs.length > 0, 'the simulated case has uncertain pairs');
  const target = pairs.findIndex((p) => p.record_a.person_id !== p.record_b.person_id);
  assert.ok(target >= 0, 'some uncertain pair is not linked yet');
  const before = await registerTotal(page);

  await page.goto(`${BASE_URL}/#/review`);
  await page.waitForSelector('section.pair');
  await screenshot(page, 'review');
  // Skip (key s) the pairs before it, then match the pair with the key m.
  for (let i = 0; i < target; ++i) {
    await page.keyboard.press('s');
    await page.waitForSelector(`.last-decision[data-count="${i + 1}"]`);
    await page.waitForSelector('section.pair button:not([disabled])');
  }
  const pair = pairs[target];
  assert.equal(await page.getAttribute('section.pair', 'data-record-a'), pair.record_a.record_id);
  assert.equal(await page.getAttribute('section.pair', 'data-record-b'), pair.record_b.record_id);
  await page.click('section.pair button[data-decision="match"]');
  await page.waitForSelector(`.last-decision[data-count="${target + 1}"][data-decision="match"]`);
  assert.match(await page.textContent('.last-decision'), /merged/i);
  await screenshot(page, 'review-after-match');

  const after = await registerTotal(page);
  assert.equal(after, before - 1, 'one person fewer in the register');
  // Both records are now in one person's file.
  const kept = Math.min(pair.record_a.person_id, pair.record_b.person_id);
  await page.goto(`${BASE_URL}/#/person/${kept}`);
  await page.waitForSelector('table.side-by-side');
  const ids = await page.$$eval('table.side-by-side thead th[data-record-id]', (ths) => ths.map((t) => t.dataset.recordId));
  assert.ok(ids.includes(pair.record_a.record_id) && ids.includes(pair.record_b.record_id),
            `person ${kept} holds both records: ${ids}`);
  await screenshot(page, 'person-after-merge');
  checkClean(page);
});
