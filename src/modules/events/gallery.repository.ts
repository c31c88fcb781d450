// The gallery's SQL: pictures from the day, their words, and their bytes (read one at a time).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ImageType } from './domain/images.ts';

type Db = Kysely<DB>;

export interface NewGalleryImage {
  event_id: string;
  org_id: string | null;
  kind: 'photo' | 'sketch_notes';
  alt_text: string;
  caption: string;
  content_type: ImageType;
  data: Buffer;
  uploaded_by: string;
}

export async function insertGalleryImage(db: Db, img: NewGalleryImage): Promise<string> {
  const row = await db
    .insertInto('event_gallery_images')
    .values({ ...img, consent_confirmed: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The pictures of an event without their bytes, oldest first. */
export async function listGalleryImages(db: Db, eventId: string) {
  return db
    .selectFrom('event_gallery_images')
    .select(['id', 'kind', 'alt_text', 'caption', 'created_at'])
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findGalleryImageData(db: Db, eventId: string, id: string) {
  return db
    .selectFrom('event_gallery_images')
    .select(['content_type', 'data'])
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteGalleryImage(db: Db, eventId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('event_gallery_images')
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
