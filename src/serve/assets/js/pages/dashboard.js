// Dashboard: the case's figures at a glance and the three charts Reckon draws.
import {api} from '../api.js';
import {errorNote, formatNumber, h, STATUS_LABELS} from '../dom.js';

function figure(key, label, value, detail) {
  return h('div.figure', {dataset: {figure: key}},
           h('div.figure-label', label),
           h('div.figure-value', formatNumber(value)),
           detail ? h('div.figure-detail', detail) : null);
}

// The stored estimate's headline (report/estimate_headline.h): numbers as text, "-" when unknown.
function headlineOf(estimate) {
  const headline = estimate && estimate.headline;
  if (!headline) return null;
  const number = (v) => (v === undefined || v === null || v === '-' || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));
  const total = number(headline.total);
  if (total === undefined) return null;
  return {total, lower: number(headline.low), upper: number(headline.high),
          method: headline.method || estimate.method, stale: estimate.on_latest_register === false,
          provisional: headline.provisional === true, caveat: headline.caveat || ''};
}

function chart(src, title, description) {
  const image = h('img', {src, alt: description, loading: 'lazy', decoding: 'async'});
  const holder = h('div.chart-body', image);
  image.addEventListener('error', () => {
    holder.replaceChildren(h('p.empty', `The ${title.toLowerCase()} chart is not available.`));
  });
  return h('figure.chart', {dataset: {chart: src.replace(/^.*\/|\.svg$/g, '')}},
           h('figcaption', h('span', title), h('a.small', {href: src, target: '_blank', rel: 'noopener'}, 'Open SVG')),
           holder);
}

export async function renderDashboard(view) {
  view.appendChild(h('h1', 'Dashboard'));
  const figures = h('div.figures', {'aria-busy': 'true'});
  view.appendChild(figures);
  let stats;
  try {
    stats = await api.get('/api/stats');
  } catch (error) {
    figures.removeAttribute('aria-busy');
    figures.appendChild(errorNote(error));
    return;
  }
  figures.removeAttribute('aria-busy');
  // /api/stats is the report's CaseFiguresJson (docs/report.md, "Figures"): breakdowns are
  // lists of {value, persons}; the estimate's headline carries total, low and high as text.
  const byStatus = {};
  for (const row of Array.isArray(stats.by_status) ? stats.by_status : []) byStatus[row.value] = row.persons;
  for (const key of ['corroborated', 'verified']) if (byStatus[key] === undefined) byStatus[key] = 0;
  const estimate = headlineOf(stats.estimate);
  let estimateDetail = 'No stored estimate: run reckon estimate';
  if (estimate) {
    const parts = [];
    if (estimate.lower !== undefined && estimate.upper !== undefined) {
      parts.push(`interval ${formatNumber(estimate.lower)}–${formatNumber(estimate.upper)}`);
    }
    if (estimate.method) parts.push(String(estimate.method));
    if (estimate.stale) parts.push('computed on an earlier register');
    if (estimate.provisional) parts.push(`PROVISIONAL: ${estimate.caveat}`);
    estimateDetail = parts.join(' · ') || null;
  }
  const sources = Array.isArray(stats.sources) ? stats.sources : [];
  figures.append(
      figure('records', 'Documented records', stats.records_received,
             `from ${formatNumber(sources.length)} sources`),
      figure('unique_persons', 'Unique persons', stats.unique_persons, 'after linkage'),
      figure('corroborated', 'Corroborated', byStatus.corroborated, 'two or more independent sources'),
      figure('verified', 'Verified', byStatus.verified, 'decided by an investigator'),
      figure('estimate', 'Estimated total', estimate ? estimate.total : null, estimateDetail));

  const statusRows = Object.keys(STATUS_LABELS).filter((key) => key in byStatus);
  if (statusRows.length) {
    const counted = statusRows.reduce((sum, key) => sum + (Number(byStatus[key]) || 0), 0);
    const persons = Number(stats.unique_persons) || 0;
    const total = Math.max(counted, persons) || 1;
    const bar = h('div.status-bar', {role: 'img', 'aria-label': statusRows.map((k) => `${STATUS_LABELS[k]} ${byStatus[k]}`).join(', ')});
    const legend = h('ul.legend');
    for (const key of statusRows) {
      const segment = h('span', {class: `seg status-${key}`, title: `${STATUS_LABELS[key]}: ${byStatus[key]}`});
      segment.style.width = `${(100 * (Number(byStatus[key]) || 0)) / total}%`;
      bar.appendChild(segment);
      legend.appendChild(h('li', h('span', {class: `swatch status-${key}`}), `${STATUS_LABELS[key]} `,
                           h('strong', formatNumber(byStatus[key]))));
    }
    if (persons > counted) {
      const rest = persons - counted;
      const segment = h('span', {class: 'seg status-other', title: `Documented, not corroborated: ${rest}`});
      segment.style.width = `${(100 * rest) / total}%`;
      bar.appendChild(segment);
      legend.appendChild(h('li', h('span', {class: 'swatch status-other'}), 'Documented (one source) ',
                           h('strong', formatNumber(rest))));
    }
    view.appendChild(h('section.panel.status-panel', {'aria-label': 'Persons by verification status'},
                       h('h2', 'Persons by verification status'), bar, legend));
  }

  view.appendChild(h('div.charts',
      chart('/api/charts/timeline.svg', 'Deaths by day', 'Timeline: number of deaths recorded for each day'),
      chart('/api/charts/places.svg', 'Deaths by place', 'Bar chart: number of deaths in each place'),
      chart('/api/charts/overlap.svg', 'Overlap between sources',
            'UpSet chart: how many persons each combination of sources names')));
}
