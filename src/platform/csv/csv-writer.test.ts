import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvFile, csvStream } from './csv-writer.ts';

test('text that a spreadsheet would run is neutralised; numbers stay numbers; quoting is right', () => {
  assert.equal(
    csvFile([['=HYPERLINK("x")', '+1', '-2', '@a', '\tt', '\rr', 'plain', 'a,b', 'line\nbreak', 3, -2.5, null, true]]),
    `"'=HYPERLINK(""x"")",'+1,'-2,'@a,'\tt,"'\rr",plain,"a,b","line\nbreak",3,-2.5,,true\r\n`,
  );
  assert.equal(csvFile([['a']], { bom: true }), '\uFEFFa\r\n');
});

test('a streamed file is the same as a whole one', async () => {
  let out = '';
  for await (const chunk of csvStream(
    ['h', 'v'],
    (async function* () {
      yield [['-x', -1]];
      yield [['@y', 2]];
    })(),
    { bom: true },
  ))
    out += chunk;
  assert.equal(
    out,
    csvFile(
      [
        ['h', 'v'],
        ['-x', -1],
        ['@y', 2],
      ],
      { bom: true },
    ),
  );
});
