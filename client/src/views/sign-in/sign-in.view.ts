import { login } from '../../api/auth.js';
import { listNumbers } from '../../api/simulator.js';
import { h, setAttr, uniqueId } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';
import type { ViewContext } from '../view.js';
import { signInErrorMessage } from './sign-in-errors.js';
import './sign-in.css';

interface Field {
  wrapper: HTMLElement;
  input: HTMLInputElement;
  showError(message: string | null): void;
}

/** `/` when signed out: username and password; on success, the phone check starts. */
export function mountSignIn(outlet: HTMLElement, context: ViewContext): void {
  context.setTitle('Sign in');
  const username = field('Username', { name: 'username', autocomplete: 'username' });
  const password = field('Password', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn();
  });

  async function signIn(): Promise<void> {
    const name = username.input.value.trim();
    const secret = password.input.value;
    username.showError(name ? null : 'Enter your username.');
    password.showError(secret ? null : 'Enter your password.');
    if (!name || !secret) {
      showError(null);
      (name ? password : username).input.focus();
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
      password.input.select();
      password.input.focus();
    }
  }

  function setBusy(busy: boolean): void {
    submit.disabled = busy;
    submit.textContent = busy ? 'Signing in…' : 'Sign in';
    setAttr(form, 'aria-busy', busy ? 'true' : null);
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
  username.input.focus();
  void offerVirtualPhone(demoHint);
}

function field(label: string, attributes: Record<string, string>): Field {
  const id = uniqueId('field');
  const errorId = `${id}-error`;
  const input = h('input', {
    id,
    class: 'input',
    required: true,
    spellcheck: 'false',
    ...attributes,
  });
  const error = h('p', { id: errorId, class: 'field__error', hidden: true });
  const wrapper = h(
    'div',
    { class: 'field' },
    h('label', { for: id, class: 'field__label' }, label),
    input,
    error,
  );
  return {
    wrapper,
    input,
    showError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
      setAttr(input, 'aria-invalid', message ? 'true' : null);
      setAttr(input, 'aria-describedby', message ? errorId : null);
    },
  };
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
