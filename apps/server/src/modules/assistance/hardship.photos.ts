import type { Db } from '../../db/client';
import { orgPathsOfPhoto } from './hardship.repository';

/** A document photo is shown (besides its uploader) to staff holding assistance.read over its file's union. */
export async function hardshipPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'assistance.read' }[]> {
  return (await orgPathsOfPhoto(db, photoId)).map((path) => ({ path, permission: 'assistance.read' as const }));
}
