import type { PhoneNumberView } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { spacedNumber } from '../../ui/format.js';
import { icon } from '../../ui/icons.js';

export interface PhoneListActions {
  verify(phone: PhoneNumberView): void;
  makePrimary(phone: PhoneNumberView): void;
  remove(phone: PhoneNumberView): void;
}

/**
 * Phone numbers with their state in words and symbols (✓ Verified, Not verified, Primary)
 * and the actions each allows. Every button's name ends with its number, so a screen
 * reader hears which one it acts on.
 */
export function phoneList(phones: PhoneNumberView[], actions: PhoneListActions): HTMLElement {
  if (phones.length === 0) return h('p', { class: 'muted' }, 'No phone numbers yet.');
  return h('ul', { class: 'phone-list' }, ...phones.map((phone) => item(phone, actions)));
}

function item(phone: PhoneNumberView, actions: PhoneListActions): HTMLElement {
  const number = spacedNumber(phone.number);
  const button = (text: string, onClick: () => void, primary = false) =>
    h(
      'button',
      { type: 'button', class: primary ? 'button button--primary' : 'button', onClick },
      text,
      h('span', { class: 'visually-hidden' }, ` ${number}`),
    );
  return h(
    'li',
    { class: 'phone-list__item', 'data-phone-id': phone.id },
    h('span', { class: 'phone-list__icon', 'aria-hidden': 'true' }, icon('phone')),
    h(
      'div',
      { class: 'phone-list__text' },
      h('span', { class: 'phone-list__number' }, number),
      h('span', { class: 'muted small' }, phone.label || 'Phone'),
    ),
    h(
      'span',
      { class: 'phone-list__badges' },
      phone.primary ? h('span', { class: 'badge badge--primary' }, 'Primary') : null,
      phone.verified
        ? h('span', { class: 'badge badge--success' }, icon('check'), 'Verified')
        : h('span', { class: 'badge badge--warning' }, icon('alert'), 'Not verified'),
    ),
    h(
      'div',
      { class: 'phone-list__actions' },
      phone.verified ? null : button('Verify by call', () => actions.verify(phone), true),
      phone.verified && !phone.primary
        ? button('Make primary', () => actions.makePrimary(phone))
        : null,
      button('Remove', () => actions.remove(phone)),
    ),
  );
}
