import { listAudit } from '../../api/admin.js';
import type { AdminUser } from '../../api/types.js';
import { h, setAttr } from '../../ui/dom.js';
import { errorMessage } from '../../ui/error-message.js';
import { auditFilters, type AuditFilter } from './audit-filters.js';
import { auditTable } from './audit-table.js';
import type { UserDirectory } from './user-directory.js';

const PAGE_SIZE = 15;

interface Dependencies {
  directory: UserDirectory;
  intercept(error: unknown): boolean;
}

/** The audit log: newest first, filtered by user and action, a page at a time. */
export function auditLog(deps: Dependencies) {
  let filter: AuditFilter = {};
  let page = 1;
  let pages = 1;
  const filters = auditFilters((next) => {
    filter = next;
    page = 1;
    void load();
  });
  const table = auditTable(deps.directory);
  const summary = h('p', { class: 'muted small', role: 'status' });
  const errors = h('div', { class: 'alert alert--danger', role: 'alert', hidden: true });
  const newer = h(
    'button',
    { type: 'button', class: 'button', onClick: () => turn(-1) },
    '← Newer',
  );
  const older = h('button', { type: 'button', class: 'button', onClick: () => turn(1) }, 'Older →');
  const refresh = h(
    'button',
    { type: 'button', class: 'button button--quiet', onClick: () => void load() },
    'Refresh',
  );
  const element = h(
    'section',
    { class: 'card audit-log', 'aria-labelledby': 'audit-title' },
    h('h2', { class: 'section-title', id: 'audit-title' }, 'Audit log'),
    filters.element,
    errors,
    table.element,
    h('nav', { class: 'pager', 'aria-label': 'Audit log pages' }, newer, summary, older, refresh),
  );

  function turn(step: number): void {
    const next = page + step;
    if (next < 1 || next > pages) return;
    page = next;
    void load();
  }

  async function load(): Promise<void> {
    setAttr(element, 'aria-busy', 'true');
    try {
      const result = await listAudit({ ...filter, page, limit: PAGE_SIZE });
      pages = Math.max(1, Math.ceil(result.total / result.limit));
      errors.hidden = true;
      table.render(result.items);
      summary.textContent =
        result.total === 0
          ? 'No events'
          : `Page ${page} of ${pages} · ${result.total} ${result.total === 1 ? 'event' : 'events'}`;
      setAttr(newer, 'aria-disabled', page <= 1 ? 'true' : null);
      setAttr(older, 'aria-disabled', page >= pages ? 'true' : null);
    } catch (error) {
      if (deps.intercept(error)) return;
      errors.replaceChildren(h('p', {}, errorMessage(error)));
      errors.hidden = false;
    } finally {
      setAttr(element, 'aria-busy', null);
    }
  }

  return {
    element,
    load,
    setUsers: (users: AdminUser[]) => filters.setUsers(users),
  };
}
