import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readRows } from './read-rows.ts';
import { runImport } from './run-import.ts';
import { ACTIVITIES_SCHEMA, PARTICIPANTS_SCHEMA, schemaFor } from './target-schemas.ts';
import { suggestMapping } from './column-mapping.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { formatImportProblem } from './import-problem.ts';
import type { ActivityRecord, AssessmentRecord, ParticipantRecord } from './import-records.ts';
import { SHIPPED_INSTRUMENTS } from '../../domain/shipped-instruments.ts';
import { fixtureStream, memoryLookups, memorySink } from './test-support.ts';

const TODAY = '2024-06-30';
const KNOWN_PARTICIPANTS = ['HS-001', 'HS-002', 'HS-003', 'HS-004', 'HS-005', 'HS-006', 'HS-007', 'HS-008'];
const assessmentsSchema = schemaFor('assessments', SHIPPED_INSTRUMENTS);

const MESSY_MAPPING: ColumnMapping = {
  participant_code: 'Participant Code',
  instrument: 'Questionnaire',
  date: 'Date (dd/mm/yyyy)',
  time_point: 'Time point',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`barc10_${index + 1}`, `BARC10 Q${index + 1}`])),
  ons4_satis: 'Life satisfaction',
  ons4_worth: 'Worthwhile',
  ons4_happy: 'Happiness',
  ons4_anxious: 'Anxiety',
};

async function importMessy(mode: 'skip_invalid' | 'all_or_nothing', dryRun = false, batchSize?: number) {
  const sink = memorySink<AssessmentRecord>();
  const report = await runImport({
    rows: readRows({ kind: 'csv', stream: fixtureStream('messy-assessments.csv') }),
    mapping: MESSY_MAPPING,
    target: assessmentsSchema,
    lookups: memoryLookups({
      participants: KNOWN_PARTICIPANTS,
      instruments: [...SHIPPED_INSTRUMENTS],
      existingKeys: ['assessment:HS-008|barc10|2024-02-01|baseline'],
    }),
    sink,
    mode,
    dryRun,
    today: TODAY,
    batchSize,
  });
  return { report, sink };
}

test('the messy CSV: valid rows imported and every problem explained', async () => {
  const { report, sink } = await importMessy('skip_invalid');
  assert.deepEqual(report.problems.map(formatImportProblem), [
    "Row 6, column 'BARC10 Q10': '7' is not a possible answer to BARC-10 question 10. Use a number from 1 to 6, or the answer's words, for example 'Strongly agree'.",
    "Row 7, column 'Participant Code': There is no participant with the code 'HS-999'. Check the code, or add the participant (or import the participants file) first.",
    "Row 10, column 'Date (dd/mm/yyyy)': '31/02/2024' is not a real date. Use dd/mm/yyyy, for example 03/02/2024.",
    "Row 11, column 'Date (dd/mm/yyyy)': '03/13/2024' is not a real date: there is no month 13. Dates must be day first (dd/mm/yyyy). Did you mean 13/03/2024?",
  ]);
  assert.deepEqual(report.duplicates, [
    {
      row: 9,
      kind: 'within_file',
      firstRow: 2,
      message:
        'Row 9 is the same as row 2 (BARC-10 for HS-001 on 05/03/2024, baseline), so it was not imported twice. If it is a different record, check its details.',
    },
    {
      row: 13,
      kind: 'already_imported',
      firstRow: null,
      message: 'Row 13 (BARC-10 for HS-008 on 01/02/2024, baseline) is already stored, so it was skipped.',
    },
  ]);
  assert.deepEqual(
    { ...report, problems: report.problems.length, duplicates: report.duplicates.length },
    {
      target: 'assessments',
      mode: 'skip_invalid',
      dryRun: false,
      outcome: 'imported',
      rowsRead: 10,
      validRows: 4,
      invalidRows: 4,
      duplicateRows: { withinFile: 1, alreadyImported: 1 },
      imported: 4,
      problems: 4,
      problemsNotShown: 0,
      duplicates: 2,
      duplicatesNotShown: 0,
    },
  );
  // Rows 2 and 3: BARC-10 6+5+4+3+2+1+6+5+4+3 = 39 and 9x5+2 = 47; row 5: Excel serial 45360 = 09/03/2024;
  // row 12: 'Strongly agree' (6) + 'agree' (5) + 8x6 = 59, and its quoted time point keeps its comma.
  assert.deepEqual(
    sink
      .records()
      .map((imported) => [imported.rowNumber, imported.naturalKey, imported.record.scores.map((score) => score.score)]),
    [
      [2, 'assessment:HS-001|barc10|2024-03-05|baseline', [39]],
      [3, 'assessment:HS-002|barc10|2024-03-06|baseline', [47]],
      [5, 'assessment:HS-003|ons4|2024-03-09|baseline', [7, 9, 4, 6]],
      [12, 'assessment:HS-007|barc10|2024-03-10|3 months, review', [59]],
    ],
  );
  const row3 = sink.records()[1]?.record;
  assert.equal(row3?.participant_code, 'HS-002');
  assert.equal(row3?.instrument_version, '1.0.0');
  assert.deepEqual(row3?.responses, {
    barc10_1: 5,
    barc10_2: 5,
    barc10_3: 5,
    barc10_4: 5,
    barc10_5: 5,
    barc10_6: 5,
    barc10_7: 5,
    barc10_8: 5,
    barc10_9: 5,
    barc10_10: 2,
  });
});

