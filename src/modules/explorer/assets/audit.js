/* The audit view of a customer: who did and saw what, newest first, from the audit trail of the
   KYC extension standard (GET /kyc/v1.0.0/banks/BANK_ID/audit-events?customer_id=…). */

import { call, errorOf } from './api.js';
import { fill, h } from './dom.js';

const KYC_API = '/kyc/v1.0.0';
const PAGE = 50;

/** The URL of one page of a customer's events: the bank's view, or every bank's without BANK_ID. */
export function auditUrl(bankId, customerId, offset = 0) {
  const q = new URLSearchParams({
    customer_id: customerId,
    limit: String(PAGE),
    offset: String(offset),
  });
  const base = bankId
    ? `${KYC_API}/banks/${encodeURIComponent(bankId)}/audit-events`
    : `${KYC_API}/audit-events`;
  return `${base}?${q}`;
}

/**
 * The dialog. `w` are the page's words; `labelOf(placeholder, id)` names a known id (a username
 * for a USER_ID); `listId(placeholder)` is the id of the picker's datalist.
 */
export function createAuditPanel(w, { labelOf, listId }) {
  const bank = h('input', {
    id: 'audit-bank',
    list: listId('BANK_ID'),
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'BANK_ID',
  });
  const customer = h('input', {
    id: 'audit-customer',
    list: listId('CUSTOMER_ID'),
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'CUSTOMER_ID',
  });
  const status = h('p', { class: 'audit-status', role: 'status', 'aria-live': 'polite' });
  const rows = h('tbody', {});
  const table = h(
    'table',
    { class: 'audit-events', hidden: true },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          w.auditWhen,
          w.auditWho,
          w.auditAction,
          w.auditWhat,
          w.auditFields,
          w.auditCorrelation,
        ].map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    rows,
  );
  const more = h('button', { type: 'button', class: 'audit-more', hidden: true }, w.auditOlder);
  let offset = 0;

  const who = (e) => {
    if (!e.user_id) return h('em', {}, w.auditAnonymous);
    const name = labelOf('USER_ID', e.user_id);
    return name ? h('span', { title: e.user_id }, name) : h('code', {}, e.user_id);
  };
  const row = (e) =>
    h(
      'tr',
      { dataset: { action: e.action, eventId: e.event_id } },
      h('td', {}, h('time', { datetime: e.occurred_at }, e.occurred_at.replace('T', ' '))),
      h('td', {}, who(e)),
      h('td', {}, h('span', { class: `audit-action audit-${e.action}` }, e.action)),
      // the customer's own id (a list read, the customer itself) says nothing new here
      h(
        'td',
        {},
        h('code', {}, e.entity_type),
        e.entity_id === e.customer_id ? null : [' ', h('span', { class: 'hint' }, e.entity_id)],
      ),
      h('td', {}, e.changed_fields.join(', ')),
      h(
        'td',
        {},
        h(
          'code',
          { class: 'hint', title: e.correlation_id },
          e.correlation_id.length > 13 ? `${e.correlation_id.slice(0, 12)}…` : e.correlation_id,
        ),
      ),
    );

  async function load(append) {
    const customerId = customer.value.trim();
    if (!customerId) {
      status.textContent = `${w.fillIn} CUSTOMER_ID`;
      return;
    }
    if (!append) offset = 0;
    status.textContent = w.loading;
    const res = await call('GET', auditUrl(bank.value.trim(), customerId, offset));
    if (!res.ok) {
      status.textContent = errorOf(res);
      status.dataset.status = String(res.status);
      if (!append) {
        fill(rows);
        table.hidden = true;
        more.hidden = true;
      }
      return;
    }
    delete status.dataset.status;
    const events = res.json?.audit_events ?? [];
    if (!append) fill(rows);
    rows.append(...events.map(row));
    offset += events.length;
    table.hidden = rows.childElementCount === 0;
    more.hidden = events.length < PAGE;
    status.textContent = rows.childElementCount === 0 ? w.auditNone : w.auditShown(offset);
  }
  more.addEventListener('click', () => load(true));

  const form = h(
    'form',
    {
      class: 'audit-form',
      onsubmit: (e) => {
        e.preventDefault();
        void load(false);
      },
    },
    h('label', { for: bank.id }, 'BANK_ID'),
    bank,
    h('label', { for: customer.id }, 'CUSTOMER_ID'),
    customer,
    h('p', { class: 'hint' }, w.auditHint),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'primary' }, w.auditShow),
    ),
  );
  const dialog = h(
    'dialog',
    { id: 'audit-dialog', class: 'wide', 'aria-labelledby': 'audit-title' },
    h('h2', { id: 'audit-title' }, w.auditTitle),
    form,
    status,
    h('div', { class: 'audit-table' }, table),
    more,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', onclick: () => dialog.close() }, w.close),
    ),
  );

  return {
    dialog,
    /** Opens on a customer; shows their events at once when the customer is known. */
    open(bankId, customerId) {
      bank.value = bankId ?? '';
      customer.value = customerId ?? '';
      fill(rows);
      table.hidden = true;
      more.hidden = true;
      status.textContent = '';
      dialog.showModal();
      if (customer.value) void load(false);
      else customer.focus();
    },
  };
}
