import { randomBytes } from 'node:crypto';
import type { Ceremony, PublicCeremony, PublicJoiningPoint } from '@niangjia/contracts';
import type { z } from 'zod';
import type { createCeremonySchema } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { findOrgById } from '../orgs';
import * as repo from './organizing.repository';
import { assertVisible, orgRef, shanghaiDay, type OrganizingActor } from './organizing.shared';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A short code for the QR: 10 characters without look-alikes (0/O, 1/I/L). */
function newCode(): string {
  const bytes = randomBytes(10);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Where the ceremony's QR lands: the phone's joining flow with the union preset. */
export const joinPathOf = (code: string) => `/m/join?ceremony=${code}`;

/**
 * 集中入会仪式: a ceremony names the union its sign-ups join (a grassroots union, or a joint union
 * for scattered gig workers); its QR opens /m/join with that union chosen, and each sign-up is an
 * ordinary membership application (members module) that staff approve as usual.
 */
/**
 * The union an application's `via` tag presets: a ceremony's union, or a joining point's (its own,
 * or its street's joint union); null when the tag names nothing. Members keeps a tag only when it
 * names the union applied to, so a tag staff read was set by a real QR.
 */
export async function joinViaUnion(db: Db, via: string): Promise<string | null> {
  const [kind, code = ''] = via.split(':');
  if (kind === 'ceremony') return (await repo.findCeremonyByCode(db, code.toUpperCase()))?.union.id ?? null;
  if (kind === 'point') return (await repo.findJoiningPoint(db, code.toUpperCase()))?.union_id ?? null;
  return null;
}

export function createCeremoniesService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  const toCeremony = (r: repo.CeremonyWithRefs): Ceremony => ({
    id: r.c.id,
    code: r.c.code,
    title: r.c.title,
    union: orgRef(r.union),
    enterpriseId: r.c.enterpriseId,
    heldOn: r.c.heldOn,
    place: r.c.place,
    joinPath: joinPathOf(r.c.code),
    applications: r.applications,
    createdAt: r.c.createdAt.toISOString(),
  });
  return {
    async list(q: { orgId?: string | undefined }, actor: OrganizingActor): Promise<Ceremony[]> {
      let underPath: string | undefined;
      if (q.orgId) {
        const node = await findOrgById(db, q.orgId);
        if (!node || !isInScope(actor.read, node.path)) throw notFound('ENTITY_org');
        underPath = node.path;
      }
      return (await repo.listCeremonies(db, actor.read, underPath)).map(toCeremony);
    },

    async create(input: z.infer<typeof createCeremonySchema>, actor: OrganizingActor): Promise<Ceremony> {
      const union = await findOrgById(db, input.unionOrgId);
      if (!union || !isInScope(actor.write, union.path)) {
        throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'unionOrgId', message: 'NOT_FOUND' }] });
      }
      if (union.type !== 'grassroots' && union.type !== 'joint') throw new AppError('ORGANIZING_UNION_TYPE', { status: 400, errors: [{ path: 'unionOrgId', message: 'ORGANIZING_UNION_TYPE' }] });
      if (input.enterpriseId) assertVisible(await repo.findEnterprise(db, input.enterpriseId, shanghaiDay(clock())), actor.write);
      return db.transaction(async (tx) => {
        const row = await repo.insertCeremony(tx, {
          orgId: union.id,
          enterpriseId: input.enterpriseId ?? null,
          code: newCode(),
          title: input.title,
          heldOn: input.heldOn,
          place: input.place ?? null,
          createdBy: actor.userId,
        });
        await recordAudit(tx, actor.audit, { action: 'ceremony.create', entityType: 'ceremony', entityId: row.id, orgId: union.id, after: { title: row.title, heldOn: row.heldOn, code: row.code } });
        return toCeremony((await repo.findCeremonyByCode(tx, row.code))!);
      });
    },

    /** Public: what the QR's page needs to preselect the union (no personal data). */
    async getPublic(code: string): Promise<PublicCeremony> {
      const r = await repo.findCeremonyByCode(db, code.toUpperCase());
      if (!r) throw new AppError('ORGANIZING_CEREMONY_UNKNOWN', { status: 404 });
      return {
        code: r.c.code,
        title: r.c.title,
        heldOn: r.c.heldOn,
        place: r.c.place,
        union: { id: r.union.id, code: r.union.code, name: r.union.name, type: r.union.type as 'grassroots' | 'joint', address: r.union.address },
      };
    },

    /** Public: a joining point's QR presets the union (the point's, or its street's joint union). */
    async getJoiningPoint(code: string): Promise<PublicJoiningPoint> {
      const r = await repo.findJoiningPoint(db, code.toUpperCase());
      if (!r) throw new AppError('ORGANIZING_POINT_UNKNOWN', { status: 404 });
      if (!r.union_id) throw new AppError('ORGANIZING_POINT_NO_UNION', { status: 404 });
      return {
        code: r.code,
        name: r.name,
        address: r.address,
        union: { id: r.union_id, code: r.union_code!, name: r.union_name!, type: r.union_type as 'grassroots' | 'joint', address: r.union_address },
      };
    },
  };
}

export type CeremoniesService = ReturnType<typeof createCeremoniesService>;
