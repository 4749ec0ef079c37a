import type { Translation } from '../../shared/locale-shape';

export const roadshowZh = {
  roadshow: {
    title: '项目路演',
    updatedAt: '数据更新于 {{time}}',
    waiting: '正在获取数据…',
    connection: { connecting: '正在连接', live: '● 实时', reconnecting: '连接中断，正在重连' },
    notFound: '没有找到这场竞赛',
    current: '正在路演',
    number: '{{n}} 号项目',
    idle: '路演即将开始',
    checkin: '职工代表签到',
    checkinNote: '职工代表用手机扫码，或在手机上输入签到码，签到后即可投票',
    votingOpen: '{{venues}} 投票进行中',
    votingClosed: '投票尚未开始',
    votes: '现场投票',
    open: '投票中',
    closed: '未开启',
    total: '总票数',
    results: '评选结果',
    noPrize: '入围',
    figures: '综合 {{combined}} · 专家 {{expert}} · 得票 {{votes}}',
  },
};

export const roadshowEn: Translation<typeof roadshowZh> = {
  roadshow: {
    title: 'Project roadshow',
    updatedAt: 'Updated {{time}}',
    waiting: 'Loading…',
    connection: { connecting: 'Connecting', live: '● Live', reconnecting: 'Connection lost, reconnecting' },
    notFound: 'No such season',
    current: 'Pitching now',
    number: 'Entry {{n}}',
    idle: 'The roadshow starts soon',
    checkin: 'Representatives check in',
    checkinNote: 'Scan with your phone or type the code there; once checked in you can vote',
    votingOpen: 'Voting open at {{venues}}',
    votingClosed: 'Voting has not started',
    votes: 'Live votes',
    open: 'Open',
    closed: 'Closed',
    total: 'Total votes',
    results: 'Results',
    noPrize: 'Finalist',
    figures: 'Combined {{combined}} · Experts {{expert}} · Votes {{votes}}',
  },
};
