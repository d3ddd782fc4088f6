import { logout } from '../../api/auth.js';
import { h } from '../../ui/dom.js';
import type { ViewContext } from '../view.js';

/**
 * Changing one's phones needs a phone check from the last 10 minutes (the server's 403
 * `reauthenticate: true`). The server offers no re-check on its own, so the way to a fresh
 * one is to sign in again: sign out, then sign-in calls the phone and comes back here.
 */
export function reauthenticateNotice(context: ViewContext) {
  const title = h('h3', { class: 'notice__title', tabindex: -1 }, 'Please confirm it is you again');
  const detail = h('p', {});
  const button = h('button', { type: 'button', class: 'button button--primary' }, 'Sign in again');
  button.addEventListener('click', () => {
    button.setAttribute('aria-disabled', 'true');
    void logout()
      .catch(() => undefined)
      .then(() => context.navigate('/', { replace: true }));
  });
  const element = h(
    'div',
    { class: 'notice notice--danger', hidden: true },
    title,
    detail,
    h(
      'p',
      {},
      'Changes to your phone numbers need a phone check from the last 10 minutes. Sign in again (we will call your phone), then come back to this page.',
    ),
    h('div', { class: 'actions' }, button),
  );
  return {
    element,
    show(serverMessage: string): void {
      detail.textContent = serverMessage;
      element.hidden = false;
      context.announce(`${title.textContent} ${serverMessage}`, 'assertive');
      title.focus();
    },
  };
}
