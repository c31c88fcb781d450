// Afterwards: a gallery of sketch notes and photos. Only organisers add or remove pictures; each
// needs alt text and the organiser's word that everyone recognisable agreed. Anyone who may see
// the event may see its pictures.
import type { Actor, SignedInActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { MAX_IMAGE_BYTES, sniffImageType } from './domain/images.ts';
import * as events from './events.repository.ts';
import { mayAttend, type Audience } from './events.policy.ts';
import * as gallery from './gallery.repository.ts';
import { hostedEvent, type Host } from './organiser.service.ts';

export interface GalleryUpload {
  kind: string;
  altText: string;
  caption: string;
  consent: string;
  data: Buffer;
}

const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** Checks everything first; nothing is stored unless all of it is right. */
export async function addGalleryImage(
  deps: Deps,
  actor: SignedInActor,
  host: Host,
  eventId: string,
  u: GalleryUpload,
): Promise<string> {
  const e = await hostedEvent(deps, host, eventId);
  const errors: FieldErrors = {};
  const alt = oneLine(u.altText);
  const caption = oneLine(u.caption);
  const type = sniffImageType(u.data);
  if (u.data.length > MAX_IMAGE_BYTES) errors.picture = 'The picture must be 5 MB or smaller.';
  else if (u.data.length === 0) errors.picture = 'Choose a picture to upload.';
  else if (!type) errors.picture = 'The picture must be a JPEG, PNG or WebP image.';
  if (!alt) errors.alt_text = 'Describe the picture for people who cannot see it.';
  else if (alt.length > 300) errors.alt_text = 'The description must be 300 characters or fewer.';
  if (caption.length > 300) errors.caption = 'The caption must be 300 characters or fewer.';
  if (u.kind !== 'photo' && u.kind !== 'sketch_notes') errors.kind = 'Choose whether it is a photo or sketch notes.';
  if (u.consent !== 'yes') errors.consent = 'Only add it once everyone who can be recognised in it has agreed.';
  if (Object.keys(errors).length || !type)
    throw new AppError('validation', Object.values(errors)[0] ?? 'Check the picture.', errors);
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await gallery.insertGalleryImage(tx, {
      event_id: e.id,
      org_id: e.org_id,
      kind: u.kind as 'photo',
      alt_text: alt,
      caption,
      content_type: type,
      data: u.data,
      uploaded_by: actor.personId,
    });
    await recordAudit(tx, {
      orgId: e.org_id,
      actorId: actor.personId,
      action: 'events.gallery.add',
      subjectType: 'event_gallery_image',
      subjectId: id,
      detail: { eventId: e.id, consentConfirmed: true },
    });
    return id;
  });
  return id;
}

export async function removeGalleryImage(
  deps: Deps,
  actor: SignedInActor,
  host: Host,
  eventId: string,
  imageId: string,
): Promise<void> {
  const e = await hostedEvent(deps, host, eventId);
  await deps.db.transaction().execute(async (tx) => {
    if (!(await gallery.deleteGalleryImage(tx, e.id, imageId))) throw notFound('picture');
    await recordAudit(tx, {
      orgId: e.org_id,
      actorId: actor.personId,
      action: 'events.gallery.remove',
      subjectType: 'event_gallery_image',
      subjectId: imageId,
      detail: { eventId: e.id },
    });
  });
}

export interface GalleryItem {
  id: string;
  src: string;
  kind: 'photo' | 'sketch_notes';
  altText: string;
  caption: string;
}

export async function listGallery(deps: Deps, eventId: string): Promise<GalleryItem[]> {
  const rows = await gallery.listGalleryImages(deps.db, eventId);
  return rows.map((r) => ({
    id: r.id,
    src: `/events/${eventId}/pictures/${r.id}`,
    kind: r.kind as 'photo',
    altText: r.alt_text,
    caption: r.caption,
  }));
}

/** A picture's bytes, for whoever may see its event; 404 otherwise. */
export async function readGalleryImage(deps: Deps, actor: Actor, eventId: string, imageId: string) {
  const e = await events.findEvent(deps.db, eventId);
  if (!e || !mayAttend(actor, { orgId: e.org_id, audience: e.audience as Audience })) throw notFound('picture');
  const img = await gallery.findGalleryImageData(deps.db, e.id, imageId);
  if (!img) throw notFound('picture');
  return { contentType: img.content_type, data: img.data, membersOnly: e.audience !== 'anyone' };
}
