// The domain rules come from the shared contracts' zod-free file, so the browser bundle gets the
// same lists and checks as the server without pulling in a validator.
import { checkCreditCode } from '@niangjia/contracts/domain';
import type { Permission } from '@niangjia/contracts/domain';

export { ALLOWED_PARENTS, childTypesOf, orgTypes as ORG_TYPES, roles as ROLES } from '@niangjia/contracts/domain';

export const hasPermission = (permissions: readonly Permission[], p: Permission) => permissions.includes(p);

export const isValidCreditCode = (code: string): boolean => checkCreditCode(code) === null;
