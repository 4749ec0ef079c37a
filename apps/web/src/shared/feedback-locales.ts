/** Strings of star ratings and worker feedback every face uses (merged under `feedback`). */
export const feedbackZh = {
  categories: {
    facility_broken: '设施损坏',
    closed_when_open: '该开没开',
    hygiene: '卫生问题',
    supplies_out: '物品缺少',
    safety: '安全隐患',
    staff_service: '服务态度',
    other: '其他',
  },
  statuses: { open: '待处理', assigned: '处理中', resolved: '已处理' },
  stars: '{{count}} 星',
  notRated: '未定级',
  warnings: {
    NO_INSPECTION: '本年度还没有检查，未定级',
    FACILITIES_MISSING: '设施不达标：缺 {{items}}',
    CAPPED_FOR_FACILITIES: '因设施不达标，最高评为 4 星',
    FEW_RATINGS: '职工评价不足 3 条，本项未计入',
  },
};
export const feedbackEn: typeof feedbackZh = {
  categories: {
    facility_broken: 'Something broken',
    closed_when_open: 'Closed during opening hours',
    hygiene: 'Cleanliness',
    supplies_out: 'Supplies ran out',
    safety: 'Safety hazard',
    staff_service: 'Staff attitude',
    other: 'Other',
  },
  statuses: {
    open: 'Waiting',
    assigned: 'Being handled',
    resolved: 'Resolved',
  },
  stars: '{{count}} stars',
  notRated: 'Not rated',
  warnings: {
    NO_INSPECTION: 'Not inspected this year: not rated',
    FACILITIES_MISSING: 'Below the facility standard: lacks {{items}}',
    CAPPED_FOR_FACILITIES: 'Capped at 4 stars for the missing facilities',
    FEW_RATINGS: 'Fewer than 3 worker ratings: left out',
  },
};
