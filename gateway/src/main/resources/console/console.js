'use strict';
/*
 * The operators' console. The login is an HttpOnly cookie the gateway sets (this script never sees
 * the token); every API call carries X-Kinlink-Console, without which the gateway ignores the cookie.
 */
(function () {
  const TEXTS = window.KINLINK_TEXTS;
  const ORDER = ['REFERRAL_RATE', 'REFERRAL_CONVERSION', 'REFERRED_RETENTION', 'REFERRAL_ACQUISITION_COST',
    'INCENTIVE_SHARE'];
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('kinlink.console.lang') === 'en' ? 'en' : 'zh';
  let charts = [];
  let lastReport = null;
  let loading = 0; // the newest overview asked for: an older answer arriving late is dropped

  const t = (key, values) => Object.entries(values || {})
    .reduce((text, [name, value]) => text.replace('{' + name + '}', value), TEXTS[lang][key] || key);

  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
    document.querySelectorAll('[data-t-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.tLabel)));
    $('language').textContent = t('other');
    if (lastReport) {
      renderReport(lastReport);
    }
  }

  /** An API call as the logged-in operator; a 401 sends the operator back to the login form. */
  async function api(path) {
    const response = await fetch(path, { headers: { 'X-Kinlink-Console': '1', Accept: 'application/json' } });
    if (response.status === 401) {
      showLogin();
      throw new Error('logged out');
    }
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.errors && body.errors.length ? body.errors[0].field + ': ' + body.errors[0].message
        : body.detail || response.statusText);
    }
    return body;
  }

  function showLogin() {
    $('login').hidden = false;
    $('overview').hidden = true;
    $('nav').hidden = true;
    $('logout').hidden = true;
    $('username').focus();
  }

  async function showConsole() {
    $('login').hidden = true;
    $('overview').hidden = false;
    $('nav').hidden = false;
    $('logout').hidden = false;
    await loadBranches();
    await loadOverview();
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
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password })
    }).catch(() => null);
    if (response && response.ok) {
      $('password').value = '';
      await showConsole();
      return;
    }
    $('login-error').textContent = !response ? t('unavailable')
      : response.status === 429 ? t('tooMany') : response.status === 401 || response.status === 400
        ? t('wrongCredentials') : t('unavailable');
  }

  async function logOut() {
    await fetch('/console/session', { method: 'DELETE' });
    lastReport = null;
    showLogin();
  }

  async function loadBranches() {
    const branches = await api('/api/branches?includeClosed=true');
    const select = $('branch');
    const chosen = select.value;
    select.querySelectorAll('option[value]:not([value=""])').forEach((option) => option.remove());
    branches.forEach((branch) => {
      const option = document.createElement('option');
      option.value = branch.id;
      option.textContent = lang === 'en' ? branch.nameEn : branch.nameZh;
      select.appendChild(option);
    });
    select.value = chosen;
  }

  async function loadOverview() {
    const period = $('period').value;
    const branch = $('branch').value;
    const asked = ++loading;
    $('overview-error').textContent = '';
    try {
      const query = 'period=' + encodeURIComponent(period) + (branch ? '&branch=' + encodeURIComponent(branch) : '');
      const [report, budget] = await Promise.all([api('/api/kpis?months=12&' + query),
        api('/api/rewards/budget?period=' + encodeURIComponent(period))]);
      if (asked !== loading) {
        return;
      }
      lastReport = { report, budget };
      renderReport(lastReport);
    } catch (failure) {
      if (asked === loading && failure.message !== 'logged out') {
        $('overview-error').textContent = failure.message;
      }
    }
  }

  const percent = (value) => (value * 100).toFixed(1) + '%';
  const yuan = (fen) => '¥' + (fen / 100).toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
  const shown = (kpi, value) => kpi.unit === 'RATIO' ? percent(value) : yuan(value);

  function renderReport({ report, budget }) {
    const month = report.months[report.months.length - 1];
    const cards = $('kpis');
    cards.replaceChildren(...ORDER.map((id) => month.kpis.find((kpi) => kpi.id === id)).filter(Boolean).map(card));
    renderBudget(budget);
    renderTrend(report);
  }

  function card(kpi) {
    const node = document.createElement('article');
    node.id = 'kpi-' + kpi.id;
    node.className = 'card ' + (kpi.targetMet === null ? 'none' : kpi.targetMet ? 'met' : 'missed');
    const line = (className, text) => {
      const element = document.createElement(className === 'title' ? 'h3' : 'div');
      element.className = className;
      element.textContent = text;
      return element;
    };
    const money = kpi.unit === 'FEN_PER_CUSTOMER' || kpi.id === 'INCENTIVE_SHARE';
    const target = t(kpi.direction === 'AT_LEAST' ? 'atLeast' : 'atMost', { target: shown(kpi, kpi.target) })
      + (kpi.benchmark === null ? '' : ' · ' + t('benchmark', { benchmark: yuan(kpi.benchmark) }));
    node.append(line('title', t(kpi.id)),
      line('value', kpi.value === null ? '—' : shown(kpi, kpi.value)),
      line('counts', t('counts' + kpi.id, {
        n: money ? (kpi.numerator / 100).toLocaleString() : kpi.numerator,
        d: kpi.id === 'INCENTIVE_SHARE' ? (kpi.denominator / 100).toLocaleString() : kpi.denominator
      })),
      line('target', target + ' · ' + (kpi.targetMet === null ? t('noData') : t(kpi.targetMet ? 'met' : 'missed'))
        + (kpi.scope === 'GROUP' && $('branch').value ? ' · ' + t('groupWide') : '')));
    return node;
  }

  function renderBudget(budget) {
    const figures = [['revenue', yuan(budget.revenueFen)], ['cap', yuan(budget.capFen)], ['spent', yuan(budget.spentFen)],
      ['remaining', yuan(budget.remainingFen)], ['held', budget.heldCount + ' · ' + yuan(budget.heldValueFen)]];
    $('budget').replaceChildren(...figures.map(([key, value]) => {
      const item = document.createElement('div');
      item.id = 'budget-' + key;
      const term = document.createElement('dt');
      term.textContent = t(key);
      const detail = document.createElement('dd');
      detail.textContent = value;
      item.append(term, detail);
      return item;
    }));
  }

  function renderTrend(report) {
    if (!window.echarts) {
      return;
    }
    charts.forEach((chart) => chart.dispose());
    const months = report.months.map((month) => month.period);
    const series = (id, transform) => report.months.map((month) => {
      const kpi = month.kpis.find((candidate) => candidate.id === id);
      return kpi && kpi.value !== null ? transform(kpi.value) : null;
    });
    const rates = echarts.init($('trend-rates'));
    rates.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: ['REFERRAL_RATE', 'REFERRAL_CONVERSION', 'REFERRED_RETENTION', 'INCENTIVE_SHARE'].map((id) => ({
        name: t(id), type: 'line', connectNulls: false, data: series(id, (value) => +(value * 100).toFixed(1))
      }))
    });
    const cost = echarts.init($('trend-cost'));
    cost.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { top: 40, left: 60, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', axisLabel: { formatter: '¥{value}' } },
      series: [{ name: t('REFERRAL_ACQUISITION_COST'), type: 'bar',
        data: series('REFERRAL_ACQUISITION_COST', (value) => Math.round(value / 100)) }]
    });
    charts = [rates, cost];
  }

  document.addEventListener('DOMContentLoaded', async () => {
    const now = new Date();
    $('period').value = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
    $('login-form').addEventListener('submit', logIn);
    $('logout').addEventListener('click', logOut);
    $('language').addEventListener('click', () => {
      lang = lang === 'en' ? 'zh' : 'en';
      localStorage.setItem('kinlink.console.lang', lang);
      applyLanguage();
      if (!$('overview').hidden) {
        loadBranches();
      }
    });
    $('period').addEventListener('change', loadOverview);
    $('branch').addEventListener('change', loadOverview);
    window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
    applyLanguage();
    const session = await fetch('/console/session').catch(() => null);
    if (session && session.ok) {
      await showConsole();
    } else {
      showLogin();
    }
  });
}());
