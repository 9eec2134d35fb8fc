/*
 * Referrals: the funnel of a month by branch and campaign (shared -> clicked -> registered -> first
 * visit -> first purchase, with the conversion between steps), the opinion leaders with a leader's
 * network drawn as a tree, and the attributions the fraud rules refused, with their reasons.
 */
import { $, api, branchName, dateTime, element, fillBranches, percent, t, yuan } from './common.js';

let shown = null;
let tree = null;
let treeChart = null;
let asked = 0; // the newest query: an older answer arriving late is dropped

/** The month field as [from, to) instants in the browser's time zone (the group's, on its staff's machines). */
function period() {
  const [year, month] = $('referrals-period').value.split('-').map(Number);
  return { from: new Date(year, month - 1, 1).toISOString(), to: new Date(year, month, 1).toISOString() };
}

export async function load() {
  await fillBranches($('referrals-branch'));
  const mine = ++asked;
  const { from, to } = period();
  const branch = $('referrals-branch').value;
  const campaign = $('referrals-campaign').value.trim();
  const filter = new URLSearchParams({ from, to });
  if (branch) {
    filter.set('branch', branch);
  }
  const funnelQuery = new URLSearchParams(filter);
  if (campaign) {
    funnelQuery.set('campaign', campaign);
  }
  funnelQuery.set('groupBy', $('referrals-group').value);
  const leaderQuery = new URLSearchParams(filter);
  leaderQuery.set('by', $('leaders-by').value);
  leaderQuery.set('limit', '20');
  const [funnel, leaders, rejections] = await Promise.all([api('/api/referrals/funnel?' + funnelQuery),
    api('/api/referrals/leaders?' + leaderQuery),
    api('/api/referrals/rejections?' + new URLSearchParams({ from, to, size: '50' }))]);
  if (mine !== asked) {
    return;
  }
  shown = { funnel, leaders, rejections };
  render();
}

export function forget() {
  shown = null;
  tree = null;
  $('network-box').hidden = true;
}

export function render() {
  if (!shown) {
    return;
  }
  $('funnel-rows').replaceChildren(...shown.funnel.rows.map(funnelRow));
  $('leader-rows').replaceChildren(...shown.leaders.map(leaderRow));
  $('rejection-rows').replaceChildren(...shown.rejections.items.map((rejection) => {
    const tr = element('tr');
    tr.append(element('td', null, dateTime(rejection.rejectedAt)), element('td', null, rejection.code),
      element('td', null, t(rejection.reason)), element('td', null, String(rejection.refereeId || '').slice(0, 8)));
    return tr;
  }));
  $('rejections-total').textContent = t('rejectionsTotal', { total: shown.rejections.total });
  if (tree) {
    drawTree();
  }
}

function funnelRow(row) {
  const tr = element('tr');
  tr.dataset.group = row.group || '';
  tr.append(element('th', null, row.group || t('all')));
  row.steps.forEach((step) => {
    const td = element('td', 'number', String(step.count));
    td.dataset.step = step.step;
    if (step.conversion !== null) {
      td.append(element('div', 'quiet', percent(step.conversion)));
    }
    tr.append(td);
  });
  return tr;
}

function leaderRow(leader) {
  const tr = element('tr');
  tr.id = 'leader-' + leader.memberId;
  const open = element('button', 'link-dark', leader.maskedName);
  open.type = 'button';
  open.addEventListener('click', () => showNetwork(leader.memberId));
  const name = element('td');
  name.append(open);
  tr.append(element('td', 'number', String(leader.rank)), name, element('td', null, branchName(leader.branch)),
    element('td', 'number', String(leader.qualifiedReferrals)),
    element('td', 'number', leader.network.level1 + ' / ' + leader.network.level2 + ' / ' + leader.network.level3),
    element('td', 'number', yuan(leader.networkRevenueFen)));
  return tr;
}

async function showNetwork(memberId) {
  tree = await api('/api/referrals/network/' + memberId);
  $('network-box').hidden = false;
  drawTree();
  $('network-box').scrollIntoView();
}

/** The leader at the root, each member under the one who brought them. */
function drawTree() {
  $('network-title').textContent = t('networkTitle', { name: tree.root.maskedName, total: tree.members.length })
    + (tree.truncated ? ' ' + t('truncated') : '');
  const nodes = new Map([[tree.root.memberId, { name: tree.root.maskedName, children: [] }]]);
  tree.members.forEach((member) => nodes.set(member.memberId,
    { name: member.maskedName + ' · L' + member.level, children: [] }));
  tree.members.forEach((member) => {
    const parent = nodes.get(member.referrerId);
    if (parent) {
      parent.children.push(nodes.get(member.memberId));
    }
  });
  $('network-list').replaceChildren(...tree.members.map((member) => element('li', null,
    'L' + member.level + ' · ' + member.maskedName + ' · ' + branchName(member.branch))));
  if (!window.echarts) {
    return;
  }
  if (treeChart) {
    treeChart.dispose();
  }
  treeChart = window.echarts.init($('network-chart'));
  treeChart.setOption({ animation: false, tooltip: { trigger: 'item' },
    series: [{ type: 'tree', data: [nodes.get(tree.root.memberId)], top: 20, bottom: 20, left: 80, right: 120,
      symbolSize: 10, initialTreeDepth: 3, label: { position: 'left', verticalAlign: 'middle', align: 'right' },
      leaves: { label: { position: 'right', align: 'left' } } }] });
}
