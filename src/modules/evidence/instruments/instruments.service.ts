// Use cases for instruments: an organisation's own measures, and the network's instruments
// (a coordinator installs a licensed one from its definition file, and turns them on or off).
import type { z } from 'zod';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import type { FieldErrors } from '../../../platform/http/form-fields.ts';
import { buildCustomMeasureDefinition } from '../domain/custom-measure.ts';
import type { InstrumentDefinition } from '../domain/instrument-definition.ts';
import { parseUploadedInstrumentDefinition } from '../domain/parse-uploaded-definition.ts';
import type { MeasureForm } from '../evidence.schemas.ts';
import * as repo from './instruments.repository.ts';

export async function loadMeasuresPage(deps: Deps, org: OrgTarget) {
  const rows = await repo.listOrgMeasures(deps.db, org.id);
  return rows.map((r) => ({
    name: r.definition.name,
    items: r.definition.items.length,
    scoring: r.definition.scoring.method,
    createdAt: r.createdAt,
  }));
}

export async function createCustomMeasure(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  input: z.infer<typeof MeasureForm>,
): Promise<{ ok: true; definition: InstrumentDefinition } | { ok: false; errors: FieldErrors }> {
  const built = buildCustomMeasureDefinition({ organisation_name: org.name, ...input });
  if (!built.ok) return { ok: false, errors: Object.fromEntries(built.errors.map((e) => [e.field, e.message])) };
  const definition = built.value;
  if (await repo.instrumentVersionExists(deps.db, org.id, definition.key, definition.version)) {
    return {
      ok: false,
      errors: { name: `You already have a measure called “${definition.name}”. Choose another name.` },
    };
  }
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertInstrument(tx, {
      orgId: org.id,
      definition,
      origin: 'custom',
      licenceReference: '',
      installedBy: actor.personId,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'measure.created',
      subjectType: 'instrument',
      subjectId: definition.key,
    });
  });
  return { ok: true, definition };
}

export async function loadNetworkInstrumentsPage(deps: Deps) {
  const rows = await repo.listNetworkInstruments(deps.db);
  return rows.map((r) => ({
    id: r.id,
    name: r.definition.name,
    shortName: r.definition.short_name,
    version: r.version,
    origin: r.origin,
    enabled: r.enabled,
    licence: r.definition.licence.name,
    reference: r.licenceReference,
  }));
}

/** Installs a licensed instrument from an uploaded definition file's text. */
export async function installLicensedInstrument(
  deps: Deps,
  actor: SignedInActor,
  input: { text: string; reference: string },
): Promise<{ ok: true; definition: InstrumentDefinition } | { ok: false; problems: string[]; status: 400 | 409 }> {
  let json: unknown;
  try {
    json = JSON.parse(input.text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      problems: ['The file is not valid JSON. Check it is the definition file you were given.'],
      status: 400,
    };
  }
  const licence = (json as { licence?: unknown } | null)?.licence;
  if (input.reference && licence && typeof licence === 'object')
    (licence as Record<string, unknown>).reference = input.reference;
  const parsed = parseUploadedInstrumentDefinition(json);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((p) => `${p.path}: ${p.message}`), status: 400 };
  const definition = parsed.value;
  if (definition.scope !== 'network') {
    return { ok: false, problems: ['scope: a network instrument must have scope "network".'], status: 400 };
  }
  if (await repo.instrumentVersionExists(deps.db, null, definition.key, definition.version)) {
    const problem = `${definition.short_name} version ${definition.version} is already installed. Change "version" in the file to install a new one.`;
    return { ok: false, problems: [problem], status: 409 };
  }
  const reference = definition.licence.reference ?? '';
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertInstrument(tx, {
      orgId: null,
      definition,
      origin: 'licensed',
      licenceReference: reference,
      installedBy: actor.personId,
    });
    await recordAudit(tx, {
      orgId: null,
      actorId: actor.personId,
      action: 'instrument.installed',
      subjectType: 'instrument',
      subjectId: `${definition.key}@${definition.version}`,
      detail: { licence_reference: reference },
    });
  });
  return { ok: true, definition };
}

/** Turns a network instrument on or off; false when there is no such instrument. */
export async function setNetworkInstrumentEnabled(deps: Deps, _actor: SignedInActor, id: string, enabled: boolean) {
  return repo.setNetworkInstrumentEnabled(deps.db, id, enabled);
}
