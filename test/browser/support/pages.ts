import type { Locator, Page } from 'playwright-core';
import { eventually } from '../../support/wait.js';

const WAIT = { timeoutMs: 10_000 };

/** Waits until `read` returns something `accept` likes; fails saying what it last saw. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = WAIT.timeoutMs,
): Promise<T> {
  let last: T | undefined;
  try {
    return await eventually(
      async () => {
        last = await read();
        return accept(last) ? { value: last } : undefined;
      },
      { timeoutMs, what },
    ).then((found) => found.value);
  } catch {
    throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
  }
}

export const textOf = (locator: Locator) => () => locator.innerText();

/** The sign-in form at `/`, found the way a person (or a screen reader) finds it. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/');
    await this.page.getByLabel('Username').waitFor();
    return this;
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}

export type DigitState = 'pending' | 'next' | 'correct' | 'wrong';

/**
 * The phone check at `/` after the password; with another `codeName` (and `scope`), the
 * same live code view where a number is verified by call.
 */
export class VerificationPage {
  constructor(
    readonly page: Page,
    private readonly codeName = 'Your code',
  ) {}

  codeList(): Locator {
    return this.page.getByRole('list', { name: this.codeName });
  }

  digit(position: number): Locator {
    return this.codeList().getByRole('listitem').nth(position);
  }

  /** The code the page shows, once it shows one. */
  async code(): Promise<string> {
    await this.codeList().waitFor();
    return until(
      'the code to show',
      async () => (await this.codeList().locator('.code__value').allInnerTexts()).join(''),
      (code) => /^\d{4,10}$/.test(code),
    );
  }

  digitState(position: number): Promise<string | null> {
    return this.digit(position).getAttribute('data-state');
  }

  waitForDigit(position: number, state: DigitState): Promise<string | null> {
    return until(
      `digit ${position + 1} to be ${state}`,
      () => this.digitState(position),
      (seen) => seen === state,
    );
  }

  /** The polite aria-live region every digit result is announced through. */
  announcements(): Locator {
    return this.page.locator('#announcements-polite');
  }

  urgentAnnouncements(): Locator {
    return this.page.locator('#announcements-assertive');
  }

  waitForAnnouncement(words: string, region = this.announcements()): Promise<string> {
    return until(`"${words}" to be announced`, textOf(region), (text) => text.includes(words));
  }

  callStatus(): Promise<string> {
    return this.page.locator('.call-status').innerText();
  }

  waitForCallStatus(words: string): Promise<string> {
    return until(
      `the call status "${words}"`,
      () => this.callStatus(),
      (text) => text.includes(words),
    );
  }

  callAgainButton(): Locator {
    return this.page.getByRole('button', { name: 'Call me again' });
  }

  failureHeading(): Locator {
    return this.page.getByRole('heading', { level: 2 });
  }
}

/** The virtual phone at `/phone`, in its own page. */
export class PhonePage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/phone');
    await this.page.getByRole('heading', { name: 'Virtual phone', level: 1 }).waitFor();
    return this;
  }

  /** Types a number into "Phone number" and uses it. */
  async useNumber(number: string): Promise<void> {
    await this.page.getByLabel('Phone number').fill(number);
    await this.page.getByRole('button', { name: 'Use this number' }).click();
    await this.waitForNumber(number);
  }

  async waitForNumber(number: string): Promise<void> {
    const spaced = number.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
    await until(
      `the phone to be ${spaced}`,
      textOf(this.page.locator('#device-number')),
      (text) => text === spaced,
    );
    await this.page
      .getByRole('heading', { name: 'No calls right now' })
      .or(this.answerButton())
      .waitFor();
  }

  answerButton(): Locator {
    return this.page.getByRole('button', { name: 'Answer' });
  }

  async answer(): Promise<void> {
    await this.page.bringToFront();
    await this.answerButton().click();
    await this.key('1').waitFor();
  }

  async decline(): Promise<void> {
    await this.page.bringToFront();
    await this.page.getByRole('button', { name: 'Decline' }).click();
  }

  async hangUp(): Promise<void> {
    await this.page.bringToFront();
    await this.page.getByRole('button', { name: 'Hang up' }).click();
  }

  key(key: string): Locator {
    return this.page.getByRole('button', { name: key, exact: true });
  }

  async press(keys: string): Promise<void> {
    // A page in the background gets few animation frames, and a click waits for them.
    await this.page.bringToFront();
    for (const key of keys) await this.key(key).click();
  }

  transcript(): Locator {
    return this.page.getByRole('log', { name: 'What the call says' });
  }

  waitForTranscript(words: string): Promise<string> {
    return until(`the call to say "${words}"`, textOf(this.transcript()), (text) =>
      text.includes(words),
    );
  }

  screenTitle(): Promise<string> {
    return this.page.locator('.screen__title').innerText();
  }
}

export interface Account {
  username: string;
  password: string;
  phone: string;
}

/**
 * Both factors: the password on `page`, then the shown code typed on the virtual phone
 * (switched to the account's number first); ends on the dashboard.
 */
export async function signInByPhone(page: Page, phone: PhonePage, account: Account) {
  await phone.useNumber(account.phone);
  await (await new SignInPage(page).open()).signIn(account.username, account.password);
  const code = await new VerificationPage(page).code();
  await phone.answer();
  await phone.press(code);
  await page.waitForURL('**/dashboard');
  await page.getByRole('heading', { name: `Welcome, ${account.username}`, level: 1 }).waitFor();
}

/** "Verify by call" where numbers are managed (/admin, /dashboard): the live code panel. */
export class EnrollmentPanel extends VerificationPage {
  constructor(page: Page) {
    super(page, 'Verification code');
  }

  region(): Locator {
    return this.page.getByRole('region', { name: 'Verify by call' });
  }

  outcome(): Locator {
    return this.region().locator('.notice__title');
  }

  waitForOutcome(words: string): Promise<string> {
    return until(`the outcome "${words}"`, textOf(this.outcome()), (text) => text.includes(words));
  }
}

/** One phone number in a list of them, found by its number as shown. */
export function phoneItem(page: Page, shown: string): Locator {
  return page.getByRole('listitem').filter({ hasText: shown });
}

/** `/admin`. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/admin');
    await this.page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await this.usersTable().getByRole('row').nth(1).waitFor();
    return this;
  }

  usersTable(): Locator {
    return this.page.getByRole('table', { name: 'Users' });
  }

  userRow(username: string): Locator {
    return this.usersTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: username, exact: true }) });
  }

  async createUser(username: string, password: string, role = 'User'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Password').fill(password);
    await form.getByLabel('Role').selectOption({ label: role });
    await form.getByRole('button', { name: 'Create user' }).click();
  }

  async manage(username: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Manage ${username}`, exact: true }).click();
    return this.userPanel(username);
  }

  userPanel(username: string): Locator {
    return this.page.getByRole('region', { name: username, exact: true });
  }

  async addNumber(panel: Locator, number: string, label = ''): Promise<void> {
    const form = panel.getByRole('form', { name: 'Add a phone number' });
    await form.getByLabel('Phone number').fill(number);
    if (label) await form.getByLabel('Label (optional)').fill(label);
    await form.getByRole('button', { name: 'Add number' }).click();
  }

  auditTable(): Locator {
    return this.page.getByRole('table', { name: 'Audit log' });
  }
}
