import type { Translation } from '../../../shared/locale-shape';
import type { studyaidAdminZh } from './locales';

/** 帮扶 ▸ 秋送助学 console page: English. */
export const studyaidAdminEn: Translation<typeof studyaidAdminZh> = {
  menu: 'Study aid',
  campaign: 'Study-aid campaign',
  pickCampaign: 'Choose an autumn study-aid campaign',
  noCampaign: 'No autumn study-aid campaign yet: set one up under Campaigns first',
  amounts: 'Amounts by level',
  noAmounts: 'No amounts set yet: workers can apply once they are',
  setAmounts: 'Set amounts',
  levels: { undergraduate: 'Undergraduate', junior_college: 'Junior college', high_school: 'High school' },
  relations: { son: 'Son', daughter: 'Daughter', ward: 'Ward' },
  figures: { children: 'Students paid', paid: 'Study aid paid' },
  add: 'Apply for a member',
  allLevels: 'All levels',
  allStatuses: 'All statuses',
  search: 'Student, parent or school',
  total: '{{total}} in all',
  col: { child: 'Student', parent: 'Parent (member)', org: 'Applying union', school: 'School', level: 'Level', amount: 'Amount', status: 'Status', placement: 'Summer job', created: 'Applied' },
  fields: { member: 'Parent (active member)', memberSearch: 'Type a name or phone to find a member', childName: 'Student’s name', childIdNumber: 'Student’s ID number', relation: 'Relation to the member', school: 'School admitted to', level: 'Level', admissionYear: 'Admission year', letter: 'Admission letter (photo)', note: 'Note' },
  detail: { title: 'Study-aid application', idNumber: 'ID number', reveal: 'Show', letter: 'Admission letter', steps: 'Approval', placement: 'Summer public-benefit job', noPlacement: 'None', setPlacement: 'Arrange a job', place: 'Place', placeOrg: 'Organisation', dates: 'Dates', hours: 'Hours' },
  approve: 'Approve',
  reject: 'Reject',
  second: 'Confirm (second)',
  disburse: 'Pay',
  rejectNote: 'Reason for rejecting',
  reference: 'Transfer reference or note',
  needNote: 'Give the reason for rejecting',
  saved: 'Saved',
  view: 'View',
  idHint: 'The student’s ID number is shown in part; showing it whole is recorded in the audit log.',
};
