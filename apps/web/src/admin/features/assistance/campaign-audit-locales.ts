import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names the campaigns' actions and objects (keys: action with dots as underscores). */
export const campaignAuditActionsZh = {
  campaign_create: '新建帮扶活动',
  campaign_open: '启动帮扶活动',
  campaign_close: '结束帮扶活动',
  campaign_allocate: '分配帮扶额度',
  campaign_update: '修改帮扶活动',
  campaign_reallocate: '调整帮扶额度',
  campaign_nomination_create: '提名帮扶对象',
  campaign_nomination_approve: '审批帮扶提名',
  campaign_nomination_reject: '驳回帮扶提名',
  campaign_nomination_second: '复核帮扶提名',
  campaign_nomination_disburse: '发放帮扶',
  campaign_nomination_acknowledge: '签收帮扶',
  campaign_review_decide: '核查疑似重复帮扶',
};
export const campaignAuditActionsEn: Translation<typeof campaignAuditActionsZh> = {
  campaign_create: 'Create a campaign',
  campaign_open: 'Open a campaign',
  campaign_close: 'Close a campaign',
  campaign_allocate: 'Allocate a campaign share',
  campaign_update: 'Change a campaign',
  campaign_reallocate: 'Change a campaign share',
  campaign_nomination_create: 'Nominate a recipient',
  campaign_nomination_approve: 'Approve a nomination',
  campaign_nomination_reject: 'Reject a nomination',
  campaign_nomination_second: 'Second approval of a nomination',
  campaign_nomination_disburse: 'Disburse a benefit',
  campaign_nomination_acknowledge: 'Acknowledge a benefit',
  campaign_review_decide: 'Decide a possible duplicate',
};
export const campaignAuditEntityTypesZh = { campaign: '帮扶活动', campaign_nomination: '帮扶提名', campaign_duplicate_review: '疑似重复核查' };
export const campaignAuditEntityTypesEn: Translation<typeof campaignAuditEntityTypesZh> = { campaign: 'Campaign', campaign_nomination: 'Nomination', campaign_duplicate_review: 'Duplicate review' };

export const CAMPAIGN_AUDIT_ACTIONS = Object.keys(campaignAuditActionsZh).map((k) => k.replace(/^(campaign_nomination|campaign_review|campaign)_/, '$1.'));
