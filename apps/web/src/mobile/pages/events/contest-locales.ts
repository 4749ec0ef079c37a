import type { Translation } from '../../../shared/locale-shape';

/** 技能竞赛评分 (/m/contest-judging): the judge's phone. */
export const contestMobileZh = {
  contestJudge: {
    title: '竞赛评分',
    empty: '目前没有需要您评分的竞赛。',
    sealed: '评分表密封：提交后不能修改，其他评委和工作人员在评分结束前都看不到分数。',
    entry: '{{n}} 号',
    score: '评分',
    submit: '提交评分',
    submitConfirm: '提交后不能修改，确定提交吗？',
    submitted: '已提交：{{total}} 分',
    recuse: '申请回避',
    recuseReason: '回避原因（如与选手是同事、亲属）',
    recused: '已回避',
    done: '已评',
    max: '满分 {{max}}',
  },
};

export const contestMobileEn: Translation<typeof contestMobileZh> = {
  contestJudge: {
    title: 'Contest scoring',
    empty: 'No contest waits for your scores now.',
    sealed: 'Sheets are sealed: final once submitted, and no other judge or staff member sees a score until scoring closes.',
    entry: 'No. {{n}}',
    score: 'Score',
    submit: 'Submit scores',
    submitConfirm: 'A submitted sheet is final. Submit?',
    submitted: 'Submitted: {{total}}',
    recuse: 'Recuse',
    recuseReason: 'Why (e.g. a colleague or relative of the entrant)',
    recused: 'Recused',
    done: 'Scored',
    max: 'max {{max}}',
  },
};
