// Person: every source record side by side, the link explanation, incidents, evidence,
// testimonies and the verification workflow.
import {api, hasRole} from '../api.js';
import {bdi, emptyNote, errorNote, field, formatBytes, h, isBlank, listOf, pick, section, select,
        statusBadge, table, text} from '../dom.js';
import {explanationView, recordLabel, sideBySide} from '../records.js';

function personName(person) {
  const records = Array.isArray(person.records) ? person.records : [];
  const fromRecord = records.map((r) => r.full_name ||
      [r.given_name, r.father_name, r.grandfather_name, r.family_name].filter(Boolean).join(' ')).find(Boolean);
  const names = Array.isArray(person.names) ? person.names : [];
  return fromRecord || names[0] || (person.name_withheld ? 'Name withheld' : 'Unnamed person');
}

function summaryView(person) {
  const rows = [
    ['Names', (person.names || []).map((n, i) => [i ? ' · ' : '', bdi(n)])],
    ['Sex', person.sex], ['Age', person.age], ['Death date', person.death_date],
    ['Place', person.place ? bdi(person.place) : ''],
    ['Sources', (person.sources || []).map((s, i) => [i ? ', ' : '', bdi(s)])],
  ].filter(([, v]) => !isBlank(v));
  return h('dl.summary', rows.map(([k, v]) => [h('dt', k), h('dd', v)]));
}

function custodyList(custody) {
  const events = Array.isArray(custody) ? custody : [];
  if (!events.length) return '—';
  return h('ol.custody', events.map((e) => h('li',
      typeof e === 'object' ?
        [h('strong', text(pick(e, 'event_type', 'event', 'type', 'action')) || 'event'), ' ',
         text(pick(e, 'at', 'occurred_at', 'time', 'recorded_at')), ' ',
         pick(e, 'actor', 'by') ? ['by ', bdi(pick(e, 'actor', 'by'))] : '',
         pick(e, 'note', 'details', 'description') ? [' — ', bdi(pick(e, 'note', 'details', 'description'))] : ''] :
        text(e))));
}

function evidenceTable(evidence) {
  return table([
    {label: 'SHA-256', cell: (e) => h('code.hash', e.sha256 || ''), className: 'hash-cell'},
    {label: 'Type', cell: (e) => e.media_type || '—'},
    {label: 'Size', cell: (e) => formatBytes(e.size), className: 'num'},
    {label: 'Description', cell: (e) => (e.description ? bdi(e.description) : '—')},
    {label: 'Custody', cell: (e) => custodyList(e.custody)},
  ], evidence, {className: 'evidence'});
}

function verificationForm(person, ctx, reload) {
  const status = select('status', [['verified', 'Verified'], ['disputed', 'Disputed'], ['rejected', 'Rejected'],
                                   ['cleared', 'Cleared (back to the computed status)']]);
  const rationale = h('textarea', {name: 'rationale', rows: '4', required: true, dir: 'auto',
                                   placeholder: 'What the decision rests on: sources, evidence, testimony.'});
  const evidence = listOf(person.evidence);
  const testimonies = listOf(person.testimonies);
  const evidenceBoxes = evidence.map((e) => h('label.check',
      h('input', {type: 'checkbox', name: 'evidence', value: e.sha256}),
      ' ', h('code.hash', String(e.sha256 || '').slice(0, 16) + '…'), ' ', e.media_type || ''));
  const testimonyBoxes = testimonies.map((t) => h('label.check',
      h('input', {type: 'checkbox', name: 'testimonies', value: String(t.testimony_id)}),
      ' ', bdi(t.pseudonym || `testimony ${t.testimony_id}`), t.relation ? ` (${t.relation})` : ''));
  const errors = h('div.errors');
  const button = h('button.primary', {type: 'submit'}, 'Record decision');
  const form = h('form.verify-form', {on: {submit: async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (!rationale.value.trim()) {
      errors.appendChild(h('p.notice.error', {role: 'alert'}, 'A rationale is required.'));
      rationale.focus();
      return;
    }
    button.disabled = true;
    const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    try {
      await api.post(`/api/persons/${encodeURIComponent(person.person_id)}/verification`, {
        status: status.value,
        rationale: rationale.value.trim(),
        evidence: checked('evidence'),
        testimonies: checked('testimonies').map((v) => (/^\d+$/.test(v) ? Number(v) : v)),
      });
      ctx.setStatus(`Decision recorded: ${status.value}.`, 'ok');
      reload();
    } catch (error) {
      errors.appendChild(errorNote(error));
      button.disabled = false;
    }
  }}},
  h('div.form-grid', field('Decision', status), field('Rationale', rationale)),
  h('fieldset', h('legend', 'Evidence the decision rests on'),
    evidenceBoxes.length ? evidenceBoxes : h('p.empty', 'No evidence is linked to this person yet.'),
    h('p', h('a', {href: `#/evidence?person_id=${encodeURIComponent(person.person_id)}`}, 'Upload evidence for this person'))),
  h('fieldset', h('legend', 'Testimonies'),
    testimonyBoxes.length ? testimonyBoxes : h('p.empty', 'No testimony is linked to this person.')),
  h('p.hint', 'Verifying needs at least one piece of evidence or an eyewitness testimony; the decision and its rationale go to the audit log.'),
  errors, h('div.actions', button));
  return form;
}

