import { registerMessages } from '../../platform/i18n';

/** Codes owned by the orgs module, each with the case it is for. */
registerMessages({
  // A node's parent must be of a type that may hold it (a street under a district, …).
  ORG_PARENT_TYPE_NOT_ALLOWED: ['上级组织类型不允许', 'Parent type not allowed'],
  ORG_PARENT_TYPE_NOT_ALLOWED_DETAIL: ['{type}不能建在{parentType}之下', 'A {type} cannot be placed under a {parentType}'],
  // Moving a node under itself or one of its descendants.
  ORG_MOVE_CYCLE: ['不能移动到自身或下级组织之下', 'Cannot move a node under itself or its descendants'],
  ORG_MOVE_CYCLE_DETAIL: ['目标上级是该组织本身或其下级，会形成循环', 'The new parent is the node itself or one of its descendants'],
  // Closing a node that still has open children.
  ORG_HAS_ACTIVE_CHILDREN: ['仍有未关闭的下级组织', 'It still has open child nodes'],
  ORG_HAS_ACTIVE_CHILDREN_DETAIL: ['请先关闭或移走 {count} 个下级组织', 'Close or move its {count} open child nodes first'],
  // Adding to, or moving under, a closed node.
  ORG_PARENT_CLOSED: ['上级组织已关闭', 'The parent node is closed'],
  ORG_ALREADY_CLOSED: ['该组织已关闭', 'The node is already closed'],
  ORG_NOT_CLOSED: ['该组织未关闭', 'The node is not closed'],
  // 成立日期 after today.
  ORG_FOUNDED_IN_FUTURE: ['成立日期不能晚于今天', 'The founding date cannot be after today'],
  ORG_ROOT_IMMUTABLE: ['根组织不能移动或关闭', 'A root node cannot be moved or closed'],
  DIVISION_CODE_REQUIRED: ['区县和街道工会须填写区划代码', 'District and street unions need a division code'],
  DIVISION_CODE_LEVEL: ['区划代码层级不符：区县工会为 6 位，街道/乡镇工会为 9 位', 'Wrong level: 6 digits for a district union, 9 for a street union'],
  DIVISION_CODE_UNKNOWN: ['区划代码 {code} 不在统计用区划代码表中', 'Division code {code} is not in the statistical division list'],
  CREDIT_CODE_REQUIRED: ['基层工会须填写单位的统一社会信用代码', 'A grassroots union needs its employer’s unified social credit code'],
  CREDIT_CODE_LENGTH: ['统一社会信用代码应为 18 位', 'The unified social credit code has 18 characters'],
  CREDIT_CODE_CHARACTERS: [
    '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
    'The code contains characters not allowed (I, O, Z, S, V are never used)',
  ],
  CREDIT_CODE_CHECK: ['统一社会信用代码校验位错误（GB 32100）', 'The check character is wrong (GB 32100)'],
  ORG_TYPE_federation: ['总工会', 'federation'],
  ORG_TYPE_district: ['区县工会', 'district union'],
  ORG_TYPE_street: ['街道/镇工会', 'street/town union'],
  ORG_TYPE_park: ['园区工会', 'park union'],
  ORG_TYPE_industry: ['行业工会', 'industry union'],
  ORG_TYPE_joint: ['片区联合工会', 'regional joint union'],
  ORG_TYPE_community: ['社区工会', 'community union'],
  ORG_TYPE_grassroots: ['基层工会', 'grassroots union'],
  ENTITY_org: ['组织', 'organisation'],
});
