import type { Org, OrgRef, Page } from '@niangjia/contracts';
import { api } from '../../shared/api';

const PAGE = 200;

/** Every direct child of a node, fetched 200 at a time (the API's largest page). */
export async function listAllChildren(parentId: string, signal?: AbortSignal): Promise<Org[]> {
  const out: Org[] = [];
  for (let page = 1; page <= 20; page++) {
    const result = await api.get<Page<Org>>('/orgs', { parentId, page, pageSize: PAGE }, signal ? { signal } : undefined);
    out.push(...result.items);
    if (out.length >= result.total || result.items.length < PAGE) break;
  }
  return out;
}

export const toRef = (org: Org | OrgRef): OrgRef => ({ id: org.id, code: org.code, name: org.name, type: org.type });
