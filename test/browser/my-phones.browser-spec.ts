import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { SessionRecord } from '../../src/session/session-record.entity.js';
import { createUser, type TestUser } from '../support/factories.js';
import { BrowserSuite } from './support/browser-suite.js';
import {
  EnrollmentPanel,
  PhonePage,
  phoneItem,
  signInByPhone,
  textOf,
  until,
} from './support/pages.js';

/** How the dashboard shows a number: masked, last four digits kept. */
const masked = (e164: string) => `+1 ••• ••• ${e164.slice(-4)}`;

describe('managing one’s own numbers on the dashboard, in Chromium', () => {
  let phone: PhonePage;
  let page: Page;
  let account: TestUser;

  const suite = BrowserSuite.use();

  beforeEach(async () => {
    phone = await new PhonePage(await suite.profile.newPage()).open();
    page = await suite.profile.newPage();
    account = await createUser(suite.app);
    await signInByPhone(page, phone, account);
  });

  const phones = () => page.getByRole('region', { name: 'Your phones' });

  it('adds a number, verifies it by call with each digit live, makes it primary, removes the old one', async () => {
    const original = phoneItem(page, masked(account.phone));
    await original.waitFor();
    expect(await original.innerText()).toMatch(/Primary[\s\S]*Verified/);

    const number = '+12025550171';
    await phones().getByLabel('Phone number', { exact: true }).fill(number);
    await phones().getByLabel('Label (optional)').fill('Work');
    await phones().getByRole('button', { name: 'Add number' }).click();
    const added = phoneItem(page, masked(number));
    await added.waitFor();
    expect(await added.innerText()).toMatch(/Work[\s\S]*Not verified/);
    await phones()
      .getByText(`${masked(number)} added.`)
      .waitFor();

    await phone.useNumber(number);
    await added.getByRole('button', { name: /^Verify by call/ }).click();
    const enrollment = new EnrollmentPanel(page);
    const code = await enrollment.code();
    await enrollment.waitForCallStatus('The phone is ringing');
    await phone.answer();
    for (const [position, digit] of [...code].entries()) {
      await phone.press(digit);
      await enrollment.waitForDigit(position, 'correct');
      await enrollment.waitForAnnouncement(`Digit ${position + 1} of 6: right.`);
    }
    await enrollment.waitForOutcome('Number verified');
    await until('the new number to be verified', textOf(added), (text) =>
      /Verified/.test(text.replace('Not verified', '')),
    );
    expect(await added.innerText()).not.toContain('Primary');

    await added.getByRole('button', { name: /^Make primary/ }).click();
    await until('the new number to be primary', textOf(added), (text) => text.includes('Primary'));
    expect(await original.innerText()).not.toContain('Primary');

    // Two verified numbers: the old one goes without a question.
    await original.getByRole('button', { name: /^Remove/ }).click();
    await phones()
      .getByText(`${masked(account.phone)} removed.`)
      .waitFor();
    expect(await original.count()).toBe(0);

    // The last one needs a yes.
    await added.getByRole('button', { name: /^Remove/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('It is your last verified number');
    await page.keyboard.press('Escape');
    await phones()
      .getByText(`${masked(number)} was kept.`)
      .waitFor();
    expect(await added.isVisible()).toBe(true);
  });

  it('shows the server’s refusal of a bad number', async () => {
    await phones().getByLabel('Phone number', { exact: true }).fill('+1 900 555 0100');
    await phones().getByRole('button', { name: 'Add number' }).click();
    const alert = phones().getByRole('alert');
    await until('the refusal', textOf(alert), (text) => text.length > 0);
    expect(await alert.innerText()).toBe('number is a premium-rate or shared-cost number');
  });

  it('asks for a fresh sign-in when the last phone check is more than 10 minutes old', async () => {
    // Eleven minutes pass, as far as this session knows.
    const sessions = suite.app.get(DataSource).getRepository(SessionRecord);
    for (const record of await sessions.find()) {
      const data = JSON.parse(record.data);
      if (data.passport?.user !== account.user.id) continue;
      data.secondFactorAt = Date.now() - 11 * 60_000;
      await sessions.update(record.idHash, { data: JSON.stringify(data) });
    }
    await phones().getByLabel('Phone number', { exact: true }).fill('+12025550172');
    await phones().getByRole('button', { name: 'Add number' }).click();
    const notice = phones().getByRole('heading', { name: 'Please confirm it is you again' });
    await notice.waitFor();
    expect(await phones().innerText()).toContain(
      'For your safety, please sign in again before changing your phone numbers.',
    );
    await until(
      'the request to be announced',
      textOf(page.locator('#announcements-assertive')),
      (text) => text.includes('Please confirm it is you again'),
    );
    expect(await phoneItem(page, masked('+12025550172')).count()).toBe(0);

    await phones().getByRole('button', { name: 'Sign in again' }).click();
    await page.getByLabel('Username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
