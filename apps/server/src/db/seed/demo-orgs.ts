import type { OrgType } from '@niangjia/contracts';

/** Jiangbei's 12 streets/towns with their real statistical codes (admin-divisions-cn, 2022). */
export const JIANGBEI_STREETS: { code: string; name: string; short: string; divisionCode: string }[] = [
  { code: 'JB-HXJ', name: '华新街街道总工会', short: '华新街', divisionCode: '500105001' },
  { code: 'JB-JBC', name: '江北城街道总工会', short: '江北城', divisionCode: '500105002' },
  { code: 'JB-SMH', name: '石马河街道总工会', short: '石马河', divisionCode: '500105003' },
  { code: 'JB-DSB', name: '大石坝街道总工会', short: '大石坝', divisionCode: '500105004' },
  { code: 'JB-CT', name: '寸滩街道总工会', short: '寸滩', divisionCode: '500105005' },
  { code: 'JB-GYQ', name: '观音桥街道总工会', short: '观音桥', divisionCode: '500105006' },
  { code: 'JB-WLD', name: '五里店街道总工会', short: '五里店', divisionCode: '500105007' },
  { code: 'JB-GJT', name: '郭家沱街道总工会', short: '郭家沱', divisionCode: '500105008' },
  { code: 'JB-TSP', name: '铁山坪街道总工会', short: '铁山坪', divisionCode: '500105009' },
  { code: 'JB-YZ', name: '鱼嘴镇总工会', short: '鱼嘴', divisionCode: '500105100' },
  { code: 'JB-FS', name: '复盛镇总工会', short: '复盛', divisionCode: '500105101' },
  { code: 'JB-WB', name: '五宝镇总工会', short: '五宝', divisionCode: '500105102' },
];

export type DemoOrg = { code: string; name: string; type: OrgType; parent: string; divisionCode?: string; credit?: boolean; address?: string };

/**
 * Parks, the industry union, regional joint unions, communities and grassroots unions. Employer
 * names are the partners named in the reports; their credit codes are fictitious (valid check
 * character, made up body).
 */
