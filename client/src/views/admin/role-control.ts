import { setRole } from '../../api/admin.js';
import type { AdminUser, Role } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { selectField } from '../../ui/field.js';

interface Dependencies {
  changed(user: AdminUser): void;
  failed(error: unknown): void;
}

/** A user's role, and the button that changes it (the server keeps at least one admin). */
export function roleControl(user: AdminUser, deps: Dependencies): HTMLFormElement {
  const role = selectField('Role', [
    ['user', 'User'],
    ['admin', 'Administrator'],
  ]);
  role.control.value = user.role;
  const submit = h('button', { type: 'submit', class: 'button' }, 'Change role');
  const form = h(
    'form',
    { class: 'role-control', 'aria-label': `Role of ${user.username}` },
    role.wrapper,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = role.control.value as Role;
    if (next === user.role) return;
    submit.disabled = true;
    setRole(user.id, next)
      .then((updated) => deps.changed(updated))
      .catch((error: unknown) => {
        role.control.value = user.role;
        deps.failed(error);
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
