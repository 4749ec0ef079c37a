import { registerMessages } from '../../platform/i18n';

/** Codes owned by the stars module (ratings, signage, worker feedback). */
registerMessages({
  RUBRIC_KEY_FORMAT: ['编号应为 2–32 位小写字母、数字或下划线，以字母开头', 'must be 2–32 lower-case letters, digits or underscores, starting with a letter'],
  RUBRIC_KEY_DUPLICATE: ['评分项编号重复', 'criterion key used twice'],
  RUBRIC_SOURCE_TWICE: ['“设施达标”和“职工评价”各只能有一项', 'only one facilities and one worker-ratings criterion'],
  RUBRIC_WEIGHTS_SUM: ['各项权重之和应为 100', 'the weights must add up to 100'],
  // Rubrics belong to a district (or the federation); streets rate by their district's rubric.
  RUBRIC_ORG_LEVEL: ['只有区县或市总工会可以设置评星细则', 'only a district union or the federation sets a rubric'],
  INSPECTION_SCORE_MISSING: ['请为此项打分', 'score this criterion'],
  INSPECTION_SCORE_RANGE: ['分数应在 0 到 {max} 之间', 'must be between 0 and {max}'],
  INSPECTION_SCORE_UNKNOWN: ['评分细则中没有这一项', 'the rubric has no such criterion'],
  INSPECTION_DATE_FUTURE: ['检查日期不能晚于今天', 'the inspection date cannot be in the future'],
  PHOTO_NOT_YOURS: ['照片不存在或不是您上传的', 'the photo does not exist or was not uploaded by you'],
  // A user's photos of the last 24 hours reached the daily volume (photos.ts).
  PHOTO_QUOTA_EXCEEDED: ['今天上传的照片太多了', 'Too many photos uploaded today'],
  PHOTO_QUOTA_EXCEEDED_DETAIL: ['每人 24 小时内最多上传 {mb} MB 照片，请明天再传', 'Each person may upload up to {mb} MB of photos in 24 hours; try again tomorrow'],
  PHOTO_TYPE: ['照片应为 JPEG、PNG 或 WebP 图片', 'The photo must be a JPEG, PNG or WebP image'],
  PHOTO_TYPE_DETAIL: ['收到的内容不是 JPEG、PNG 或 WebP 图片，请换一张照片', 'What was sent is not a JPEG, PNG or WebP image; choose another photo'],
  PHOTO_NOT_AN_IMAGE: ['这里只能附照片，不能附 PDF 文件', 'only photos can be attached here, not a PDF'],
  DOCUMENT_TYPE: ['证明材料应为照片（JPEG、PNG、WebP）或 PDF 文件', 'A document must be a photo (JPEG, PNG, WebP) or a PDF'],
  DOCUMENT_TYPE_DETAIL: ['收到的内容不是照片或 PDF 文件，请换一个文件', 'What was sent is neither a photo nor a PDF; choose another file'],
  ISSUE_ASSIGNEE_INVALID: ['只能指派给负责此阵地的工作人员', 'assign to a staff member responsible for this position'],
  ISSUE_ALREADY_RESOLVED: ['此反馈已处理完毕', 'This report is already resolved'],
  ENTITY_issue: ['反馈', 'report'],
  ENTITY_photo: ['照片', 'photo'],
  ENTITY_inspection: ['检查记录', 'inspection'],
});
