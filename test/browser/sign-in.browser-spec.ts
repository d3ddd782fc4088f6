import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { createUser } from '../support/factories.js';
import { BrowserSuite } from './support/browser-suite.js';
import { PhonePage, SignInPage, textOf, until, VerificationPage } from './support/pages.js';

const alice = DEMO_ACCOUNTS.find((account) => account.username === 'alice')!;
/** --color-success-strong and --color-danger-strong in client/src/styles/base.css. */
const GREEN = 'rgb(27, 138, 68)';

describe('signing in, in Chromium', () => {
  const suite = BrowserSuite.use();

  it('takes the demo user from password to dashboard, each digit turning green as it is typed', async () => {
    const phone = await new PhonePage(await suite.profile.newPage()).open();
    // The demo phones are offered; picking alice's makes this page her phone.
    await phone.page.getByRole('button', { name: /alice's phone \(demo\)/ }).click();
    await phone.waitForNumber(alice.phone);

    const page = await suite.profile.newPage();
    const signIn = await new SignInPage(page).open();
    await signIn.signIn(alice.username, alice.password);
    const verification = new VerificationPage(page);
    const code = await verification.code();
    expect(code).toHaveLength(6);
    expect(await page.getByRole('main').innerText()).toMatch(/We are calling \+1 ••• ••• 0147/);

    await phone.answerButton().waitFor();
    await verification.waitForCallStatus('Your phone is ringing');
    expect(await phone.page.getByRole('heading', { name: 'Incoming call' }).isVisible()).toBe(true);
    await phone.answer();
    await phone.waitForTranscript(`Hello ${alice.username}. Please enter the 6 digit code`);
    await verification.waitForCallStatus('Call answered');
    expect(await verification.digitState(0)).toBe('next');

    for (const [position, digit] of [...code].entries()) {
      if (position === code.length - 1) break;
      await phone.press(digit);
      await verification.waitForDigit(position, 'correct');
      const item = verification.digit(position);
      // Green, with a check mark, and said in words: never colour alone.
      // (Read until the colour transition settles.)
      await until(
        `digit ${position + 1} to be green`,
        () => item.evaluate((element) => getComputedStyle(element).borderColor),
        (colour) => colour === GREEN,
      );
      expect(await item.locator('.code__mark').innerText()).toBe('✓');
      expect(await item.innerText()).toContain(digit);
      await verification.waitForAnnouncement(`Digit ${position + 1} of 6: right.`);
      expect(await verification.digitState(position + 1)).toBe('next');
    }
    expect(await verification.announcements().getAttribute('aria-live')).toBe('polite');

    await phone.press(code.at(-1)!);
    await page.waitForURL('**/dashboard');
    await page.getByRole('heading', { name: `Welcome, ${alice.username}`, level: 1 }).waitFor();
    expect(await page.title()).toBe('Your account · Callgate');
    const phones = page.getByRole('region', { name: 'Your phones' });
    expect(await phones.innerText()).toMatch(/\+1 ••• ••• 0147[\s\S]*Primary[\s\S]*Verified/);
    expect(await phones.innerText()).not.toContain(alice.phone);
    await phone.waitForTranscript('Thank you, you are signed in. Goodbye.');
    await until(
      'the call to end',
      () => phone.screenTitle(),
      (title) => title === 'Call ended',
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/dashboard');
    await page.getByLabel('Username').waitFor(); // Signed out: the dashboard sends you to sign in.
  });

  it('says the same words for a wrong password and an unknown user', async () => {
    const signIn = await new SignInPage(await suite.profile.newPage()).open();
    await signIn.signIn(alice.username, 'not-the-password');
    const wrongPassword = await until('the error', textOf(signIn.alert()), Boolean);
    await signIn.signIn('nobody-by-this-name', 'whatever-password');
    await until('the error again', textOf(signIn.alert()), (text) => text === wrongPassword);
    expect(wrongPassword).toBe(
      'That username and password do not match. Check them and try again.',
    );
    // The password field is ready for another try.
    expect(await signIn.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'password',
    );
  });

  it('asks for what is missing before sending anything', async () => {
    const signIn = await new SignInPage(await suite.profile.newPage()).open();
    await signIn.page.getByRole('button', { name: 'Sign in' }).click();
    const username = signIn.page.getByLabel('Username');
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await username.getAttribute('aria-describedby');
    expect(await signIn.page.locator(`#${describedBy}`).innerText()).toBe('Enter your username.');
    expect(await signIn.page.getByText('Enter your password.').isVisible()).toBe(true);
  });

  it('tells an account without a verified phone what to do', async () => {
    const account = await createUser(suite.app, { verified: false });
    const signIn = await new SignInPage(await suite.profile.newPage()).open();
    await signIn.signIn(account.username, account.password);
    const message = await until('the error', textOf(signIn.alert()), Boolean);
    expect(message).toMatch(/no verified phone number yet.*administrator/);
  });

  it('points a newcomer to the virtual phone when the carrier is simulated', async () => {
    const signIn = await new SignInPage(await suite.profile.newPage()).open();
    const link = signIn.page.getByRole('link', { name: /virtual phone/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/phone');
  });
});
