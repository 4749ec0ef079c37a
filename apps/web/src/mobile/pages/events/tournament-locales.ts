import type { Translation } from '../../../shared/locale-shape';

/** 比分录入 (/m/tournament/:id, staff at the courts). */
export const tournamentMobileZh = {
  tournamentResults: {
    title: '比分录入',
    ready: '待录入',
    played: '已录入（可更正）',
    noneReady: '暂无可录入的比赛（对阵双方确定后出现在这里）',
    nonePlayed: '还没有录入比分',
    groupRound: '{{g}} 组 第 {{n}} 轮',
    knockoutRound: '淘汰赛 第 {{n}} 轮',
    minus: '减 1 分',
    plus: '加 1 分',
    reason: '更正原因（必填，将记入审计日志）',
    save: '提交比分',
    correct: '更正比分',
    saved: '比分已保存，胜者已晋级',
    champion: '冠军：{{team}}',
  },
};

export const tournamentMobileEn: Translation<typeof tournamentMobileZh> = {
  tournamentResults: {
    title: 'Enter scores',
    ready: 'To enter',
    played: 'Entered (correctable)',
    noneReady: 'No match to enter yet (a match appears once both teams are known)',
    nonePlayed: 'No scores entered yet',
    groupRound: 'Group {{g}} · round {{n}}',
    knockoutRound: 'Knockout · round {{n}}',
    minus: 'One point less',
    plus: 'One point more',
    reason: 'Reason for the correction (required; audited)',
    save: 'Save the score',
    correct: 'Correct the score',
    saved: 'Saved; the winner moves on',
    champion: 'Champion: {{team}}',
  },
};
