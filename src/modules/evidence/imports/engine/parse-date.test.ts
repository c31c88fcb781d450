import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excelSerialToIsoDate, parseDate, todayIso } from './parse-date.ts';

const rules = { today: '2024-06-30', earliest: '1990-01-01' };
const ok = (text: string) => {
  const result = parseDate(text, rules);
  assert.ok(result.ok, `${text}: ${!result.ok ? result.problem : ''}`);
  return result.value;
};
const problem = (text: string) => {
  const result = parseDate(text, rules);
  assert.ok(!result.ok, `${text} should be refused`);
  return `${result.problem} ${result.howToFix}`;
};

test('UK, ISO and spreadsheet styles are read day first', () => {
  assert.equal(ok('03/02/2024'), '2024-02-03');
  assert.equal(ok('3/2/2024'), '2024-02-03');
  assert.equal(ok('03-02-2024'), '2024-02-03');
  assert.equal(ok('03.02.2024'), '2024-02-03');
  assert.equal(ok('2024-02-03'), '2024-02-03');
  assert.equal(ok('2024/2/3'), '2024-02-03');
  assert.equal(ok(' 29/02/2024 '), '2024-02-29');
  assert.equal(ok('2024-02-03T00:00:00.000Z'), '2024-02-03');
});

test('Excel serial day numbers, including the 1900 leap-year bug', () => {
  assert.equal(ok('45000'), '2023-03-15');
  assert.equal(ok('45360'), '2024-03-09');
  assert.equal(ok('45360.75'), '2024-03-09');
  assert.equal(excelSerialToIsoDate(1), '1900-01-01');
  assert.equal(excelSerialToIsoDate(59), '1900-02-28');
  assert.equal(excelSerialToIsoDate(60), null); // Excel's fictional 29/02/1900
  assert.equal(excelSerialToIsoDate(61), '1900-03-01');
  assert.equal(excelSerialToIsoDate(0), null);
  assert.equal(excelSerialToIsoDate(2_958_465), '9999-12-31'); // Excel's last date
  // Past it, a Date is invalid: once a RangeError and a 500 from the volunteer-hours form (route fuzz).
  assert.equal(excelSerialToIsoDate(2_958_466), null);
  assert.equal(excelSerialToIsoDate(2_088_658_742), null);
  assert.match(problem('2088658742'), /is a number, not a date/);
  assert.match(problem('99999999999999999999999'), /is a number, not a date/);
  assert.equal(
    problem('123'),
    "'123' is a number, not a date. If it came from Excel, format the cell as a date; otherwise type the date as dd/mm/yyyy, for example 03/02/2024.",
  );
});

test('impossible, ambiguous and implausible dates are explained', () => {
  assert.equal(problem('31/02/2024'), "'31/02/2024' is not a real date. Use dd/mm/yyyy, for example 03/02/2024.");
  assert.equal(problem('29/02/2023'), "'29/02/2023' is not a real date. Use dd/mm/yyyy, for example 03/02/2024.");
  assert.equal(problem('2024-13-01'), "'2024-13-01' is not a real date. Use dd/mm/yyyy, for example 03/02/2024.");
  assert.equal(
    problem('12/31/2023'),
    "'12/31/2023' is not a real date: there is no month 31. Dates must be day first (dd/mm/yyyy). Did you mean 31/12/2023?",
  );
  assert.equal(
    problem('3/2/24'),
    "'3/2/24' has a two-digit year, so the century is unclear. Write the year in full, for example 03/02/2024.",
  );
  assert.equal(
    problem('next Tuesday'),
    "'next Tuesday' is not a date we recognise. Use dd/mm/yyyy, for example 03/02/2024.",
  );
  assert.equal(
    problem('01/07/2024'),
    "'01/07/2024' is in the future. Check the date; it cannot be later than today (30/06/2024).",
  );
  assert.equal(
    problem('01/07/1985'),
    "'01/07/1985' is before 01/01/1990, which is too long ago to be right. Check the year.",
  );
});

test('today is the UK calendar date, even just after midnight in summer time', () => {
  assert.equal(todayIso(new Date('2024-06-30T23:30:00Z')), '2024-07-01');
  assert.equal(todayIso(new Date('2024-12-31T23:30:00Z')), '2024-12-31');
});
