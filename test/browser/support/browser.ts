import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';
import { CLIENT_INDEX } from '../../../src/web/client-files.js';

/** Debian's Chromium; playwright-core never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';

/** The client's pages: the documents whose Content-Security-Policy the tests tighten. */
const PAGE_PATHS = new Set(['/', '/dashboard', '/phone', '/admin']);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(
      'client/dist is missing: run `npm run build:client` (npm run test:browser does)',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/**
 * One browser profile (its own cookies and storage) at a given window size, under a CSP
 * stricter than the server's: no inline styles at all, and Trusted Types, so any
 * `innerHTML`-style sink in the client fails the test. Records every CSP violation and
 * uncaught error on its pages; `problems` must stay empty.
 */
export class BrowserProfile {
  readonly problems: string[] = [];

  private constructor(readonly context: BrowserContext) {}

  static async open(
    browser: Browser,
    baseUrl: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<BrowserProfile> {
    const context = await browser.newContext({ baseURL: baseUrl, viewport });
    const profile = new BrowserProfile(context);
    await context.route(
      (url) => PAGE_PATHS.has(url.pathname),
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        const headers = response.headers();
        headers['content-security-policy'] = tighten(headers['content-security-policy'] ?? '');
        await route.fulfill({ response, headers });
      },
    );
    return profile;
  }

  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    page.on('console', (message: ConsoleMessage) => {
      const text = message.text();
      if (/Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript/i.test(text))
        this.problems.push(text);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    return page;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

function tighten(policy: string): string {
  if (!/style-src/.test(policy)) throw new Error(`the server sent no style-src: ${policy}`);
  return `${policy.replaceAll(" 'unsafe-inline'", '')};require-trusted-types-for 'script'`;
}
