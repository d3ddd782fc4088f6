import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { PhoneNumber } from '../../src/users/entities/phone-number.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import { createUser } from '../support/factories.js';
import { BrowserProfile } from './support/browser.js';
import { BrowserSuite } from './support/browser-suite.js';
import {
  AdminPage,
  EnrollmentPanel,
  PhonePage,
  phoneItem,
  signInByPhone,
  textOf,
  until,
} from './support/pages.js';

const admin = DEMO_ACCOUNTS.find((account) => account.username === 'admin')!;
const alice = DEMO_ACCOUNTS.find((account) => account.username === 'alice')!;
/** --color-success-strong and --color-danger-strong in client/src/styles/base.css. */
const GREEN = 'rgb(27, 138, 68)';
const RED = 'rgb(200, 50, 31)';

const borderOf = (page: EnrollmentPanel, position: number) => () =>
  page.digit(position).evaluate((element) => getComputedStyle(element).borderColor);

describe('the admin page, in Chromium', () => {
  let phone: PhonePage;
  let page: Page;

  const suite = BrowserSuite.use();

  beforeEach(async () => {
    phone = await new PhonePage(await suite.profile.newPage()).open();
    page = await suite.profile.newPage();
  });

  const verifiedAt = async (number: string) =>
    (await suite.app.get(DataSource).getRepository(PhoneNumber).findOneBy({ e164: number }))
      ?.verifiedAt ?? null;

  it('creates a user, adds their number, verifies it by call; the user then signs in with it', async () => {
    await signInByPhone(page, phone, admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    const adminPage = new AdminPage(page);
    await adminPage.usersTable().waitFor();
    expect(await page.title()).toBe('Administration · Callgate');

    await adminPage.createUser('newcomer', 'newcomer-password');
    const panel = adminPage.userPanel('newcomer');
    await panel.waitFor();
    await adminPage.userRow('newcomer').waitFor();
    expect(await panel.innerText()).toContain('No phone numbers yet.');

    const number = '+12025550161';
    await adminPage.addNumber(panel, '+1 202 555 0161', 'Mobile');
    const item = phoneItem(page, '+1 202 555 0161');
    await item.waitFor();
    expect(await item.innerText()).toMatch(/Mobile[\s\S]*Not verified/);

    await phone.useNumber(number);
    await item.getByRole('button', { name: 'Verify by call +1 202 555 0161' }).click();
    const enrollment = new EnrollmentPanel(page);
    const code = await enrollment.code();
    expect(code).toHaveLength(6);
    await phone.answer();
    await phone.waitForTranscript('This call confirms this phone number for newcomer');
    await enrollment.waitForCallStatus('Call answered');
    for (const [position, digit] of [...code].entries()) {
      await phone.press(digit);
      await enrollment.waitForDigit(position, 'correct');
      await until(
        `digit ${position + 1} to be green`,
        borderOf(enrollment, position),
        (colour) => colour === GREEN,
      );
      expect(await enrollment.digit(position).locator('.code__mark').innerText()).toBe('✓');
      await enrollment.waitForAnnouncement(`Digit ${position + 1} of 6: right.`);
    }
    await enrollment.waitForOutcome('Number verified');
    await until('the number to show as verified', textOf(item), (text) =>
      /Primary[\s\S]*Verified/.test(text),
    );
    expect(await item.innerText()).not.toContain('Not verified');
    await phone.waitForTranscript('this phone number is now verified');
    expect(await verifiedAt(number)).not.toBeNull();

    // The audit log, newest first, about the new user only, tells the story.
    const filters = page.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('User').selectOption({ label: 'newcomer' });
    await filters.getByRole('button', { name: 'Show events' }).click();
    // Until the filtered page replaces the whole log shown before.
    const actions = await until(
      'the audit log about newcomer',
      () => adminPage.auditTable().locator('.audit-action').allInnerTexts(),
      (seen) => seen.at(-1) === 'user.created',
    );
    // Newest first (the call's two events are written in the same instant, in either order).
    expect(actions[0]).toBe('phone.verified');
    expect(actions.slice(3)).toEqual(['phone.added', 'user.created']);
    expect(actions.slice(1, 3).sort()).toEqual(['call.placed', 'phone.verification-started']);
    await filters.getByLabel('Action').selectOption('phone.verified');
    await filters.getByRole('button', { name: 'Show events' }).click();
    const pager = page.getByRole('navigation', { name: 'Audit log pages' });
    await until('one event', textOf(pager), (text) => text.includes('Page 1 of 1 · 1 event'));
    expect(await adminPage.auditTable().locator('.audit-action').allInnerTexts()).toEqual([
      'phone.verified',
    ]);

    // The new user signs in, in another browser, with that number.
    const other = await BrowserProfile.open(suite.browser, suite.app.baseUrl);
    try {
      const newcomerPage = await other.newPage();
      await signInByPhone(newcomerPage, phone, {
        username: 'newcomer',
        password: 'newcomer-password',
        phone: number,
      });
      expect(other.problems).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('a wrong digit during a verification call shows red and leaves the number unverified', async () => {
    const account = await createUser(suite.app, { phone: null });
    await signInByPhone(page, phone, admin);
    const adminPage = await new AdminPage(page).open();
    const panel = await adminPage.manage(account.username);
    await adminPage.addNumber(panel, '+12025550162');
    const item = phoneItem(page, '+1 202 555 0162');
    await phone.useNumber('+12025550162');
    await item.getByRole('button', { name: /Verify by call/ }).click();

    const enrollment = new EnrollmentPanel(page);
    const code = await enrollment.code();
    await phone.answer();
    await phone.press(code[0]);
    await enrollment.waitForDigit(0, 'correct');
    await phone.press(String((Number(code[1]) + 1) % 10));
    await enrollment.waitForDigit(1, 'wrong');
    await until('the wrong digit to be red', borderOf(enrollment, 1), (colour) => colour === RED);
    expect(await enrollment.digit(1).locator('.code__mark').innerText()).toBe('✗');
    expect(await enrollment.digit(1).innerText()).toContain('wrong');
    await enrollment.waitForAnnouncement('Digit 2 of 6: wrong.');
    await enrollment.waitForOutcome('A digit was wrong');
    await enrollment.waitForAnnouncement('A digit was wrong', enrollment.urgentAnnouncements());
    expect(await enrollment.region().innerText()).toContain('The number is still not verified.');
    await phone.waitForTranscript('That digit is wrong.');

    expect(await item.innerText()).toContain('Not verified');
    expect(await item.getByRole('button', { name: /Verify by call/ }).isVisible()).toBe(true);
    expect(await verifiedAt('+12025550162')).toBeNull();
    expect(await enrollment.region().getByRole('button', { name: 'Call again' }).isVisible()).toBe(
      true,
    );
  });

  it('shows the server’s refusals, and asks before removing a last verified number', async () => {
    const account = await createUser(suite.app, { phone: '+12025550163' });
    await signInByPhone(page, phone, admin);
    const adminPage = await new AdminPage(page).open();
    const panel = await adminPage.manage(account.username);

    await adminPage.addNumber(panel, '202 555 0164');
    const alert = panel.getByRole('alert').filter({ hasText: /international form/ });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'number must be in international form, starting with + and the country code',
    );

    await adminPage.createUser(account.username.toUpperCase(), 'long-enough-password');
    await page.getByRole('alert').filter({ hasText: 'That username is already taken' }).waitFor();

    const item = phoneItem(page, '+1 202 555 0163');
    await item.getByRole('button', { name: /^Remove/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove +1 202 555 0163?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`It is ${account.username}’s last verified number`);
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await panel.getByText('+1 202 555 0163 was kept.').waitFor();
    expect(await item.isVisible()).toBe(true);

    await item.getByRole('button', { name: /^Remove/ }).click();
    await dialog.getByRole('button', { name: 'Remove anyway' }).click();
    await panel.getByText('+1 202 555 0163 removed.').waitFor();
    await panel.getByText('No phone numbers yet.').waitFor();
    expect(await verifiedAt('+12025550163')).toBeNull();
  });

  it('changes a role and unlocks a locked account', async () => {
    const account = await createUser(suite.app);
    const locked = await createUser(suite.app);
    await suite.app.get(UsersService).lockUntilUnlocked(locked.user.id);
    await signInByPhone(page, phone, admin);
    const adminPage = await new AdminPage(page).open();
    expect(await adminPage.userRow(locked.username).innerText()).toContain('Locked');

    // By keyboard: Enter on "Manage" opens the panel with focus on its heading.
    await page.getByRole('button', { name: `Manage ${account.username}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    const panel = adminPage.userPanel(account.username);
    await until(
      'focus on the panel heading',
      () => page.evaluate(() => document.activeElement?.textContent ?? ''),
      (text) => text === account.username,
    );
    await panel.getByLabel('Role', { exact: true }).selectOption({ label: 'Administrator' });
    await panel.getByRole('button', { name: 'Change role' }).click();
    await until('the role to change', textOf(adminPage.userRow(account.username)), (text) =>
      text.includes('Administrator'),
    );

    const lockedPanel = await adminPage.manage(locked.username);
    await lockedPanel.getByRole('button', { name: 'Unlock' }).click();
    await until('the lock to lift', textOf(adminPage.userRow(locked.username)), (text) =>
      text.includes('Active'),
    );
    expect(await lockedPanel.getByRole('button', { name: 'Unlock' }).count()).toBe(0);
  });

  it('tells a signed-in user who is not an administrator, and anyone signed out, where to go', async () => {
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Please sign in', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to sign-in' }).getAttribute('href')).toBe('/');

    await signInByPhone(page, phone, alice);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Administrators only', level: 1 }).waitFor();
    expect(await page.title()).toBe('Administrators only · Callgate');
    expect(await page.getByRole('table').count()).toBe(0);
  });
});
