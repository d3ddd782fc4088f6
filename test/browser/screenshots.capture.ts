import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { BrowserSuite } from './support/browser-suite.js';
import {
  AdminPage,
  EnrollmentPanel,
  PhonePage,
  signInByPhone,
  SignInPage,
  VerificationPage,
} from './support/pages.js';

/**
 * `npm run screenshots`: the README's pictures of each page at a desktop and a phone width,
 * taken from the real app as the demo user signs in. Not part of `npm run test:browser`, so
 * a test run leaves the committed images alone.
 */
const OUT = resolve(process.cwd(), 'docs', 'screenshots');
const WIDTHS = [1280, 360] as const;
const HEIGHT = { 1280: 860, 360: 800 } as const;
const alice = DEMO_ACCOUNTS.find((account) => account.username === 'alice')!;
const admin = DEMO_ACCOUNTS.find((account) => account.username === 'admin')!;

/** Saves `<name>-<width>.png`: the whole page on a desktop; on a phone the screenful a person sees. */
const shooter = (width: number) => (page: Page, name: string) =>
  page.screenshot({
    path: resolve(OUT, `${name}-${width}.png`),
    animations: 'disabled',
    caret: 'hide',
    fullPage: (name === 'virtual-phone' || name === 'admin') && width > 360,
  });

describe('screenshots for the README', () => {
  const suite = BrowserSuite.use({ profilePerTest: false });

  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });

  it.each(WIDTHS)('shoots every page at %i px', async (width) => {
    const profile = await suite.openProfile({
      width,
      height: HEIGHT[width],
    });
    const shoot = shooter(width);

    const phone = await new PhonePage(await profile.newPage()).open();
    await phone.page.getByRole('button', { name: /alice's phone \(demo\)/ }).click();
    await phone.waitForNumber(alice.phone);

    const page = await profile.newPage();
    const signIn = await new SignInPage(page).open();
    await page.getByRole('link', { name: /virtual phone/ }).waitFor();
    await page.getByLabel('Username').fill(alice.username);
    await page.getByLabel('Username').blur();
    await shoot(page, 'sign-in');

    await signIn.signIn(alice.username, alice.password);
    const verification = new VerificationPage(page);
    const code = await verification.code();
    await phone.answer();
    await phone.waitForTranscript('Please enter');
    await phone.press(code.slice(0, 2));
    await verification.waitForDigit(1, 'correct');
    await verification.waitForDigit(2, 'next');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await shoot(page, 'verification');
    await phone.page.locator('body').click({ position: { x: 1, y: 1 } });
    await shoot(phone.page, 'virtual-phone');

    await phone.press(code.slice(2));
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await shoot(page, 'dashboard');
  });

  it.each(WIDTHS)('shoots the admin page verifying a number at %i px', async (width) => {
    const profile = await suite.openProfile({
      width,
      height: HEIGHT[width],
    });
    const phone = await new PhonePage(await profile.newPage()).open();
    const page = await profile.newPage();
    const shoot = shooter(width);
    await signInByPhone(page, phone, admin);
    const adminPage = await new AdminPage(page).open();
    const username = `dana-${width}`;
    await adminPage.createUser(username, 'dana-demo-password');
    const panel = adminPage.userPanel(username);
    await panel.waitFor();
    const number = width === 360 ? '+12025550136' : '+12025550128';
    await adminPage.addNumber(panel, number, 'Mobile');
    await phone.useNumber(number);
    await panel.getByRole('button', { name: /^Verify by call/ }).click();
    const enrollment = new EnrollmentPanel(page);
    const code = await enrollment.code();
    await phone.answer();
    await phone.press(code.slice(0, 3));
    await enrollment.waitForDigit(2, 'correct');
    await enrollment.waitForDigit(3, 'next');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    if (width === 360) await enrollment.region().scrollIntoViewIfNeeded();
    await shoot(page, 'admin');
    await phone.press(code.slice(3));
    await enrollment.waitForOutcome('Number verified');
  });
});
