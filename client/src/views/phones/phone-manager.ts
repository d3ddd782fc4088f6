import { ApiError } from '../../api/http.js';
import type { PhoneNumberView } from '../../api/types.js';
import { confirmDialog } from '../../ui/confirm-dialog.js';
import { h } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import { spacedNumber } from '../../ui/format.js';
import type { ViewContext } from '../view.js';
import { addPhoneForm } from './add-phone-form.js';
import { enrollmentPanel } from './enrollment-panel.js';
import type { PhoneApi } from '../../api/phones.js';
import type { PhoneOwner } from './phone-owner.js';
import { phoneList } from './phone-list.js';
import './phones.css';

interface Options {
  api: PhoneApi;
  owner: PhoneOwner;
  context: ViewContext;
  /** Refusals the page handles itself (a stale sign-in, a lost role); true when handled. */
  intercept(error: unknown): boolean;
  /** The session ended while the page was open. */
  lost(): void;
  /** Something changed (for an audit log or a user list on the same page). */
  changed?(): void;
}

/**
 * One person's phone numbers: the list, add a number, verify it by call with the digits
 * live, make one primary, remove one (asking first when it is the last verified number).
 */
export function phoneManager(options: Options) {
  const { api, owner, context } = options;
  let phones: PhoneNumberView[] = [];
  const listSlot = h('div', { class: 'phone-manager__list' });
  const message = h('p', { class: 'phone-manager__message' });
  const errors = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });

  const enrollment = enrollmentPanel({
    call: (phoneId) => api.verify(phoneId),
    verified: () => {
      void reload();
      options.changed?.();
    },
    closed: () => listSlot.querySelector<HTMLElement>('button')?.focus(),
    intercept: options.intercept,
    lost: options.lost,
    announce: context.announce,
  });

  const form = addPhoneForm({
    add: (number, label) => api.add(number, label),
    added: (phone) => {
      void reload().then((shown) => {
        if (shown)
          say(`${spacedNumber(phone.number)} added. Verify it by call before it can be used.`);
      });
      options.changed?.();
    },
    intercept: options.intercept,
  });

  const element = h(
    'div',
    { class: 'phone-manager' },
    errors,
    listSlot,
    message,
    enrollment.element,
    h('h3', { class: 'section-title small' }, 'Add a number'),
    form,
  );

  /** Shown under the list and announced (a hidden live region would not be read). */
  function say(text: string): void {
    errors.hidden = true;
    message.textContent = text;
    context.announce(text);
  }

  function fail(error: unknown): void {
    if (options.intercept(error)) return;
    message.textContent = '';
    errors.replaceChildren(h('p', {}, errorMessage(error)));
    errors.hidden = false;
  }

  function render(): void {
    // A button that re-rendering removes would drop focus to the page: keep it on that
    // number (or, when it is gone, on the list).
    const focused = document.activeElement;
    const hadFocus = focused instanceof HTMLElement && listSlot.contains(focused);
    const phoneId = hadFocus
      ? focused.closest<HTMLElement>('[data-phone-id]')?.dataset.phoneId
      : undefined;
    listSlot.replaceChildren(
      phoneList(phones, {
        verify: (phone) => void verify(phone),
        makePrimary: (phone) => void makePrimary(phone),
        remove: (phone) => void remove(phone),
      }),
    );
    if (!hadFocus) return;
    const item = phoneId
      ? listSlot.querySelector(`[data-phone-id="${CSS.escape(phoneId)}"]`)
      : null;
    (
      (item ?? listSlot).querySelector<HTMLElement>('button') ?? form.querySelector('input')
    )?.focus();
  }

  /** False (with the reason shown) when the list could not be fetched. */
  async function reload(): Promise<boolean> {
    try {
      phones = await api.list();
      render();
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  async function verify(phone: PhoneNumberView): Promise<void> {
    try {
      const { challenge } = await api.verify(phone.id);
      errors.hidden = true;
      message.textContent = '';
      enrollment.start(phone, challenge);
      options.changed?.();
    } catch (error) {
      fail(error);
    }
  }

  async function makePrimary(phone: PhoneNumberView): Promise<void> {
    try {
      await api.makePrimary(phone.id);
      if (await reload()) {
        say(`${spacedNumber(phone.number)} is now the primary number: sign-in calls it.`);
      }
      options.changed?.();
    } catch (error) {
      fail(error);
    }
  }

  async function remove(phone: PhoneNumberView): Promise<void> {
    const number = spacedNumber(phone.number);
    try {
      await api.remove(phone.id, false);
    } catch (error) {
      // 409: the last verified number; the server wants it said twice.
      if (!(error instanceof ApiError && error.status === 409)) return fail(error);
      const sure = await confirmDialog({
        title: `Remove ${number}?`,
        message: lastNumberWarning(owner),
        confirm: 'Remove anyway',
        cancel: 'Keep it',
      });
      if (!sure) {
        say(`${number} was kept.`);
        return;
      }
      try {
        await api.remove(phone.id, true);
      } catch (forced) {
        return fail(forced);
      }
    }
    if (enrollment.phoneId === phone.id) enrollment.close();
    // Said once the list shows it, so the words and the list agree.
    if (await reload()) say(`${number} removed.`);
    options.changed?.();
  }

  return {
    element,
    /** Shows these numbers (already fetched) or fetches them. */
    async load(initial?: PhoneNumberView[]): Promise<void> {
      if (initial) {
        phones = initial;
        render();
      } else {
        await reload();
      }
    },
    dispose: () => enrollment.dispose(),
  };
}

function lastNumberWarning(owner: PhoneOwner): string {
  return owner.kind === 'self'
    ? 'It is your last verified number. Without it you cannot finish signing in until another number is added and verified for you.'
    : `It is ${owner.username}’s last verified number. Without it they cannot finish signing in until another number is added and verified.`;
}
