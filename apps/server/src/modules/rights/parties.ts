import { checkCreditCode, checkIdNumber, maskIdNumber, type ClaimInput, type PartyInput } from '@niangjia/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { encryptField, type DataKeys } from '../../platform/pii';
import { keyedHash, type Secrets } from '../../platform/secrets';
import { fieldError } from '../../platform/validation';
import { person } from '../members';
import type * as repo from './cases.repository';
import { ID_PURPOSE } from './rights.shared';

export type PartyValues = Omit<repo.PartyRow, 'id' | 'caseId' | 'createdAt'> & { id?: string | undefined };

/**
 * Checks the parties of a case and prepares their rows: at least one worker and one employer; a
 * worker's ID number by GB 11643, encrypted with a keyed hash (like a member's); an employer's
 * credit code by GB 32100; a member's person id must exist.
 */
export async function prepareParties(db: Db, input: PartyInput[], deps: { secrets: Secrets; dataKeys: DataKeys; today: string }, existing: repo.PartyRow[] = []): Promise<PartyValues[]> {
  if (!input.some((p) => p.role === 'applicant') || !input.some((p) => p.role === 'respondent')) throw fieldError('parties', 'RIGHTS_PARTY_ROLES');
  const personIds = [...new Set(input.map((p) => p.personId).filter((id): id is string => !!id))];
  const known = personIds.length ? new Set((await db.select({ id: person.id }).from(person).where(inArray(person.id, personIds))).map((r) => r.id)) : new Set<string>();
  const order = { applicant: 0, respondent: 0 };
  return input.map((p, i) => {
    const at = (field: string) => `parties.${i}.${field}`;
    const before = p.id ? existing.find((e) => e.id === p.id) : undefined;
    if (p.id && !before) throw fieldError(at('id'), 'NOT_FOUND');
    let id: Pick<PartyValues, 'idNumberEnc' | 'idNumberHash' | 'idNumberMasked'> = { idNumberEnc: before?.idNumberEnc ?? null, idNumberHash: before?.idNumberHash ?? null, idNumberMasked: before?.idNumberMasked ?? null };
    if (p.idNumber) {
      const checked = checkIdNumber(p.idNumber, deps.today);
      if (!checked.ok) throw fieldError(at('idNumber'), checked.problem);
      const value = checked.info.value;
      id = { idNumberEnc: encryptField(deps.dataKeys, ID_PURPOSE, value), idNumberHash: keyedHash(deps.secrets, 'id_number', value), idNumberMasked: maskIdNumber(value) };
    }
    if (p.creditCode) {
      const problem = checkCreditCode(p.creditCode);
      if (problem) throw fieldError(at('creditCode'), problem);
    }
    if (p.personId && !known.has(p.personId)) throw fieldError(at('personId'), 'RIGHTS_PERSON_UNKNOWN');
    return {
      id: p.id,
      role: p.role,
      name: p.name,
      ...id,
      phone: p.phone ?? null,
      personId: p.personId ?? null,
      creditCode: p.role === 'respondent' ? (p.creditCode ?? null) : null,
      legalRepresentative: p.legalRepresentative ?? null,
      address: p.address ?? null,
      agentName: p.agentName ?? null,
      sortOrder: order[p.role]++,
    };
  });
}

export const claimsTotal = (claims: readonly Pick<ClaimInput, 'amountFen'>[]) => claims.reduce((sum, c) => sum + c.amountFen, 0);

export async function findPersonOfUser(db: Db, userId: string): Promise<{ id: string } | undefined> {
  return (await db.select({ id: person.id }).from(person).where(eq(person.userId, userId)).limit(1))[0];
}
