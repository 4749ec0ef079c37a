import type { Translation } from '../../../shared/locale-shape';

/** The phone page of 1+N 合作联盟: the partners of the worker's district and what they offer. */
export const partnersMobileZh = {
  partners: {
    title: '合作伙伴',
    service: '工会合作伙伴',
    serviceText: '银行、平台企业、行业协会为职工提供的服务',
    intro: '工会与以下单位结成“1+N”服务联盟，共同为职工提供服务。',
    none: '入会后可查看所在区工会的合作伙伴',
    stations: '共建阵地：{{names}}',
    kind: { bank: '银行', platform: '平台企业', association: '行业协会', other: '其他' },
  },
};

export const partnersMobileEn: Translation<typeof partnersMobileZh> = {
  partners: {
    title: 'Union partners',
    service: 'Union partners',
    serviceText: 'Services for workers from banks, platform companies and industry associations',
    intro: 'The union works with these organisations in its 1+N alliance to serve workers.',
    none: 'Join the union to see the partners of your district’s union',
    stations: 'Co-built stations: {{names}}',
    kind: { bank: 'Bank', platform: 'Platform company', association: 'Industry association', other: 'Other' },
  },
};
