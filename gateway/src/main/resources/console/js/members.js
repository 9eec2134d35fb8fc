/*
 * Members: the directory with its filters, paged, and its CSV export; one member's masked profile,
 * gold standards, referrals, points history with its explanations and coupons, and a staff coupon.
 */
import { $, Refused, api, branchName, dateTime, element, fillBranches, t, yuan } from './common.js';

const SIZE = 20;
let page = 0;
let shown = null;
let member = null;
let asked = 0; // the newest search: an older answer arriving late is dropped

export async function load() {
  await fillBranches($('member-branch'));
  const mine = ++asked;
  const found = await api('/api/members?' + query() + '&page=' + page + '&size=' + SIZE);
  if (mine !== asked) {
    return;
  }
  shown = found;
  render();
}

export function forget() {
  shown = null;
  member = null;
  $('member-detail').hidden = true;
}

/** The filters as a query string: only those set. */
function query() {
  const params = new URLSearchParams();
  [['tier', 'member-tier'], ['valueSegment', 'member-segment'], ['branch', 'member-branch'],
    ['needsTag', 'member-tag']].forEach(([name, id]) => {
    const value = $(id).value.trim();
    if (value) {
      params.set(name, value);
    }
  });
  return params.toString();
}

export function render() {
  if (shown) {
    $('member-rows').replaceChildren(...shown.items.map(row));
    const pages = Math.max(1, Math.ceil(shown.total / SIZE));
    $('member-paging').textContent = t('pageOf', { page: page + 1, pages, total: shown.total });
    $('member-previous').disabled = page === 0;
    $('member-next').disabled = page + 1 >= pages;
  }
  if (member) {
    renderMember();
  }
}

function row(entry) {
  const tr = element('tr');
  tr.id = 'member-' + entry.id;
  const open = element('button', 'link-dark', entry.name);
  open.type = 'button';
  open.addEventListener('click', () => openMember(entry.id));
  const name = element('td');
  name.append(open);
  tr.append(name, element('td', null, entry.phone), element('td', null, branchName(entry.branch)),
    element('td', null, t(entry.tier)),
    element('td', null, yuan(entry.yearSpendFen)), element('td', null, t(entry.valueSegment)),
    element('td', null, dateTime(entry.lastVisitAt)));
  return tr;
}

export async function search(event) {
  event.preventDefault();
  page = 0;
  await load();
}

export async function turn(step) {
  page = Math.max(0, page + step);
  await load();
}

/** Every member the filters match, as the directory's CSV (formula-like cells defused by the service). */
export async function downloadCsv() {
  const response = await fetch('/api/members?' + query(), { headers: { 'X-Kinlink-Console': '1', Accept: 'text/csv' } });
  if (!response.ok) {
    throw new Refused(await response.json().catch(() => ({})), response.status);
  }
  const link = element('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'kinlink-members.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function openMember(id) {
  const base = '/api/members/' + id;
  const [profile, standards, referrals, history, coupons, templates] = await Promise.all([api(base),
    api(base + '/gold-standards'), api(base + '/referrals'), api(base + '/rewards/history'),
    api(base + '/rewards/coupons'), api('/api/rewards/coupon-templates')]);
  member = { profile, standards, referrals, history, coupons, templates };
  renderMember();
  $('member-detail').hidden = false;
  $('member-detail').scrollIntoView();
}

function renderMember() {
  const { profile, standards, referrals, history, coupons, templates } = member;
  $('member-name').textContent = profile.name + ' · ' + profile.phone;
  $('member-profile').replaceChildren(...[['branch', branchName(profile.branch)], ['tier', t(profile.tier)],
    ['netSpend', yuan(profile.netSpendFen)], ['status', t(profile.status)],
    ['registered', dateTime(profile.registeredAt)]].map(([key, value]) => {
    const item = element('div');
    item.append(element('dt', null, t(key)), element('dd', null, value));
    return item;
  }));
  const year = standards[0];
  $('member-standards').textContent = year ? t('standardsOf', { year: year.year, spend: yuan(year.spendFen),
    categories: year.distinctCategories, visits: year.visits, referrals: year.successfulReferrals,
    satisfaction: year.averageSatisfaction === null ? '—' : year.averageSatisfaction.toFixed(1) }) : t('noPurchaseYet');
  $('member-referrals').textContent = t('networkOf', { total: referrals.network.total,
    level1: referrals.network.level1, level2: referrals.network.level2, level3: referrals.network.level3 });
  $('member-history').replaceChildren(...history.map((entry) => {
    const tr = element('tr');
    tr.append(element('td', null, dateTime(entry.occurredAt)), element('td', null, entry.reason),
      element('td', 'number', (entry.points > 0 ? '+' : '') + entry.points), element('td', null, entry.explanation));
    return tr;
  }));
  $('member-coupons').replaceChildren(...coupons.map((coupon) => {
    const tr = element('tr');
    tr.append(element('td', null, yuan(coupon.faceValueFen)), element('td', null, coupon.reason),
      element('td', null, coupon.status), element('td', null, dateTime(coupon.validUntil)));
    return tr;
  }));
  const select = $('coupon-template');
  const chosen = select.value;
  select.replaceChildren(...templates.map((template) => {
    const option = element('option', null, template.name + ' · ' + yuan(template.faceValueFen));
    option.value = template.id;
    return option;
  }));
  select.value = chosen || (templates[0] && templates[0].id) || '';
}

/** A staff coupon for the open member; a retried click reuses its request id, so it issues once. */
export async function issueCoupon(event) {
  event.preventDefault();
  const form = $('coupon-form');
  form.querySelectorAll('.error').forEach((error) => { error.textContent = ''; });
  form.dataset.requestId = form.dataset.requestId || crypto.randomUUID();
  try {
    await api('/api/members/' + member.profile.id + '/rewards/coupons', { method: 'POST', body: {
      templateId: $('coupon-template').value, requestId: form.dataset.requestId, reason: $('coupon-reason').value.trim() } });
    delete form.dataset.requestId;
    form.reset();
    await openMember(member.profile.id);
  } catch (failure) {
    if (!(failure instanceof Refused)) {
      throw failure;
    }
    failure.errors.forEach((fieldError) => {
      const target = form.querySelector('.error[data-for="' + fieldError.field + '"]') || $('members-error');
      target.textContent = fieldError.message;
    });
    if (!failure.errors.length) {
      $('members-error').textContent = failure.message;
    }
  }
}
