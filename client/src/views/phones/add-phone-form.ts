import type { PhoneNumberView } from '../../api/types.js';
import { busyForm } from '../../ui/busy-form.js';
import { h } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import { errorBox, inputField } from '../../ui/field.js';

interface Dependencies {
  add(number: string, label: string): Promise<PhoneNumberView>;
  added(phone: PhoneNumberView): void;
  /** Refusals this form should not show itself (a stale sign-in, say); true when handled. */
  intercept(error: unknown): boolean;
}

/**
 * "Add a number": the number in international form and an optional label. The server
 * checks the number (format, country, premium rate, duplicates); its message is shown as is.
 */
export function addPhoneForm(deps: Dependencies): HTMLFormElement {
  const number = inputField(
    'Phone number',
    { name: 'number', type: 'tel', inputmode: 'tel', autocomplete: 'off', required: true },
    'International form with + and the country code, like +1 202 555 0147.',
  );
  const label = inputField('Label (optional)', { name: 'label', maxlength: '64' });
  const errors = errorBox();
  const submit = h('button', { type: 'submit', class: 'button' }, 'Add number');
  const form = h(
    'form',
    { class: 'stack phone-form', novalidate: true, 'aria-label': 'Add a phone number' },
    errors.element,
    h('div', { class: 'phone-form__fields' }, number.wrapper, label.wrapper),
    h('div', { class: 'actions' }, submit),
  );

  const setBusy = busyForm(form, submit, 'Adding…');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const typed = number.control.value.trim();
    number.showError(typed ? null : 'Enter the phone number.');
    errors.show(null);
    if (!typed) {
      number.control.focus();
      return;
    }
    setBusy(true);
    try {
      const phone = await deps.add(typed, label.control.value.trim());
      form.reset();
      deps.added(phone);
    } catch (error) {
      if (!deps.intercept(error)) {
        errors.show(errorMessage(error));
        number.control.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return form;
}
