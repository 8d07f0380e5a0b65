// DOM helpers. Every value from the case file (names, places, notes) comes from
// lists nobody here controls: it is always set as text, never parsed as HTML.

// h('tag.class#id', {attr: value, on: {click: fn}}, ...children) builds an element.
// Children may be strings (text nodes), nodes, arrays, or null/false (skipped).
export function h(spec, attrs, ...children) {
  const match = /^([a-z0-9-]+)?((?:[.#][\w-]+)*)$/i.exec(spec);
  const tag = (match && match[1]) || 'div';
  const element = document.createElement(tag);
  if (match && match[2]) {
    for (const part of match[2].match(/[.#][\w-]+/g)) {
      if (part[0] === '.') element.classList.add(part.slice(1));
      else element.id = part.slice(1);
    }
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    } else if (key === 'class') {
      for (const name of String(value).split(/\s+/).filter(Boolean)) element.classList.add(name);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key in element && typeof value !== 'string' && key !== 'list') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.appendChild(child);
    else element.appendChild(document.createTextNode(String(child)));
  }
}

// Text that may be Arabic or Latin, inline: isolated so that it never reorders
// the punctuation or numbers around it.
export function bdi(text, extra) {
  return h('bdi', Object.assign({dir: 'auto'}, extra || {}), text === null || text === undefined ? '' : String(text));
}

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

const numberFormat = new Intl.NumberFormat('en');

export function formatNumber(value) {
  if (value === null || value === undefined || value === '') return '–';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  return numberFormat.format(Math.round(number * 100) / 100);
}

export function formatWeight(value) {
  const number = Number(value);
  if (!Number.isFinite(number)) return '–';
  return (number > 0 ? '+' : number < 0 ? '−' : '') + Math.abs(number).toFixed(2);
}

export function formatBytes(value) {
  const number = Number(value);
  if (!Number.isFinite(number)) return '–';
  if (number < 1024) return `${number} B`;
  if (number < 1024 * 1024) return `${(number / 1024).toFixed(1)} KiB`;
  return `${(number / 1024 / 1024).toFixed(1)} MiB`;
}

export function isBlank(value) {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
}

// A value of any shape as display text.
export function text(value) {
  if (isBlank(value)) return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value).filter(([, v]) => !isBlank(v)).map(([k, v]) => `${k}: ${text(v)}`)
        .join('; ');
  }
  return String(value);
}

// Reads the first present key of an object (the API's JSON is read defensively).
export function pick(object, ...keys) {
  if (!object || typeof object !== 'object') return undefined;
  for (const key of keys) {
    if (object[key] !== undefined && object[key] !== null) return object[key];
  }
  return undefined;
}

// A list out of a response that may be the list itself or wrap it under a key.
export function listOf(response, ...keys) {
  if (Array.isArray(response)) return response;
  const value = pick(response, ...keys);
  return Array.isArray(value) ? value : [];
}

export const STATUS_LABELS = {
  documented: 'Documented',
  reported: 'Reported',
  corroborated: 'Corroborated',
  verified: 'Verified',
  disputed: 'Disputed',
  rejected: 'Rejected',
  cleared: 'Cleared',
};

export function statusBadge(status) {
  const key = String(status || 'reported').toLowerCase();
  return h('span', {class: `badge status-${key.replace(/[^a-z]/g, '')}`, dataset: {status: key}},
           STATUS_LABELS[key] || key);
}

// A table; columns: [{label, cell(row) -> node|string, className}].
export function table(columns, rows, options = {}) {
  const head = h('thead', h('tr', columns.map((c) => h('th', {scope: 'col', class: c.className}, c.label))));
  const body = h('tbody', rows.map((row, index) => {
    const tr = h('tr', columns.map((c) => h('td', {class: c.className}, c.cell(row, index))));
    if (options.rowAttrs) {
      for (const [k, v] of Object.entries(options.rowAttrs(row))) {
        if (k === 'class') tr.classList.add(...String(v).split(/\s+/).filter(Boolean));
        else tr.setAttribute(k, v);
      }
    }
    return tr;
  }));
  return h('div.table-wrap', h('table', {class: options.className},
                                options.caption ? h('caption', options.caption) : null, head, body));
}

// Label + control pair for forms.
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div.field', h('label', {for: id}, label), control, hint ? h('small.hint', hint) : null);
}

export function select(name, options, value) {
  return h('select', {name},
           options.map(([v, label]) => h('option', {value: v, selected: String(v) === String(value ?? '')}, label)));
}

export function section(title, ...children) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section.panel', {'aria-labelledby': id}, h('h2', {id}, title), ...children);
}

export function emptyNote(message) {
  return h('p.empty', message);
}

// An error from the API as a visible, announced message.
export function errorNote(error) {
  let message = (error && error.message) || String(error);
  if (error && error.status === 403) message = `Not allowed for your role: ${message}`;
  return h('p.notice.error', {role: 'alert'}, message);
}
