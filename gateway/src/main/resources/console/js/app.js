/* The console's shell: the session, the pages (by the address's #fragment), the language switch. */
import { $, LoggedOut, fillBranches, forgetBranches, language, switchLanguage, t, thisMonth } from './common.js';
import * as budget from './budget.js';
import * as keys from './keys.js';
import * as members from './members.js';
import * as overview from './overview.js';
import * as referrals from './referrals.js';
import * as rules from './rules.js';

const PAGES = { overview, referrals, members, budget, rules, keys };

function page() {
  const name = location.hash.slice(1);
  return Object.hasOwn(PAGES, name) ? name : 'overview';
}

function applyLanguage() {
  document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';
  document.title = t('title');
  document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
  document.querySelectorAll('[data-t-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.tLabel)));
  $('language').textContent = t('other');
  Object.values(PAGES).forEach((module) => module.render());
}

/** Runs a page's work; an ended session brings the login form back, other failures show on the page. */
async function guarded(work, errorId) {
  try {
    $(errorId).textContent = '';
    await work();
  } catch (failure) {
    if (failure instanceof LoggedOut) {
      showLogin();
    } else {
      $(errorId).textContent = failure.message;
    }
  }
}

function showLogin() {
  Object.values(PAGES).forEach((module) => module.forget());
  forgetBranches();
  document.querySelectorAll('main > section').forEach((section) => { section.hidden = section.id !== 'login'; });
  $('nav').hidden = true;
  $('logout').hidden = true;
  $('username').focus();
}

async function showPage() {
  const name = page();
  $('login').hidden = true;
  $('nav').hidden = false;
  $('logout').hidden = false;
  Object.keys(PAGES).forEach((other) => { $(other).hidden = other !== name; });
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.getAttribute('href') === '#' + name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  await guarded(PAGES[name].load, name + '-error');
}

async function logIn(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) {
    $('login-error').textContent = t('required');
    return;
  }
  $('login-error').textContent = '';
  const response = await fetch('/console/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password })
  }).catch(() => null);
  if (response && response.ok) {
    $('password').value = '';
    await showPage();
    return;
  }
  $('login-error').textContent = !response ? t('unavailable') : response.status === 429 ? t('tooMany')
    : response.status === 401 || response.status === 400 ? t('wrongCredentials') : t('unavailable');
}

async function logOut() {
  await fetch('/console/session', { method: 'DELETE' });
  showLogin();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('period').value = thisMonth();
  $('budget-period').value = thisMonth();
  $('login-form').addEventListener('submit', logIn);
  $('logout').addEventListener('click', logOut);
  $('language').addEventListener('click', async () => {
    switchLanguage();
    applyLanguage();
    await guarded(async () => {
      await Promise.all(['branch', 'referrals-branch', 'member-branch'].map((id) => fillBranches($(id))));
    }, 'overview-error');
  });
  $('period').addEventListener('change', () => guarded(overview.load, 'overview-error'));
  $('branch').addEventListener('change', () => guarded(overview.load, 'overview-error'));
  $('budget-period').addEventListener('change', () => guarded(budget.load, 'budget-error'));
  $('benchmark-form').addEventListener('submit', (event) => guarded(() => overview.saveBenchmark(event),
    'overview-error'));
  $('referrals-period').value = thisMonth();
  $('referrals-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(referrals.load, 'referrals-error');
  });
  $('leaders-by').addEventListener('change', () => guarded(referrals.load, 'referrals-error'));
  $('member-filters').addEventListener('submit', (event) => guarded(() => members.search(event), 'members-error'));
  $('member-csv').addEventListener('click', () => guarded(members.downloadCsv, 'members-error'));
  $('member-previous').addEventListener('click', () => guarded(() => members.turn(-1), 'members-error'));
  $('member-next').addEventListener('click', () => guarded(() => members.turn(1), 'members-error'));
  $('coupon-form').addEventListener('submit', (event) => guarded(() => members.issueCoupon(event), 'members-error'));
  $('rule-form').addEventListener('submit', (event) => guarded(() => rules.submit(event), 'rules-error'));
  $('rule-kind').addEventListener('change', rules.kindChosen);
  $('key-form').addEventListener('submit', (event) => guarded(() => keys.create(event), 'keys-error'));
  $('copy-key').addEventListener('click', () => guarded(keys.copyKey, 'keys-error'));
  window.addEventListener('hashchange', showPage);
  window.addEventListener('resize', overview.resize);
  applyLanguage();
  rules.kindChosen();
  const session = await fetch('/console/session').catch(() => null);
  if (session && session.ok) {
    await showPage();
  } else {
    showLogin();
  }
});
