/* Budget: the month's cap, spend and what is left, and the rewards held over it, which operators approve or decline. */
import { $, Refused, api, dateTime, element, t, yuan } from './common.js';
import { budgetFigures } from './overview.js';

let shown = null;
let asked = 0; // the newest month asked for: an older answer arriving late is dropped

export async function load() {
  const period = $('budget-period').value;
  const mine = ++asked;
  const [budget, held] = await Promise.all([api('/api/rewards/budget?period=' + encodeURIComponent(period)),
    api('/api/rewards/budget/held')]);
  if (mine !== asked) {
    return;
  }
  shown = { budget, held: held.filter((reward) => reward.period === period) };
  render();
}

export function render() {
  if (!shown) {
    return;
  }
  $('budget-figures').replaceChildren(...budgetFigures(shown.budget));
  const rows = shown.held.map(row);
  $('held-rows').replaceChildren(...rows);
  $('held-empty').hidden = rows.length > 0;
}

export function forget() {
  shown = null;
}

function row(reward) {
  const tr = element('tr');
  tr.id = 'held-' + reward.id;
  tr.dataset.status = reward.status;
  const cell = (text) => element('td', null, text);
  tr.append(cell(reward.memberId.slice(0, 8)), cell(t(reward.kind) + ' · ' + reward.description),
    cell(yuan(reward.valueFen)), cell(reward.reason), cell(dateTime(reward.heldAt)), cell(t(reward.status)));
  tr.append(reward.status === 'HELD' ? decisionCell(reward) : cell(
    t('decidedBy', { by: reward.decidedBy || '', at: dateTime(reward.decidedAt) })
      + (reward.decisionNote ? ' · ' + reward.decisionNote : '')));
  return tr;
}

/** A note, and the two decisions; the API's field error shows beside the note. */
function decisionCell(reward) {
  const td = element('td', 'decide');
  const label = element('label', 'quiet', t('note'));
  const note = element('input');
  note.id = 'note-' + reward.id;
  note.name = 'note';
  note.maxLength = 300;
  label.htmlFor = note.id;
  const error = element('div', 'error');
  error.setAttribute('role', 'alert');
  const approve = element('button', 'approve', t('approve'));
  const decline = element('button', 'decline', t('cancel'));
  approve.type = decline.type = 'button';
  approve.addEventListener('click', () => decide(reward, 'approve', note, error));
  decline.addEventListener('click', () => decide(reward, 'cancel', note, error));
  td.append(label, note, approve, decline, error);
  return td;
}

async function decide(reward, decision, note, error) {
  const text = note.value.trim();
  if (decision === 'cancel' && !text) {
    error.textContent = t('noteRequired');
    note.focus();
    return;
  }
  try {
    await api('/api/rewards/budget/held/' + reward.id + '/' + decision,
      { method: 'POST', body: text ? { note: text } : {} });
    await load();
  } catch (failure) {
    if (!(failure instanceof Refused)) {
      throw failure;
    }
    const field = failure.errors.find((fieldError) => fieldError.field === 'note');
    error.textContent = field ? field.message : failure.message;
  }
}
