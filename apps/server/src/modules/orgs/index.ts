/**
 * The union tree (组织): federation → district → street/park/industry → joint/community → grassroots.
 * Other modules resolve orgs and scope through these exports only.
 */
export { createOrgsService, type OrgsService, validateOrgFields } from './orgs.service';
export { orgsRoutes } from './orgs.routes';
export { checkCreditCode, creditCodeCheckChar } from './credit-code';
export { findDivision, listDivisions } from './divisions';
export { findOrgByCode, findOrgById, scopeCondition, todoScopeCondition, insertOrg, type OrgRow } from './orgs.repository';
export { org } from './orgs.tables';
export { orgsIndicators } from './orgs.indicators';
