import { getMe, logout } from '../../api/auth.js';
import { ApiError } from '../../api/http.js';
import { myPhones } from '../../api/my-phones.js';
import type { Me, PhoneNumberView } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { needsReauthentication } from '../../ui/error-message.js';
import { icon } from '../../ui/icons.js';
import { phoneManager } from '../phones/phone-manager.js';
import type { Teardown, View, ViewContext } from '../view.js';
import { reauthenticateNotice } from './reauthenticate-notice.js';
import './dashboard.css';

/**
 * `/dashboard`: who is signed in, their phones (add, verify by call, make primary, remove)
 * and, for administrators, the way to `/admin`. Anyone else goes to sign-in.
 */
export const dashboardView: View = {
  async mount(outlet, context) {
    let me: Me;
    let ownPhones: PhoneNumberView[];
    try {
      // Both before the first paint, so the page appears whole.
      [me, ownPhones] = await Promise.all([getMe(), myPhones.list()]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        context.navigate('/', { replace: true });
        return;
      }
      context.setTitle('Unavailable');
      outlet.append(
        h(
          'section',
          { class: 'card card--narrow' },
          h('h1', { class: 'page-title' }, 'Your account could not load'),
          h('p', {}, 'Check your connection, then reload the page.'),
        ),
      );
      return;
    }
    context.setTitle('Your account');
    return render(outlet, context, me, ownPhones);
  },
};

function render(
  outlet: HTMLElement,
  context: ViewContext,
  me: Me,
  ownPhones: PhoneNumberView[],
): Teardown {
  const signOut = h('button', { type: 'button', class: 'button' }, 'Sign out');
  const reauth = reauthenticateNotice(context);
  const phones = phoneManager({
    api: myPhones,
    owner: { kind: 'self' },
    context,
    intercept: (error) => {
      if (needsReauthentication(error)) {
        reauth.show((error as ApiError).message);
        return true;
      }
      if (error instanceof ApiError && error.status === 401) {
        context.navigate('/', { replace: true });
        return true;
      }
      return false;
    },
    lost: () => context.navigate('/', { replace: true }),
  });
  signOut.addEventListener('click', () => {
    signOut.setAttribute('aria-disabled', 'true');
    void logout()
      .catch(() => undefined)
      .then(() => context.navigate('/', { replace: true }));
  });
  outlet.append(
    h(
      'div',
      { class: 'dashboard' },
      h(
        'section',
        { class: 'card dashboard__welcome', 'aria-labelledby': 'welcome-title' },
        h(
          'div',
          { class: 'dashboard__heading' },
          h(
            'span',
            { class: 'avatar', 'aria-hidden': 'true' },
            me.username.slice(0, 1).toUpperCase(),
          ),
          h(
            'div',
            {},
            h('h1', { class: 'page-title', id: 'welcome-title' }, `Welcome, ${me.username}`),
            h(
              'p',
              { class: 'muted' },
              'Signed in as ',
              h('strong', {}, me.username),
              me.role === 'admin' ? ' (administrator)' : '',
              ', with your password and a phone call.',
            ),
          ),
        ),
        h(
          'p',
          { class: 'notice notice--success notice--inline' },
          icon('check'),
          'Your phone confirmed this sign-in.',
        ),
        h(
          'div',
          { class: 'actions' },
          me.role === 'admin'
            ? h('a', { href: '/admin', 'data-link': true, class: 'button' }, 'Administration')
            : null,
          signOut,
        ),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'phones-title' },
        h('h2', { class: 'section-title', id: 'phones-title' }, 'Your phones'),
        h(
          'p',
          { class: 'muted small' },
          'Numbers are partly hidden. We call your primary, verified number when you sign in.',
        ),
        reauth.element,
        phones.element,
      ),
    ),
  );
  void phones.load(ownPhones);
  return () => phones.dispose();
}
