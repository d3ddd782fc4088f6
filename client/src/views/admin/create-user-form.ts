import { createUser } from '../../api/admin.js';
import type { AdminUser, Role } from '../../api/types.js';
import { busyForm } from '../../ui/busy-form.js';
import { h } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import { errorBox, inputField, selectField } from '../../ui/field.js';

interface Dependencies {
  created(user: AdminUser): void;
  /** Refusals the page handles (signed out, no longer an admin); true when handled. */
  intercept(error: unknown): boolean;
}

/**
 * "Create a user": username, password (12 characters or more), role. A new user cannot
 * sign in until a number is added and verified by call, so the new user's panel opens next.
 */
export function createUserForm(deps: Dependencies): HTMLFormElement {
  const username = inputField('Username', {
    name: 'new-username',
    autocomplete: 'off',
    minlength: '3',
    maxlength: '64',
    required: true,
  });
  const password = inputField(
    'Password',
    {
      name: 'new-password',
      type: 'password',
      autocomplete: 'new-password',
      minlength: '12',
      maxlength: '128',
      required: true,
    },
    'At least 12 characters.',
  );
  const role = selectField('Role', [
    ['user', 'User'],
    ['admin', 'Administrator'],
  ]);
  const errors = errorBox();
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Create user');
  const form = h(
    'form',
    { class: 'stack', novalidate: true, 'aria-labelledby': 'create-user-title' },
    h('h2', { class: 'section-title', id: 'create-user-title' }, 'Create a user'),
    errors.element,
    username.wrapper,
    password.wrapper,
    role.wrapper,
    h('div', { class: 'actions' }, submit),
  );

  const setBusy = busyForm(form, submit, 'Creating…');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const name = username.control.value.trim();
    const secret = password.control.value;
    username.showError(name.length >= 3 ? null : 'Enter a username of 3 characters or more.');
    password.showError(secret.length >= 12 ? null : 'Enter a password of 12 characters or more.');
    errors.show(null);
    if (name.length < 3 || secret.length < 12) {
      (name.length < 3 ? username : password).control.focus();
      return;
    }
    setBusy(true);
    try {
      const user = await createUser({
        username: name,
        password: secret,
        role: role.control.value as Role,
      });
      form.reset();
      deps.created(user);
    } catch (error) {
      if (!deps.intercept(error)) {
        errors.show(errorMessage(error));
        username.control.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return form;
}
