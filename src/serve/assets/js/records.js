// Source records side by side, and the link explanation (how each field moved the match weight).
import {formatNumber, formatWeight, h, isBlank, pick, text} from './dom.js';

export const RECORD_FIELDS = [
  ['full_name', 'Full name', true],
  ['given_name', 'Given name', true],
  ['father_name', 'Father', true],
  ['grandfather_name', 'Grandfather', true],
  ['family_name', 'Family name', true],
  ['mother_name', 'Mother', true],
  ['sex', 'Sex', false],
  ['age', 'Age', false],
  ['birth_date', 'Birth date', false],
  ['death_date', 'Death date', false],
  ['locality', 'Locality', true],
  ['district', 'District', true],
  ['governorate', 'Governorate', true],
  ['cause', 'Cause of death', true],
  ['notes', 'Notes', true],
];

function comparable(value) {
  return text(value).normalize('NFKC').trim().toLowerCase();
}

// Fields whose non-empty values differ between records (the server's list when it sends one).
export function differingFields(records, given) {
  const out = new Set(Array.isArray(given) ? given : []);
  for (const [key] of RECORD_FIELDS) {
    const values = new Set(records.map((r) => r[key]).filter((v) => !isBlank(v)).map(comparable));
    if (values.size > 1) out.add(key);
  }
  return out;
}

export function recordLabel(record) {
  return `${record.source || 'source?'} · ${record.record_id || record.record_pk || '?'}`;
}

// A table with one column per record and one row per field; rows that differ are highlighted.
export function sideBySide(records, differences, caption) {
  const differ = differingFields(records, differences);
  const fields = RECORD_FIELDS.filter(([key]) => records.some((r) => !isBlank(r[key])));
  const head = h('thead', h('tr', h('th', {scope: 'col'}, 'Field'),
      records.map((r) => h('th', {scope: 'col', dataset: {recordId: r.record_id || ''}},
                           h('span.source', h('bdi', {dir: 'auto'}, r.source || '')), h('br'),
                           h('span.record-id', r.record_id || '')))));
  const body = h('tbody', fields.map(([key, label, free]) => {
    const differs = differ.has(key);
    return h('tr', {class: differs ? 'differs' : null, dataset: {field: key}},
        h('th', {scope: 'row'}, label, differs ? h('span.visually-hidden', ' (values differ)') : null),
        records.map((r) => h('td', {dir: free ? 'auto' : null, class: isBlank(r[key]) ? 'blank' : null},
                             isBlank(r[key]) ? '—' : text(r[key]))));
  }));
  return h('div.table-wrap', h('table.side-by-side', caption ? h('caption', caption) : null, head, body));
}

// One explanation's lines, whatever its shape: {lines:[{label, detail, weight}]} from the
// server, or {fields:[{field, level, weight}]}.
function explanationLines(explanation) {
  const lines = pick(explanation, 'lines', 'fields', 'comparisons') || [];
  return lines.map((line) => ({
    label: pick(line, 'label', 'field', 'name') ?? '',
    detail: pick(line, 'detail', 'level', 'comparison') ?? '',
    weight: Number(pick(line, 'weight', 'log2_bayes_factor', 'match_weight') ?? 0),
  }));
}

// A waterfall: each line's weight, a bar, and the running total; the sum is the pair's weight.
export function explanationView(explanation, title) {
  if (!explanation) return null;
  const lines = explanationLines(explanation);
  const total = Number(pick(explanation, 'total_weight', 'weight', 'match_weight'));
  const sum = lines.reduce((s, l) => s + l.weight, 0);
  if (Number.isFinite(total) && Math.abs(total - sum) > 0.005) {
    lines.push({label: 'Other terms', detail: 'prior and adjustments not itemised', weight: total - sum});
  }
  const scale = Math.max(1, ...lines.map((l) => Math.abs(l.weight)));
  let running = 0;
  const rows = lines.map((line) => {
    running += line.weight;
    const bar = h('span', {class: `bar ${line.weight >= 0 ? 'pos' : 'neg'}`});
    bar.style.width = `${(50 * Math.abs(line.weight)) / scale}%`;
    return h('tr', {class: line.weight >= 0 ? 'for' : 'against'},
        h('th', {scope: 'row'}, line.label),
        h('td.detail', text(line.detail)),
        h('td.num', formatWeight(line.weight)),
        h('td.bar-cell', {'aria-hidden': 'true'}, h('span.axis'), bar),
        h('td.num.running', formatWeight(running)));
  });
  const probability = pick(explanation, 'probability', 'match_probability');
  const notes = [];
  if (probability !== undefined) notes.push(`match probability ${(Number(probability) * 100).toFixed(1)}%`);
  if (explanation.household) notes.push('possible household member (same family, different person?)');
  if (!isBlank(explanation.relation)) notes.push(`relation: ${text(explanation.relation)}`);
  return h('figure.explanation',
      title ? h('figcaption', title) : null,
      h('div.table-wrap', h('table.waterfall',
          h('thead', h('tr', h('th', {scope: 'col'}, 'Field'), h('th', {scope: 'col'}, 'Comparison'),
                       h('th.num', {scope: 'col'}, 'Weight'), h('th', {scope: 'col'}, h('span.visually-hidden', 'Bar')),
                       h('th.num', {scope: 'col'}, 'Running total'))),
          h('tbody', rows),
          h('tfoot', h('tr', h('th', {scope: 'row', colspan: '2'}, 'Total match weight'),
                       h('td.num.total', formatWeight(Number.isFinite(total) ? total : sum)), h('td'),
                       h('td'))))),
      notes.length ? h('p.explanation-notes', notes.join(' · ')) : null);
}

export function probabilityText(value) {
  const number = Number(value);
  return Number.isFinite(number) ? `${(number * 100).toFixed(1)}%` : formatNumber(value);
}
