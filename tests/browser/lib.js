// Shared helpers of the browser tests: Debian's Chromium driven by playwright-core (no browser is
// ever downloaded), signing in as each role, screenshots, and API calls with a page's session.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {chromium} = require('playwright-core');

const BASE_URL = process.env.RECKON_URL;
const PASSWORD = process.env.RECKON_USER_PASSWORD;
const ARTIFACTS = process.env.RECKON_ARTIFACTS || path.join(__dirname, 'artifacts');
if (!BASE_URL || !PASSWORD) {
  throw new Error('run through tests/browser/run.sh (RECKON_URL and RECKON_USER_PASSWORD are unset)');
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// A fresh context (own cookies) and page; collects page errors and CSP violations, which every
// test asserts are absent at the end (checkClean).
async function newPage(browser) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: 'en-GB'});
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) page.problems.push(`CSP: ${text}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(BASE_URL) && !request.url().startsWith('data:')) {
      page.problems.push(`request outside the server: ${request.url()}`);
    }
  });
  return page;
}

function checkClean(page) {
  assert.deepEqual(page.problems, [], 'no page errors, CSP violations or outside requests');
}

async function login(page, role) {
  await page.goto(`${BASE_URL}/#/login`);
  await page.waitForSelector('form.login-form');
  await page.fill('input[name="name"]', role);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('form.login-form button[type="submit"]');
  await page.waitForSelector('.figures .figure', {timeout: 15000});
  await page.waitForSelector(`#account .role:text("(${role})")`);
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  await page.waitForTimeout(150);  // let images and layout settle
  await page.screenshot({path: path.join(ARTIFACTS, `${name}.png`), fullPage: true});
}

// The API with the page's cookie; POSTs carry the session's CSRF token (from /api/me).
async function apiGet(page, url) {
  const response = await page.request.get(`${BASE_URL}${url}`);
  return {status: response.status(), body: await response.json().catch(() => null)};
}

async function apiPost(page, url, data) {
  const me = await page.request.get(`${BASE_URL}/api/me`);
  const token = me.ok() ? (await me.json()).csrf_token : '';
  const response = await page.request.post(`${BASE_URL}${url}`,
      {data, headers: {'X-CSRF-Token': token || ''}});
  return {status: response.status(), body: await response.json().catch(() => null)};
}

async function figure(page, key) {
  const text = await page.textContent(`.figure[data-figure="${key}"] .figure-value`);
  return Number(text.replace(/[^0-9.]/g, ''));
}

module.exports = {BASE_URL, launch, newPage, checkClean, login, screenshot, apiGet, apiPost, figure};
