/**
 * Members (会员): real-name persons, memberships with their history, online joining, membership
 * cards, and the console's member work. Other modules reach members through these exports only.
 */
export { createMembersService, type MembersService } from './members.service';
export { createJoiningService, type JoiningService } from './joining.service';
export { membersRoutes } from './members.routes';
export { joiningRoutes } from './joining.routes';
export { createImportService, type ImportService } from './import.service';
/** The workbook writer of the import templates and reports (the mutual-aid enrolment sheet reuses it). */
export { writeWorkbook } from './import-xlsx';
export { createExportService, type ExportService } from './export.service';
export { xlsxRoutes } from './xlsx.routes';
export { memberApplicationTodos, memberImportTodos } from './members.notify';
export { signCardToken, verifyCardToken, isCardTokenExpired } from './card-token';
export { hashIdNumber, ID_NUMBER_PURPOSE } from './members.shared';
export { membership, membershipEvent, person, memberNumberCounter, memberImport } from './members.tables';
export { findActiveMembershipOfUser, findContactPhone, findMembershipOfCard, findMemberships, findPersonIdsOfUser, setPersonHardship, type MembershipBrief } from './lookup.repository';
export { membersIndicators, GIG_FORMS } from './members.indicators';
