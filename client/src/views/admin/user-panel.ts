import { unlockUser, userPhones } from '../../api/admin.js';
import type { AdminUser } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import { icon } from '../../ui/icons.js';
import { phoneManager } from '../phones/phone-manager.js';
import type { ViewContext } from '../view.js';
import { roleControl } from './role-control.js';

interface Dependencies {
  context: ViewContext;
  /** The user changed (role, lock, numbers): refresh the list and the audit log. */
  changed(): void;
  intercept(error: unknown): boolean;
  lost(): void;
}

/** One user: role, lock, and their phone numbers (full numbers: this is the admin's view). */
export function userPanel(deps: Dependencies) {
  const element = h('section', {
    class: 'card user-panel',
    'aria-labelledby': 'user-panel-title',
    hidden: true,
  });
  let phones: ReturnType<typeof phoneManager> | null = null;
  let current: AdminUser | null = null;

  function show(user: AdminUser, { focus = false } = {}): void {
    phones?.dispose();
    current = user;
    const errors = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });
    const fail = (error: unknown) => {
      if (deps.intercept(error)) return;
      errors.replaceChildren(h('p', {}, errorMessage(error)));
      errors.hidden = false;
    };
    phones = phoneManager({
      api: userPhones(user.id),
      owner: { kind: 'user', username: user.username },
      context: deps.context,
      intercept: deps.intercept,
      lost: deps.lost,
      changed: deps.changed,
    });
    const unlock = user.locked
      ? h(
          'button',
          {
            type: 'button',
            class: 'button',
            onClick: () => {
              unlockUser(user.id)
                .then((updated) => {
                  show(updated);
                  deps.context.announce(`${user.username} is unlocked.`);
                  deps.changed();
                })
                .catch(fail);
            },
          },
          'Unlock',
        )
      : null;
    const title = h(
      'h2',
      { class: 'section-title', id: 'user-panel-title', tabindex: -1 },
      user.username,
    );
    element.replaceChildren(
      h(
        'div',
        { class: 'user-panel__heading' },
        title,
        h(
          'span',
          { class: 'user-panel__badges' },
          h('span', { class: 'badge' }, user.role === 'admin' ? 'Administrator' : 'User'),
          user.locked
            ? h('span', { class: 'badge badge--danger' }, icon('alert'), 'Locked')
            : h('span', { class: 'badge' }, 'Active'),
        ),
      ),
      errors,
      h(
        'div',
        { class: 'user-panel__account' },
        roleControl(user, {
          changed: (updated) => {
            show(updated);
            deps.context.announce(
              `${updated.username} is now ${updated.role === 'admin' ? 'an administrator' : 'a user'}.`,
            );
            deps.changed();
          },
          failed: fail,
        }),
        unlock,
      ),
      h('h3', { class: 'section-title' }, 'Phone numbers'),
      phones.element,
    );
    element.hidden = false;
    void phones.load(user.phones);
    if (focus) title.focus();
  }

  return {
    element,
    get userId(): string | null {
      return current?.id ?? null;
    },
    show,
    dispose: () => phones?.dispose(),
  };
}
