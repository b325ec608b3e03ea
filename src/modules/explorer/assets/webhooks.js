/* The webhooks panel (KYCv1.0.0, issue #15): a bank's webhooks (create: the secret is shown once;
   list; delete) and a webhook's deliveries (status, every attempt, next retry, retry by hand). */

import { call, errorOf, store } from './api.js';
import { copyText, fill, h } from './dom.js';

const KYC = '/kyc/v1.0.0';

/** The event types a webhook may subscribe to (src/modules/event/event-types.ts; the browser test compares). */
export const EVENT_TYPES = [
  'customer.created',
  'customer.number_updated',
  'address.created',
  'address.updated',
  'address.deleted',
  'tax_residence.created',
  'tax_residence.deleted',
  'kyc_check.upserted',
  'kyc_document.upserted',
  'kyc_media.upserted',
  'kyc_media.content_uploaded',
  'kyc_media.content_deleted',
  'kyc_status.added',
  'meeting.created',
  'user_customer_link.created',
  'entitlement.created',
  'entitlement.deleted',
];

const WORDS = {
  en_GB: {
    webhooks: 'Webhooks',
    bank: 'Bank (BANK_ID)',
    load: 'Show webhooks',
    none: 'No webhooks at this bank yet.',
    url: 'URL',
    eventTypes: 'Event types',
    description: 'Description',
    created: 'Created',
    create: 'Create webhook',
    createTitle: 'New webhook',
    urlHint:
      'http or https; the server refuses private and metadata addresses unless it runs with WEBHOOK_ALLOW_PRIVATE=true.',
    secretTitle: 'Signing secret: shown only now',
    secretHint:
      'Keep it to verify the Webhook-Signature header (Standard Webhooks). The server will not show it again.',
    copy: 'Copy',
    copied: 'Copied',
    deliveries: 'Deliveries',
    deliveriesOf: (url) => `Deliveries to ${url}`,
    refresh: 'Refresh',
    noDeliveries: 'No deliveries yet: events of the bank appear here once sent.',
    event: 'Event',
    customer: 'Customer',
    status: 'Status',
    attempts: 'Attempts',
    nextRetry: 'Next retry',
    retry: 'Retry now',
    retried: 'Queued',
    attempt: 'Attempt',
    response: 'Response',
    duration: 'Duration',
    remove: 'Delete',
    confirmDelete: (url) => `Delete the webhook to ${url}? No more events will be sent to it.`,
    deleted: 'Webhook deleted.',
    needLogin: 'Log in to manage webhooks.',
    close: 'Close',
  },
  es_ES: {
    webhooks: 'Webhooks',
    bank: 'Banco (BANK_ID)',
    load: 'Ver webhooks',
    none: 'Este banco no tiene webhooks todavía.',
    url: 'URL',
    eventTypes: 'Tipos de evento',
    description: 'Descripción',
    created: 'Creado',
    create: 'Crear webhook',
    createTitle: 'Nuevo webhook',
    urlHint:
      'http o https; el servidor rechaza direcciones privadas y de metadatos salvo con WEBHOOK_ALLOW_PRIVATE=true.',
    secretTitle: 'Secreto de firma: solo se muestra ahora',
    secretHint:
      'Guárdelo para verificar la cabecera Webhook-Signature (Standard Webhooks). El servidor no lo mostrará de nuevo.',
    copy: 'Copiar',
    copied: 'Copiado',
    deliveries: 'Entregas',
    deliveriesOf: (url) => `Entregas a ${url}`,
    refresh: 'Actualizar',
    noDeliveries: 'Sin entregas todavía: los eventos del banco aparecen aquí al enviarse.',
    event: 'Evento',
    customer: 'Cliente',
    status: 'Estado',
    attempts: 'Intentos',
    nextRetry: 'Próximo reintento',
    retry: 'Reintentar ahora',
    retried: 'En cola',
    attempt: 'Intento',
    response: 'Respuesta',
    duration: 'Duración',
    remove: 'Eliminar',
    confirmDelete: (url) => `¿Eliminar el webhook a ${url}? No se le enviarán más eventos.`,
    deleted: 'Webhook eliminado.',
    needLogin: 'Inicie sesión para gestionar webhooks.',
    close: 'Cerrar',
  },
};

