/* The API explorer: OBP's resource docs, grouped and filtered, each endpoint callable from the page
   with a DirectLogin token, its roles requestable, its errors explained. Plain ES modules, no build. */

import { API, call, directLogin, errorOf, store } from './api.js';
import { createAuditPanel } from './audit.js';
import { add, copyText, fill, h, pretty, safeHtml, whenIdle } from './dom.js';
import { LOCALES, wordsFor } from './i18n.js';
import { optionalParameters, parameterFields, withQuery } from './parameters.js';
import { curlFor, fillPath, sdkCallFor } from './snippets.js';
import { webhooksDialog } from './webhooks.js';

// OBP's versions, then our KYC extension standard (served at /kyc/v1.0.0, documented like OBP's)
const VERSIONS = ['v3.1.0', 'v2.0.0', 'KYCv1.0.0'];
/** `v3.1.0` → `OBPv3.1.0`; an extension standard's version is already fully qualified. */
const qualified = (v) => (v.startsWith('v') ? `OBP${v}` : v);
const titleOf = (v) => (v.startsWith('v') ? `OBP ${v}` : v.replace(/^([A-Z]+)(v.*)$/, '$1 $2'));
const DEFAULT_VERSION = 'v3.1.0';
const BODY_VERBS = new Set(['POST', 'PUT', 'PATCH']);
const isPlaceholder = (s) => /^[A-Z][A-Z0-9_]*$/.test(s);

// ---------------------------------------------------------------------------------------------
// What the URL asks for

const query = new URLSearchParams(location.search);
const askedVersion = (query.get('version') ?? '').replace(/^OBP/, '');
// any case, as the resource docs accept it: kycv1.0.0 → KYCv1.0.0
const knownVersion = VERSIONS.find((v) => v.toLowerCase() === askedVersion.toLowerCase());
const version = knownVersion ?? DEFAULT_VERSION;
const tags = (query.get('tags') ?? '')
  .split(',')
  .map((t) => t.trim())
  .filter(Boolean);
const locale = LOCALES[query.get('locale')] ? query.get('locale') : 'en_GB';
const w = wordsFor(locale);

