import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffImageType } from './images.ts';

test('pictures are known by their bytes, not their names', () => {
  assert.equal(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
  assert.equal(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(
    sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')])),
    'image/webp',
  );
  assert.equal(
    sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    undefined,
  );
  assert.equal(sniffImageType(Buffer.from('<html><img src=x onerror=alert(1)>')), undefined);
  assert.equal(sniffImageType(Buffer.from('RIFF....WAVE')), undefined);
  assert.equal(sniffImageType(Buffer.from([0xff, 0xd8])), undefined);
  assert.equal(sniffImageType(Buffer.alloc(0)), undefined);
});
