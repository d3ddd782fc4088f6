import { login } from '../../api/auth.js';
import { listNumbers } from '../../api/simulator.js';
import { busyForm } from '../../ui/busy-form.js';
import { h } from '../../ui/dom.js';
import { inputField } from '../../ui/field.js';
import { icon } from '../../ui/icons.js';
import type { ViewContext } from '../view.js';
import { signInErrorMessage } from './sign-in-errors.js';
import './sign-in.css';

/** `/` when signed out: username and password; on success, the phone check starts. */
export function mountSignIn(outlet: HTMLElement, context: ViewContext): void {
  context.setTitle('Sign in');
  const username = inputField('Username', {
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = inputField('Password', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const errorBox = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });
  const submit = h(
    'button',
    { type: 'submit', class: 'button button--primary button--block' },
    'Sign in',
  );
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'aria-labelledby': 'sign-in-title' },
    errorBox,
    username.wrapper,
    password.wrapper,
    submit,
  );
  const demoHint = h('div', { class: 'demo-hint', hidden: true });

  const setBusy = busyForm(form, submit, 'Signing in…');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn();
  });

  async function signIn(): Promise<void> {
    const name = username.control.value.trim();
    const secret = password.control.value;
    username.showError(name ? null : 'Enter your username.');
    password.showError(secret ? null : 'Enter your password.');
    if (!name || !secret) {
      showError(null);
      (name ? password : username).control.focus();
      return;
    }
    showError(null);
    setBusy(true);
    try {
      await login(name, secret);
      context.navigate('/', { replace: true });
    } catch (error) {
      setBusy(false);
      showError(signInErrorMessage(error));
      password.control.select();
      password.control.focus();
    }
  }

  function showError(message: string | null): void {
    errorBox.hidden = message === null;
    errorBox.replaceChildren(...(message ? [icon('alert'), h('p', {}, message)] : []));
  }

  outlet.append(
    h(
      'div',
      { class: 'sign-in' },
      h(
        'section',
        { class: 'card sign-in__card' },
        h('h1', { class: 'page-title', id: 'sign-in-title' }, 'Sign in'),
        h('p', { class: 'lead' }, 'Then we call your phone to make sure it is you.'),
        form,
        demoHint,
      ),
      howItWorks(),
    ),
  );
  username.control.focus();
  void offerVirtualPhone(demoHint);
}

function howItWorks(): HTMLElement {
  const steps = [
    ['Sign in with your password', 'As usual.'],
    ['We call your phone', 'Your screen shows a fresh code. Nothing secret is said on the call.'],
    ['Type the code on the keypad', 'Each digit lights up here the moment you press it.'],
  ];
  return h(
    'aside',
    { class: 'how-it-works', 'aria-labelledby': 'how-it-works-title' },
    h('h2', { id: 'how-it-works-title' }, 'How Callgate keeps you safe'),
    h(
      'ol',
      { class: 'steps' },
      ...steps.map(([title, detail]) =>
        h('li', { class: 'steps__item' }, h('strong', {}, title), h('span', {}, detail)),
      ),
    ),
    h(
      'p',
      { class: 'how-it-works__note' },
      'Did not try to sign in but got a call? Press ',
      h('kbd', {}, '*'),
      ' on the call: we stop the sign-in and lock the account.',
    ),
  );
}

/** With the simulated carrier, point a newcomer to the virtual phone the call rings. */
async function offerVirtualPhone(hint: HTMLElement): Promise<void> {
  try {
    await listNumbers();
  } catch {
    return; // A real carrier: there is no virtual phone.
  }
  hint.append(
    icon('phone'),
    h(
      'p',
      {},
      'Demo mode: calls ring the ',
      h(
        'a',
        { href: '/phone', target: '_blank', rel: 'noopener' },
        'virtual phone (opens in a new tab)',
      ),
      '. Open it before you sign in.',
    ),
  );
  hint.hidden = false;
}
