import { getMe, logout } from '../../api/auth.js';
import { ApiError } from '../../api/http.js';
import type { Me, MyPhone } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';
import type { View, ViewContext } from '../view.js';
import './dashboard.css';

/** `/dashboard`: who is signed in and their phones. Anyone else goes to sign-in. */
export const dashboardView: View = {
  async mount(outlet, context) {
    let me: Me;
    try {
      me = await getMe();
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
    render(outlet, context, me);
  },
};

function render(outlet: HTMLElement, context: ViewContext, me: Me): void {
  const signOut = h('button', { type: 'button', class: 'button' }, 'Sign out');
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
        h('div', { class: 'actions' }, signOut),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'phones-title' },
        h('h2', { class: 'section-title', id: 'phones-title' }, 'Your phones'),
        me.phones.length === 0
          ? h('p', { class: 'muted' }, 'No phone numbers yet.')
          : h('ul', { class: 'phone-list' }, ...me.phones.map(phoneItem)),
        h(
          'p',
          { class: 'muted small' },
          'Numbers are partly hidden. We call your primary, verified number when you sign in.',
        ),
      ),
    ),
  );
}

function phoneItem(phone: MyPhone): HTMLElement {
  return h(
    'li',
    { class: 'phone-list__item' },
    h('span', { class: 'phone-list__icon', 'aria-hidden': 'true' }, icon('phone')),
    h(
      'div',
      { class: 'phone-list__text' },
      h('span', { class: 'phone-list__number' }, phone.number),
      h('span', { class: 'muted small' }, phone.label || 'Phone'),
    ),
    h(
      'span',
      { class: 'phone-list__badges' },
      phone.primary ? h('span', { class: 'badge badge--primary' }, 'Primary') : null,
      phone.verified
        ? h('span', { class: 'badge badge--success' }, 'Verified')
        : h('span', { class: 'badge' }, 'Not verified'),
    ),
  );
}
