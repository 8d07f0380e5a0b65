// Dashboard: the case's figures at a glance and the three charts Reckon draws.
import {api, hasRole} from '../api.js';
import {errorNote, formatNumber, h, pick, STATUS_LABELS} from '../dom.js';

function figure(key, label, value, detail) {
  return h('div.figure', {dataset: {figure: key}},
           h('div.figure-label', label),
           h('div.figure-value', formatNumber(value)),
           detail ? h('div.figure-detail', detail) : null);
}

function readFlat(estimate) {
  if (typeof estimate === 'number') return {total: estimate};
  if (!estimate || typeof estimate !== 'object' || Array.isArray(estimate)) return null;
  const total = pick(estimate, 'total', 'estimate', 'n_hat', 'N', 'abundance', 'point', 'median', 'mean');
  if (typeof total !== 'number') return null;
  let lower = pick(estimate, 'lower', 'ci_low', 'ci_lower', 'q025', 'low');
  let upper = pick(estimate, 'upper', 'ci_high', 'ci_upper', 'q975', 'high');
  const interval = pick(estimate, 'interval', 'ci', 'credible_interval', 'confidence_interval');
  if (Array.isArray(interval) && interval.length === 2) [lower, upper] = interval;
  else if (interval && typeof interval === 'object') {
    lower = pick(interval, 'lower', 'low', 'lo');
    upper = pick(interval, 'upper', 'high', 'hi');
  }
  const round = (v) => (typeof v === 'number' ? Math.round(v) : v);
  return {total: Math.round(total), lower: round(lower), upper: round(upper),
          method: pick(estimate, 'method', 'model', 'name'),
          level: pick(estimate, 'level', 'ci_level')};
}

// The estimate's point and interval, whatever its shape: a flat {total, lower, upper}, or a
// stored estimate run ({method, result}) whose result holds a selected log-linear model, an
// LCMCR or dga posterior, searched breadth-first.
export function readEstimate(estimate) {
  if (estimate === null || estimate === undefined) return null;
  const method = pick(estimate, 'method');
  const queue = [estimate];
  for (let seen = 0; queue.length && seen < 200; ++seen) {
    const node = queue.shift();
    if (!node || typeof node !== 'object') continue;
    const loglinear = node.loglinear;
    if (loglinear && loglinear.selected && Array.isArray(node.models)) {
      const fit = node.models.find((m) => m.name === loglinear.selected);
      const flat = readFlat(fit);
      if (flat) return {...flat, method: `log-linear ${loglinear.selected}`, level: loglinear.ci_level};
    }
    const flat = Array.isArray(node) ? null : readFlat(node);
    if (flat && flat.total !== undefined) return {...flat, method: flat.method || method};
    for (const value of Object.values(node)) if (value && typeof value === 'object') queue.push(value);
  }
  return null;
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
  const byStatus = Object.assign({}, pick(stats, 'by_status') || {});
  for (const key of Object.keys(STATUS_LABELS)) {
    if (byStatus[key] === undefined && typeof stats[key] === 'number') byStatus[key] = stats[key];
  }
  let estimate = readEstimate(pick(stats, 'estimate', 'estimated_total'));
  if (!estimate && hasRole('analyst')) {
    estimate = await api.get('/api/estimates').then((r) => readEstimate(r && r.estimate)).catch(() => null);
  }
  let estimateDetail = 'No stored estimate: run reckon estimate';
  if (estimate) {
    const parts = [];
    if (estimate.lower !== undefined && estimate.upper !== undefined) {
      const level = estimate.level ? `${Math.round(Number(estimate.level) * (estimate.level <= 1 ? 100 : 1))}% ` : '';
      parts.push(`${level}interval ${formatNumber(estimate.lower)}–${formatNumber(estimate.upper)}`);
    }
    if (estimate.method) parts.push(String(estimate.method));
    estimateDetail = parts.join(' · ') || null;
  }
  const sources = pick(stats, 'sources', 'by_source');
  const sourceCount = Array.isArray(sources) ? sources.length : pick(stats, 'source_count');
  figures.append(
      figure('records', 'Documented records', pick(stats, 'records', 'record_count'),
             sourceCount !== undefined ? `from ${formatNumber(sourceCount)} sources` : null),
      figure('unique_persons', 'Unique persons', pick(stats, 'unique_persons', 'persons'), 'after linkage'),
      figure('corroborated', 'Corroborated', byStatus.corroborated, 'two or more independent sources'),
      figure('verified', 'Verified', byStatus.verified, 'decided by an investigator'),
      figure('estimate', 'Estimated total', estimate ? estimate.total : null, estimateDetail));

  const statusRows = Object.keys(STATUS_LABELS).filter((key) => key in byStatus);
  if (statusRows.length) {
    const counted = statusRows.reduce((sum, key) => sum + (Number(byStatus[key]) || 0), 0);
    const persons = Number(pick(stats, 'unique_persons', 'persons')) || 0;
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
