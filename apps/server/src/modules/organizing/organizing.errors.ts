import { registerMessages } from '../../platform/i18n';

/** Codes owned by the organizing module (建会入会), each with the case it is for. */
registerMessages({
  // An enterprise must lie in a street, park, industry or community area (not a grassroots union).
  ENTERPRISE_ORG_TYPE: ['企业须登记在街道、园区、行业或社区工会的辖区内', 'An enterprise belongs to a street, park, industry or community area'],
  // Founding asks either an existing grassroots union or a parent to create one under.
  ENTERPRISE_FOUND_TARGET: ['请选择已有的基层工会，或选择上级组织新建工会', 'Choose an existing grassroots union, or a parent to create one under'],
  // Linking a union whose employer code is another enterprise's.
  ENTERPRISE_UNION_MISMATCH: ['该工会登记的统一社会信用代码与企业不一致', 'The union’s credit code is not this enterprise’s'],
  ENTERPRISE_ALREADY_FOUNDED: ['该企业已建会', 'This enterprise already has a union'],
  // Targets are set by the level above: a node's own target needs a grant above it.
  ORGANIZING_TARGET_LEVEL: ['年度目标由上级组织设置', 'A node’s yearly target is set by the level above'],
  ORGANIZING_TARGET_NOT_CHILD: ['只能分解给直属下级组织', 'Targets are split to direct children only'],
  // A split whose children do not add up to the parent's target, sent without acceptDifference.
  ORGANIZING_SPLIT_MISMATCH: ['分解合计与上级目标不一致', 'The split does not add up to the target'],
  ORGANIZING_SPLIT_MISMATCH_DETAIL: ['{kind}：下级合计 {sum}，目标 {target}，相差 {difference}', '{kind}: the children add up to {sum}, the target is {target}, a difference of {difference}'],
  ORGANIZING_KIND_new_unions: ['新建工会', 'New unions'],
  ORGANIZING_KIND_new_members: ['新发展会员', 'New members'],
  ORGANIZING_KIND_new_gig_members: ['新就业形态会员', 'New gig-worker members'],
  ORGANIZING_KIND_joining_points: ['入会点', 'Joining points'],
  ORGANIZING_CADRE_INVALID: ['只能指派给负责该区域的工作人员', 'Assign a staff member responsible for this area'],
  ORGANIZING_STEP_DONE: ['该事项已完成', 'This step is already done'],
  ORGANIZING_UNION_TYPE: ['入会仪式的工会须为基层工会或联合工会', 'A ceremony’s union is a grassroots or joint union'],
  ORGANIZING_POINT_UNKNOWN: ['入会点二维码无效，或该入会点已关闭', 'This joining point’s code is not valid, or the point has closed'],
  ORGANIZING_POINT_NO_UNION: ['该入会点暂未关联可加入的工会，请在下一步按单位或街道选择工会', 'This joining point has no union to join yet; choose one by employer or street in the next step'],
  ORGANIZING_CEREMONY_UNKNOWN: ['二维码无效或已过期，请向工会工作人员索取新的二维码', 'The code is not valid; ask the union staff for a new one'],
  // Import: one line of a bureau's list.
  ORGANIZING_IMPORT_NAME_REQUIRED: ['请填写企业名称', 'The enterprise name is missing'],
  ORGANIZING_IMPORT_CODE_REQUIRED: ['请填写统一社会信用代码', 'The credit code is missing'],
  ORGANIZING_IMPORT_CODE_TWICE: ['与第 {row} 行的统一社会信用代码重复', 'The same credit code as row {row}'],
  ORGANIZING_IMPORT_NUMBER: ['应为不小于 0 的整数', 'Must be a whole number, 0 or more'],
  ORGANIZING_IMPORT_VALUE: ['无法识别的取值“{value}”', 'Unknown value “{value}”'],
  ORGANIZING_IMPORT_OTHER_AREA: ['该企业已登记在您的管辖范围之外', 'This enterprise is registered outside your area'],
  ORGANIZING_IMPORT_HEADER: ['表头应包含“企业名称”和“统一社会信用代码”', 'The header needs 企业名称 and 统一社会信用代码'],
  ORGANIZING_DATE_FUTURE: ['日期不能晚于今天', 'The date cannot be after today'],
  ENTITY_enterprise: ['企业', 'enterprise'],
  ENTITY_ceremony: ['入会仪式', 'joining ceremony'],
  ENTITY_organizing_step: ['工作事项', 'next step'],
  NOTIFY_ORGANIZING_STEP_DUE: ['建会入会事项已逾期：{title}', 'Organizing step overdue: {title}'],
  NOTIFY_ORGANIZING_STEP_BODY: ['{enterprise}，应于 {due} 完成', '{enterprise}, due {due}'],
});
