/**
 * The admin console in headless Chromium (Debian's chromium, driven by playwright-core): login
 * with the token, live subsystem and decision tables, no request leaves the gateway's origin.
 * The screenshot is kept in test-results/admin-console.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, startGateway, startMock, type MockUpstream, type RunningGateway } from './harness.js';

const TOKEN = 'console-token-9b1f2e3d4c5a6b7c';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// On a developer's machine without Chromium the browser test is skipped, saying so; in CI
// (CI=true, as .ci/run installs Chromium) a missing browser is a failure.
const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');
const SKIP_WITHOUT_BROWSER = !existsSync(CHROMIUM) && !IN_CI;
if (SKIP_WITHOUT_BROWSER) {
  console.warn(`SKIP test/e2e/console.test.ts: no Chromium at ${CHROMIUM}; to run the admin console browser test, install Debian's chromium (or set CHROMIUM_PATH) and run npx vitest run test/e2e/console.test.ts`);
}

describe.skipIf(SKIP_WITHOUT_BROWSER)('admin console', () => {
  let mock: MockUpstream;
  let gateway: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
    const m = await startMock();
    mock = m.mock;
    gateway = await startGateway({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: m.url, OUTPOST_UPSTREAM_MODELS: 'mock-llama,*', OUTPOST_ADMIN_TOKEN: TOKEN });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await mock?.close();
  });

  it('logs in with the token and shows live state without any external request', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origins = new Set<string>();
    page.on('request', (r) => void origins.add(new URL(r.url()).origin));
    const consoleErrors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));

    await page.goto(`${gateway.url}/admin/`);
    await page.fill('#token', 'wrong-token');
    await page.click('button[type=submit]');
    await page.waitForSelector('#login-error:has-text("refused")');

    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('#subsystems tbody tr');
    expect(await page.textContent('#mode')).toBe('air-gapped');
    expect(await page.textContent('#ready')).toBe('ready');

    // A decision made now appears within the refresh interval.
    await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'console-visible-1' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }) });
    await page.waitForSelector('#decisions tbody tr:has-text("console-visible-1")', { timeout: 10_000 });
    const row = await page.textContent('#decisions tbody tr:has-text("console-visible-1")');
    expect(row).toContain('mock-llama');
    expect(row).toContain('allow');

    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'admin-console.png'), fullPage: true });
    expect([...origins]).toEqual([gateway.url]);
    expect(consoleErrors.filter((e) => !e.includes('401')), consoleErrors.join('\n')).toEqual([]);
    await page.close();
  });
});