/** This page with some query parameters changed (null removes one). */
function pageUrl(changes, hash = '') {
  const next = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  const qs = next.toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}${hash}`;
}

const docsQuery = () => {
  const q = new URLSearchParams();
  if (tags.length > 0) q.set('tags', tags.join(','));
  q.set('locale', locale);
  return q.toString();
};
const resourceDocsUrl = () => `${API}/resource-docs/${version}/obp?${docsQuery()}`;
const swaggerUrl = () => `${API}/resource-docs/${version}/swagger?${docsQuery()}`;

// ---------------------------------------------------------------------------------------------
// State

const S = {
  docs: [],
  /** operation_id → { doc, section, toggle, body, menuItem, built, values, rolesBox } */
  ops: new Map(),
  me: null,
  entitlements: [],
  requests: [],
  errorCatalog: new Map(),
  glossary: undefined,
  filter: query.get('q') ?? '',
  onlyCallable: false,
  values: store.values,
  /** placeholder → Map(id → label), for the BANK_ID / CUSTOMER_ID / … pickers */
  choices: new Map(),
  /** customer_id → customer_number, seen in responses: KYC bodies repeat the number */
  customerNumbers: new Map(),
};

const el = {};

// ---------------------------------------------------------------------------------------------
// The page frame

function renderFrame() {
  document.documentElement.lang = locale.slice(0, 2);
  document.title = `${w.title}: ${titleOf(version)}${tags.length ? ` ${tags.join(',')}` : ''}`;

  el.notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
  el.session = h('div', { class: 'session' });
  el.headline = h('h1', { id: 'headline', class: 'headline' }, w.loading);
  el.count = h('p', { class: 'count', 'aria-live': 'polite' });
  el.list = h('div', { class: 'op-list' });
  el.noMatch = h('p', { class: 'empty', hidden: true }, w.noMatch);
  el.menu = h('div', { class: 'menu-groups' });
  el.tagSelect = h(
    'select',
    { id: 'tag-select', onchange: (e) => location.assign(pageUrl({ tags: e.target.value }, '')) },
    h('option', { value: '' }, w.allTags),
    tags.length ? h('option', { value: tags.join(','), selected: true }, tags.join(',')) : null,
  );
  el.filter = h('input', {
    id: 'filter',
    type: 'search',
    placeholder: w.filterPlaceholder,
    autocomplete: 'off',
    value: S.filter,
    oninput: (e) => {
      S.filter = e.target.value;
      history.replaceState(null, '', pageUrl({ q: S.filter }, location.hash));
      applyFilter();
    },
    onkeydown: (e) => {
      if (e.key === 'Escape' && e.target.value) {
        e.target.value = '';
        S.filter = '';
        applyFilter();
      }
    },
  });
  el.onlyCallable = h('input', {
    id: 'only-callable',
    type: 'checkbox',
    role: 'switch',
    onchange: (e) => {
      S.onlyCallable = e.target.checked;
      applyFilter();
    },
  });
  el.nav = h(
    'nav',
    { id: 'menu', class: 'menu', 'aria-label': w.endpoints },
    h(
      'div',
      { class: 'menu-tools' },
      h('label', { for: 'filter' }, w.filter, h('kbd', { 'aria-hidden': 'true' }, '/')),
      el.filter,
      h('label', { class: 'switch' }, el.onlyCallable, h('span', {}, w.onlyCallable)),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', onclick: () => setAll(true) }, w.expandAll),
        h('button', { type: 'button', onclick: () => setAll(false) }, w.collapseAll),
      ),
    ),
    el.menu,
  );
  el.menuToggle = h(
    'button',
    {
      type: 'button',
      class: 'menu-toggle',
      'aria-controls': 'menu',
      'aria-expanded': 'false',
      onclick: () => {
        const open = el.menuToggle.getAttribute('aria-expanded') !== 'true';
        el.menuToggle.setAttribute('aria-expanded', String(open));
        el.nav.classList.toggle('open', open);
      },
    },
    w.endpoints,
  );

  el.webhooks = webhooksDialog(locale);

  const themeButton = h(
    'button',
    {
      type: 'button',
      class: 'theme-toggle',
      'aria-pressed': String(document.documentElement.dataset.theme === 'dark'),
      onclick: () => {
        const dark = document.documentElement.dataset.theme !== 'dark';
        document.documentElement.dataset.theme = dark ? 'dark' : 'light';
        themeButton.setAttribute('aria-pressed', String(dark));
        store.theme = dark ? 'dark' : 'light';
      },
    },
    w.theme,
  );

  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'brand', href: pageUrl({ q: null }) }, 'OBP ', h('span', {}, w.title)),
    h(
      'div',
      { class: 'controls' },
      h('label', { for: 'version-select' }, w.version),
      h(
        'select',
        {
          id: 'version-select',
          onchange: (e) => location.assign(pageUrl({ version: e.target.value }, '')),
        },
        VERSIONS.map((v) => h('option', { value: v, selected: v === version }, qualified(v))),
      ),
      h('label', { for: 'tag-select' }, w.tag),
      el.tagSelect,
      h('label', { for: 'locale-select' }, w.language),
      h(
        'select',
        {
          id: 'locale-select',
          onchange: (e) => location.assign(pageUrl({ locale: e.target.value }, location.hash)),
        },
        Object.entries(LOCALES).map(([id, l]) =>
          h('option', { value: id, selected: id === locale }, l.label),
        ),
      ),
    ),
    h(
      'div',
      { class: 'tools' },
      h(
        'button',
        { type: 'button', class: 'glossary-button', onclick: () => openGlossary() },
        w.glossary,
      ),
      h(
        'button',
        { type: 'button', class: 'webhooks-button', onclick: () => void el.webhooks.open() },
        el.webhooks.label,
      ),
      themeButton,
      h('a', { href: '/docs' }, w.swaggerUi),
    ),
    el.session,
  );

  const downloads = h(
    'p',
    { class: 'downloads' },
    `${w.downloads}: `,
    h('a', { href: resourceDocsUrl(), download: `resource-docs-${version}.json` }, w.resourceDocs),
    ' · ',
    h('a', { href: swaggerUrl(), download: `swagger-${version}.json` }, w.swagger2),
    ' · ',
    h('button', { type: 'button', class: 'link', onclick: downloadOpenApi }, w.openapi3),
  );

  fill(
    document.body,
    h('a', { class: 'skip-link', href: '#main' }, w.skip),
    header,
    h(
      'div',
      { class: 'layout' },
      el.menuToggle,
      el.nav,
      h(
        'main',
        { id: 'main', tabindex: '-1' },
        el.notice,
        el.headline,
        el.count,
        downloads,
        el.noMatch,
        el.list,
      ),
    ),
    loginDialog(),
    glossaryDialog(),
    rolesDialog(),
    auditPanel().dialog,
    el.webhooks.dialog,
  );

  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName ?? '');
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      el.filter.focus();
    }
  });
  document.addEventListener('click', (e) => {
    const link = e.target.closest?.('a[data-glossary]');
    if (link) {
      e.preventDefault();
      openGlossary(link.dataset.glossary);
    }
  });
  window.addEventListener('hashchange', () => openFromHash(true));
}

function notify(message) {
  el.notice.textContent = message;
  el.notice.hidden = !message;
}

// ---------------------------------------------------------------------------------------------
// Loading

async function loadDocs(...beforeOpening) {
  const res = await call('GET', resourceDocsUrl());
  // the error catalog (statuses) and the glossary (field links) are used by an opened endpoint
  await Promise.all(beforeOpening);
  if (!res.ok || !Array.isArray(res.json?.resource_docs)) {
    el.headline.textContent = titleOf(version);
    fill(el.list, h('p', { class: 'error', role: 'alert' }, `${w.docsFailed} ${errorOf(res)}`));
    return;
  }
  S.docs = res.json.resource_docs;
  const tagText = tags.length ? ` ${w.filteredByTag}: ${tags.join(',')}` : '';
  el.headline.textContent = `${titleOf(version)}${tagText} (${S.docs.length} ${w.apis})`;
  renderOps();
  applyFilter();
  openFromHash(false);
}

async function loadErrorCatalog() {
  const res = await call('GET', '/explorer/errors.json');
  for (const e of res.json?.errors ?? []) {
    if (!S.errorCatalog.has(e.code)) S.errorCatalog.set(e.code, []);
    S.errorCatalog.get(e.code).push(e);
  }
}

/** Every tag of this version, for the tag picker (one unfiltered call, when the page is idle). */
async function loadAllTags() {
  const res = await call('GET', `${API}/resource-docs/${version}/obp?locale=${locale}`);
  const all = new Set();
  for (const d of res.json?.resource_docs ?? []) for (const t of d.tags ?? []) all.add(t);
  const current = tags.join(',');
  fill(
    el.tagSelect,
    h('option', { value: '' }, w.allTags),
    [...all]
      .sort((a, b) => a.localeCompare(b))
      .map((t) => h('option', { value: t, selected: t === current }, t)),
    current && !all.has(current) ? h('option', { value: current, selected: true }, current) : null,
  );
}

async function loadGlossary() {
  if (S.glossary !== undefined) return S.glossary;
  const res = await call('GET', `${API}/api/glossary`);
  const items = res.ok ? (res.json?.glossary_items ?? []) : null;
  S.glossary = items
    ? items.map((g) => ({
        title: String(g.title ?? ''),
        html: typeof g.description === 'string' ? g.description : (g.description?.html ?? ''),
        markdown: typeof g.description === 'object' ? (g.description?.markdown ?? '') : '',
      }))
    : null;
  S.glossaryIndex = new Map();
  for (const g of S.glossary ?? []) {
    S.glossaryIndex.set(glossaryKey(g.title), g.title);
    const last = g.title.split('.').pop();
    if (!S.glossaryIndex.has(glossaryKey(last))) S.glossaryIndex.set(glossaryKey(last), g.title);
  }
  return S.glossary;
}

const glossaryKey = (s) =>
  String(s)
    .toLowerCase()
    .replace(/[\s_.\-]+/g, '');

async function loadBanks() {
  const res = await call('GET', `${API}/banks`);
  for (const b of res.json?.banks ?? [])
    addChoice('BANK_ID', b.id ?? b.bank_id, b.short_name ?? b.full_name);
}

// ---------------------------------------------------------------------------------------------
// Session: DirectLogin token in localStorage, who is logged in, their roles and requests

async function refreshSession() {
  if (!store.token) {
    S.me = null;
    S.entitlements = [];
    S.requests = [];
    renderSession();
    return;
  }
  const [me, ents, reqs, customers] = await Promise.all([
    call('GET', `${API}/users/current`),
    call('GET', `${API}/my/entitlements`),
    call('GET', `${API}/my/entitlement-requests`),
    call('GET', `${API}/users/current/customers`),
  ]);
  if (!me.ok) {
    if (me.status === 400 || me.status === 401) {
      store.token = null;
      notify(w.sessionExpired);
    }
    S.me = null;
    S.entitlements = [];
    S.requests = [];
  } else {
    S.me = me.json;
    addChoice('USER_ID', S.me.user_id, S.me.username);
    S.entitlements = ents.json?.list ?? S.me.entitlements?.list ?? [];
    S.requests = reqs.json?.entitlement_requests ?? [];
    capture(customers.json);
  }
  renderSession();
}

function renderSession() {
  if (S.me) {
    fill(
      el.session,
      h(
        'span',
        { class: 'who' },
        `${w.loggedInAs} `,
        h('strong', { class: 'username' }, S.me.username),
      ),
      h('button', { type: 'button', onclick: openRolesDialog }, w.myRoles),
      h(
        'button',
        {
          type: 'button',
          class: 'audit-button',
          onclick: () => auditPanel().open(S.values.BANK_ID, S.values.CUSTOMER_ID),
        },
        w.audit,
      ),
      h('button', { type: 'button', class: 'logout', onclick: logout }, w.logout),
    );
  } else {
    fill(
      el.session,
      h('button', { type: 'button', class: 'login-button primary', onclick: openLogin }, w.login),
    );
  }
  for (const op of S.ops.values()) if (op.built) renderRoles(op);
  if (S.onlyCallable) applyFilter();
}

async function logout() {
  if (store.token) await call('DELETE', '/my/logins/direct');
  store.token = null;
  // what this user saw (customer ids and names) stays with them, not with the next person at this browser
  store.choices = null;
  store.values = {};
  S.values = {};
  S.customerNumbers.clear();
  for (const [p, known] of S.choices) if (p !== 'BANK_ID') known.clear();
  for (const list of document.querySelectorAll('datalist:not(#choices-BANK_ID)')) fill(list);
  await refreshSession();
}

function loginDialog() {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const username = h('input', {
    id: 'login-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const consumerKey = h('input', {
    id: 'login-consumer-key',
    name: 'consumer_key',
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'login-hint',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, w.login);
  el.loginDialog = h(
    'dialog',
    { id: 'login-dialog', 'aria-labelledby': 'login-title' },
    h(
      'form',
      {
        method: 'dialog',
        onsubmit: async (e) => {
          e.preventDefault();
          submit.disabled = true;
          error.hidden = true;
          const res = await directLogin(
            username.value.trim(),
            password.value,
            consumerKey.value.trim(),
          );
          submit.disabled = false;
          if (res.status === 201 && res.json?.token) {
            store.token = res.json.token;
            store.consumerKey = consumerKey.value.trim();
            password.value = '';
            el.loginDialog.close();
            notify('');
            await refreshSession();
          } else {
            error.textContent = errorOf(res);
            error.hidden = false;
          }
        },
      },
      h('h2', { id: 'login-title' }, `${w.login} (DirectLogin)`),
      h('label', { for: 'login-username' }, w.username),
      username,
      h('label', { for: 'login-password' }, w.password),
      password,
      h('label', { for: 'login-consumer-key' }, w.consumerKey),
      consumerKey,
      h('p', { id: 'login-hint', class: 'hint' }, w.consumerKeyHint),
      error,
      h(
        'div',
        { class: 'button-row' },
        submit,
        h('button', { type: 'button', onclick: () => el.loginDialog.close() }, w.cancel),
      ),
    ),
  );
  el.loginFields = { username, consumerKey, error };
  return el.loginDialog;
}

function openLogin() {
  el.loginFields.consumerKey.value = el.loginFields.consumerKey.value || store.consumerKey;
  el.loginFields.error.hidden = true;
  el.loginDialog.showModal();
  el.loginFields.username.focus();
}

// ---------------------------------------------------------------------------------------------
// Roles: the four states, requests, grants

const held = (role, bankId) =>
  S.entitlements.some(
    (e) => e.role_name === role && (bankId === undefined || e.bank_id === bankId),
  );
const canGrant = (bankRole) =>
  held('CanCreateEntitlementAtAnyBank', '') || (bankRole && held('CanCreateEntitlementAtOneBank'));

function renderRoles(op) {
  const roles = op.doc.roles ?? [];
  op.rolesBox.hidden = roles.length === 0;
  if (roles.length === 0) return;
  fill(
    op.rolesBox,
    h('h4', {}, w.roles),
    roles.length > 1 ? h('p', { class: 'hint' }, w.rolesAnyOf) : null,
    h(
      'ul',
      { class: 'roles' },
      roles.map((r) => roleItem(op, r)),
    ),
  );
}

function roleItem(op, r) {
  const name = r.role;
  const bankRole = r.requires_bank_id === true;
  const li = h('li', { class: 'role', dataset: { role: name } }, h('code', {}, name), ' - ');
  if (!S.me) {
    li.dataset.state = 'login';
    add(li, h('button', { type: 'button', class: 'link', onclick: openLogin }, w.pleaseLogin));
    return li;
  }
  const ctxBank = bankRole ? (op.values.BANK_ID ?? '') : '';
  const heldAt = S.entitlements.filter((e) => e.role_name === name).map((e) => e.bank_id);
  const requestedAt = S.requests.filter((e) => e.role_name === name).map((e) => e.bank_id);
  const has = bankRole && ctxBank ? heldAt.includes(ctxBank) : heldAt.length > 0;
  const requested = bankRole && ctxBank ? requestedAt.includes(ctxBank) : requestedAt.length > 0;
  const atBanks = (list) =>
    bankRole && list.length ? ` ${w.at}: ${list.filter(Boolean).join(', ')}` : '';
  const message = h('span', { class: 'role-message', role: 'status' });

  const bankInput = bankRole
    ? h('input', {
        class: 'role-bank',
        'aria-label': `${w.bankId} (${name})`,
        placeholder: w.bankId,
        list: datalistId('BANK_ID'),
        value: ctxBank,
      })
    : null;
  const bankValue = () => (bankRole ? bankInput.value.trim() : '');
  const act = async (button, method, url, done) => {
    button.disabled = true;
    const res = await call(method, url, { bank_id: bankValue(), role_name: name });
    button.disabled = false;
    if (res.ok) {
      message.className = 'role-message ok';
      message.textContent = done;
      await refreshSession();
    } else {
      message.className = 'role-message error';
      message.textContent = errorOf(res);
    }
  };
  const requestButton = h('button', { type: 'button', class: 'request-role' }, w.request);
  requestButton.addEventListener('click', () =>
    act(requestButton, 'POST', `${API}/entitlement-requests`, w.requestSent),
  );
  const grantButton = canGrant(bankRole)
    ? h('button', { type: 'button', class: 'grant-role' }, w.grantToMe)
    : null;
  grantButton?.addEventListener('click', () =>
    act(
      grantButton,
      'POST',
      `${API}/users/${encodeURIComponent(S.me.user_id)}/entitlements`,
      w.granted,
    ),
  );

  if (has) {
    li.dataset.state = 'has';
    add(li, h('span', { class: 'state state-has' }, `${w.youHaveIt}${atBanks(heldAt)}`));
  } else if (requested) {
    li.dataset.state = 'requested';
    add(
      li,
      h(
        'span',
        { class: 'state state-requested' },
        `${w.youRequested}${atBanks(requestedAt)} (${w.pending})`,
      ),
      grantButton ? [' ', bankInput, grantButton] : null,
    );
  } else {
    li.dataset.state = 'request';
    add(
      li,
      h('span', { class: 'state state-request' }, w.youCanRequest),
      heldAt.length ? h('span', { class: 'hint' }, ` (${w.youHaveIt}${atBanks(heldAt)})`) : null,
      ' ',
      bankInput,
      requestButton,
      grantButton,
    );
  }
  add(li, ' ', message);
  return li;
}

/** The audit view of a customer (audit.js), made once. */
function auditPanel() {
  el.audit ??= createAuditPanel(w, {
    labelOf: (placeholder, id) => S.choices.get(placeholder)?.get(id) ?? '',
    listId: (placeholder) => datalist(placeholder).id,
  });
  return el.audit;
}

function rolesDialog() {
  el.rolesBody = h('div', { class: 'roles-body' });
  el.rolesDialog = h(
    'dialog',
    { id: 'roles-dialog', 'aria-labelledby': 'roles-title' },
    h('h2', { id: 'roles-title' }, w.myRoles),
    el.rolesBody,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', onclick: () => el.rolesDialog.close() }, w.close),
    ),
  );
  return el.rolesDialog;
}

async function openRolesDialog() {
  el.rolesDialog.showModal();
  await renderRolesDialog();
}

async function renderRolesDialog() {
  const table = (headings, rows) =>
    rows.length === 0
      ? h('p', {}, w.none)
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              headings.map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((cells) =>
              h(
                'tr',
                {},
                cells.map((c) => h('td', {}, c)),
              ),
            ),
          ),
        );
  const mine = S.entitlements.map((e) => [h('code', {}, e.role_name), e.bank_id]);
  const myRequests = S.requests.map((r) => [
    h('code', {}, r.role_name),
    r.bank_id,
    held(r.role_name, r.bank_id) ? w.stateGranted : w.statePending,
  ]);
  const parts = [
    h('h3', {}, w.entitlements),
    table([w.role, w.bank], mine),
    h('h3', {}, w.myRequests),
    table([w.role, w.bank, w.state], myRequests),
  ];
  if (held('CanGetEntitlementRequestsAtAnyBank', '')) {
    const res = await call('GET', `${API}/entitlement-requests`);
    const rows = (res.json?.entitlement_requests ?? []).map((r) => {
      const status = h('span', { role: 'status' });
      const grant = h('button', { type: 'button' }, w.grant);
      grant.addEventListener('click', async () => {
        const g = await call(
          'POST',
          `${API}/users/${encodeURIComponent(r.user.user_id)}/entitlements`,
          {
            bank_id: r.bank_id,
            role_name: r.role_name,
          },
        );
        status.textContent = g.ok ? w.granted : errorOf(g);
        if (g.ok) await refreshSession();
      });
      const remove = h('button', { type: 'button' }, w.deleteRequest);
      remove.addEventListener('click', async () => {
        const d = await call(
          'DELETE',
          `${API}/entitlement-requests/${encodeURIComponent(r.entitlement_request_id)}`,
        );
        if (d.ok) await renderRolesDialog();
        else status.textContent = errorOf(d);
      });
      return [
        r.user?.username ?? r.user?.user_id,
        h('code', {}, r.role_name),
        r.bank_id,
        [grant, ' ', remove, ' ', status],
      ];
    });
    parts.push(h('h3', {}, w.allRequests), table([w.user, w.role, w.bank, ''], rows));
  }
  fill(el.rolesBody, ...parts);
}

// ---------------------------------------------------------------------------------------------
// Pickers: BANK_ID, CUSTOMER_ID, USER_ID, … from the API and from earlier responses

const datalistId = (placeholder) => `choices-${placeholder}`;

function datalist(placeholder) {
  let list = document.getElementById(datalistId(placeholder));
  if (!list) {
    list = h('datalist', { id: datalistId(placeholder) });
    document.body.append(list);
  }
  return list;
}

function addChoice(placeholder, id, label) {
  if (!id || typeof id !== 'string') return;
  if (!S.choices.has(placeholder)) S.choices.set(placeholder, new Map());
  const known = S.choices.get(placeholder);
  if (known.has(id) && (!label || known.get(id) === label)) return;
  known.set(id, label ?? known.get(id) ?? '');
  if (known.size > MAX_CHOICES) known.delete(known.keys().next().value);
  saveChoices();
  fill(
    datalist(placeholder),
    ...[...known].map(([value, text]) =>
      h('option', { value }, text ? `${value} - ${text}` : value),
    ),
  );
}

const MAX_CHOICES = 50;
let saving = false;

/** Ids seen (and customer numbers) outlive a reload, e.g. a tag change right after creating a customer. */
function saveChoices() {
  if (saving) return;
  saving = true;
  queueMicrotask(() => {
    saving = false;
    store.choices = {
      choices: Object.fromEntries([...S.choices].map(([p, m]) => [p, [...m]])),
      customerNumbers: [...S.customerNumbers].slice(-MAX_CHOICES),
    };
  });
}

function restoreChoices() {
  const saved = store.choices;
  for (const [id, number] of saved.customerNumbers ?? []) S.customerNumbers.set(id, number);
  for (const [p, entries] of Object.entries(saved.choices ?? {})) {
    for (const [id, label] of entries) addChoice(p, id, label);
  }
}

/** A successful write answers the ids it created (customer_id, …): they become the current values. */
function adoptNewIds(req, json, pathname) {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return;
  const inPath = new Set(pathname.split('/').map(decodeURIComponent));
  for (const [key, value] of Object.entries(json)) {
    if (/_id$/.test(key) && typeof value === 'string' && value && !inPath.has(value)) {
      S.values[key.toUpperCase()] = value;
    }
  }
  if (req.method === 'POST' && /\/banks$/.test(pathname) && typeof json.id === 'string')
    S.values.BANK_ID = json.id;
  store.values = S.values;
}

const LABEL_FIELDS = ['legal_name', 'short_name', 'full_name', 'username', 'name'];

/** Ids in a response (`bank_id`, `customer_id`, …) become choices for the matching placeholder. */
function capture(json, depth = 0) {
  if (!json || typeof json !== 'object' || depth > 4) return;
  if (Array.isArray(json)) {
    json.slice(0, 200).forEach((x) => capture(x, depth + 1));
    return;
  }
  const label = LABEL_FIELDS.map((f) => json[f]).find((v) => typeof v === 'string');
  if (typeof json.customer_id === 'string' && typeof json.customer_number === 'string') {
    S.customerNumbers.set(json.customer_id, json.customer_number);
    saveChoices();
  }
  for (const [key, value] of Object.entries(json)) {
    if (/_id$/.test(key) && typeof value === 'string' && value) {
      const own = key !== 'bank_id' || 'short_name' in json ? label : undefined;
      addChoice(key.toUpperCase(), value, own);
    } else if (value && typeof value === 'object') capture(value, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Endpoints: the list, the menu, the filter, deep links

const firstTag = (d) => d.tags?.[0] ?? 'Other';
const needsLogin = (d) =>
  (d.error_response_bodies ?? []).some((e) => String(e).startsWith('OBP-20001')) ||
  /Authentication is Mandatory/.test(d.description ?? '');
const verbBadge = (verb) => h('span', { class: `verb verb-${verb.toLowerCase()}` }, verb);

function groups() {
  const byTag = new Map();
  for (const d of S.docs) {
    const t = firstTag(d);
    if (!byTag.has(t)) byTag.set(t, []);
    byTag.get(t).push(d);
  }
  return [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, docs]) => [tag, docs.sort((a, b) => a.summary.localeCompare(b.summary))]);
}

function renderOps() {
  S.ops.clear();
  const sections = [];
  const menuGroups = [];
  for (const [tag, docs] of groups()) {
    const groupId = `group-${tag.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const items = [];
    const ops = [];
    for (const doc of docs) {
      const op = { doc, built: false, open: false, values: {} };
      S.ops.set(doc.operation_id, op);
      ops.push(opSection(op));
      op.menuItem = h(
        'li',
        {},
        h(
          'a',
          { href: `#${doc.operation_id}` },
          verbBadge(doc.request_verb),
          h('span', {}, doc.summary),
        ),
      );
      items.push(op.menuItem);
    }
    const group = h(
      'section',
      { class: 'group', id: groupId, 'aria-labelledby': `${groupId}-title` },
      h('h2', { id: `${groupId}-title`, class: 'group-title' }, tag),
      ops,
    );
    const menuGroup = h(
      'div',
      { class: 'menu-group' },
      h('h2', {}, h('a', { href: `#${groupId}` }, tag)),
      h('ul', {}, items),
    );
    sections.push(group);
    menuGroups.push(menuGroup);
    for (const op of docs.map((d) => S.ops.get(d.operation_id))) {
      op.group = group;
      op.menuGroup = menuGroup;
    }
  }
  fill(el.list, ...sections);
  fill(el.menu, ...menuGroups);
}

