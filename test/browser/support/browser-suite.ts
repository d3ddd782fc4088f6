import type { Browser } from 'playwright-core';
import type { TestApp } from '../../support/test-app.js';
import { startBrowserApp } from './browser-app.js';
import { BrowserProfile, launchChromium } from './browser.js';

type Viewport = { width: number; height: number };

/**
 * What every browser suite needs: the real app and one Chromium for the suite, and a fresh
 * profile per test whose pages must end the test without a CSP violation or uncaught error.
 */
export class BrowserSuite {
  private started?: { app: TestApp; browser: Browser };
  private current?: BrowserProfile;

  get app(): TestApp {
    return this.ready().app;
  }

  get browser(): Browser {
    return this.ready().browser;
  }

  /** The running test's profile. */
  get profile(): BrowserProfile {
    if (!this.current) throw new Error('no browser profile is open in this test');
    return this.current;
  }

  /** The test's profile, at another window size if it asks (the default is 1280 wide). */
  async openProfile(viewport?: Viewport): Promise<BrowserProfile> {
    if (this.current) throw new Error('this test already has a browser profile');
    this.current = await BrowserProfile.open(this.browser, this.app.baseUrl, viewport);
    return this.current;
  }

  private ready() {
    if (!this.started) throw new Error('the browser suite has not started');
    return this.started;
  }

  /** Registers the suite's hooks in the calling `describe`. */
  static use(options: { env?: Record<string, string>; profilePerTest?: boolean } = {}) {
    const suite = new BrowserSuite();
    beforeAll(async () => {
      const [app, browser] = await Promise.all([startBrowserApp(options.env), launchChromium()]);
      suite.started = { app, browser };
    });
    if (options.profilePerTest ?? true) {
      beforeEach(async () => {
        await suite.openProfile();
      });
    }
    afterEach(async () => {
      const profile = suite.current;
      suite.current = undefined;
      if (!profile) return;
      const problems = profile.problems;
      await profile.close();
      expect(problems).toEqual([]);
    });
    afterAll(async () => {
      await suite.started?.browser.close();
      await suite.started?.app.close();
    });
    return suite;
  }
}
