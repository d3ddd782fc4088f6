import { h } from '../../ui/dom.js';

/** Why `/admin` shows nothing: not signed in (or not finished), or not an administrator. */
export type Refusal = 'sign-in' | 'finish-sign-in' | 'not-admin';

interface RefusalWords {
  title: string;
  lead: string;
  link: { href: string; text: string; primary: boolean };
}

const WORDS: Record<Refusal, RefusalWords> = {
  'sign-in': {
    title: 'Please sign in',
    lead: 'Administration needs an administrator who is signed in.',
    link: { href: '/', text: 'Go to sign-in', primary: true },
  },
  'finish-sign-in': {
    title: 'Please sign in',
    lead: 'Your sign-in is not finished: the phone check is still open.',
    link: { href: '/', text: 'Finish signing in', primary: true },
  },
  'not-admin': {
    title: 'Administrators only',
    lead: 'Your account cannot manage users. Ask an administrator if you need a change.',
    link: { href: '/dashboard', text: 'Back to your account', primary: false },
  },
};

/** The page title for a refusal. */
export const refusalTitle = (refusal: Refusal): string => WORDS[refusal].title;

export function refusalCard(refusal: Refusal): HTMLElement {
  const { title, lead, link } = WORDS[refusal];
  return h(
    'section',
    { class: 'card card--narrow', 'aria-labelledby': 'refusal-title' },
    h('h1', { class: 'page-title', id: 'refusal-title' }, title),
    h('p', { class: 'lead' }, lead),
    h(
      'p',
      {},
      h(
        'a',
        {
          href: link.href,
          'data-link': true,
          class: link.primary ? 'button button--primary' : 'button',
        },
        link.text,
      ),
    ),
  );
}
