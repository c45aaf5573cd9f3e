import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from './support/chromium.js';
import { startApp, type TestApp } from './support/harness.js';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the API docs page in a real browser', () => {
  let t: TestApp;
  let base: string;
  let profile: string;
  let browser: BrowserContext;
  /** Requests the page made to anywhere but this server: there must be none (no CDN). */
  const elsewhere: string[] = [];

  beforeAll(async () => {
    // The headless Chromium of the @sparticuz/chromium devDependency (or CHROMIUM_PATH): see support/chromium.ts.
    const executablePath = await findChromium();
    t = await startApp('memory');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: FLAGS,
      timeout: 30000,
    });
    await browser.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('opens /api/docs and lists the hunt group routes, every asset from this server', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/api/docs`, { waitUntil: 'load' });
    await page.waitForSelector('.opblock-summary-path', { timeout: 20000 });

    expect(await page.locator('.info .title').first().innerText()).toContain('Hunt group API');
    const routes = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map(
          (b) =>
            `${b.querySelector('.opblock-summary-method')?.textContent ?? ''} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? ''}`,
        ),
      );
    const HG = '/api/v1/tenants/{tenantId}/groups/{groupId}/services/hunt_groups';
    expect(routes).toEqual(
      expect.arrayContaining([
        `POST ${HG}`,
        `GET ${HG}`,
        `GET ${HG}/{name}`,
        `PUT ${HG}/{name}`,
        `DELETE ${HG}/{name}`,
        `GET ${HG}/users/available`,
        `GET ${HG}/{name}/weighted_distribution`,
        `PUT ${HG}/{name}/weighted_distribution`,
      ]),
    );
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  }, 60000);

  it('shows the seed example of POST when the operation is opened', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/api/docs#/hunt%20groups`, { waitUntil: 'load' });
    const post = page.locator('.opblock-post').filter({ hasText: '/services/hunt_groups' }).first();
    await post.locator('.opblock-summary').click();
    const body = post.locator('.opblock-body');
    await body.waitFor({ timeout: 10000 });
    // swagger-ui opens the body before it fills the example in: wait for the text, not the box.
    await body.getByText('APIOTestHuntGroup').first().waitFor({ timeout: 10000 });
    await expect(body.innerText()).resolves.toContain('APIOTestHuntGroup');
    expect(elsewhere).toEqual([]);
  }, 60000);

  it('forgets a pasted token: nothing in the browser storage, and a reload asks for it again', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/api/docs`, { waitUntil: 'load' });
    await page.locator('.auth-wrapper .btn.authorize').click();
    const token = 'pasted-token-that-must-not-be-stored';
    await page.locator('.modal-ux .auth-container input').first().fill(token);
    await page.locator('.modal-ux .auth-btn-wrapper .btn.authorize').click();
    // The page holds it in memory for the calls made from it: it was accepted.
    await page.locator('.modal-ux .auth-btn-wrapper .btn-done').click();
    await expect(page.locator('.auth-wrapper .btn.authorize.locked').count()).resolves.toBe(1);

    const stored = (): Promise<string> =>
      page.evaluate(() => {
        // Runs in the page; the project compiles without the DOM's types.
        const { localStorage, sessionStorage } = globalThis as unknown as Record<string, Record<string, string>>;
        return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } });
      });
    expect(await stored()).not.toContain(token);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.auth-wrapper .btn.authorize', { timeout: 20000 });
    expect(await page.locator('.auth-wrapper .btn.authorize.locked').count()).toBe(0);
    expect(await stored()).not.toContain(token);
    expect(elsewhere).toEqual([]);
  }, 60000);
});
