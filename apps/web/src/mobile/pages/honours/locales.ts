import type { Translation } from '../../../shared/locale-shape';

/** The phone page 我的荣誉: the worker's own 劳模工匠 honours and the care recorded for them. */
export const myHonoursMobileZh = {
  myHonours: {
    title: '我的荣誉',
    entry: '我的荣誉',
    honours: '荣誉称号',
    cares: '关爱服务记录',
    empty: '暂无荣誉记录',
    emptyText: '获评劳动模范、先进工作者、五一劳动奖章或工匠后，由工会登记，这里就能看到。',
    noCares: '暂无关爱服务记录',
    awardedBy: '{{body}} 授予',
    keptBy: '所在工会：{{org}}',
    level: { national: '全国级', municipal: '市级', district: '区级' },
    name: { model_worker: '劳动模范', advanced_worker: '先进工作者', may_day_medal: '五一劳动奖章', craftsman: '工匠', other: '其他荣誉' },
    care: { health_check: '健康体检', sanatorium: '疗休养', visit: '走访慰问', other: '其他关爱' },
  },
};

export const myHonoursMobileEn: Translation<typeof myHonoursMobileZh> = {
  myHonours: {
    title: 'My honours',
    entry: 'My honours',
    honours: 'Honours',
    cares: 'Care received',
    empty: 'No honours on record',
    emptyText: 'When you are named a model worker, advanced worker, May Day medallist or craftsman, the union records it and it shows here.',
    noCares: 'No care activities on record',
    awardedBy: 'Awarded by {{body}}',
    keptBy: 'Union: {{org}}',
    level: { national: 'National', municipal: 'Municipal', district: 'District' },
    name: { model_worker: 'Model worker', advanced_worker: 'Advanced worker', may_day_medal: 'May Day Labour Medal', craftsman: 'Craftsman', other: 'Other honour' },
    care: { health_check: 'Health check', sanatorium: 'Sanatorium stay', visit: 'Visit', other: 'Other care' },
  },
};