function opSection(op) {
  const d = op.doc;
  const id = d.operation_id;
  op.body = h('div', { class: 'op-body', id: `${id}-body`, hidden: true });
  op.toggle = h(
    'button',
    {
      type: 'button',
      class: 'op-toggle',
      'aria-expanded': 'false',
      'aria-controls': `${id}-body`,
      onclick: () => {
        setOpen(op, !op.open);
        if (op.open) history.replaceState(null, '', `${location.pathname}${location.search}#${id}`);
      },
    },
    h('span', { class: 'op-summary' }, d.summary),
    h(
      'span',
      { class: 'op-line' },
      verbBadge(d.request_verb),
      h('code', { class: 'op-path' }, d.specified_url),
      needsLogin(d) ? h('span', { class: 'badge', title: w.authMandatory }, w.loginBadge) : null,
    ),
  );
  op.section = h(
    'section',
    { class: 'op', id, dataset: { verb: d.request_verb } },
    h('h3', { class: 'op-head' }, op.toggle),
    op.body,
  );
  return op.section;
}

function setOpen(op, open) {
  if (open && !op.built) buildBody(op);
  op.open = open;
  op.body.hidden = !open;
  op.toggle.setAttribute('aria-expanded', String(open));
  op.section.classList.toggle('open', open);
}

