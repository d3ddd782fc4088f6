import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { createUser } from '../support/factories.js';
import { BrowserSuite } from './support/browser-suite.js';
import { PhonePage, SignInPage, until, VerificationPage } from './support/pages.js';

const alice = DEMO_ACCOUNTS.find((account) => account.username === 'alice')!;

/** What has keyboard focus, as a person would name it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    const label =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : null);
    return (label ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab until `name` has focus, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, maxPresses = 20): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    if (name.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name} (last: ${await focused(page)})`);
}

describe('resuming and keyboard use, in Chromium', () => {
  const suite = BrowserSuite.use({ profilePerTest: false });

  it('a page reloaded mid-call resumes: same code, digits still green, call still on', async () => {
    await suite.openProfile();
    const account = await createUser(suite.app);
    const phone = await new PhonePage(await suite.profile.newPage()).open();
    await phone.useNumber(account.phone);
    const page = await suite.profile.newPage();
    await (await new SignInPage(page).open()).signIn(account.username, account.password);
    const verification = new VerificationPage(page);
    const code = await verification.code();
    await phone.answer();
    await phone.press(code.slice(0, 2));
    await verification.waitForDigit(1, 'correct');

    await page.reload();
    expect(await verification.code()).toBe(code);
    await verification.waitForDigit(0, 'correct');
    await verification.waitForDigit(1, 'correct');
    await verification.waitForDigit(2, 'next');
    await verification.waitForCallStatus('Call answered');
    expect(await page.getByText(/Code expires in \d:\d\d/).isVisible()).toBe(true);

    await phone.press(code.slice(2));
    await page.waitForURL('**/dashboard');
  });

  it('a page reloaded after a wrong digit still shows which one, and why', async () => {
    await suite.openProfile();
    const account = await createUser(suite.app);
    const phone = await new PhonePage(await suite.profile.newPage()).open();
    await phone.useNumber(account.phone);
    const page = await suite.profile.newPage();
    await (await new SignInPage(page).open()).signIn(account.username, account.password);
    const verification = new VerificationPage(page);
    const code = await verification.code();
    await phone.answer();
    await phone.press(String((Number(code[0]) + 1) % 10));
    await verification.waitForDigit(0, 'wrong');

    await page.reload();
    await verification.waitForDigit(0, 'wrong');
    await verification.failureHeading().filter({ hasText: 'That digit was wrong' }).waitFor();
  });

  it('works with the keyboard alone, from sign-in to sign-out, virtual phone included', async () => {
    await suite.openProfile();
    const phonePage = await suite.profile.newPage();
    const phone = await new PhonePage(phonePage).open();
    await tabTo(phonePage, /alice's phone \(demo\)/);
    await phonePage.keyboard.press('Enter');
    await phone.waitForNumber(alice.phone);

    const page = await suite.profile.newPage();
    await new SignInPage(page).open();
    expect(await focused(page)).toBe('Username'); // The form is ready to type in.
    await page.keyboard.type(alice.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(alice.password);
    await page.keyboard.press('Enter');
    const verification = new VerificationPage(page);
    const code = await verification.code();

    // The ringing phone puts focus on Answer; answering puts it on the keypad.
    await until(
      'Answer to have focus',
      () => focused(phonePage),
      (name) => name === 'Answer',
    );
    await phonePage.keyboard.press('Enter');
    await until(
      'the keypad to have focus',
      () => focused(phonePage),
      (name) => name === '1',
    );
    await phone.waitForTranscript('Please enter the 6 digit code');
    // The keyboard's digits press the keypad.
    await phonePage.keyboard.type(code.slice(0, 3));
    await verification.waitForDigit(2, 'correct');
    expect(await phonePage.locator('output.typed').innerText()).toBe(code.slice(0, 3));
    await phonePage.keyboard.type(code.slice(3));

    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: `Welcome, ${alice.username}` }).waitFor();
    await tabTo(page, /^Sign out$/);
    await page.keyboard.press('Enter');
    await page.getByLabel('Username').waitFor();
  });

  it('fits a 360 px screen on every page, without sideways scrolling', async () => {
    await suite.openProfile({ width: 360, height: 740 });
    const account = await createUser(suite.app);
    const overflow = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    const phone = await new PhonePage(await suite.profile.newPage()).open();
    await phone.useNumber(account.phone);
    expect(await overflow(phone.page)).toBe(0);
    const page = await suite.profile.newPage();
    await new SignInPage(page).open();
    expect(await overflow(page)).toBe(0);
    await new SignInPage(page).signIn(account.username, account.password);
    const verification = new VerificationPage(page);
    const code = await verification.code();
    await phone.answer();
    expect(await overflow(phone.page)).toBe(0);
    await phone.press(code.slice(0, 3));
    await verification.waitForDigit(2, 'correct');
    expect(await overflow(page)).toBe(0);
    // Every digit box is on screen.
    const lastBox = await verification.digit(5).boundingBox();
    expect(lastBox!.x + lastBox!.width).toBeLessThanOrEqual(360);
    await phone.press(code.slice(3));
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    expect(await overflow(page)).toBe(0);
  });
});
