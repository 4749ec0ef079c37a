import type { ProjectCategory, ProjectFormat, ProviderType, TargetGroup } from '@niangjia/contracts';

/**
 * The 2023 Jiangbei competition (seeds/002: 104 projects, 9 finalists, 1 first, 3 second and 5
 * third prizes). The prize winners named in the report are real organisations; their projects'
 * details, the other four third prizes, every other entry, the judges and the figures are made up
 * for the demo.
 */
export type DemoProject = {
  provider: string;
  type: ProviderType;
  title: string;
  category: ProjectCategory;
  formats: ProjectFormat[];
  priceFen: number;
  unit: 'session' | 'person';
  capacity: number;
  minutes: number;
  groups: TargetGroup[];
  description: string;
  selfOrder?: boolean;
};

/** The nine finalists in their final ranking: first, three second, five third prizes. */
export const FINALISTS: DemoProject[] = [
  { provider: '江北区宗君职业技能培训学校', type: 'school', title: '个人整体形象设计', category: 'skills', formats: ['station', 'on_site'], priceFen: 6_000, unit: 'person', capacity: 30, minutes: 180, groups: ['all_workers', 'women', 'new_employment'], description: '由持证形象设计师授课：职业妆容、发型打理、服装搭配与求职面试礼仪，每人现场完成一次整体造型并带走个人形象建议卡。适合一线服务岗位职工和求职中的新就业形态劳动者。', selfOrder: true },
  { provider: '爱尔眼科医院（总院）', type: 'clinic', title: '职工护眼行动：视力筛查与用眼健康讲座', category: 'health', formats: ['on_site', 'station'], priceFen: 200_000, unit: 'session', capacity: 80, minutes: 150, groups: ['all_workers', 'new_employment'], description: '眼科医生和验光师进企业、进驿站：视力与眼压筛查、干眼评估，讲解长时间驾驶和看屏幕的用眼保护，发现问题的职工转诊绿色通道。' },
  { provider: '江北幸福加社会工作服务中心', type: 'social_org', title: '“暖蜂驿站”新就业形态劳动者社工服务', category: 'team_building', formats: ['station'], priceFen: 150_000, unit: 'session', capacity: 40, minutes: 120, groups: ['new_employment', 'migrant'], description: '社工驻点工会驿站：骑手、快递员的情绪疏导小组、权益知识问答、子女暑期托管对接和节日关爱活动，建立骑手互助小组。' },
  { provider: '爱芙悦教育科技有限公司', type: 'company', title: '职工亲子阅读与家庭教育课堂', category: 'culture', formats: ['on_site', 'online', 'station'], priceFen: 120_000, unit: 'session', capacity: 40, minutes: 90, groups: ['all_workers', 'women'], description: '家庭教育指导师带领职工和孩子共读绘本，讲解亲子沟通和作业陪伴的方法；线上课可回看，适合双职工家庭和倒班职工。', selfOrder: true },
  { provider: '衫芊苑工艺品厂', type: 'company', title: '非遗手工扎染体验课', category: 'culture', formats: ['on_site', 'station'], priceFen: 8_000, unit: 'person', capacity: 30, minutes: 120, groups: ['all_workers', 'women', 'retirees'], description: '非遗传承人现场教授扎染技法，每位职工完成一件扎染方巾作品；材料全含，可作为工会活动、女职工节日活动。', selfOrder: true },
  { provider: '重庆江北区悦动体育文化发展中心', type: 'social_org', title: '职工趣味运动会定制服务', category: 'sports', formats: ['on_site'], priceFen: 500_000, unit: 'session', capacity: 200, minutes: 240, groups: ['all_workers'], description: '按企业场地定制趣味运动会：项目设计、器材、裁判和保险一站式，含三人篮球、拔河、袋鼠跳等 12 个项目，适合 50–200 人。' },
  { provider: '江北区心桥心理咨询工作室', type: 'studio', title: '一线职工心理减压团体辅导', category: 'health', formats: ['on_site', 'station', 'online'], priceFen: 180_000, unit: 'session', capacity: 25, minutes: 120, groups: ['all_workers', 'new_employment', 'hardship'], description: '国家二级心理咨询师带领团体辅导：压力自评、放松训练、情绪表达，个别需要的职工可预约一对一咨询。' },
  { provider: '重庆巧匠职业培训学校', type: 'school', title: '电工技能提升与持证培训', category: 'skills', formats: ['on_site'], priceFen: 90_000, unit: 'person', capacity: 30, minutes: 960, groups: ['all_workers', 'migrant', 'young'], description: '低压电工理论与实操两天集训，对接特种作业操作证考试，考前模拟和补考辅导，企业订单式开班。' },
  { provider: '江北区乐龄社会工作服务中心', type: 'social_org', title: '职工团队拓展与协作训练', category: 'team_building', formats: ['on_site'], priceFen: 300_000, unit: 'session', capacity: 60, minutes: 300, groups: ['all_workers', 'young'], description: '专业拓展教练设计团队协作、沟通和信任项目，可在企业或铁山坪户外基地开展，结束后提交团队观察报告。' },
];