function setAll(open) {
  for (const op of S.ops.values()) if (!op.section.hidden) setOpen(op, open);
}

function openFromHash(fromEvent) {
  const legacy = query.get('operation_id');
  const id = decodeURIComponent(location.hash.slice(1)) || (fromEvent ? '' : (legacy ?? ''));
  const op = S.ops.get(id) ?? S.ops.get(id.replace(/_/g, '.'));
  if (!op) return;
  if (op.section.hidden) {
    S.filter = '';
    el.filter.value = '';
    S.onlyCallable = false;
    el.onlyCallable.checked = false;
    applyFilter();
  }
  setOpen(op, true);
  for (const o of S.ops.values()) o.menuItem.querySelector('a').removeAttribute('aria-current');
  op.menuItem.querySelector('a').setAttribute('aria-current', 'true');
  op.section.scrollIntoView({ block: 'start' });
  op.toggle.focus({ preventScroll: true });
}

function haystack(d) {
  return [
    d.summary,
    d.specified_url,
    d.request_url,
    d.request_verb,
    d.operation_id,
    ...(d.tags ?? []),
    ...(d.roles ?? []).map((r) => r.role),
    ...(d.error_response_bodies ?? []),
  ]
    .join(' ')
    .toLowerCase();
}

function callable(d) {
  if (needsLogin(d) && !S.me) return false;
  const roles = d.roles ?? [];
  return roles.length === 0 || roles.some((r) => held(r.role));
}