const enc = encodeURIComponent;

function table(headings, rows, attrs = {}) {
  return h(
    'table',
    { class: 'webhook-table', ...attrs },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headings.map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

/**
 * The panel: `webhooksDialog(locale)` builds the <dialog> once; `openWebhooks()` shows it for the
 * BANK_ID last used on the page.
 */
export function webhooksDialog(locale) {
  const w = WORDS[locale] ?? WORDS.en_GB;
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const status = h('p', { class: 'hint', role: 'status' });
  const bank = h('input', { id: 'webhooks-bank', list: 'choices-BANK_ID', autocomplete: 'off' });
  const list = h('div', { id: 'webhooks-list' });
  const secretBox = h('div', { id: 'webhook-secret', class: 'secret-box', hidden: true });
  const deliveriesBox = h('div', { id: 'webhook-deliveries', hidden: true });
  const url = h('input', {
    id: 'webhook-url',
    type: 'url',
    required: true,
    'aria-describedby': 'webhook-url-hint',
  });
  const description = h('input', { id: 'webhook-description', maxlength: 255 });
  const types = EVENT_TYPES.map((t) =>
    h(
      'label',
      { class: 'event-type' },
      h('input', { type: 'checkbox', name: 'event_type', value: t }),
      ' ',
      h('code', {}, t),
    ),
  );

  const base = () => `${KYC}/banks/${enc(bank.value.trim())}/webhooks`;
  const fail = (res) => {
    error.textContent = errorOf(res);
    error.hidden = false;
  };
  const clear = () => {
    error.hidden = true;
    status.textContent = '';
  };

  async function loadList() {
    clear();
    deliveriesBox.hidden = true;
    if (!store.token) {
      fill(list, h('p', {}, w.needLogin));
      return;
    }
    if (!bank.value.trim()) return;
    store.values = { ...store.values, BANK_ID: bank.value.trim() };
    const res = await call('GET', base());
    if (!res.ok) {
      fill(list);
      fail(res);
      return;
    }
    const hooks = res.json?.webhooks ?? [];
    fill(
      list,
      hooks.length === 0
        ? h('p', {}, w.none)
        : table(
            [w.url, w.eventTypes, w.description, w.created, ''],
            hooks.map((hook) =>
              h(
                'tr',
                { dataset: { webhookId: hook.webhook_id } },
                h('td', {}, h('code', {}, hook.url)),
                h('td', {}, hook.event_types.join(', ')),
                h('td', {}, hook.description),
                h('td', {}, hook.created_at),
                h(
                  'td',
                  {},
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'webhook-deliveries',
                      onclick: () => showDeliveries(hook),
                    },
                    w.deliveries,
                  ),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'webhook-delete', onclick: () => remove(hook) },
                    w.remove,
                  ),
                ),
              ),
            ),
          ),
    );
  }

  async function create(e) {
    e.preventDefault();
    clear();
    const chosen = types
      .map((l) => l.querySelector('input'))
      .filter((i) => i.checked)
      .map((i) => i.value);
    const res = await call('POST', base(), {
      url: url.value.trim(),
      event_types: chosen,
      description: description.value,
    });
    if (res.status !== 201) {
      fail(res);
      return;
    }
    const secret = res.json.secret;
    const copy = h('button', { type: 'button' }, w.copy);
    copy.addEventListener('click', async () => {
      if (await copyText(secret)) copy.textContent = w.copied;
    });
    fill(
      secretBox,
      h('h3', {}, w.secretTitle),
      h('p', {}, h('code', { class: 'webhook-secret-value' }, secret), ' ', copy),
      h('p', { class: 'hint' }, w.secretHint),
    );
    secretBox.hidden = false;
    url.value = '';
    description.value = '';
    for (const l of types) l.querySelector('input').checked = false;
    await loadList();
  }

  async function remove(hook) {
    if (!window.confirm(w.confirmDelete(hook.url))) return;
    clear();
    const res = await call('DELETE', `${base()}/${enc(hook.webhook_id)}`);
    if (!res.ok) {
      fail(res);
      return;
    }
    await loadList();
    status.textContent = w.deleted;
  }

  async function showDeliveries(hook) {
    clear();
    secretBox.hidden = true;
    const res = await call('GET', `${base()}/${enc(hook.webhook_id)}/deliveries?limit=100`);
    if (!res.ok) {
      fail(res);
      return;
    }
    const deliveries = res.json?.deliveries ?? [];
    const rows = deliveries.map((d) => {
      const note = h('span', { role: 'status' });
      const retry = h('button', { type: 'button', class: 'webhook-retry' }, w.retry);
      retry.addEventListener('click', async () => {
        const r = await call(
          'POST',
          `${base()}/${enc(hook.webhook_id)}/deliveries/${enc(d.delivery_id)}/retry`,
        );
        note.textContent = r.ok ? w.retried : errorOf(r);
        if (r.ok) await showDeliveries(hook);
      });
      const attempts = d.attempts.map((a, i) =>
        h(
          'li',
          { class: `attempt attempt-${a.status}` },
          `${w.attempt} ${i + 1}: ${a.attempted_at} · ${a.status} · ${w.response} ${a.response_code ?? '—'}`,
          ` · ${w.duration} ${a.duration_ms} ms`,
          a.error ? ` · ${a.error}` : '',
          a.next_retry_at ? ` · ${w.nextRetry} ${a.next_retry_at}` : '',
        ),
      );
      return h(
        'tr',
        { dataset: { deliveryId: d.delivery_id, status: d.status } },
        h('td', {}, h('code', {}, d.event_type), h('br'), h('small', {}, d.event_id)),
        h('td', {}, d.customer_id ?? '—'),
        h('td', { class: `delivery-status status-${d.status}` }, d.status),
        h(
          'td',
          {},
          attempts.length
            ? h(
                'details',
                {},
                h('summary', {}, String(d.attempt_count)),
                h('ol', { class: 'attempts' }, attempts),
              )
            : '0',
        ),
        h('td', {}, d.next_retry_at ?? '—'),
        h('td', {}, d.created_at),
        h('td', {}, retry, ' ', note),
      );
    });
    fill(
      deliveriesBox,
      h('h3', {}, w.deliveriesOf(hook.url)),
      h(
        'button',
        { type: 'button', class: 'webhook-refresh', onclick: () => showDeliveries(hook) },
        w.refresh,
      ),
      rows.length === 0
        ? h('p', {}, w.noDeliveries)
        : table([w.event, w.customer, w.status, w.attempts, w.nextRetry, w.created, ''], rows, {
            class: 'webhook-table deliveries',
          }),
    );
    deliveriesBox.hidden = false;
  }

  const dialog = h(
    'dialog',
    { id: 'webhooks-dialog', class: 'wide', 'aria-labelledby': 'webhooks-title' },
    h('h2', { id: 'webhooks-title' }, w.webhooks),
    h(
      'form',
      {
        class: 'webhooks-bank',
        onsubmit: (e) => {
          e.preventDefault();
          void loadList();
        },
      },
      h('label', { for: 'webhooks-bank' }, w.bank),
      bank,
      h('button', { type: 'submit', id: 'webhooks-load' }, w.load),
    ),
    error,
    status,
    list,
    secretBox,
    deliveriesBox,
    h(
      'form',
      { id: 'webhook-create', onsubmit: create },
      h('h3', {}, w.createTitle),
      h('label', { for: 'webhook-url' }, w.url),
      url,
      h('p', { id: 'webhook-url-hint', class: 'hint' }, w.urlHint),
      h('label', { for: 'webhook-description' }, w.description),
      description,
      h('fieldset', { class: 'event-types' }, h('legend', {}, w.eventTypes), types),
      h('button', { type: 'submit', class: 'primary' }, w.create),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', onclick: () => dialog.close() }, w.close),
    ),
  );

  // the secret leaves the page with the panel: shown once means once
  dialog.addEventListener('close', () => {
    fill(secretBox);
    secretBox.hidden = true;
  });

  return {
    dialog,
    label: w.webhooks,
    /** Opens the panel on the BANK_ID last used on the page. */
    async open() {
      bank.value = bank.value || (store.values.BANK_ID ?? '');
      dialog.showModal();
      await loadList();
    },
  };
}
