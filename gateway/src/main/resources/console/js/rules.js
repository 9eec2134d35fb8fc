/*
 * Rules: each rule's version in force and its history, and a form for a new version (or a new
 * campaign) with its effective window; the API's field errors show beside their fields.
 */
import { $, Refused, api, dateTime, element, t } from './common.js';

/** What each kind's params look like, to start the form from. */
const EXAMPLES = {
  REFERRAL_REBATE: { levelRatesBasisPoints: [500, 200, 100], vipLevelRatesBasisPoints: [800, 300, 100],
    vipMinQualifiedReferrals: 5 },
  REFERRAL_QUALIFIED_COUPON: { couponTemplateId: '' },
  REFEREE_WELCOME_COUPON: { couponTemplateId: '', on: 'JOIN' },
  OWN_SPEND_POINTS: { pointsPerCny: 1 },
  SPEND_MILESTONE_COUPON: { everyFen: 1000000, couponTemplateId: '' },
  ORDER_CAP: { maxShareBasisPoints: 1000 },
  BUDGET_CAP: { shareBasisPoints: 1000, minimumFen: 0 },
  CAMPAIGN_MULTIPLIER: { multiplierPercent: 200, appliesTo: ['REFERRAL_REBATE'] }
};

let shown = null;

export async function load() {
  shown = await api('/api/rewards/rules');
  render();
}

export function forget() {
  shown = null;
}

export function render() {
  if (!shown) {
    return;
  }
  $('rule-rows').replaceChildren(...shown.map((rule) => {
    const tr = element('tr');
    tr.id = 'rule-' + rule.ruleId;
    const history = element('button', 'link-dark', rule.ruleId);
    history.type = 'button';
    history.addEventListener('click', () => showHistory(rule.ruleId));
    const first = element('td');
    first.append(history);
    tr.append(first, element('td', null, rule.kind), element('td', null, 'v' + rule.version),
      element('td', 'params', JSON.stringify(rule.params)),
      element('td', null, inForce(rule)), element('td', null, rule.note || ''));
    return tr;
  }));
  const ids = $('rule-ids');
  ids.replaceChildren(...shown.map((rule) => {
    const option = element('option');
    option.value = rule.ruleId;
    return option;
  }));
}

const inForce = (rule) => dateTime(rule.effectiveFrom) + ' – ' + (rule.effectiveTo ? dateTime(rule.effectiveTo) : t('open'));

async function showHistory(ruleId) {
  const versions = await api('/api/rewards/rules/' + encodeURIComponent(ruleId));
  $('rule-history-title').textContent = t('historyOf', { rule: ruleId });
  $('rule-history').replaceChildren(...versions.map((version) => element('li', null,
    'v' + version.version + ' · ' + inForce(version) + ' · ' + JSON.stringify(version.params)
      + (version.note ? ' · ' + version.note : ''))));
  $('rule-history-box').hidden = false;
}

/** Starts the params from the kind's example when the operator picks a kind and has typed none. */
export function kindChosen() {
  const params = $('rule-params');
  const example = EXAMPLES[$('rule-kind').value];
  if (example && (!params.value.trim() || params.dataset.example === 'true')) {
    params.value = JSON.stringify(example, null, 2);
    params.dataset.example = 'true';
  }
}

export async function submit(event) {
  event.preventDefault();
  document.querySelectorAll('#rule-form .error[data-for]').forEach((error) => { error.textContent = ''; });
  $('rule-saved').textContent = '';
  let params;
  try {
    params = JSON.parse($('rule-params').value || '{}');
  } catch (malformed) {
    $('rule-error-params').textContent = t('notJson');
    return;
  }
  const at = (id) => $(id).value ? new Date($(id).value).toISOString() : undefined;
  const body = { kind: $('rule-kind').value, params, effectiveFrom: at('rule-from'), effectiveTo: at('rule-to'),
    note: $('rule-note').value.trim() || undefined };
  const ruleId = $('rule-id').value.trim();
  try {
    const saved = await api('/api/rewards/rules/' + encodeURIComponent(ruleId || '-') + '/versions',
      { method: 'POST', body });
    $('rule-saved').textContent = t('ruleSaved', { rule: saved.ruleId, version: saved.version });
    $('rule-params').dataset.example = 'false';
    await load();
  } catch (failure) {
    if (!(failure instanceof Refused)) {
      throw failure;
    }
    failure.errors.forEach((fieldError) => {
      // params.levelRatesBasisPoints[1].<list element> belongs to the params field
      const field = fieldError.field.split(/[.[]/)[0];
      const target = document.querySelector('#rule-form .error[data-for="' + field + '"]') || $('rules-error');
      target.textContent = (target.textContent ? target.textContent + '; ' : '')
        + (field === 'params' ? fieldError.field.slice('params.'.length) + ': ' : '') + fieldError.message;
    });
    if (!failure.errors.length) {
      $('rules-error').textContent = failure.message;
    }
  }
}