function applyFilter() {
  const words = S.filter.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const op of S.ops.values()) {
    op.hay ??= haystack(op.doc);
    const visible = words.every((x) => op.hay.includes(x)) && (!S.onlyCallable || callable(op.doc));
    op.section.hidden = !visible;
    op.menuItem.hidden = !visible;
    if (visible) shown++;
  }
  for (const op of S.ops.values()) {
    const any = [...S.ops.values()].some((o) => o.group === op.group && !o.section.hidden);
    op.group.hidden = !any;
    op.menuGroup.hidden = !any;
  }
  el.count.textContent = S.ops.size ? w.shown(shown, S.ops.size) : '';
  el.noMatch.hidden = shown > 0 || S.ops.size === 0;
}

// ---------------------------------------------------------------------------------------------
// One endpoint, expanded

function buildBody(op) {
  const d = op.doc;
  op.built = true;
  op.rolesBox = h('div', { class: 'roles-box' });
  fill(
    op.body,
    description(d),
    d.typed_request_body
      ? fieldsTable(w.requestFields, d.typed_request_body, d.example_request_body)
      : null,
    tryIt(op),
    h(
      'div',
      { class: 'typical' },
      h('h4', {}, w.typical),
      d.success_response_body === undefined
        ? h('p', {}, w.noBody)
        : h('pre', { class: 'json', tabindex: '0' }, pretty(d.success_response_body)),
    ),
    d.typed_success_response_body
      ? h(
          'details',
          { class: 'response-fields' },
          h('summary', {}, w.responseFields),
          fieldsTable(null, d.typed_success_response_body, d.success_response_body),
        )
      : null,
    op.rolesBox,
    errorsTable(d),
    implemented(d),
  );
  renderRoles(op);
}

