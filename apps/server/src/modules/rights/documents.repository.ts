import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from './rights.shared';
import { rightsDocument, rightsSignature, rightsSignRequest } from './documents.tables';

export async function listDocuments(db: Db, caseId: string) {
  const rows = await db
    .select({ id: rightsDocument.id, kind: rightsDocument.kind, audience: rightsDocument.audience, version: rightsDocument.version, sha256: rightsDocument.sha256, size: rightsDocument.size, createdAt: rightsDocument.createdAt, signatureIds: rightsDocument.signatureIds, contentHash: rightsDocument.contentHash })
    .from(rightsDocument)
    .where(eq(rightsDocument.caseId, caseId))
    .orderBy(asc(rightsDocument.kind), asc(rightsDocument.audience), desc(rightsDocument.version));
  const sigIds = [...new Set(rows.flatMap((r) => r.signatureIds))];
  const names = sigIds.length ? new Map((await db.select({ id: rightsSignature.id, name: rightsSignature.signerName }).from(rightsSignature).where(inArray(rightsSignature.id, sigIds))).map((s) => [s.id, s.name])) : new Map<string, string>();
  return rows.map((r) => ({ ...r, signers: r.signatureIds.map((id) => names.get(id) ?? '') }));
}

export async function findLatestDocument(db: Db, caseId: string, kind: string, audience: string) {
  return (
    await db
      .select()
      .from(rightsDocument)
      .where(and(eq(rightsDocument.caseId, caseId), eq(rightsDocument.kind, kind), eq(rightsDocument.audience, audience)))
      .orderBy(desc(rightsDocument.version))
      .limit(1)
  )[0];
}

export async function findDocument(db: Db, id: string) {
  return (await db.select().from(rightsDocument).where(eq(rightsDocument.id, id)).limit(1))[0];
}

export async function insertDocument(db: Db, values: typeof rightsDocument.$inferInsert) {
  return (await db.insert(rightsDocument).values(values).returning({ id: rightsDocument.id, version: rightsDocument.version, sha256: rightsDocument.sha256 }))[0]!;
}

export async function listSignatures(db: Db, caseId: string) {
  return db
    .select({ id: rightsSignature.id, kind: rightsSignature.kind, signerRole: rightsSignature.signerRole, partyId: rightsSignature.partyId, signerName: rightsSignature.signerName, contentHash: rightsSignature.contentHash, signedAt: rightsSignature.signedAt })
    .from(rightsSignature)
    .where(eq(rightsSignature.caseId, caseId))
    .orderBy(asc(rightsSignature.signedAt));
}

/** The latest signature of each signer for a kind and content hash (a re-signature replaces the earlier one). */
export async function signaturesFor(db: Db, caseId: string, kind: string, contentHash: string) {
  const rows = await db
    .select()
    .from(rightsSignature)
    .where(and(eq(rightsSignature.caseId, caseId), eq(rightsSignature.kind, kind), eq(rightsSignature.contentHash, contentHash)))
    .orderBy(desc(rightsSignature.signedAt));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.signerRole}:${r.partyId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function countSignaturesOfParties(db: Db, partyIds: string[]): Promise<number> {
  if (!partyIds.length) return 0;
  return (await db.select({ n: count() }).from(rightsSignature).where(inArray(rightsSignature.partyId, partyIds)))[0]?.n ?? 0;
}

/** The content hash of each kind's latest file copy: a signature on another hash is out of date. */
export async function currentContentHashes(db: Db, caseId: string): Promise<Map<string, string>> {
  const rows = await db.execute(
    sql`select distinct on (kind) kind, content_hash from rights_document where case_id = ${caseId} and audience = 'file' order by kind, version desc`,
  );
  return new Map(rowsOf<{ kind: string; content_hash: string }>(rows).map((r) => [r.kind, r.content_hash]));
}

export async function insertSignRequest(db: Db, values: typeof rightsSignRequest.$inferInsert) {
  return (await db.insert(rightsSignRequest).values(values).returning())[0]!;
}

/** A usable request by its token's hash: not used, not expired. Locked so it signs once. */
export async function findOpenSignRequest(db: Db, tokenHash: string, now: Date, forUpdate = false) {
  if (forUpdate) await db.execute(sql`select 1 from rights_sign_request where token_hash = ${tokenHash} for update`);
  return (
    await db
      .select()
      .from(rightsSignRequest)
      .where(and(eq(rightsSignRequest.tokenHash, tokenHash), isNull(rightsSignRequest.usedAt), gt(rightsSignRequest.expiresAt, now)))
      .limit(1)
  )[0];
}

export async function markSignRequestUsed(db: Db, id: string, at: Date) {
  await db.update(rightsSignRequest).set({ usedAt: at }).where(eq(rightsSignRequest.id, id));
}

export async function insertSignature(db: Db, values: typeof rightsSignature.$inferInsert) {
  return (await db.insert(rightsSignature).values(values).returning({ id: rightsSignature.id, signedAt: rightsSignature.signedAt }))[0]!;
}

export async function signatureImages(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: rightsSignature.id, image: rightsSignature.image, signerRole: rightsSignature.signerRole, partyId: rightsSignature.partyId, signerName: rightsSignature.signerName, signedAt: rightsSignature.signedAt }).from(rightsSignature).where(inArray(rightsSignature.id, ids));
}
