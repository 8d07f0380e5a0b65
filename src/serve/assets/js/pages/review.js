// Review queue: the most useful uncertain pairs, side by side with the explanation.
// Match / Not a match / Skip (keys m, n, s); each decision is stored and applied at once.
import {api} from '../api.js';
import {emptyNote, errorNote, formatWeight, h, listOf} from '../dom.js';
import {explanationView, probabilityText, sideBySide} from '../records.js';

function recordKey(record) {
  return record.record_pk ?? record.record_id;
}

export async function renderReview(view, ctx) {
  view.appendChild(h('h1', 'Review queue'));
  view.appendChild(h('p.hint', 'Decide whether the two records describe the same person. Keys: ',
      h('kbd', 'm'), ' match, ', h('kbd', 'n'), ' not a match, ', h('kbd', 's'), ' skip.'));
  const area = h('div.review-area', {'aria-live': 'polite'});
  const last = h('p.last-decision', {role: 'status'});
  view.append(last, area);

  let queue = [];
  let busy = false;
  let decided = 0;

  async function load() {
    const response = await api.get('/api/review?limit=20');
    queue = listOf(response, 'pairs');
  }

  function show() {
    area.replaceChildren();
    const pair = queue[0];
    if (!pair) {
      area.appendChild(emptyNote(decided ? 'No more pairs to review. Thank you.' : 'No uncertain pairs to review.'));
      return;
    }
    const a = pair.record_a || {};
    const b = pair.record_b || {};
    const personA = a.person_id;
    const personB = b.person_id;
    const together = personA !== undefined && personA === personB;
    const button = (decision, label, key, cls) => h(`button.${cls}`, {
      type: 'button', dataset: {decision}, 'aria-keyshortcuts': key,
      on: {click: () => decide(decision)}}, label, ' ', h('kbd', key));
    area.appendChild(h('section.pair', {'aria-label': 'Pair to review', dataset: {recordA: a.record_id || '', recordB: b.record_id || ''}},
        h('p.pair-meta',
          `Match weight ${formatWeight(pair.weight ?? (pair.explanation || {}).total_weight)} · probability ${probabilityText(pair.probability ?? (pair.explanation || {}).probability)}`,
          personA !== undefined ? ` · currently ${together ? `one person (${personA})` : `two persons (${personA} and ${personB})`}` : '',
          ` · ${queue.length} in this batch`),
        sideBySide([a, b], null, 'The two records'),
        h('div.decision-buttons',
          button('match', 'Match', 'm', 'primary'),
          button('nonmatch', 'Not a match', 'n', 'danger'),
          button('skip', 'Skip', 's', 'secondary')),
        explanationView(pair.explanation, 'How the fields weigh')));
  }

  async function decide(decision) {
    const pair = queue[0];
    if (!pair || busy) return;
    busy = true;
    area.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const result = await api.post('/api/review', {
        record_a: recordKey(pair.record_a), record_b: recordKey(pair.record_b), decision});
      decided += 1;
      const names = `${pair.record_a.record_id} and ${pair.record_b.record_id}`;
      let outcome = '';
      if (result && result.changed) {
        if (result.person_removed) outcome = ` Persons merged into ${result.person_kept}.`;
        else if (result.person_created) outcome = ` Split: new person ${result.person_created}.`;
        else outcome = ' The register changed.';
      }
      const label = {match: 'Match', nonmatch: 'Not a match', skip: 'Skipped'}[decision];
      last.replaceChildren(`${label}: ${names}.${outcome}`);
      last.dataset.decision = decision;
      last.dataset.count = String(decided);
      queue.shift();
      if (!queue.length) await load();
      show();
    } catch (error) {
      area.prepend(errorNote(error));
      area.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    } finally {
      busy = false;
    }
  }

  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const decision = {m: 'match', n: 'nonmatch', s: 'skip'}[event.key.toLowerCase()];
    if (decision) {
      event.preventDefault();
      decide(decision);
    }
  };
  document.addEventListener('keydown', onKey);
  ctx.onLeave(() => document.removeEventListener('keydown', onKey));

  try {
    await load();
  } catch (error) {
    area.appendChild(errorNote(error));
    return;
  }
  show();
}
