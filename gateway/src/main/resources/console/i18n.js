'use strict';
/* The console's words in Chinese (the default) and English; {name} marks a value put in. */
window.KINLINK_TEXTS = {
  zh: {
    title: '运营后台', overview: '概览', logout: '退出登录', loginTitle: '运营人员登录', username: '用户名',
    password: '密码', logIn: '登录', month: '月份', branch: '门店', allBranches: '全部门店', budget: '激励预算',
    trend: '近 12 个月趋势', trendRates: '推荐率、转化率、留存率与激励占比的月度趋势',
    trendCost: '推荐获客成本的月度趋势', wrongCredentials: '用户名或密码错误', tooMany: '尝试次数过多，请稍后再试',
    unavailable: '暂时无法连接服务，请稍后再试', required: '请输入用户名和密码', other: 'English',
    REFERRAL_RATE: '推荐率', REFERRAL_CONVERSION: '推荐转化率', REFERRED_RETENTION: '被推荐客户留存率',
    REFERRAL_ACQUISITION_COST: '推荐获客成本', INCENTIVE_SHARE: '激励支出占营收',
    countsREFERRAL_RATE: '{n} / {d} 位活跃会员推荐了好友',
    countsREFERRAL_CONVERSION: '{n} / {d} 位被推荐好友已消费',
    countsREFERRED_RETENTION: '{n} / {d} 位被推荐客户再次消费',
    countsREFERRAL_ACQUISITION_COST: '¥{n} ÷ {d} 位新客',
    countsINCENTIVE_SHARE: '¥{n} / ¥{d} 营收',
    atLeast: '目标 ≥ {target}', atMost: '目标 ≤ {target}', benchmark: '其他渠道 {benchmark}',
    met: '已达标', missed: '未达标', noData: '暂无数据', groupWide: '集团整体',
    revenue: '营收（净额）', cap: '预算上限', spent: '已发放', remaining: '剩余', held: '待审批奖励'
  },
  en: {
    title: 'Operator console', overview: 'Overview', logout: 'Log out', loginTitle: 'Operator login',
    username: 'User name', password: 'Password', logIn: 'Log in', month: 'Month', branch: 'Branch',
    allBranches: 'All branches', budget: 'Incentive budget', trend: 'The last 12 months',
    trendRates: 'Monthly referral rate, conversion, retention and incentive share',
    trendCost: 'Monthly acquisition cost through referrals', wrongCredentials: 'Wrong user name or password',
    tooMany: 'Too many attempts; try again shortly', unavailable: 'The service cannot be reached; try again shortly',
    required: 'Enter your user name and password', other: '中文',
    REFERRAL_RATE: 'Referral rate', REFERRAL_CONVERSION: 'Referral conversion',
    REFERRED_RETENTION: 'Retention of referred customers', REFERRAL_ACQUISITION_COST: 'Acquisition cost (referrals)',
    INCENTIVE_SHARE: 'Incentive spend / revenue',
    countsREFERRAL_RATE: '{n} / {d} active members referred a friend',
    countsREFERRAL_CONVERSION: '{n} / {d} referred friends bought',
    countsREFERRED_RETENTION: '{n} / {d} referred customers came back',
    countsREFERRAL_ACQUISITION_COST: '¥{n} for {d} new customers',
    countsINCENTIVE_SHARE: '¥{n} of ¥{d} revenue',
    atLeast: 'Target ≥ {target}', atMost: 'Target ≤ {target}', benchmark: 'other channels {benchmark}',
    met: 'on target', missed: 'off target', noData: 'no data yet', groupWide: 'whole group',
    revenue: 'Net revenue', cap: 'Cap', spent: 'Issued', remaining: 'Remaining', held: 'Held rewards'
  }
};