function description(d) {
  const box = h('div', { class: 'description' }, safeHtml(d.description ?? ''));
  for (const p of box.querySelectorAll('p')) {
    if (/^Authentication is (Mandatory|Optional)$/.test(p.textContent.trim()))
      p.classList.add('auth');
  }
  if (!/Authentication is (Mandatory|Optional)/.test(box.textContent)) {
    add(box, h('p', { class: 'auth' }, needsLogin(d) ? w.authMandatory : w.authOptional));
  }
  return box;
}

/** `{type, properties, required}` (OBP's typed bodies, JSON-schema-like) → rows, nested with dots. */
function flatten(schema, prefix, example, rows) {
  const props = schema?.properties ?? {};
  const required = new Set(Array.isArray(schema?.required) ? schema.required : []);
  const knows =
    Array.isArray(schema?.required) ||
    Object.values(props).some((p) => typeof p?.required === 'boolean');
  for (const [name, prop] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const ex = example && typeof example === 'object' ? example[name] : undefined;
    const type =
      prop?.type === 'array'
        ? `array of ${prop.items?.type ?? 'any'}`
        : `${prop?.type ?? 'any'}${prop?.format ? ` (${prop.format})` : ''}`;
    rows.push({
      name,
      path,
      type,
      required: knows ? required.has(name) || prop?.required === true : undefined,
      example: prop?.example ?? ex,
      description: prop?.description,
    });
    if (prop?.type === 'object') flatten(prop, path, ex, rows);
    if (prop?.type === 'array' && prop.items?.type === 'object')
      flatten(prop.items, `${path}[]`, Array.isArray(ex) ? ex[0] : undefined, rows);
  }
  return rows;
}

function fieldName(row) {
  const title = S.glossaryIndex?.get(glossaryKey(row.name));
  const code = h('code', {}, row.path);
  return title ? h('a', { href: '#', dataset: { glossary: title } }, code) : code;
}

function fieldsTable(title, schema, example) {
  const rows = flatten(schema, '', example, []);
  if (rows.length === 0) return null;
  return h(
    'div',
    { class: 'fields' },
    title ? h('h4', {}, title) : null,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [w.field, w.type, w.requiredColumn, w.example].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { class: r.required ? 'required' : '' },
            h(
              'td',
              {},
              fieldName(r),
              r.description ? h('div', { class: 'hint' }, r.description) : null,
            ),
            h('td', {}, r.type),
            h(
              'td',
              {},
              r.required === undefined
                ? ''
                : h(
                    'span',
                    { class: r.required ? 'req' : 'opt' },
                    r.required ? w.required : w.optional,
                  ),
            ),
            h(
              'td',
              {},
              r.example === undefined || typeof r.example === 'object'
                ? ''
                : h('code', {}, String(r.example)),
            ),
          ),
        ),
      ),
    ),
  );
}

function tryIt(op) {
  const d = op.doc;
  const verb = d.request_verb;
  const id = d.operation_id;
  const placeholders = d.specified_url.split('/').filter(isPlaceholder);
  for (const p of placeholders) op.values[p] = S.values[p] ?? '';
  const hasBody = BODY_VERBS.has(verb);
  const exampleBody = d.example_request_body === undefined ? '' : pretty(d.example_request_body);

  // the optional parameters (paging, Idempotency-Key) come from /openapi.json once it is loaded
  let optional;
  const extras = h('div', { class: 'optional-params-slot' });
  const fullUrl = () => withQuery(fillPath(d.specified_url, op.values), optional?.query() ?? {});
  const url = h('input', {
    id: `${id}-url`,
    class: 'url',
    spellcheck: 'false',
    autocomplete: 'off',
    value: fillPath(d.specified_url, op.values),
  });
  const paramInputs = placeholders.map((p) => {
    const input = h('input', {
      id: `${id}-${p}`,
      class: 'param',
      dataset: { placeholder: p },
      list: datalistId(p),
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: p,
      value: op.values[p],
      oninput: (e) => {
        op.values[p] = e.target.value.trim();
        S.values[p] = op.values[p];
        store.values = S.values;
        url.value = fullUrl();
        if (p === 'BANK_ID') renderRoles(op);
        if (p === 'CUSTOMER_ID') syncCustomerNumber();
      },
    });
    datalist(p);
    // on a customer: who did and saw what (the audit trail)
    const audit =
      p === 'CUSTOMER_ID'
        ? h(
            'button',
            {
              type: 'button',
              class: 'audit-customer link',
              title: w.auditTitle,
              onclick: () =>
                auditPanel().open(op.values.BANK_ID ?? S.values.BANK_ID, op.values.CUSTOMER_ID),
            },
            w.audit,
          )
        : null;
    return h('div', { class: 'param-field' }, h('label', { for: input.id }, p), input, audit);
  });
  const body = hasBody
    ? h('textarea', {
        id: `${id}-body-input`,
        class: 'body-input',
        rows: 8,
        spellcheck: 'false',
        value: exampleBody,
      })
    : null;
  // a body with customer_number (the KYC PUTs) gets the number of the chosen CUSTOMER_ID, unless edited
  let filledNumber = d.example_request_body?.customer_number;
  const syncCustomerNumber = () => {
    const known = S.customerNumbers.get(op.values.CUSTOMER_ID);
    if (!body || !known) return;
    let json;
    try {
      json = JSON.parse(body.value);
    } catch {
      return;
    }
    if (!json || typeof json !== 'object' || json.customer_number !== filledNumber) return;
    json.customer_number = known;
    filledNumber = known;
    body.value = pretty(json);
  };
  syncCustomerNumber();
  const headers = h('textarea', {
    id: `${id}-headers`,
    class: 'headers-input',
    rows: 2,
    spellcheck: 'false',
    placeholder: 'Accept-Language: es',
  });
  const snippet = h('pre', { class: 'snippet', tabindex: '0', hidden: true });
  const result = h('div', { class: 'result' });

  const request = () => {
    const extra = {};
    for (const line of headers.value.split('\n')) {
      const i = line.indexOf(':');
      if (i > 0) extra[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
    const h_ = { Accept: 'application/json', ...(optional?.headers() ?? {}) };
    if (store.token) h_.DirectLogin = `token=${store.token}`;
    const text = body ? body.value.trim() : '';
    if (text) h_['Content-Type'] = 'application/json';
    return { method: verb, url: url.value.trim(), headers: { ...h_, ...extra }, body: text };
  };
  const showSnippet = async (text, button) => {
    snippet.textContent = text;
    snippet.hidden = false;
    const ok = await copyText(text);
    const label = button.textContent;
    button.textContent = ok ? w.copied : w.copyFailed;
    setTimeout(() => (button.textContent = label), 1500);
  };
  const curlButton = h('button', { type: 'button', class: 'copy-curl' }, w.copyCurl);
  curlButton.addEventListener('click', () => {
    const r = request();
    return showSnippet(curlFor({ ...r, url: new URL(r.url, location.origin).href }), curlButton);
  });
  const sdkButton = h('button', { type: 'button', class: 'copy-sdk' }, w.copySdk);
  sdkButton.addEventListener('click', async () => {
    const r = request();
    let parsed;
    try {
      parsed = r.body ? JSON.parse(r.body) : undefined;
    } catch {
      parsed = r.body;
    }
    const spec = await loadOpenApi();
    return showSnippet(
      sdkCallFor({
        method: verb,
        specifiedUrl: d.specified_url,
        specPath: spec?.byOperationId.get(id),
        url: r.url,
        body: parsed,
        origin: location.origin,
      }),
      sdkButton,
    );
  });
  void loadOpenApi().then((loaded) => {
    const params = optionalParameters(loaded?.spec, id);
    if (params.length === 0) return;
    optional = parameterFields(id, params, w.optionalParams, () => (url.value = fullUrl()));
    fill(extras, optional.element);
  });
  const send = h(
    'button',
    { type: 'submit', class: `send primary verb-${verb.toLowerCase()}` },
    `${w.send} ${verb}`,
  );

  return h(
    'form',
    {
      class: 'try-it',
      'aria-label': `${w.tryIt}: ${d.summary}`,
      onsubmit: (e) => {
        e.preventDefault();
        void sendRequest(op, request(), result, send);
      },
    },
    h('h4', {}, w.tryIt),
    placeholders.length
      ? h(
          'fieldset',
          { class: 'params' },
          h('legend', {}, `${w.pathParams} (${w.pickOrType})`),
          paramInputs,
        )
      : null,
    h(
      'div',
      { class: 'url-row' },
      verbBadge(verb),
      h('label', { for: url.id, class: 'visually-hidden' }, w.url),
      url,
      send,
    ),
    extras,
    body ? [h('label', { for: body.id }, w.body), body] : null,
    h(
      'details',
      { class: 'extra-headers' },
      h('summary', {}, w.headersSummary),
      h('label', { for: headers.id }, w.headers),
      headers,
    ),
    h(
      'div',
      { class: 'button-row' },
      curlButton,
      sdkButton,
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            if (body) body.value = exampleBody;
            filledNumber = d.example_request_body?.customer_number;
            syncCustomerNumber();
            headers.value = '';
            optional?.reset();
            url.value = fullUrl();
            snippet.hidden = true;
            fill(result);
          },
        },
        w.reset,
      ),
    ),
    snippet,
    result,
  );
}

