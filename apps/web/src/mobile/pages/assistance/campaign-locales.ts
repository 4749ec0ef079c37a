import type { Translation } from '../../../shared/locale-shape';

/** The phone page 我的帮扶: what the union gave me, and 签收. */
export const benefitsMobileZh = {
  benefitsM: {
    title: '我的帮扶',
    service: '我的帮扶 / 待签收',
    serviceText: '工会送来的慰问金、物资，在这里确认签收',
    empty: '暂时没有帮扶记录',
    toSign: '待签收',
    history: '已签收',
    status: { approved: '待发放', disbursed: '待签收', acknowledged: '已签收' },
    methods: { transfer: '银行转账', in_person: '现场发放', goods_handover: '物资已交付', service_delivered: '服务已完成' },
    value: '价值 {{value}}',
    confirm: '确认已收到',
    signToo: '签名确认',
    pad: '请在下方框内用手指签名',
    clear: '重写',
    confirmSign: '签名并确认收到',
    emptySign: '请先签名',
    done: '已确认签收，谢谢',
    signed: '已签名',
  },
};

export const benefitsMobileEn: Translation<typeof benefitsMobileZh> = {
  benefitsM: {
    title: 'My benefits',
    service: 'My benefits / to acknowledge',
    serviceText: 'Cash and goods from your union: confirm you received them here',
    empty: 'Nothing here yet',
    toSign: 'To acknowledge',
    history: 'Acknowledged',
    status: { approved: 'To be given', disbursed: 'To acknowledge', acknowledged: 'Acknowledged' },
    methods: { transfer: 'Bank transfer', in_person: 'Given in person', goods_handover: 'Goods handed over', service_delivered: 'Service delivered' },
    value: 'Worth {{value}}',
    confirm: 'I received it',
    signToo: 'Sign to confirm',
    pad: 'Sign with your finger in the box below',
    clear: 'Clear',
    confirmSign: 'Sign and confirm',
    emptySign: 'Sign first',
    done: 'Acknowledged, thank you',
    signed: 'Signed',
  },
};
