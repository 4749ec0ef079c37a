import { registerMessages } from '../../platform/i18n';

registerMessages({
  ENTITY_notice: ['通知公告', 'notice'],
  // Publish, withdraw or edit asked of a notice in a state that does not allow it.
  NOTICE_STATE: ['公告当前状态不允许此操作', 'The notice’s state does not allow this'],
  NOTICE_STATE_DETAIL: ['该公告当前为“{status}”', 'The notice is {status}'],
  NOTICE_STATUS_draft: ['草稿', 'draft'],
  NOTICE_STATUS_published: ['已发布', 'published'],
  NOTICE_STATUS_withdrawn: ['已撤回', 'withdrawn'],
});