async function sendRequest(op, req, result, button) {
  let target;
  try {
    target = new URL(req.url, location.origin);
  } catch {
    target = undefined;
  }
  if (!target || target.origin !== location.origin) {
    fill(result, h('p', { class: 'error', role: 'alert' }, w.otherOrigin));
    return;
  }
  // a placeholder left in the path would only earn a 404 about "CUSTOMER_ID": say so before calling
  const template = new Set(op.doc.specified_url.split('/').filter(isPlaceholder));
  const unfilled = target.pathname.split('/').filter((s) => template.has(s));
  if (unfilled.length > 0) {
    fill(result, h('p', { class: 'error', role: 'alert' }, `${w.fillIn} ${unfilled.join(', ')}`));
    document.getElementById(`${op.doc.operation_id}-${unfilled[0]}`)?.focus();
    return;
  }
  if (req.body) {
    try {
      JSON.parse(req.body);
    } catch (err) {
      fill(result, h('p', { class: 'error', role: 'alert' }, `${w.badJson} ${err.message}`));
      return;
    }
  }
  button.disabled = true;
  fill(result, h('p', {}, w.loading));
  const started = performance.now();
  let res;
  try {
    res = await fetch(target.href, {
      method: req.method,
      headers: req.headers,
      body: req.body || undefined,
    });
  } catch (err) {
    button.disabled = false;
    fill(result, h('p', { class: 'error', role: 'alert' }, `${w.networkError} ${err.message}`));
    return;
  }
  const text = await res.text();
  const ms = Math.round(performance.now() - started);
  button.disabled = false;
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const shownBody = json === undefined ? text : pretty(json);
  const masked = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [
      k,
      /^(directlogin|authorization)$/i.test(k) ? mask(v) : v,
    ]),
  );
  const headerTable = (entries) =>
    h(
      'table',
      { class: 'headers' },
      h(
        'tbody',
        {},
        entries.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))),
      ),
    );
  const copyBody = h('button', { type: 'button', class: 'copy-body' }, w.copy);
  copyBody.addEventListener('click', async () => {
    copyBody.textContent = (await copyText(shownBody)) ? w.copied : w.copyFailed;
    setTimeout(() => (copyBody.textContent = w.copy), 1500);
  });
  fill(
    result,
    h('h4', {}, w.result),
    h(
      'p',
      {
        class: `status ${res.ok ? 'ok' : 'error'}`,
        role: 'status',
        dataset: { status: String(res.status) },
      },
      `${w.status}: `,
      h('strong', {}, `${res.status} ${res.statusText}`),
      ` · ${ms} ms`,
    ),
    explain(op.doc, json, res.status),
    h('p', { class: 'full-url' }, `${w.fullUrl}: `, h('code', {}, `${req.method} ${target.href}`)),
    h('details', {}, h('summary', {}, w.requestHeaders), headerTable(Object.entries(masked))),
    h('details', {}, h('summary', {}, w.responseHeaders), headerTable([...res.headers.entries()])),
    h('div', { class: 'body-head' }, h('span', {}, w.responseBody), copyBody),
    h('pre', { class: 'json response-body', tabindex: '0' }, shownBody || w.noBody),
  );
  capture(json);
  if (res.ok && req.method !== 'GET') adoptNewIds(req, json, target.pathname);
  if (res.ok && /entitlement|logins\/direct/.test(target.pathname)) await refreshSession();
  if (res.ok && req.method === 'POST' && /\/banks$/.test(target.pathname)) await loadBanks();
}

const mask = (value) =>
  value.replace(/(token=)?(\S{10})\S+/, (_m, p, keep) => `${p ?? ''}${keep}…`);

/** Points a failed call at the documented error it matched, with what to do about it. */
function explain(d, json, status) {
  if (status < 400 || typeof json?.message !== 'string') return null;
  const code = /^(OBP-\d+)/.exec(json.message)?.[1];
  if (!code) return null;
  const documented = (d.error_response_bodies ?? []).some((e) => String(e).startsWith(code));
  return h(
    'p',
    { class: 'explain' },
    documented ? w.documented : w.undocumented,
    w.hint[code] ? [' ', h('strong', {}, w.hint[code])] : null,
  );
}

