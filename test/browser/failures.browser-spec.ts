import type { Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/factories.js';
import { BrowserSuite } from './support/browser-suite.js';
import { PhonePage, SignInPage, textOf, until, VerificationPage } from './support/pages.js';

/**
 * Long enough that declining and clicking "Call me again" surely happen inside it, even on a
 * busy machine, so the test sees the cooldown; short enough to wait out.
 */
const COOLDOWN_SECONDS = 8;
/** --color-danger-strong in client/src/styles/base.css. */
const RED = 'rgb(200, 50, 31)';

describe('when the phone check fails, in Chromium', () => {
  let account: TestUser;
  let phone: PhonePage;
  let page: Page;
  let verification: VerificationPage;

  const suite = BrowserSuite.use({
    env: { CALL_RETRY_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) },
  });

  beforeEach(async () => {
    account = await createUser(suite.app);
    phone = await new PhonePage(await suite.profile.newPage()).open();
    await phone.useNumber(account.phone);
    page = await suite.profile.newPage();
    verification = new VerificationPage(page);
  });

  async function signIn(): Promise<string> {
    await (await new SignInPage(page).open()).signIn(account.username, account.password);
    return verification.code();
  }

  it('a wrong digit turns red with a cross, says why, and sends the user back to sign in', async () => {
    const code = await signIn();
    await phone.answer();
    await phone.press(code[0]);
    await verification.waitForDigit(0, 'correct');
    const wrong = String((Number(code[1]) + 1) % 10);
    await phone.press(wrong);

    await verification.waitForDigit(1, 'wrong');
    const item = verification.digit(1);
    await until(
      'the wrong digit to be red',
      () => item.evaluate((element) => getComputedStyle(element).borderColor),
      (colour) => colour === RED,
    );
    expect(await item.locator('.code__mark').innerText()).toBe('✗');
    expect(await item.innerText()).toContain('wrong');
    await verification.waitForAnnouncement('Digit 2 of 6: wrong.');
    await verification.failureHeading().filter({ hasText: 'That digit was wrong' }).waitFor();
    await verification.waitForAnnouncement(
      'That digit was wrong',
      verification.urgentAnnouncements(),
    );
    expect(await verification.urgentAnnouncements().getAttribute('aria-live')).toBe('assertive');
    // Focus moves to the news, so a keyboard user is next to what to do about it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'That digit was wrong',
    );
    expect(await verification.callAgainButton().count()).toBe(0);
    await phone.waitForTranscript('That digit is wrong. Please sign in again.');

    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByLabel('Username').waitFor();
    expect(await page.title()).toBe('Sign in · Callgate');
  });

  it('declining shows the call failed; "Call me again" waits out the cooldown, then calls with a new code', async () => {
    const firstCode = await signIn();
    await phone.answerButton().waitFor();
    await phone.decline();
    await until(
      'the phone to show the declined call',
      () => phone.screenTitle(),
      (t) => t === 'Call ended',
    );

    await verification
      .failureHeading()
      .filter({ hasText: 'The call was declined or the line was busy' })
      .waitFor();
    expect(await page.getByRole('main').innerText()).toContain('ask for another call');
    const callAgain = verification.callAgainButton();
    await callAgain.click();
    // Within the cooldown: the button waits, and says for how long.
    const hint = await until(
      'the cooldown hint',
      async () => {
        const hintId = await callAgain.getAttribute('aria-describedby');
        return hintId ? page.locator(`#${hintId}`).innerText() : '';
      },
      (text) => text.startsWith('You can ask'),
    );
    const secondsLeft = Number(
      /^You can ask for another call in (\d+) seconds?\.$/.exec(hint)?.[1],
    );
    expect(secondsLeft).toBeGreaterThan(0);
    expect(secondsLeft).toBeLessThanOrEqual(COOLDOWN_SECONDS);
    expect(await callAgain.getAttribute('aria-disabled')).toBe('true');
    await verification.waitForAnnouncement('You can ask for another call in');

    await until(
      'the cooldown to pass',
      () => callAgain.getAttribute('aria-disabled'),
      (disabled) => disabled === null,
      (COOLDOWN_SECONDS + 5) * 1000,
    );
    await verification.waitForAnnouncement('You can ask for another call now.');
    await callAgain.click();
    await verification.waitForAnnouncement('Calling you again. The code has changed.');
    await phone.answerButton().waitFor();
    const secondCode = await until(
      'a new code',
      () => verification.code(),
      (c) => c !== firstCode,
    );
    await verification.waitForCallStatus('Your phone is ringing');
    expect(await verification.failureHeading().count()).toBe(0);

    await phone.answer();
    await phone.press(secondCode);
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: `Welcome, ${account.username}` }).waitFor();
  });

  it('hanging up mid-code says the call ended early and offers another call', async () => {
    const code = await signIn();
    await phone.answer();
    await phone.press(code.slice(0, 2));
    await verification.waitForDigit(1, 'correct');
    await phone.hangUp();
    await verification.failureHeading().filter({ hasText: 'The call ended early' }).waitFor();
    await verification.callAgainButton().waitFor();
    await page.getByRole('button', { name: 'Sign in again' }).waitFor();
  });

  it('pressing * stops the sign-in and locks the account, and the sign-in form says so', async () => {
    await signIn();
    await phone.answer();
    await phone.press('*');
    await verification
      .failureHeading()
      .filter({ hasText: 'Sign-in stopped and account locked' })
      .waitFor();
    expect(await page.getByRole('main').innerText()).toContain('administrator');
    await page.getByRole('button', { name: 'Sign in again' }).click();

    const signInPage = new SignInPage(page);
    await signInPage.signIn(account.username, account.password);
    expect(await until('the error', textOf(signInPage.alert()), Boolean)).toBe(
      'This account is locked. Please contact an administrator to unlock it.',
    );
  });
});