test('the suggested mapping for the messy CSV is the one a person would choose', async () => {
  let headers: string[] = [];
  for await (const _row of readRows(
    { kind: 'csv', stream: fixtureStream('messy-assessments.csv') },
    { onHeader: (header) => (headers = header) },
  ))
    break;
  const suggestion = suggestMapping(headers, assessmentsSchema);
  assert.deepEqual(suggestion.mapping, { ...MESSY_MAPPING });
  assert.deepEqual(suggestion.missingRequired, []);
  assert.deepEqual(suggestion.unmappedHeaders, []);
});

test('all-or-nothing: every problem is still reported, and the caller is told to roll back', async () => {
  const { report } = await importMessy('all_or_nothing');
  assert.equal(report.outcome, 'rejected');
  assert.equal(report.imported, 0);
  assert.equal(report.invalidRows, 4);
  assert.equal(report.problems.length, 4);
  assert.equal(report.validRows, 4);
});

test('all-or-nothing stops writing at the first invalid row (batches of 1)', async () => {
  const { report, sink } = await importMessy('all_or_nothing', false, 1);
  assert.equal(report.outcome, 'rejected');
  // Rows 2, 3 and 5 were sent before row 6 proved invalid; the caller's rollback removes them.
  assert.deepEqual(
    sink.records().map((record) => record.rowNumber),
    [2, 3, 5],
  );
});

test('a dry run validates everything but writes nothing', async () => {
  const { report, sink } = await importMessy('skip_invalid', true);
  assert.equal(report.outcome, 'dry_run');
  assert.equal(report.validRows, 4);
  assert.equal(report.imported, 0);
  assert.equal(sink.batches.length, 0);
});

test('importing the same file twice adds nothing', async () => {
  const stored: string[] = [];
  const lookups = memoryLookups({ participants: KNOWN_PARTICIPANTS, instruments: [...SHIPPED_INSTRUMENTS] });
  lookups.existingRecordKeys = async (_target, keys) => new Set(keys.filter((key) => stored.includes(key)));
  const sink = {
    write: async (records: { naturalKey: string }[]) => void stored.push(...records.map((record) => record.naturalKey)),
  };
  const run = () =>
    runImport({
      rows: readRows({ kind: 'csv', stream: fixtureStream('messy-assessments.csv') }),
      mapping: MESSY_MAPPING,
      target: assessmentsSchema,
      lookups,
      sink,
      mode: 'skip_invalid',
      dryRun: false,
      today: TODAY,
    });
  const first = await run();
  const second = await run();
  assert.equal(first.imported, 5);
  assert.equal(second.imported, 0);
  assert.deepEqual(second.duplicateRows, { withinFile: 1, alreadyImported: 5 });
  assert.equal(stored.length, 5);
});