function statusOf(message) {
  const code = /^(OBP-\d+)/.exec(message)?.[1];
  if (!code) return '';
  if (code === 'OBP-20001') return 401;
  if (code === 'OBP-20006') return 403;
  const known = S.errorCatalog.get(code) ?? [];
  const best =
    known.find((e) => message.startsWith(e.message) || e.message.startsWith(message)) ?? known[0];
  return best ? best.status : 400;
}

/** `OBP-30320` → "Kyc id used by another customer" (the catalog name) when the text says nothing. */
function catalogName(code) {
  const name = S.errorCatalog.get(code)?.[0]?.name ?? '';
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function errorsTable(d) {
  const errors = d.error_response_bodies ?? [];
  if (errors.length === 0) return null;
  return h(
    'div',
    { class: 'errors' },
    h('h4', {}, w.errors),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['OBP', w.httpStatus, w.meaning].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        {},
        errors.map((message) => {
          const m = /^(OBP-\d+):\s*(.*)$/s.exec(String(message));
          const code = m?.[1] ?? '';
          return h(
            'tr',
            { dataset: { code } },
            h('td', {}, h('code', {}, code || '-')),
            h('td', {}, String(statusOf(String(message)))),
            h(
              'td',
              {},
              (m ? m[2] : String(message)) || catalogName(code),
              w.hint[code] ? h('div', { class: 'hint' }, w.hint[code]) : null,
            ),
          );
        }),
      ),
    ),
  );
}

function implemented(d) {
  const v = String(d.implemented_by?.version ?? '');
  const short = v.replace(/^OBP/, '');
  const versionLink = VERSIONS.includes(short)
    ? h('a', { href: pageUrl({ version: short, q: null }, `#${d.operation_id}`) }, v)
    : v;
  const linkButton = h('button', { type: 'button', class: 'link copy-link' }, w.copyLink);
  linkButton.addEventListener('click', async () => {
    const url = new URL(pageUrl({ q: null }, `#${d.operation_id}`), location.origin).href;
    linkButton.textContent = (await copyText(url)) ? w.copied : url;
  });
  return h(
    'div',
    { class: 'implemented' },
    h(
      'p',
      { class: 'implemented-by' },
      `${w.implementedIn} `,
      versionLink,
      ` ${w.by} `,
      h('code', {}, d.implemented_by?.function ?? ''),
    ),
    h(
      'p',
      { class: 'meta' },
      `${w.operationId}: `,
      h('code', {}, d.operation_id),
      ' · ',
      `${w.tags}: `,
      (d.tags ?? []).map((t, i) => [
        i ? ', ' : '',
        h('a', { href: pageUrl({ tags: t, q: null }, '') }, t),
      ]),
      ' · ',
      linkButton,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Glossary

function glossaryDialog() {
  el.glossaryList = h('div', { class: 'glossary-list' });
  el.glossaryFilter = h('input', {
    id: 'glossary-filter',
    type: 'search',
    autocomplete: 'off',
    oninput: () => filterGlossary(),
  });
  el.glossaryDialog = h(
    'dialog',
    { id: 'glossary-dialog', class: 'wide', 'aria-labelledby': 'glossary-title' },
    h('h2', { id: 'glossary-title' }, w.glossary),
    h('label', { for: 'glossary-filter' }, w.glossaryFilter),
    el.glossaryFilter,
    el.glossaryList,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', onclick: () => el.glossaryDialog.close() }, w.close),
    ),
  );
  return el.glossaryDialog;
}

async function openGlossary(term) {
  el.glossaryDialog.showModal();
  const items = await loadGlossary();
  if (!items) {
    fill(el.glossaryList, h('p', {}, w.glossaryUnavailable));
    return;
  }
  if (!el.glossaryList.childElementCount || el.glossaryList.firstChild.tagName === 'P') {
    fill(
      el.glossaryList,
      ...items.map((g) =>
        h(
          'article',
          { class: 'glossary-item', dataset: { title: g.title.toLowerCase() } },
          h('h3', {}, g.title),
          g.html ? safeHtml(g.html) : h('p', {}, g.markdown),
        ),
      ),
    );
  }
  el.glossaryFilter.value = term ?? '';
  filterGlossary();
  el.glossaryFilter.focus();
}

function filterGlossary() {
  const raw = el.glossaryFilter.value.toLowerCase().trim();
  const key = glossaryKey(raw);
  for (const item of el.glossaryList.querySelectorAll('.glossary-item')) {
    item.hidden =
      raw !== '' &&
      !glossaryKey(item.dataset.title).includes(key) &&
      !item.textContent.toLowerCase().includes(raw);
  }
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3 download, filtered like the page (version and tags), with only the schemas it uses

/** /openapi.json, once, with its operations indexed by operationId (= the resource docs' operation_id). */
async function loadOpenApi() {
  if (S.openapi !== undefined) return S.openapi;
  const res = await call('GET', '/openapi.json');
  if (!res.ok || !res.json?.paths) {
    notify(errorOf(res));
    return undefined;
  }
  const byOperationId = new Map();
  for (const [path, item] of Object.entries(res.json.paths)) {
    for (const op of Object.values(item))
      if (op?.operationId) byOperationId.set(op.operationId, path);
  }
  S.openapi = { spec: res.json, byOperationId };
  return S.openapi;
}

async function downloadOpenApi() {
  const loaded = await loadOpenApi();
  if (!loaded) return;
  const { spec } = loaded;
  const wanted = new Set(S.docs.map((d) => d.operation_id));
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    const kept = {};
    for (const [verb, op] of Object.entries(item)) {
      if (op && typeof op === 'object' && wanted.has(op.operationId)) kept[verb] = op;
    }
    if (Object.keys(kept).length) paths[path] = kept;
  }
  const used = new Set();
  const schemas = spec.components?.schemas ?? {};
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop();
      if (!used.has(name) && schemas[name]) {
        used.add(name);
        walk(schemas[name]);
      }
    }
    for (const v of Object.values(node)) walk(v);
  };
  walk(paths);
  const out = {
    ...spec,
    paths,
    components: {
      ...spec.components,
      schemas: Object.fromEntries([...used].sort().map((n) => [n, schemas[n]])),
    },
  };
  const blob = new Blob([JSON.stringify(out, null, 2)], { type: 'application/json' });
  const a = h('a', {
    href: URL.createObjectURL(blob),
    download: `openapi-${version}${tags.length ? `-${tags.join('-')}` : ''}.json`,
  });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// ---------------------------------------------------------------------------------------------

renderFrame();
restoreChoices();
renderSession();
if (askedVersion && !knownVersion) notify(w.unknownVersion(askedVersion, version));
const catalogLoaded = loadErrorCatalog();
void refreshSession();
void loadBanks();
void loadDocs(catalogLoaded, loadGlossary());
whenIdle(() => void loadAllTags());
