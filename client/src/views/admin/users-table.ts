import type { AdminUser } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import { icon } from '../../ui/icons.js';

/**
 * Every user: role, whether locked, their numbers in words. "Manage" opens one user's panel;
 * the open one is marked (aria-pressed, and "Open" in words).
 */
export function usersTable(onManage: (user: AdminUser) => void) {
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'data-table users-table', 'aria-labelledby': 'users-title' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['User', 'Role', 'Status', 'Phones', 'Actions'].map((name) =>
          h('th', { scope: 'col' }, name),
        ),
      ),
    ),
    body,
  );

  return {
    element: h('div', { class: 'table-wrap' }, table),
    render(users: AdminUser[], selectedId: string | null): void {
      body.replaceChildren(...users.map((user) => row(user, user.id === selectedId, onManage)));
    },
  };
}

function row(user: AdminUser, selected: boolean, onManage: (user: AdminUser) => void) {
  const verified = user.phones.filter((phone) => phone.verified).length;
  const manage = h(
    'button',
    {
      type: 'button',
      class: selected ? 'button button--primary' : 'button',
      'aria-pressed': String(selected),
      onClick: () => onManage(user),
    },
    'Manage',
    h('span', { class: 'visually-hidden' }, ` ${user.username}`),
  );
  return h(
    'tr',
    { 'data-user-id': user.id },
    h('th', { scope: 'row', 'data-label': 'User' }, h('strong', {}, user.username)),
    h('td', { 'data-label': 'Role' }, user.role === 'admin' ? 'Administrator' : 'User'),
    h(
      'td',
      { 'data-label': 'Status' },
      user.locked
        ? h('span', { class: 'badge badge--danger' }, icon('alert'), 'Locked')
        : h('span', { class: 'badge' }, 'Active'),
    ),
    h(
      'td',
      { 'data-label': 'Phones' },
      user.phones.length === 0 ? 'None' : `${user.phones.length} (${verified} verified)`,
    ),
    h('td', { 'data-label': 'Actions' }, manage),
  );
}
