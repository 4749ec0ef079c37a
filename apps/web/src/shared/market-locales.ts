import type { Translation } from './locale-shape';

/** Names of the marketplace's domain values, shared by the console, the phone pages and the screen. */
export const marketTermsZh = {
  category: { skills: '技能提升', culture: '文化活动', sports: '体育竞技', team_building: '团队建设', health: '健康关爱', other: '其他' },
  format: { on_site: '到单位服务', station: '阵地服务', online: '线上服务' },
  group: { all_workers: '全体职工', new_employment: '新就业形态劳动者', women: '女职工', model_workers: '劳模工匠', migrant: '农民工', hardship: '困难职工', young: '青年职工', retirees: '退休职工' },
  providerType: { social_org: '社会组织', school: '培训学校', clinic: '医疗机构', company: '企业', studio: '个人工作室' },
  providerStatus: { pending: '待审核', returned: '已退回', approved: '已通过', suspended: '已暂停' },
  projectStatus: { draft: '草稿', pending: '待审核', approved: '已通过', returned: '已退回', suspended: '已暂停' },
  versionStatus: { draft: '草稿', pending: '待审核', approved: '当前版本', returned: '已退回', superseded: '历史版本' },
  stage: { draft: '筹备', call: '项目征集', review: '初审', roadshow: '路演', final: '决赛', published: '结果公布' },
  entryStatus: { submitted: '已报名', passed: '初审通过', failed: '初审未通过', finalist: '入围决赛', withdrawn: '已撤回' },
  orderStatus: { placed: '待确认', confirmed: '已确认', declined: '已婉拒', cancelled: '已取消', delivered: '已服务' },
  place: { position: '服务阵地', address: '单位地址', online: '线上' },
  unit: { session: '元/场', person: '元/人' },
  prize: { '1': '一等奖', '2': '二等奖', '3': '三等奖', '4': '优秀奖', '5': '入围奖' },
  free: '免费',
  minutes: '{{n}} 分钟',
  capacity: '每场 {{n}} 人',
};

export const marketTermsEn: Translation<typeof marketTermsZh> = {
  category: { skills: 'Skills', culture: 'Culture', sports: 'Sports', team_building: 'Team building', health: 'Health', other: 'Other' },
  format: { on_site: 'At the employer', station: 'At a station', online: 'Online' },
  group: { all_workers: 'All workers', new_employment: 'New-employment-form workers', women: 'Women', model_workers: 'Model workers', migrant: 'Migrant workers', hardship: 'Hardship workers', young: 'Young workers', retirees: 'Retirees' },
  providerType: { social_org: 'Social organisation', school: 'School', clinic: 'Clinic', company: 'Company', studio: 'Individual studio' },
  providerStatus: { pending: 'Pending', returned: 'Returned', approved: 'Approved', suspended: 'Suspended' },
  projectStatus: { draft: 'Draft', pending: 'Pending', approved: 'Approved', returned: 'Returned', suspended: 'Suspended' },
  versionStatus: { draft: 'Draft', pending: 'Pending review', approved: 'Current', returned: 'Returned', superseded: 'Earlier' },
  stage: { draft: 'Draft', call: 'Call for entries', review: 'Initial review', roadshow: 'Roadshow', final: 'Final', published: 'Published' },
  entryStatus: { submitted: 'Submitted', passed: 'Passed', failed: 'Not passed', finalist: 'Finalist', withdrawn: 'Withdrawn' },
  orderStatus: { placed: 'Placed', confirmed: 'Confirmed', declined: 'Declined', cancelled: 'Cancelled', delivered: 'Delivered' },
  place: { position: 'Position', address: 'Address', online: 'Online' },
  unit: { session: 'yuan a session', person: 'yuan a person' },
  prize: { '1': 'First prize', '2': 'Second prize', '3': 'Third prize', '4': 'Merit', '5': 'Finalist' },
  free: 'Free',
  minutes: '{{n}} min',
  capacity: '{{n}} a session',
};
