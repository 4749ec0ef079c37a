import { registerMessages } from '../../platform/i18n';

/** Codes of 秋送助学 (autumn study aid). */
registerMessages({
  // Study aid hangs on a campaign of kind "autumn" only.
  STUDYAID_NOT_AUTUMN_CAMPAIGN: ['只有“秋送助学”类帮扶活动可以设置助学金标准和受理助学申请', 'Only an autumn study-aid campaign takes study-aid amounts and applications'],
  // The owner has not set the amounts by level yet.
  STUDYAID_NO_SETTINGS: ['该活动尚未设置助学金标准，暂不能申请', 'The campaign has no study-aid amounts yet: applications are not open'],
  // The benefit the applications are nominated under must be one of the campaign's cash benefits.
  STUDYAID_BENEFIT_NOT_CASH: ['助学金须对应活动中的一项现金帮扶', 'Study aid must be one of the campaign’s cash benefits'],
  // One aid per child per year across campaigns (by the child's ID number).
  STUDYAID_CHILD_AIDED: ['该学生本年度已在“{campaign}”中申请或获得助学金，同一学生每年只能受助一次', 'This student already applied or was aided this year in “{campaign}”: one study aid per child per year'],
  STUDYAID_NOT_A_MEMBER: ['您还不是工会会员，入会后才能申请助学金', 'You are not a union member yet: join first, then apply'],
  // The summer job is arranged for a student whose aid is approved (or paid).
  STUDYAID_PLACEMENT_NOT_AIDED: ['助学申请批准后才能安排暑期公益岗位', 'A summer job is arranged once the study aid is approved'],
  STUDYAID_PLACEMENT_DATES: ['岗位结束日期不能早于开始日期', 'The job cannot end before it starts'],
  STUDYAID_LEVEL_undergraduate: ['本科', 'Undergraduate'],
  STUDYAID_LEVEL_junior_college: ['专科', 'Junior college'],
  STUDYAID_LEVEL_high_school: ['高中', 'High school'],
  ENTITY_studyaid_student: ['助学申请', 'study-aid application'],
});
