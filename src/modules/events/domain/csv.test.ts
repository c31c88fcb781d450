import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvLine } from './csv.ts';

test('formulas are defused and quoting is right', () => {
  assert.equal(csvLine(['=HYPERLINK("x")', '+1', '-2', '@a', 'plain', 'a,b', 'line\nbreak', 3]), `"'=HYPERLINK(""x"")",'+1,'-2,'@a,plain,"a,b","line\nbreak",3\r\n`);
});
