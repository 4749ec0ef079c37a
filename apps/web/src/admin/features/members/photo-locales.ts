import type { Translation } from '../../../shared/locale-shape';

/** 会员照片 (issue 10 point 7): optional, only with the member's consent. */
export const memberPhotoZh = {
  label: '照片',
  none: '未采集',
  show: '查看照片',
  showHint: '查看照片会记入审计日志',
  consentNote: '{{date}} 由 {{name}} 确认本人同意采集',
  upload: '上传照片',
  replace: '更换照片',
  remove: '删除照片',
  removeConfirm: '删除这张照片？会员撤回同意时请删除。',
  removed: '照片已删除',
  saved: '照片已保存',
  title: '上传会员照片',
  consent: '会员本人已同意采集照片，仅用于会员档案和电子会员卡',
  consentRequired: '请先确认已取得会员本人同意',
  pick: '选择照片',
  fileRequired: '请选择一张照片',
  fileHint: 'JPEG、PNG 或 WebP，不超过 5 MB；照片加密保存',
  alt: '{{name}}的照片',
};

export const memberPhotoEn: Translation<typeof memberPhotoZh> = {
  label: 'Photo',
  none: 'None',
  show: 'Show photo',
  showHint: 'Viewing the photo is recorded in the audit log',
  consentNote: 'Consent confirmed by {{name}} on {{date}}',
  upload: 'Upload photo',
  replace: 'Replace photo',
  remove: 'Remove photo',
  removeConfirm: 'Remove this photo? Remove it when the member withdraws consent.',
  removed: 'Photo removed',
  saved: 'Photo saved',
  title: 'Upload the member’s photo',
  consent: 'The member agreed to have a photo kept, for the member record and the e-card only',
  consentRequired: 'Confirm first that the member agreed',
  pick: 'Choose a photo',
  fileRequired: 'Choose a photo',
  fileHint: 'JPEG, PNG or WebP up to 5 MB; kept encrypted',
  alt: 'Photo of {{name}}',
};