test('participants: codes, choices, yes/no and dates are read loosely but checked strictly', async () => {
  let headers: string[] = [];
  const rows = readRows(
    { kind: 'csv', stream: fixtureStream('participants.csv') },
    { onHeader: (header) => (headers = header) },
  );
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const suggestion = suggestMapping(headers, PARTICIPANTS_SCHEMA);
  assert.deepEqual(suggestion.mapping, {
    code: 'Client ID',
    first_name: 'First name',
    age_band: 'Age group',
    gender: 'Gender',
    ethnicity: 'Ethnic group',
    local_authority: 'Local authority',
    consent_record: 'Consent to record',
    consent_network: 'Consent to share',
    consent_contact: 'OK to contact',
    consent_date: 'Date of consent',
  });
  const sink = memorySink<ParticipantRecord>();
  const report = await runImport({
    rows: (async function* () {
      if (!first.done) yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
    headers,
    mapping: suggestion.mapping,
    target: PARTICIPANTS_SCHEMA,
    lookups: memoryLookups({}),
    sink,
    mode: 'skip_invalid',
    dryRun: false,
    today: TODAY,
  });
  assert.deepEqual(report.problems.map(formatImportProblem), [
    "Row 5, column 'Client ID': 'HS 004' is not a valid participant code. Codes use letters, digits, hyphens, underscores, dots or slashes, with no spaces, and are at most 40 characters.",
    "Row 5, column 'Age group': '21' is not one of the choices for the age band. Use one of: 16-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+, Prefer not to say.",
    "Row 5, column 'Consent to record': 'maybe' is not one of the choices for the consent to keep a record. Use one of: Yes, No.",
    "Row 5, column 'Date of consent': '04/02/24' has a two-digit year, so the century is unclear. Write the year in full, for example 04/02/2024.",
    "Row 6, column 'Consent to record': Consent to keep a record is No, so this person cannot be added. Leave them out of the file, or check the answer with them.",
  ]);
  assert.deepEqual(
    report.duplicates.map((duplicate) => duplicate.message),
    [
      'Row 7 is the same as row 2 (participant HS-001), so it was not imported twice. If it is a different record, check its details.',
    ],
  );
  assert.deepEqual(
    sink.records().map((imported) => imported.record),
    [
      {
        code: 'HS-001',
        first_name: 'Sam',
        age_band: '25-34',
        gender: 'Woman',
        ethnicity: 'White British',
        local_authority: 'Leeds',
        consent_record: true,
        consent_network: true,
        consent_contact: false,
        consent_date: '2024-02-03',
      },
      {
        code: 'HS-002',
        first_name: 'Alex',
        age_band: '35-44',
        gender: 'Non-binary',
        ethnicity: null,
        local_authority: 'Bradford',
        consent_record: true,
        consent_network: false,
        consent_contact: true,
        consent_date: '2024-02-04',
      },
      {
        code: 'HS-003',
        first_name: null,
        age_band: '65+',
        gender: null,
        ethnicity: null,
        local_authority: null,
        consent_record: true,
        consent_network: false,
        consent_contact: null,
        consent_date: null,
      },
    ],
  );
});

test('a mapping that does not fit the file stops the import before any row is used', async () => {
  const sink = memorySink<ActivityRecord>();
  const report = await runImport({
    rows: readRows({ kind: 'csv', stream: Readable.from(['Day,What,People\n03/02/2024,Group,12\n']) }),
    mapping: { date: 'Day', activity_type: 'Activity' },
    target: ACTIVITIES_SCHEMA,
    lookups: memoryLookups({}),
    sink,
    mode: 'skip_invalid',
    dryRun: false,
    today: TODAY,
  });
  assert.equal(report.outcome, 'rejected');
  assert.equal(report.rowsRead, 0);
  assert.deepEqual(report.problems.map(formatImportProblem), [
    "column 'Activity': The file has no column called 'Activity' for the activity type. Check the heading in row 1 of the file, or choose the right column.",
    'No column is chosen for the attendance, which every row needs. Add a column for the attendance to the file, or choose which existing column holds it.',
  ]);
});

test('a file with headings but no data says so', async () => {
  const report = await runImport({
    rows: readRows({ kind: 'csv', stream: Readable.from(['Date,Activity,Attendance\r\n\r\n']) }),
    headers: ['Date', 'Activity', 'Attendance'],
    mapping: { date: 'Date', activity_type: 'Activity', attendance: 'Attendance' },
    target: ACTIVITIES_SCHEMA,
    lookups: memoryLookups({}),
    sink: memorySink<ActivityRecord>(),
    mode: 'all_or_nothing',
    dryRun: false,
    today: TODAY,
  });
  assert.equal(report.outcome, 'rejected');
  assert.deepEqual(report.problems.map(formatImportProblem), [
    'The file has no rows of data below the headings. Check you chose the right file, and that the data is on the first worksheet.',
  ]);
});

async function activitiesWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sessions');
  sheet.addRow(['Date', 'Activity', 'Attendance', 'First timers', 'Volunteers', 'Volunteer hours']);
  sheet.addRow([new Date(Date.UTC(2024, 2, 4)), 'Peer support group', 14, 2, 3, 7.5]); // 2: a real Excel date
  sheet.addRow([45357, 'Walking group', 8, null, 2, 4]); // 3: an unformatted serial (06/03/2024)
  sheet.addRow([]); // 4: blank
  sheet.addRow(['14/03/2024', 'Recovery café', '20', '25', 1, '2,5']); // 5: dates typed as text; two problems
  sheet.addRow([new Date(Date.UTC(2024, 2, 4)), 'peer support group', 9, 0, 0, 0]); // 6: same date and type as row 2
  sheet.addRow([
    { formula: 'DATE(2024,3,18)', result: new Date(Date.UTC(2024, 2, 18)) },
    { richText: [{ text: 'Art ' }, { text: 'group' }] },
    { formula: '5+6', result: 11 },
    null,
    null,
    null,
  ]); // 7
  workbook.addWorksheet('Notes').addRow(['Ignored: only the first worksheet is read']);
  sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('an XLSX activities file: real dates, serials, formulas and rich text; all-or-nothing rejects it', async () => {
  const buffer = await activitiesWorkbook();
  let headers: string[] = [];
  for await (const _row of readRows(
    { kind: 'xlsx', stream: Readable.from([buffer]) },
    { onHeader: (header) => (headers = header) },
  ))
    break;
  const suggestion = suggestMapping(headers, ACTIVITIES_SCHEMA);
  assert.deepEqual(suggestion.mapping, {
    date: 'Date',
    activity_type: 'Activity',
    attendance: 'Attendance',
    first_time_attendees: 'First timers',
    volunteers: 'Volunteers',
    volunteer_hours: 'Volunteer hours',
  });

  const run = (mode: 'all_or_nothing' | 'skip_invalid') => {
    const sink = memorySink<ActivityRecord>();
    const report = runImport({
      rows: readRows({ kind: 'xlsx', stream: Readable.from([buffer]) }),
      mapping: suggestion.mapping,
      target: ACTIVITIES_SCHEMA,
      lookups: memoryLookups({}),
      sink,
      mode,
      dryRun: false,
      today: TODAY,
    });
    return report.then((result) => ({ report: result, sink }));
  };

  const strict = await run('all_or_nothing');
  assert.equal(strict.report.outcome, 'rejected');
  assert.deepEqual(strict.report.problems.map(formatImportProblem), [
    "Row 5, column 'Volunteer hours': '2,5' uses a comma as the decimal point. Use a full stop instead, for example 2.5.",
    "Row 5, column 'First timers': 25 first-time attendees is more than the attendance of 20. First-time attendees are counted within the attendance, so check both numbers.",
  ]);
  assert.equal(strict.sink.batches.length, 0);

  const lenient = await run('skip_invalid');
  assert.equal(lenient.report.outcome, 'imported');
  assert.deepEqual(
    {
      rowsRead: lenient.report.rowsRead,
      valid: lenient.report.validRows,
      invalid: lenient.report.invalidRows,
      duplicates: lenient.report.duplicateRows,
    },
    { rowsRead: 5, valid: 3, invalid: 1, duplicates: { withinFile: 1, alreadyImported: 0 } },
  );
  assert.deepEqual(
    lenient.report.duplicates[0]?.message,
    'Row 6 is the same as row 2 (peer support group on 04/03/2024), so it was not imported twice. If it is a different record, check its details.',
  );
  assert.deepEqual(
    lenient.sink.records().map((imported) => [imported.rowNumber, imported.record]),
    [
      [
        2,
        {
          date: '2024-03-04',
          activity_type: 'Peer support group',
          attendance: 14,
          first_time_attendees: 2,
          volunteers: 3,
          volunteer_hours: 7.5,
        },
      ],
      [
        3,
        {
          date: '2024-03-06',
          activity_type: 'Walking group',
          attendance: 8,
          first_time_attendees: null,
          volunteers: 2,
          volunteer_hours: 4,
        },
      ],
      [
        7,
        {
          date: '2024-03-18',
          activity_type: 'Art group',
          attendance: 11,
          first_time_attendees: null,
          volunteers: null,
          volunteer_hours: null,
        },
      ],
    ],
  );
});

test('problems beyond the limit are counted, not kept', async () => {
  const lines = [
    'Date,Activity,Attendance',
    ...Array.from({ length: 30 }, (_, index) => `31/02/2024,Group ${index},x`),
  ];
  const report = await runImport({
    rows: readRows({ kind: 'csv', stream: Readable.from([lines.join('\n')]) }),
    mapping: { date: 'Date', activity_type: 'Activity', attendance: 'Attendance' },
    target: ACTIVITIES_SCHEMA,
    lookups: memoryLookups({}),
    sink: memorySink<ActivityRecord>(),
    mode: 'skip_invalid',
    dryRun: true,
    today: TODAY,
    limits: { maxProblems: 5, maxDuplicates: 5 },
  });
  assert.equal(report.invalidRows, 30);
  assert.equal(report.problems.length, 5);
  assert.equal(report.problemsNotShown, 55);
});
