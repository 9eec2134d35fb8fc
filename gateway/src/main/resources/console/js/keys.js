/* Partner keys: make one for a till or a booking platform (the key is shown once), see each key's last use, revoke. */
import { $, Refused, api, dateTime, element, language, t } from './common.js';

let shown = null;

export async function load() {
  const [keys, branches] = await Promise.all([api('/api/partner-keys'), api('/api/branches')]);
  shown = { keys, branches };
  render();
}

export function forget() {
  shown = null;
  $('new-key').hidden = true;
  $('new-key-value').textContent = '';
}

export function render() {
  if (!shown) {
    return;
  }
  const select = $('key-branches');
  const chosen = new Set([...select.selectedOptions].map((option) => option.value));
  select.replaceChildren(...shown.branches.map((branch) => {
    const option = element('option', null, language() === 'en' ? branch.nameEn : branch.nameZh);
    option.value = branch.id;
    option.selected = chosen.has(branch.id);
    return option;
  }));
  $('key-rows').replaceChildren(...shown.keys.map(row));
}

function row(key) {
  const tr = element('tr');
  tr.id = 'key-' + key.id;
  tr.dataset.revoked = key.revokedAt ? 'true' : 'false';
  const cell = (text) => element('td', null, text);
  tr.append(cell(key.name), cell(key.prefix), cell(key.branches.join(', ')), cell(String(key.requestsPerMinute)),
    cell(dateTime(key.createdAt)), cell(key.lastUsedAt ? dateTime(key.lastUsedAt) : t('neverUsed')));
  if (key.revokedAt) {
    tr.append(cell(t('revokedAt', { at: dateTime(key.revokedAt) })));
  } else {
    const td = element('td');
    const revoke = element('button', 'revoke', t('revoke'));
    revoke.type = 'button';
    // a second click confirms: a revoked key stops its till at once
    revoke.addEventListener('click', async () => {
      if (revoke.dataset.confirm !== 'true') {
        revoke.dataset.confirm = 'true';
        revoke.textContent = t('confirmRevoke');
        return;
      }
      await api('/api/partner-keys/' + key.id + '/revoke', { method: 'POST', body: {} });
      await load();
    });
    td.append(revoke);
    tr.append(td);
  }
  return tr;
}

/** Makes a key; the API's field errors show beside their fields; the key itself is shown this once. */
export async function create(event) {
  event.preventDefault();
  document.querySelectorAll('#key-form .error[data-for]').forEach((error) => { error.textContent = ''; });
  const perMinute = $('key-rate').value.trim();
  const body = { name: $('key-name').value.trim(),
    branches: [...$('key-branches').selectedOptions].map((option) => option.value) };
  if (perMinute) {
    body.requestsPerMinute = Number(perMinute);
  }
  try {
    const created = await api('/api/partner-keys', { method: 'POST', body });
    $('new-key-value').textContent = created.key;
    $('new-key').hidden = false;
    $('key-form').reset();
    await load();
  } catch (failure) {
    if (!(failure instanceof Refused)) {
      throw failure;
    }
    failure.errors.forEach((fieldError) => {
      const field = fieldError.field.replace(/\[\d+]$/, '');
      const target = document.querySelector('#key-form .error[data-for="' + field + '"]') || $('keys-error');
      target.textContent = fieldError.message;
    });
    if (!failure.errors.length) {
      $('keys-error').textContent = failure.message;
    }
  }
}

export async function copyKey() {
  await navigator.clipboard.writeText($('new-key-value').textContent);
  $('copy-key').textContent = t('copied');
}
