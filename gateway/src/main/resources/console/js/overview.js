/* Overview: the five KPIs of a month and branch against their targets, the budget, and 12 months as charts. */
import { $, Refused, api, dateTime, element, fillBranches, percent, t, yuan } from './common.js';

const ORDER = ['REFERRAL_RATE', 'REFERRAL_CONVERSION', 'REFERRED_RETENTION', 'REFERRAL_ACQUISITION_COST',
  'INCENTIVE_SHARE'];
let charts = [];
let shown = null;
let asked = 0; // the newest overview asked for: an older answer arriving late is dropped

export async function load() {
  await fillBranches($('branch'));
  const period = $('period').value;
  const branch = $('branch').value;
  const mine = ++asked;
  $('overview-error').textContent = '';
  const query = 'period=' + encodeURIComponent(period) + (branch ? '&branch=' + encodeURIComponent(branch) : '');
  const followUpQuery = 'status=OPEN&size=1' + (branch ? '&branch=' + encodeURIComponent(branch) : '');
  const [report, budget, followUps, benchmark] = await Promise.all([api('/api/kpis?months=12&' + query),
    api('/api/rewards/budget?period=' + encodeURIComponent(period)), api('/api/follow-ups?' + followUpQuery),
    api('/api/rewards/kpis/benchmark')]);
  if (mine !== asked) {
    return;
  }
  shown = { report, budget, followUps, benchmark };
  render();
}

/** Draws what was loaded last again (after a language switch). */
export function render() {
  if (!shown) {
    return;
  }
  const month = shown.report.months[shown.report.months.length - 1];
  $('kpis').replaceChildren(...ORDER.map((id) => month.kpis.find((kpi) => kpi.id === id)).filter(Boolean).map(card));
  $('overview-budget').replaceChildren(...budgetFigures(shown.budget));
  const benchmark = shown.benchmark;
  if (document.activeElement !== $('benchmark-yuan')) {
    $('benchmark-yuan').value = String(benchmark.otherChannelAcquisitionCostFen / 100);
  }
  $('benchmark-changed').textContent = benchmark.changedBy
    ? t('decidedBy', { by: benchmark.changedBy, at: dateTime(benchmark.changedAt) }) : t('configuredDefault');
  $('overview-follow-ups').textContent = t('followUpsOpen', { open: shown.followUps.total,
    overdue: shown.followUps.overdue });
  drawTrend(shown.report);
}

export function forget() {
  shown = null;
}

/** Operators set what a customer costs through the other channels; the acquisition cost is shown beside it. */
export async function saveBenchmark(event) {
  event.preventDefault();
  $('benchmark-error').textContent = '';
  const yuanValue = Number($('benchmark-yuan').value);
  try {
    await api('/api/rewards/kpis/benchmark', { method: 'PUT',
      body: { otherChannelAcquisitionCostFen: Math.round(yuanValue * 100) } });
    $('benchmark-yuan').blur();
    await load();
  } catch (failure) {
    if (!(failure instanceof Refused)) {
      throw failure;
    }
    $('benchmark-error').textContent = failure.errors.length ? failure.errors[0].message : failure.message;
  }
}

export function resize() {
  charts.forEach((chart) => chart.resize());
}

const figure = (kpi, value) => kpi.unit === 'RATIO' ? percent(value) : yuan(value);

function card(kpi) {
  const node = element('article', 'card ' + (kpi.targetMet === null ? 'none' : kpi.targetMet ? 'met' : 'missed'));
  node.id = 'kpi-' + kpi.id;
  const money = kpi.unit === 'FEN_PER_CUSTOMER' || kpi.id === 'INCENTIVE_SHARE';
  const target = t(kpi.direction === 'AT_LEAST' ? 'atLeast' : 'atMost', { target: figure(kpi, kpi.target) })
    + (kpi.benchmark === null ? '' : ' · ' + t('benchmark', { benchmark: yuan(kpi.benchmark) }));
  node.append(element('h3', null, t(kpi.id)),
    element('div', 'value', kpi.value === null ? '—' : figure(kpi, kpi.value)),
    element('div', 'counts', t('counts' + kpi.id, {
      n: money ? (kpi.numerator / 100).toLocaleString() : kpi.numerator,
      d: kpi.id === 'INCENTIVE_SHARE' ? (kpi.denominator / 100).toLocaleString() : kpi.denominator
    })),
    element('div', 'target', target + ' · ' + (kpi.targetMet === null ? t('noData') : t(kpi.targetMet ? 'met' : 'missed'))
      + (kpi.scope === 'GROUP' && $('branch').value ? ' · ' + t('groupWide') : '')));
  return node;
}

/** The month's revenue, cap, issued, remaining and held rewards, as a definition list's entries. */
export function budgetFigures(budget) {
  return [['revenue', yuan(budget.revenueFen)], ['cap', yuan(budget.capFen)], ['spent', yuan(budget.spentFen)],
    ['remaining', yuan(budget.remainingFen)], ['held', budget.heldCount + ' · ' + yuan(budget.heldValueFen)]]
    .map(([key, value]) => {
      const item = element('div');
      item.dataset.figure = key;
      item.append(element('dt', null, t(key)), element('dd', null, value));
      return item;
    });
}

function drawTrend(report) {
  if (!window.echarts) {
    return;
  }
  charts.forEach((chart) => chart.dispose());
  const months = report.months.map((month) => month.period);
  const series = (id, transform) => report.months.map((month) => {
    const kpi = month.kpis.find((candidate) => candidate.id === id);
    return kpi && kpi.value !== null ? transform(kpi.value) : null;
  });
  const common = { animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: months } };
  const rates = window.echarts.init($('trend-rates'));
  rates.setOption({ ...common, grid: { top: 40, left: 50, right: 20, bottom: 30 },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: ['REFERRAL_RATE', 'REFERRAL_CONVERSION', 'REFERRED_RETENTION', 'INCENTIVE_SHARE'].map((id) => ({
      name: t(id), type: 'line', data: series(id, (value) => +(value * 100).toFixed(1)) })) });
  const cost = window.echarts.init($('trend-cost'));
  cost.setOption({ ...common, grid: { top: 40, left: 60, right: 20, bottom: 30 },
    yAxis: { type: 'value', axisLabel: { formatter: '¥{value}' } },
    series: [{ name: t('REFERRAL_ACQUISITION_COST'), type: 'bar',
      data: series('REFERRAL_ACQUISITION_COST', (value) => Math.round(value / 100)) }] });
  charts = [rates, cost];
}