export const DEMO_ORGS: DemoOrg[] = [
  { code: 'JB-YFGY', name: '鱼复工业园区工会', type: 'park', parent: 'JB' },
  { code: 'JB-HEGY', name: '海尔工业园区工会', type: 'park', parent: 'JB' },
  { code: 'JB-KDWL', name: '江北区快递物流行业工会联合会', type: 'industry', parent: 'JB' },
  { code: 'JB-GYQ-LH', name: '观音桥街道片区联合工会', type: 'joint', parent: 'JB-GYQ', address: '重庆市江北区观音桥步行街' },
  { code: 'JB-WLD-LH', name: '五里店街道片区联合工会', type: 'joint', parent: 'JB-WLD' },
  { code: 'JB-DSB-LH', name: '大石坝街道片区联合工会', type: 'joint', parent: 'JB-DSB' },
  { code: 'JB-HXJ-LH', name: '华新街街道片区联合工会', type: 'joint', parent: 'JB-HXJ' },
  { code: 'JB-SMH-LH', name: '石马河街道片区联合工会', type: 'joint', parent: 'JB-SMH' },
  { code: 'JB-GYQ-TY', name: '桃源社区工会', type: 'community', parent: 'JB-GYQ' },
  { code: 'JB-GYQ-JD', name: '建东社区工会', type: 'community', parent: 'JB-GYQ' },
  { code: 'JB-WLD-YN', name: '渝能阳光社区工会', type: 'community', parent: 'JB-WLD' },
  { code: 'JB-SF', name: '顺丰速运重庆有限公司工会', type: 'grassroots', parent: 'JB-KDWL', credit: true, address: '重庆市江北区观音桥' },
  { code: 'JB-HLL', name: '货拉拉重庆分公司工会', type: 'grassroots', parent: 'JB-KDWL', credit: true, address: '重庆市江北区海尔路' },
  { code: 'JB-ELM', name: '饿了么重庆江北站点工会', type: 'grassroots', parent: 'JB-GYQ-LH', credit: true },
  { code: 'JB-JLDT', name: '嘉里大通物流重庆分公司工会', type: 'grassroots', parent: 'JB-KDWL', credit: true },
  { code: 'JB-CCB', name: '中国建设银行重庆江北支行工会', type: 'grassroots', parent: 'JB-GYQ', credit: true },
  { code: 'JB-TT', name: '中国铁塔重庆分公司工会', type: 'grassroots', parent: 'JB-JBC', credit: true },
  { code: 'JB-CGJ', name: '江北区城市管理局环卫所工会', type: 'grassroots', parent: 'JB-SMH', credit: true },
  { code: 'JB-ZJ', name: '宗君职业技能培训学校工会', type: 'grassroots', parent: 'JB-GYQ', credit: true },
  { code: 'JB-AIER', name: '爱尔眼科医院（总院）工会', type: 'grassroots', parent: 'JB-DSB', credit: true },
  { code: 'JB-XFJ', name: '江北幸福加社会工作服务中心工会', type: 'grassroots', parent: 'JB-HXJ', credit: true },
  { code: 'JB-AFY', name: '爱芙悦教育科技有限公司工会', type: 'grassroots', parent: 'JB-WLD', credit: true },
  { code: 'JB-SQY', name: '衫芊苑工艺品厂工会', type: 'grassroots', parent: 'JB-YFGY', credit: true },
  { code: 'JB-HE01', name: '海尔电器（重庆）有限公司工会', type: 'grassroots', parent: 'JB-HEGY', credit: true },
  { code: 'JB-HE02', name: '重庆海尔洗衣机有限公司工会', type: 'grassroots', parent: 'JB-HEGY', credit: true },
  { code: 'JB-YF01', name: '重庆鱼复汽车零部件有限公司工会', type: 'grassroots', parent: 'JB-YFGY', credit: true },
  { code: 'JB-YF02', name: '重庆鱼复智能装备有限公司工会', type: 'grassroots', parent: 'JB-YFGY', credit: true },
  { code: 'JB-GYQ-01', name: '重庆北城天街商业管理有限公司工会', type: 'grassroots', parent: 'JB-GYQ', credit: true },
  { code: 'JB-GYQ-02', name: '重庆观音桥物业服务有限公司工会', type: 'grassroots', parent: 'JB-GYQ-LH', credit: true },
  { code: 'JB-GYQ-03', name: '桃源社区便民服务中心工会', type: 'grassroots', parent: 'JB-GYQ-TY', credit: true },
  { code: 'JB-WLD-01', name: '重庆五里店农贸市场管理有限公司工会', type: 'grassroots', parent: 'JB-WLD-LH', credit: true },
  { code: 'JB-WLD-02', name: '渝能阳光物业管理有限公司工会', type: 'grassroots', parent: 'JB-WLD-YN', credit: true },
  { code: 'JB-DSB-01', name: '重庆大石坝商贸有限公司工会', type: 'grassroots', parent: 'JB-DSB-LH', credit: true },
  { code: 'JB-HXJ-01', name: '重庆华新街餐饮管理有限公司工会', type: 'grassroots', parent: 'JB-HXJ-LH', credit: true },
  { code: 'JB-SMH-01', name: '重庆石马河家政服务有限公司工会', type: 'grassroots', parent: 'JB-SMH-LH', credit: true },
  { code: 'JB-JBC-01', name: '江北嘴金融城物业管理有限公司工会', type: 'grassroots', parent: 'JB-JBC', credit: true },
  { code: 'JB-CT-01', name: '重庆寸滩港口物流有限公司工会', type: 'grassroots', parent: 'JB-CT', credit: true },
  { code: 'JB-GJT-01', name: '重庆郭家沱机械制造有限公司工会', type: 'grassroots', parent: 'JB-GJT', credit: true },
  { code: 'JB-TSP-01', name: '铁山坪森林公园管理处工会', type: 'grassroots', parent: 'JB-TSP', credit: true },
  { code: 'JB-YZ-01', name: '重庆鱼嘴港务有限公司工会', type: 'grassroots', parent: 'JB-YZ', credit: true },
  { code: 'JB-FS-01', name: '重庆复盛建材有限公司工会', type: 'grassroots', parent: 'JB-FS', credit: true },
  { code: 'JB-WB-01', name: '五宝镇农业专业合作社联合工会', type: 'grassroots', parent: 'JB-WB', credit: true },
];

export const DEMO_PASSWORD = 'Niangjia@2026';

export const DEMO_USERS: { username: string; displayName: string; role: 'platform_admin' | 'union_admin' | 'union_staff'; org: string | null; note: string }[] = [
  { username: 'admin', displayName: '平台管理员', role: 'platform_admin', org: null, note: '平台管理员 platform admin' },
  { username: 'jb.admin', displayName: '江北区总工会管理员', role: 'union_admin', org: 'JB', note: '江北区总工会 district admin' },
  { username: 'jb.staff', displayName: '江北区总工会干事', role: 'union_staff', org: 'JB', note: '江北区总工会 staff' },
  { username: 'gyq.admin', displayName: '观音桥街道工会管理员', role: 'union_admin', org: 'JB-GYQ', note: '观音桥街道 street admin' },
  { username: 'wld.admin', displayName: '五里店街道工会管理员', role: 'union_admin', org: 'JB-WLD', note: '五里店街道 street admin' },
  { username: 'jb.mediator', displayName: '刘芳（调解员）', role: 'union_staff', org: 'JB', note: '江北区总工会劳动争议调解员 mediator' },
  { username: 'jb.lawyer', displayName: '陈律师（法律志愿者）', role: 'union_staff', org: 'JB', note: '法律咨询志愿律师 volunteer lawyer' },
  { username: 'sf.admin', displayName: '顺丰速运工会主席', role: 'union_admin', org: 'JB-SF', note: '顺丰速运重庆有限公司工会 grassroots union (orders services)' },
];

export const DEMO_WORKER_PHONE = '13800000001';
/** 骑手小王's real name, on his breakfast card and in the door log (he has no membership yet). */
export const DEMO_WORKER_REAL_NAME = '王建华';

export { SEED_ACTOR } from '../../platform/audit/audit.service';
/** Who approved the demo's membership applications. */
export const SEED_APPROVER = '江北区总工会干事';
