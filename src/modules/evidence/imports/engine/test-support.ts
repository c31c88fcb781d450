// Test support for the import engine: in-memory lookups and a sink that records what it gets.
// (Not a test file itself; imported by the *.test.ts files beside it.)

import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InstrumentDefinition } from '../../domain/instrument-definition.ts';
import type { ImportedRecord } from './import-records.ts';
import type { ImportLookups, ImportSink } from './run-import.ts';
import type { ImportTarget } from './target-schemas.ts';

export function fixtureStream(name: string) {
  return createReadStream(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));
}

export function memoryLookups(options: {
  participants?: string[];
  instruments?: InstrumentDefinition[];
  existingKeys?: string[];
}): ImportLookups & { calls: string[] } {
  const participants = new Set(options.participants ?? []);
  const existing = new Set(options.existingKeys ?? []);
  const calls: string[] = [];
  return {
    calls,
    async existingParticipantCodes(codes) {
      calls.push(`participants(${codes.length})`);
      return new Set(codes.filter((code) => participants.has(code)));
    },
    async findInstrument(key) {
      calls.push(`instrument(${key})`);
      return options.instruments?.find((definition) => definition.key === key);
    },
    async existingRecordKeys(target: ImportTarget, keys) {
      calls.push(`keys(${target},${keys.length})`);
      return new Set(keys.filter((key) => existing.has(key)));
    },
  };
}

export function memorySink<T>(): ImportSink<T> & {
  batches: ImportedRecord<T>[][];
  records: () => ImportedRecord<T>[];
} {
  const batches: ImportedRecord<T>[][] = [];
  return {
    batches,
    records: () => batches.flat(),
    async write(records) {
      batches.push(records);
    },
  };
}
