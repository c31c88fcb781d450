// Test helpers for the evidence module: a participant straight into the database, answers for
// whole questionnaires, and a multipart body for uploads.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { insertParticipants } from '../evidence.write-path.ts';

export async function buildParticipant(
  db: Kysely<DB>,
  orgId: string,
  code: string,
  o: { network?: boolean; record?: boolean; firstName?: string } = {},
): Promise<string> {
  const decidedOn = '2025-01-02';
  const added = await insertParticipants(
    db,
    orgId,
    [
      {
        code,
        firstName: o.firstName ?? '',
        ageBand: '',
        gender: '',
        ethnicity: '',
        mainSubstances: [],
        localAuthority: '',
        consents: [
          { kind: 'record', given: o.record ?? true, decidedOn, wordingVersion: 'test' },
          { kind: 'network', given: o.network ?? true, decidedOn, wordingVersion: 'test' },
        ],
      },
    ],
    null,
  );
  return added.get(code)!;
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: Buffer | string },
) {
  const boundary = `----rc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
