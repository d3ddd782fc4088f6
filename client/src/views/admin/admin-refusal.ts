import { h } from '../../ui/dom.js';

/** Why `/admin` shows nothing: not signed in (or not finished), or not an administrator. */
export type Refusal = 'sign-in' | 'finish-sign-in' | 'not-admin';

export function refusalCard(refusal: Refusal): HTMLElement {
  if (refusal === 'not-admin') {
    return h(
      'section',
      { class: 'card card--narrow', 'aria-labelledby': 'refusal-title' },
      h('h1', { class: 'page-title', id: 'refusal-title' }, 'Administrators only'),
      h(
        'p',
        { class: 'lead' },
        'Your account cannot manage users. Ask an administrator if you need a change.',
      ),
      h(
        'p',
        {},
        h('a', { href: '/dashboard', 'data-link': true, class: 'button' }, 'Back to your account'),
      ),
    );
  }
  const finishing = refusal === 'finish-sign-in';
  return h(
    'section',
    { class: 'card card--narrow', 'aria-labelledby': 'refusal-title' },
    h('h1', { class: 'page-title', id: 'refusal-title' }, 'Please sign in'),
    h(
      'p',
      { class: 'lead' },
      finishing
        ? 'Your sign-in is not finished: the phone check is still open.'
        : 'Administration needs an administrator who is signed in.',
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: '/', 'data-link': true, class: 'button button--primary' },
        finishing ? 'Finish signing in' : 'Go to sign-in',
      ),
    ),
  );
}

export const TITLES: Record<Refusal, string> = {
  'sign-in': 'Please sign in',
  'finish-sign-in': 'Please sign in',
  'not-admin': 'Administrators only',
};
