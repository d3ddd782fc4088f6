import type { AdminUser } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { selectField } from '../../ui/field.js';

/** The actions Callgate records (src/: every `audit.record`), for the filter's choices. */
export const AUDIT_ACTIONS = [
  'sign-in.password-accepted',
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-in.refused',
  'second-factor.started',
  'second-factor.verified',
  'second-factor.failed',
  'call.placed',
  'account.locked',
  'session.ended',
  'user.created',
  'user.role-changed',
  'user.unlocked',
  'phone.added',
  'phone.verification-started',
  'phone.verified',
  'phone.verification-failed',
  'phone.verification-conflict',
  'phone.made-primary',
  'phone.removed',
] as const;

export interface AuditFilter {
  userId?: string;
  action?: string;
}

/** "Show events for [user] and [action]": applied when submitted. */
export function auditFilters(onApply: (filter: AuditFilter) => void) {
  const user = selectField('User', [['', 'All users']]);
  const action = selectField('Action', [
    ['', 'All actions'],
    ...AUDIT_ACTIONS.map((name) => [name, name] as const),
  ]);
  const form = h(
    'form',
    { class: 'audit-filters', 'aria-label': 'Filter the audit log' },
    user.wrapper,
    action.wrapper,
    h('button', { type: 'submit', class: 'button' }, 'Show events'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply({
      userId: user.control.value || undefined,
      action: action.control.value || undefined,
    });
  });

  return {
    element: form,
    /** Keeps the user choices in step with the user list, keeping the current choice. */
    setUsers(users: AdminUser[]): void {
      const chosen = user.control.value;
      user.control.replaceChildren(
        h('option', { value: '' }, 'All users'),
        ...users.map((entry) => h('option', { value: entry.id }, entry.username)),
      );
      user.control.value = users.some((entry) => entry.id === chosen) ? chosen : '';
    },
  };
}