/** Pieces the other 95 entries are made from: plausible Jiangbei organisations and projects. */
export const PROVIDER_PREFIXES = ['江北区', '重庆市', '重庆'];
export const PROVIDER_CORES = ['阳光', '同心', '和美', '启航', '乐享', '康泰', '博雅', '恒信', '朝阳', '嘉陵', '北城', '观音桥', '鱼嘴', '寸滩', '五里店', '石马河', '华新', '铁山', '悦心', '晨曦', '睿智', '益邻', '惠民', '众和', '知行', '匠心', '青禾', '星河', '暖心', '聚力'];
export const PROVIDER_KINDS: { suffix: string; type: ProviderType }[] = [
  { suffix: '社会工作服务中心', type: 'social_org' },
  { suffix: '职业培训学校', type: 'school' },
  { suffix: '健康管理有限公司', type: 'company' },
  { suffix: '文化艺术培训学校', type: 'school' },
  { suffix: '体育发展有限公司', type: 'company' },
  { suffix: '心理咨询工作室', type: 'studio' },
  { suffix: '中医门诊部', type: 'clinic' },
  { suffix: '志愿服务中心', type: 'social_org' },
];

export const TITLES: Record<ProjectCategory, string[]> = {
  skills: ['叉车操作技能培训', '育婴员职业技能培训', '电商直播带货实训', '中式面点制作培训', '办公软件提升课', '家政服务员岗前培训', '焊工技能提升班', '新能源汽车维修入门', '母婴护理员培训', '普通话与职场表达'],
  culture: ['职工书法绘画公益课', '职工合唱团组建与排练', '川剧变脸体验', '职工读书会', '摄影入门与手机摄影', '职工春晚节目编排', '茶艺与茶文化体验', '剪纸与中国结手工课'],
  sports: ['职工羽毛球联赛组织', '乒乓球友谊赛', '五人制足球联赛', '职工太极拳与八段锦', '健步走打卡挑战', '三人篮球赛事服务'],
  team_building: ['单身职工联谊交友活动', '新员工融入营', '班组长沟通能力工作坊', '职工家庭日活动策划', '退休职工荣休仪式'],
  health: ['职工颈肩腰腿健康讲座', '中医体质辨识与养生', '女职工乳腺健康筛查讲座', '急救与 AED 使用培训', '营养膳食与控重', '职业病防护宣讲'],
  other: ['职工法律知识讲堂', '职工理财与防诈骗课堂', '职工子女暑期托管', '职工婚恋心理讲座'],
};

/** Why an entry did not pass the initial review (the providers see these). */
export const FAIL_REASONS = ['方案缺少预算明细和人员配置说明', '服务内容与提升职工生活品质主题关联不强', '缺少既往服务案例和资质证明材料', '收费标准明显高于同类服务且未说明理由', '安全保障措施不完整（户外活动缺少保险说明）', '服务对象不明确，难以在基层工会推广'];

export const JUDGES = [
  { name: '张立新', affiliation: '重庆工商大学社会与政治学院' },
  { name: '刘敏', affiliation: '重庆市总工会职工服务中心' },
  { name: '陈国华', affiliation: '江北区人力资源和社会保障局' },
  { name: '王芳', affiliation: '重庆社会工作者协会' },
  { name: '李建军', affiliation: '全国劳动模范' },
  { name: '赵晓燕', affiliation: '重庆师范大学教育科学学院' },
  { name: '周斌', affiliation: '江北区卫生健康委员会' },
];

export const RATING_COMMENTS = ['老师很专业，职工反响很好', '准备充分，准时到场', '内容实用，希望明年再来', '互动多，气氛好', '时间安排合理，骑手们很喜欢', '材料齐全，服务周到', '场地布置用心', '讲解通俗易懂'];
