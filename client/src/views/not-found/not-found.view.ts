import { h } from '../../ui/dom.js';
import type { View } from '../view.js';

export const notFoundView: View = {
  mount(outlet, context) {
    context.setTitle('Page not found');
    outlet.append(
      h(
        'section',
        { class: 'card card--narrow' },
        h('h1', { class: 'page-title' }, 'Page not found'),
        h('p', { class: 'lead' }, 'There is nothing at this address.'),
        h('p', {}, h('a', { href: '/', 'data-link': true, class: 'button' }, 'Go to sign-in')),
      ),
    );
  },
};
