/* The optional parameters /openapi.json documents for an operation, as "try it" fields: the paging
   query parameters of a list (limit, offset, sort_direction, from_date, to_date) and the
   Idempotency-Key header of a write. Query fields write into the URL, header fields into the request. */

import { h } from './dom.js';

/** The operation's query and header parameters in /openapi.json (path ones have their own fields). */
export function optionalParameters(spec, operationId) {
  for (const item of Object.values(spec?.paths ?? {})) {
    for (const op of Object.values(item)) {
      if (op?.operationId === operationId) {
        return (op.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'header');
      }
    }
  }
  return [];
}

/** `url` with these query parameters set; an empty value removes its parameter. */
export function withQuery(url, query) {
  const i = url.indexOf('?');
  const path = i < 0 ? url : url.slice(0, i);
  const params = new URLSearchParams(i < 0 ? '' : url.slice(i + 1));
  for (const [name, value] of Object.entries(query)) {
    if (value === '') params.delete(name);
    else params.set(name, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * One field per parameter (a choice for an enum), with its description as the hint. `onChange` runs
 * after each edit; `query()` and `headers()` give the current values by name.
 */
export function parameterFields(operationId, params, legend, onChange) {
  const inputs = params.map((p) => {
    const schema = p.schema ?? {};
    const id = `${operationId}-${p.in}-${p.name}`;
    const input = schema.enum
      ? h(
          'select',
          { id, class: 'param', dataset: { in: p.in, name: p.name }, onchange: onChange },
          h('option', { value: '' }, ''),
          schema.enum.map((v) => h('option', { value: v }, v)),
        )
      : h('input', {
          id,
          class: 'param',
          dataset: { in: p.in, name: p.name },
          autocomplete: 'off',
          spellcheck: 'false',
          inputmode: schema.type === 'integer' ? 'numeric' : undefined,
          placeholder: schema.example === undefined ? '' : String(schema.example),
          title: p.description ?? '',
          oninput: onChange,
        });
    return { p, input };
  });
  const valuesIn = (where) =>
    Object.fromEntries(
      inputs.filter(({ p }) => p.in === where).map(({ p, input }) => [p.name, input.value.trim()]),
    );
  const element = h(
    'fieldset',
    { class: 'params optional-params' },
    h('legend', {}, legend),
    inputs.map(({ p, input }) =>
      h('div', { class: 'param-field' }, h('label', { for: input.id }, p.name), input),
    ),
  );
  return {
    element,
    query: () => valuesIn('query'),
    headers: () => Object.fromEntries(Object.entries(valuesIn('header')).filter(([, v]) => v)),
    reset: () => inputs.forEach(({ input }) => (input.value = '')),
  };
}
