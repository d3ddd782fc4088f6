import type { Page } from 'playwright-core';
import { createUser } from '../support/factories.js';
import { BrowserSuite } from './support/browser-suite.js';
import { PhonePage, SignInPage, until, VerificationPage } from './support/pages.js';

/** Records what the page asks speech synthesis to say, instead of saying it. */
async function recordSpeech(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const spoken: string[] = [];
    Object.assign(window, { spokenForTest: spoken });
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push(utterance.text);
    };
  });
  return () =>
    page.evaluate(() => (window as unknown as { spokenForTest: string[] }).spokenForTest);
}

describe('the virtual phone page, in Chromium', () => {
  const suite = BrowserSuite.use();

  it('takes a number typed in any usual way, and refuses one it cannot dial', async () => {
    const phone = await new PhonePage(await suite.profile.newPage()).open();
    const field = phone.page.getByLabel('Phone number');
    await field.fill('202 555 0100');
    await phone.page.getByRole('button', { name: 'Use this number' }).click();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.page.getByText(/international format/).isVisible()).toBe(true);

    await field.fill('+1 (202) 555-0100');
    await phone.page.getByRole('button', { name: 'Use this number' }).click();
    await phone.waitForNumber('+12025550100');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await phone.page.getByRole('heading', { name: 'No calls right now' }).waitFor();
    // Remembered for next time.
    await phone.page.reload();
    await phone.waitForNumber('+12025550100');
  });

  it('speaks what the call says, and stops speaking when muted (remembered)', async () => {
    const account = await createUser(suite.app);
    const page = await suite.profile.newPage();
    const spoken = await recordSpeech(page);
    const phone = await new PhonePage(page).open();
    await phone.useNumber(account.phone);
    const mute = page.getByRole('button', { name: 'Mute voice' });
    expect(await mute.getAttribute('aria-pressed')).toBe('false');

    const browserPage = await suite.profile.newPage();
    await (await new SignInPage(browserPage).open()).signIn(account.username, account.password);
    const code = await new VerificationPage(browserPage).code();
    await phone.answer();
    const greeting = await phone.waitForTranscript('Please enter the 6 digit code');
    expect(await until('the greeting to be spoken', spoken, (said) => said.length === 1)).toEqual([
      greeting.trim(),
    ]);

    await mute.click();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    await phone.press(code);
    await phone.waitForTranscript('Thank you, you are signed in. Goodbye.');
    expect(await spoken()).toHaveLength(1); // The goodbye was shown, not said.
    await browserPage.waitForURL('**/dashboard');

    await page.reload();
    expect(
      await page.getByRole('button', { name: 'Mute voice' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('offers the numbers Callgate called lately', async () => {
    const account = await createUser(suite.app);
    const browserPage = await suite.profile.newPage();
    await (await new SignInPage(browserPage).open()).signIn(account.username, account.password);
    await new VerificationPage(browserPage).code();

    const phone = await new PhonePage(await suite.profile.newPage()).open();
    const spaced = account.phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
    const choice = phone.page.getByRole('button', { name: `Recently called ${spaced}` });
    await choice.click();
    await phone.waitForNumber(account.phone);
    expect(await choice.getAttribute('aria-pressed')).toBe('true');
    // The call placed before the page watched the number rings all the same.
    await phone.answerButton().waitFor();
  });

  it('"Call me again" while it rings: the phone drops the old call and rings with the new one', async () => {
    const account = await createUser(suite.app);
    const phone = await new PhonePage(await suite.profile.newPage()).open();
    await phone.useNumber(account.phone);
    const browserPage = await suite.profile.newPage();
    await (await new SignInPage(browserPage).open()).signIn(account.username, account.password);
    const verification = new VerificationPage(browserPage);
    const firstCode = await verification.code();
    await phone.answerButton().waitFor();
    const firstCall = await phone.page.locator('.screen').getAttribute('data-sid');

    await until(
      'another call to be allowed',
      async () => {
        await verification.callAgainButton().click();
        return verification.code();
      },
      (code) => code !== firstCode,
    );
    await until(
      'a new call to ring',
      () => phone.page.locator('.screen').getAttribute('data-sid'),
      (sid) => sid !== null && sid !== firstCall,
    );
    expect(await phone.screenTitle()).toBe('Incoming call');
    await phone.answer();
    await phone.press(await verification.code());
    await browserPage.waitForURL('**/dashboard');
  });
});
