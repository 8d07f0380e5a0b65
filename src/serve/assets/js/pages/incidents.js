// Incidents: the list, a form to add one, and one incident's page.
import {api} from '../api.js';
import {bdi, emptyNote, errorNote, field, h, listOf, pick, section, select, statusBadge, table,
        text} from '../dom.js';

// The store's incident types (store/model.h IncidentTypes; anything else is refused with 400).
const TYPES = [['', 'Choose…'], ['killing', 'Killing'], ['mass_killing', 'Mass killing (massacre)'],
               ['execution', 'Execution'], ['enforced_disappearance', 'Enforced disappearance'],
               ['death_in_detention', 'Death in detention'], ['shelling', 'Shelling'],
               ['airstrike', 'Airstrike'], ['other', 'Other']];

function incidentId(incident) {
  return pick(incident, 'incident_id', 'id');
}

function dates(incident) {
  const start = incident.start_date || '';
  const end = incident.end_date || '';
  return end && end !== start ? `${start} – ${end}` : start || '—';
}

function addForm(ctx, onAdded) {
  const input = (name, attrs = {}) => h('input', Object.assign({name, dir: 'auto', autocomplete: 'off'}, attrs));
  const title = input('title', {required: true});
  const type = select('incident_type', TYPES);
  const start = h('input', {type: 'date', name: 'start_date'});
  const end = h('input', {type: 'date', name: 'end_date'});
  const place = input('place');
  const perpetrator = input('perpetrator');
  const basis = h('textarea', {name: 'attribution_basis', rows: '2', dir: 'auto'});
  const description = h('textarea', {name: 'description', rows: '3', dir: 'auto'});
  const errors = h('div.errors');
  const button = h('button.primary', {type: 'submit'}, 'Add incident');
  const form = h('form.incident-form', {on: {submit: async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (end.value && start.value && end.value < start.value) {
      errors.appendChild(h('p.notice.error', {role: 'alert'}, 'The end date is before the start date.'));
      return;
    }
    button.disabled = true;
    const body = {};
    for (const element of form.elements) {
      if (element.name) body[element.name] = element.value.trim();
    }
    try {
      const created = await api.post('/api/incidents', body);
      ctx.setStatus(`Incident added: ${body.title}.`, 'ok');
      form.reset();
      onAdded(created);
    } catch (error) {
      errors.appendChild(errorNote(error));
    } finally {
      button.disabled = false;
    }
  }}},
  h('div.form-grid',
    field('Title', title), field('Type', type), field('Start date', start), field('End date', end),
    field('Place', place), field('Alleged perpetrator', perpetrator)),
  field('Basis for the attribution', basis, 'Why this perpetrator: sources, witness accounts, patterns.'),
  field('Description', description),
  errors, h('div.actions', button));
  return form;
}

export async function renderIncidents(view, ctx) {
  view.appendChild(h('h1', 'Incidents'));
  const list = h('div.incident-list', {'aria-live': 'polite'});
  const load = async () => {
    list.replaceChildren();
    try {
      const incidents = listOf(await api.get('/api/incidents'), 'incidents');
      list.appendChild(incidents.length ? table([
        {label: 'Title', cell: (i) => h('a', {href: `#/incidents/${encodeURIComponent(incidentId(i))}`}, bdi(i.title || `Incident ${incidentId(i)}`))},
        {label: 'Type', cell: (i) => i.incident_type || '—'},
        {label: 'Dates', cell: dates, className: 'date'},
        {label: 'Place', cell: (i) => (i.place ? bdi(i.place) : '—')},
        {label: 'Alleged perpetrator', cell: (i) => (i.perpetrator ? bdi(i.perpetrator) : '—')},
        {label: 'Persons', cell: (i) => String(pick(i, 'person_count', 'victims') ?? (Array.isArray(i.persons) ? i.persons.length : '—')), className: 'num'},
      ], incidents, {className: 'incidents'}) : emptyNote('No incident recorded yet.'));
    } catch (error) {
      list.appendChild(errorNote(error));
    }
  };
  view.append(section('Recorded incidents', list),
              section('Add an incident', addForm(ctx, load)));
  await load();
}

export async function renderIncident(view, ctx) {
  view.append(h('p.breadcrumb', h('a', {href: '#/incidents'}, '← Incidents')));
  const heading = h('h1', 'Incident');
  view.appendChild(heading);
  let incident;
  try {
    incident = await api.get(`/api/incidents/${encodeURIComponent(ctx.arg)}`);
  } catch (error) {
    view.appendChild(errorNote(error));
    return;
  }
  if (incident && incident.incident) incident = incident.incident;
  heading.replaceChildren(bdi(incident.title || `Incident ${ctx.arg}`));
  const rows = [
    ['Type', incident.incident_type], ['Dates', dates(incident)], ['Place', incident.place && bdi(incident.place)],
    ['Alleged perpetrator', incident.perpetrator && bdi(incident.perpetrator)],
    ['Basis for the attribution', incident.attribution_basis && h('span', {dir: 'auto'}, incident.attribution_basis)],
    ['Description', incident.description && h('span', {dir: 'auto'}, incident.description)],
  ].filter(([, v]) => v);
  view.appendChild(section('Details', h('dl.summary', rows.map(([k, v]) => [h('dt', k), h('dd', v)]))));
  const persons = listOf(incident.persons || incident.victims);
  view.appendChild(section('Persons', persons.length ? h('ul.plain', persons.map((p) => {
    const id = typeof p === 'object' ? p.person_id : p;
    const name = typeof p === 'object' ? (Array.isArray(p.names) ? p.names[0] : p.name) : null;
    return h('li', h('a', {href: `#/person/${encodeURIComponent(id)}`}, name ? bdi(name) : `Person ${id}`),
             typeof p === 'object' && p.status ? [' ', statusBadge(p.status)] : '',
             typeof p === 'object' && p.role ? ` (${text(p.role)})` : '');
  })) : emptyNote('No person linked to this incident.')));
}
