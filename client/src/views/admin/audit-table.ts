import type { AuditEvent } from '../../api/types.js';
import { h } from '../../ui/dom.js';
import type { UserDirectory } from './user-directory.js';

const WHEN = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

/** Audit events as a table, newest first (the server's order). */
export function auditTable(directory: UserDirectory) {
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'data-table audit-table', 'aria-labelledby': 'audit-title' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['When', 'Action', 'By', 'About', 'Details'].map((name) =>
          h('th', { scope: 'col' }, name),
        ),
      ),
    ),
    body,
  );
  const empty = h('p', { class: 'muted', hidden: true }, 'No events match.');
  return {
    element: h('div', { class: 'table-wrap' }, table, empty),
    render(events: AuditEvent[]): void {
      empty.hidden = events.length > 0;
      table.hidden = events.length === 0;
      body.replaceChildren(...events.map((event) => row(event, directory)));
    },
  };
}

function row(event: AuditEvent, directory: UserDirectory): HTMLTableRowElement {
  return h(
    'tr',
    {},
    h(
      'td',
      { 'data-label': 'When' },
      h('time', { datetime: event.at }, WHEN.format(new Date(event.at))),
    ),
    h('td', { 'data-label': 'Action' }, h('code', { class: 'audit-action' }, event.action)),
    h('td', { 'data-label': 'By' }, directory.nameOf(event.actor)),
    h('td', { 'data-label': 'About' }, directory.nameOf(event.subject)),
    h('td', { 'data-label': 'Details', class: 'audit-detail' }, details(event)),
  );
}

/** Flat facts (never a secret, says the server), as `key: value` pairs, plus the address. */
function details(event: AuditEvent): string {
  const facts = Object.entries(event.detail ?? {})
    .filter(([key]) => key !== 'phoneId' && key !== 'challengeId')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (event.ip) facts.push(`from ${event.ip}`);
  return facts.join(' · ') || '—';
}