export async function renderPerson(view, ctx) {
  const id = ctx.arg;
  const heading = h('h1', 'Person');
  view.append(h('p.breadcrumb', h('a', {href: '#/register'}, '← Register')), heading);
  const reload = async () => {
    const fresh = h('div.view');
    view.replaceWith(fresh);
    view = fresh;
    await renderPerson(fresh, ctx);
  };
  let person;
  try {
    person = await api.get(`/api/persons/${encodeURIComponent(id)}`);
  } catch (error) {
    view.appendChild(errorNote(error.status === 404 ? {message: 'No such person (or not published).'} : error));
    return;
  }
  heading.replaceChildren(bdi(personName(person)));
  const verification = person.verification || {};
  view.appendChild(h('p.person-meta', `Person ${person.person_id} · `, statusBadge(verification.status || person.status),
      verification.computed && verification.computed !== verification.status ?
        h('span.computed', ` (computed from sources: ${verification.computed})`) : null));

  const records = listOf(person.records);
  if (!records.length) {
    view.appendChild(section('Summary', summaryView(person)));
    return;
  }

  view.appendChild(section(`Source records (${records.length})`,
      h('p.hint', 'Each column is one mention of this person by one source; highlighted rows differ between sources.'),
      sideBySide(records, person.differences)));

  const explanations = listOf(person.explanation);
  if (explanations.length) {
    const byPk = new Map(records.map((r) => [String(r.record_pk ?? r.record_id), r]));
    const label = (key) => {
      const record = byPk.get(String(key)) || records.find((r) => r.record_id === key);
      return record ? recordLabel(record) : String(key);
    };
    view.appendChild(section('Why these records were linked',
        h('p.hint', 'Each field adds to or takes from the match weight (log₂ of the likelihood ratio); the weights add up to the total.'),
        explanations.map((e, i) => {
          const view_ = explanationView(e, `${label(e.record_a)}  ↔  ${label(e.record_b)}`);
          return explanations.length > 2 ?
            h('details', {open: i === 0}, h('summary', `${label(e.record_a)} ↔ ${label(e.record_b)}`), view_) : view_;
        })));
  }

  const incidents = listOf(person.incidents);
  view.appendChild(section('Incidents', incidents.length ?
      h('ul.plain', incidents.map((inc) => h('li',
          h('a', {href: `#/incidents/${encodeURIComponent(pick(inc, 'incident_id', 'id'))}`}, bdi(inc.title || `Incident ${pick(inc, 'incident_id', 'id')}`)),
          inc.start_date ? ` · ${inc.start_date}` : '', inc.place ? [' · ', bdi(inc.place)] : ''))) :
      emptyNote('Not linked to an incident.')));

  const evidence = listOf(person.evidence);
  view.appendChild(section('Evidence', evidence.length ? evidenceTable(evidence) : emptyNote('No evidence linked.'),
      hasRole('investigator') ?
        h('p', h('a.button', {href: `#/evidence?person_id=${encodeURIComponent(person.person_id)}`}, 'Upload evidence')) : null));

  const testimonies = listOf(person.testimonies);
  view.appendChild(section('Testimonies', testimonies.length ? table([
    {label: 'Pseudonym', cell: (t) => bdi(t.pseudonym || '')},
    {label: 'Relation', cell: (t) => t.relation || '—'},
    {label: 'Date', cell: (t) => t.date || '—'},
  ], testimonies) : emptyNote('No testimony recorded.')));

  const history = listOf(verification.history);
  view.appendChild(section('Verification',
      h('p', 'Current status: ', statusBadge(verification.status || person.status)),
      history.length ? table([
        {label: 'Decided', cell: (d) => d.decided_at || '—', className: 'date'},
        {label: 'Status', cell: (d) => statusBadge(d.status)},
        {label: 'Reviewer', cell: (d) => bdi(d.reviewer || '')},
        {label: 'Rationale', cell: (d) => h('span', {dir: 'auto'}, d.rationale || '')},
      ], history, {className: 'history', caption: 'Decisions, oldest first'}) : emptyNote('No decision yet.'),
      hasRole('investigator') ? verificationForm(person, ctx, reload) : null));
}
