import { getSession } from '../../api/auth.js';
import { listUsers } from '../../api/admin.js';
import { ApiError } from '../../api/http.js';
import type { AdminUser } from '../../api/types.js';
import { h, replaceChildren } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import type { Teardown, View, ViewContext } from '../view.js';
import { auditLog } from './audit-log.js';
import { createUserForm } from './create-user-form.js';
import { refusalCard, refusalTitle, type Refusal } from './admin-refusal.js';
import { UserDirectory } from './user-directory.js';
import { userPanel } from './user-panel.js';
import { usersTable } from './users-table.js';
import './admin.css';

/**
 * `/admin`: users (create, role, unlock), their phone numbers (add, verify by call with the
 * digits live, make primary, remove) and the audit log. Administrators only: anyone else
 * is told why, and where to go.
 */
export const adminView: View = {
  async mount(outlet, context) {
    let session;
    try {
      session = await getSession();
    } catch (error) {
      return unavailable(outlet, context, error);
    }
    if (session.state !== 'authenticated') {
      return refuse(outlet, context, session.state === 'anonymous' ? 'sign-in' : 'finish-sign-in');
    }
    if (session.user.role !== 'admin') return refuse(outlet, context, 'not-admin');
    return mountAdmin(outlet, context);
  },
};

function refuse(outlet: HTMLElement, context: ViewContext, refusal: Refusal): void {
  context.setTitle(refusalTitle(refusal));
  replaceChildren(outlet, refusalCard(refusal));
}

function unavailable(outlet: HTMLElement, context: ViewContext, error: unknown): void {
  context.setTitle('Unavailable');
  replaceChildren(
    outlet,
    h(
      'section',
      { class: 'card card--narrow' },
      h('h1', { class: 'page-title' }, 'Administration could not load'),
      h('p', {}, errorMessage(error)),
    ),
  );
}

async function mountAdmin(outlet: HTMLElement, context: ViewContext): Promise<Teardown | void> {
  context.setTitle('Administration');
  const directory = new UserDirectory();
  let users: AdminUser[] = [];
  let refused = false;

  /** 401 and 403 mean this page is no longer for this session: say so instead. */
  const intercept = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) {
      return false;
    }
    if (!refused) {
      refused = true;
      teardown();
      refuse(outlet, context, error.status === 401 ? 'sign-in' : 'not-admin');
    }
    return true;
  };
  const lost = () => {
    if (refused) return;
    refused = true;
    teardown();
    refuse(outlet, context, 'sign-in');
  };

  const table = usersTable((user) => select(user));
  const panel = userPanel({ context, changed: () => void refreshAll(), intercept, lost });
  const audit = auditLog({ directory, intercept });
  const usersError = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });
  const form = createUserForm({
    created: (user) => {
      context.announce(`${user.username} created. Add their phone number next.`);
      void refreshAll().then(() => select(user, { focus: true }));
    },
    intercept,
  });

  outlet.append(
    h(
      'div',
      { class: 'admin' },
      h(
        'div',
        { class: 'admin__heading' },
        h('h1', { class: 'page-title' }, 'Administration'),
        h(
          'a',
          { href: '/dashboard', 'data-link': true, class: 'button button--quiet' },
          'Your account',
        ),
      ),
      h(
        'div',
        { class: 'admin__users' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'users-title' },
          h('h2', { class: 'section-title', id: 'users-title' }, 'Users'),
          usersError,
          table.element,
        ),
        h('section', { class: 'card' }, form),
      ),
      panel.element,
      audit.element,
    ),
  );

  function select(user: AdminUser, { focus = true } = {}): void {
    const fresh = users.find((entry) => entry.id === user.id) ?? user;
    panel.show(fresh, { focus });
    table.render(users, fresh.id);
  }

  async function refreshUsers(): Promise<void> {
    try {
      users = await listUsers();
    } catch (error) {
      if (intercept(error)) return;
      usersError.replaceChildren(h('p', {}, errorMessage(error)));
      usersError.hidden = false;
      return;
    }
    usersError.hidden = true;
    directory.update(users);
    table.render(users, panel.userId);
    audit.setUsers(users);
  }

  async function refreshAll(): Promise<void> {
    await refreshUsers();
    if (!refused) await audit.load();
  }

  function teardown(): void {
    panel.dispose();
  }

  await refreshAll();
  return teardown;
}
