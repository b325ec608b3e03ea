/* Small DOM helpers: build elements without innerHTML, sanitise server HTML, copy to the clipboard. */

/** h('a', { href: '#x', onclick }, 'text', child) → element. false/null/undefined children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces an element's children (arrays flattened, null/false skipped). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Appends children (arrays flattened, null/false skipped). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

const ALLOWED = new Set(
  'P BR STRONG B EM I CODE PRE UL OL LI A H3 H4 H5 H6 TABLE THEAD TBODY TR TH TD BLOCKQUOTE SPAN DIV HR'.split(
    ' ',
  ),
);
const DEMOTE = { H1: 'h4', H2: 'h4' };

/**
 * Server HTML (resource-doc descriptions, glossary) as a safe fragment: known tags only, no attributes
 * but a relative or http(s) href, and OBP's /glossary#Term links kept as glossary links.
 */
export function safeHtml(html) {
  const doc = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  const out = document.createDocumentFragment();
  for (const node of [...doc.body.childNodes]) {
    const clean = cleanNode(node);
    if (clean) out.append(clean);
  }
  return out;
}

function cleanNode(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = node.tagName;
  if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'IFRAME' || tag === 'OBJECT') return null;
  const kids = [...node.childNodes].map(cleanNode).filter(Boolean);
  if (!ALLOWED.has(tag) && !DEMOTE[tag]) {
    const frag = document.createDocumentFragment();
    frag.append(...kids);
    return frag;
  }
  const el = document.createElement(DEMOTE[tag] ?? tag.toLowerCase());
  if (tag === 'A') {
    const href = node.getAttribute('href') ?? '';
    const glossary = /^\/?glossary#(.+)$/.exec(href);
    if (glossary) {
      el.setAttribute('href', '#');
      el.dataset.glossary = decodeURIComponent(glossary[1]);
    } else if (/^(https?:|\/|#)/i.test(href)) {
      el.setAttribute('href', href);
      if (/^https?:/i.test(href)) el.setAttribute('rel', 'noopener noreferrer');
    }
  }
  el.append(...kids);
  return el;
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is missing (plain http). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/** Pretty JSON (or the raw text when it is not JSON). */
export const pretty = (value) =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value, null, 2);

/** Runs fn when the browser is idle (or soon). */
export const whenIdle = (fn) =>
  'requestIdleCallback' in window
    ? window.requestIdleCallback(fn, { timeout: 1500 })
    : setTimeout(fn, 200);
