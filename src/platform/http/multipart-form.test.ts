// The multipart reader through HTTP: a small app registered the way every upload route registers
// it, with the app's own error handler. Sizes at and over the limit, too many files, bodies cut
// off, hostile file names, wrong types and encodings, 50 uploads at once, a handler that throws
// and a client that goes away; after each, no temporary file is left.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { registerErrorHandling } from './error-handler.tsx';
import {
  cleanUploadName,
  describeBytes,
  readMultipartForm,
  registerMultipartForms,
  uploadTempDir,
  type MultipartOptions,
} from './multipart-form.ts';

const LIMIT = 1024;
let dataDir: string;
let app: FastifyInstance;

type Part = { name: string; value?: string | Buffer; filename?: string; type?: string; headers?: string[] };

/** A multipart body from parts, written out by hand so it can be as wrong as a test needs. */
function body(parts: Part[], boundary = 'rcTestBoundary') {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition =
      p.filename === undefined
        ? `form-data; name="${p.name}"`
        : `form-data; name="${p.name}"; filename="${p.filename}"`;
    const head = [`Content-Disposition: ${disposition}`];
    if (p.filename !== undefined) head.push(`Content-Type: ${p.type ?? 'application/octet-stream'}`);
    head.push(...(p.headers ?? []));
    chunks.push(Buffer.from(`--${boundary}\r\n${head.join('\r\n')}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value ?? ''));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const file = (bytes: number, extra: Partial<Part> = {}): Part => ({
  name: 'file',
  filename: 'notes.txt',
  value: Buffer.alloc(bytes, 'a'),
  ...extra,
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20)]);

const tempFiles = () => readdir(uploadTempDir(dataDir));

/** What a handler saw, with the temporary file's content read while the request still runs. */
async function describeForm(form: Awaited<ReturnType<typeof readMultipartForm>>) {
  return {
    fields: form.fields,
    files: await Promise.all(
      form.files.map(async (f) => ({
        fieldName: f.fieldName,
        filename: f.filename,
        mimetype: f.mimetype,
        sniffedType: f.sniffedType ?? null,
        bytes: f.bytes,
        onDisk: (await readFile(f.path)).length,
        underDataDir: f.path.startsWith(uploadTempDir(dataDir) + path.sep),
      })),
    ),
  };
}

before(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-multipart-'));
  app = Fastify();
  registerErrorHandling(app, false, ({ status, message }) => h('p', null, `${status} ${message}`));
  await app.register(async (scope) => {
    await registerMultipartForms(scope, { dataDir });
    const route = (url: string, options: MultipartOptions<z.ZodType | undefined>) =>
      scope.post(url, async (req) => describeForm(await readMultipartForm(req, options)));
    route('/api/one', { maxFileBytes: LIMIT, requireFile: true });
    route('/api/three', { maxFileBytes: LIMIT, maxFiles: 3 });
    route('/api/pictures', { maxFileBytes: LIMIT, maxFiles: 2, allowedTypes: ['image/png'], fileFields: ['picture'] });
    route('/api/words', { maxFileBytes: LIMIT, messages: { too_large: 'That note is too long for us.' } });
    route('/api/schema', {
      maxFileBytes: LIMIT,
      fields: z.object({ kind: z.enum(['photo', 'notes'], { error: 'Choose a kind' }), note: z.string().optional() }),
    });
    scope.post('/api/slow', async (req) => {
      const form = await readMultipartForm(req, { maxFileBytes: LIMIT });
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
      return describeForm(form);
    });
    scope.post('/api/throws', async (req) => {
      const form = await readMultipartForm(req, { maxFileBytes: LIMIT });
      assert.ok(existsSync(form.files[0]!.path));
      throw new Error('the handler broke after reading');
    });
  });
  // Not registered here: multipart is refused as the app refuses any body it has no parser for.
  app.post('/api/elsewhere', async () => ({ ok: true }));
  await app.ready();
});
after(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  assert.deepEqual(await tempFiles(), [], 'no temporary file is left after a request');
});

const post = (url: string, b: { payload: Buffer; headers: Record<string, string> }) =>
  app.inject({ method: 'POST', url, ...b });
const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;

describe('sizes', () => {
  test('a file of exactly the limit is taken, to the byte, in a temporary file under the data directory', async () => {
    const res = await post('/api/one', body([{ name: 'note', value: ' hello ' }, file(LIMIT)]));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      fields: { note: 'hello' },
      files: [
        {
          fieldName: 'file',
          filename: 'notes.txt',
          mimetype: 'application/octet-stream',
          sniffedType: null,
          bytes: LIMIT,
          onDisk: LIMIT,
          underDataDir: true,
        },
      ],
    });
  });

  test('one byte over the limit is a 413 that says the limit in plain words', async () => {
    const res = await post('/api/one', body([file(LIMIT + 1)]));
    assert.equal(res.statusCode, 413);
    assert.deepEqual(errorOf(res), { code: 'payload_too_large', message: 'The file must be 1 kB or smaller.' });
    const far = await post('/api/one', body([file(LIMIT * 50)]));
    assert.equal(far.statusCode, 413);
  });

  test("a route's own words are used where it has them", async () => {
    const res = await post('/api/words', body([file(LIMIT + 1)]));
    assert.equal(res.statusCode, 413);
    assert.equal(errorOf(res).message, 'That note is too long for us.');
  });

  test('a text field over its length, or too many fields, is a 413, never cut short silently', async () => {
    const long = await post('/api/three', body([{ name: 'note', value: 'x'.repeat(1001) }]));
    assert.equal(long.statusCode, 413);
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const res = await post('/api/three', body([...many, file(10)]));
    assert.equal(res.statusCode, 413, res.body);
    // a flood of parts is refused too, and the body is still read to its end
    const flood = await post(
      '/api/three',
      body(Array.from({ length: 500 }, (_, i) => ({ name: `f${i}`, value: 'v' }))),
    );
    assert.equal(flood.statusCode, 413);
  });

  test('describeBytes says sizes as people do', () => {
    assert.equal(describeBytes(2 * 1024 * 1024), '2 MB');
    assert.equal(describeBytes(100 * 1024 * 1024), '100 MB');
    assert.equal(describeBytes(1.5 * 1024 * 1024), '1.5 MB');
    assert.equal(describeBytes(512 * 1024), '512 kB');
    assert.equal(describeBytes(1), '1 byte');
  });
});

describe('files', () => {
  test('more files than allowed is a 413 and keeps none of them', async () => {
    const two = await post('/api/one', body([file(10), file(10, { filename: 'second.txt' })]));
    assert.equal(two.statusCode, 413);
    assert.deepEqual(errorOf(two), { code: 'payload_too_large', message: 'Send one file at a time.' });
    const three = await post('/api/three', body([file(10), file(20), file(30)]));
    assert.equal(three.statusCode, 200);
    assert.deepEqual(
      (three.json() as { files: { bytes: number }[] }).files.map((f) => f.bytes),
      [10, 20, 30],
    );
    const four = await post('/api/three', body([file(10), file(20), file(30), file(40)]));
    assert.equal(four.statusCode, 413);
    assert.equal(errorOf(four).message, 'Send at most 3 files at a time.');
  });

  test('no file, or only the empty part a browser sends when none was chosen, is a 400 where one is needed', async () => {
    const none = await post('/api/one', body([{ name: 'note', value: 'x' }]));
    assert.equal(none.statusCode, 400);
    assert.deepEqual(errorOf(none), { code: 'bad_request', message: 'Choose a file to upload.' });
    const empty = await post('/api/one', body([file(0, { filename: '' })]));
    assert.equal(empty.statusCode, 400);
    const optional = await post('/api/three', body([file(0, { filename: '' })]));
    assert.equal(optional.statusCode, 200);
    assert.deepEqual((optional.json() as { files: unknown[] }).files, []);
  });

  test('a file in a field not asked for is read and dropped', async () => {
    const res = await post(
      '/api/pictures',
      body([file(10, { name: 'other' }), { ...file(0), name: 'picture', value: PNG, filename: 'a.png' }]),
    );
    assert.equal(res.statusCode, 200, res.body);
    const files = (res.json() as { files: { fieldName: string; sniffedType: string }[] }).files;
    assert.deepEqual(
      files.map((f) => [f.fieldName, f.sniffedType]),
      [['picture', 'image/png']],
    );
  });

  test('a file whose bytes are not an allowed type is a 415, whatever its name and declared type say', async () => {
    const res = await post(
      '/api/pictures',
      body([{ name: 'picture', filename: 'a.png', type: 'image/png', value: '<svg onload="alert(1)"/>' }]),
    );
    assert.equal(res.statusCode, 415);
    assert.equal(errorOf(res).code, 'unsupported_media_type');
  });
});

describe('names, encodings and bodies sent wrong', () => {
  test('file names lose paths, NUL and control characters, direction overrides and undecodable bytes', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\win.ini', 'win.ini'],
      ['..', ''],
      ['a\u0000b\u0001c\u007f.csv', 'abc.csv'],
      ['tab\there.csv', 'tabhere.csv'],
      ['evil\u202egnp.exe', 'evilgnp.exe'],
      ['  spaced   out.csv  ', 'spaced out.csv'],
      ['cafe\u0301.csv', 'café.csv'],
    ];
    for (const [raw, clean] of names) {
      const res = await post('/api/three', body([file(3, { filename: raw })]));
      assert.equal(res.statusCode, 200, `${JSON.stringify(raw)}: ${res.body}`);
      const files = (res.json() as { files: { filename: string }[] }).files;
      assert.equal(files[0]?.filename ?? '', clean, JSON.stringify(raw));
    }
    assert.equal(cleanUploadName('x'.repeat(400) + '.xlsx').length, 255);
    assert.match(cleanUploadName('x'.repeat(400) + '.xlsx'), /\.xlsx$/);
    assert.equal(cleanUploadName(Buffer.from([0x63, 0xe9, 0x2e, 0x63]).toString('utf8')), 'c_.c');
  });

  test('a NUL byte in a text field is a 400, as it is in any other form', async () => {
    const res = await post('/api/three', body([{ name: 'note', value: 'a\u0000b' }]));
    assert.equal(res.statusCode, 400);
    assert.match(errorOf(res).message, /null byte/);
  });

  test('a text field that is not UTF-8, or a part in base64, is a 400 saying the encoding is wrong', async () => {
    const latin1 = await post('/api/three', body([{ name: 'note', value: Buffer.from([0x63, 0x61, 0x66, 0xe9]) }]));
    assert.equal(latin1.statusCode, 400);
    assert.match(errorOf(latin1).message, /encoding/);
    const base64 = await post(
      '/api/three',
      body([
        file(0, { value: Buffer.from('hello').toString('base64'), headers: ['Content-Transfer-Encoding: base64'] }),
      ]),
    );
    assert.equal(base64.statusCode, 400);
    assert.match(errorOf(base64).message, /encoding/);
  });

  test('a body cut off (in a file, between parts, before the end) is a 400, and the part already saved goes', async () => {
    const whole = body([{ name: 'note', value: 'x' }, file(900), file(100, { filename: 'b.txt' })]).payload;
    for (const cut of [whole.length - 10, 600, 1000, 60]) {
      const res = await post('/api/three', {
        payload: whole.subarray(0, cut),
        headers: { 'content-type': 'multipart/form-data; boundary=rcTestBoundary' },
      });
      assert.equal(res.statusCode, 400, `cut at ${cut}: ${res.body}`);
      assert.deepEqual(errorOf(res), {
        code: 'bad_request',
        message: "We couldn't read the upload. Please choose the file and send it again.",
      });
    }
  });

  test('a malformed header, a missing or wrong boundary, is a 400', async () => {
    const bodies = [
      { payload: Buffer.from('--x\r\nContent-Disposition: form-data; name="q"\r\n\r\nv\r\n'), type: 'boundary=x' },
      { payload: body([file(5)]).payload, type: 'boundary=other' },
      { payload: body([file(5)]).payload, type: '' },
      {
        payload: Buffer.from('--a"b\r\nContent-Disposition: form-data; name="q"\r\n\r\nv\r\n--a"b--\r\n'),
        type: 'boundary=a"b',
      },
    ];
    for (const { payload, type } of bodies) {
      const res = await post('/api/three', {
        payload,
        headers: { 'content-type': `multipart/form-data${type ? `; ${type}` : ''}` },
      });
      assert.equal(res.statusCode, 400, `${type}: ${res.body}`);
      assert.match(errorOf(res).message, /couldn't read the upload/);
    }
    // A part with no Content-Disposition is no field at all (RFC 7578): where a file is needed, none came.
    const nameless = await post('/api/one', {
      payload: Buffer.from('--x\r\nNo-Colon-Here\r\n\r\nv\r\n--x--\r\n'),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    assert.equal(nameless.statusCode, 400);
    assert.equal(errorOf(nameless).message, 'Choose a file to upload.');
  });

  test('a form that is not multipart is a 400; a type nobody reads is a 415; no route outside the plugin reads multipart', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/one', payload: { file: 'x' } });
    assert.equal(json.statusCode, 400);
    assert.deepEqual(errorOf(json), { code: 'bad_request', message: 'Send the file with the form on the page.' });
    const xml = await app.inject({
      method: 'POST',
      url: '/api/one',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(xml.statusCode, 415);
    const elsewhere = await post('/api/elsewhere', body([file(5)]));
    assert.equal(elsewhere.statusCode, 415);
  });

  test('text fields can be parsed by a zod schema: a failure is a 400 with a message per field', async () => {
    const ok = await post(
      '/api/schema',
      body([
        { name: 'kind', value: ' photo ' },
        { name: '_csrf', value: 't' },
      ]),
    );
    assert.equal(ok.statusCode, 200);
    assert.deepEqual((ok.json() as { fields: unknown }).fields, { kind: 'photo' });
    const bad = await post('/api/schema', body([{ name: 'kind', value: 'film' }, file(5)]));
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json(), {
      error: { code: 'validation', message: 'Choose a kind', fields: { kind: 'Choose a kind' } },
    });
  });
});

describe('temporary files', () => {
  test('50 uploads at once each get their own file, and none is left', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('/api/slow', body([{ name: 'n', value: String(i) }, file(i * 20, { filename: `f${i}.txt` })])),
      ),
    );
    results.forEach((res, i) => {
      assert.equal(res.statusCode, 200, res.body);
      const got = res.json() as { fields: { n: string }; files: { filename: string; bytes: number; onDisk: number }[] };
      assert.equal(got.fields.n, String(i));
      assert.deepEqual(
        [got.files[0]!.filename, got.files[0]!.bytes, got.files[0]!.onDisk],
        [`f${i}.txt`, i * 20, i * 20],
      );
    });
  });

  test('a handler that throws after reading still has its files removed (and the answer is a plain 500)', async () => {
    const res = await post('/api/throws', body([file(100)]));
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /handler broke/);
  });

  test('over a real connection: a file over the limit is refused while the body is still read, and a client that goes away leaves nothing', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const b = body([file(LIMIT * 200)]);
    const res = await fetch(`http://127.0.0.1:${port}/api/one`, {
      method: 'POST',
      body: b.payload,
      headers: b.headers,
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /1 kB or smaller/);

    // Half a file, then the client is gone.
    const whole = body([file(LIMIT - 1)]).payload;
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/slow',
        headers: { ...b.headers, 'content-length': String(whole.length) },
      });
      req.on('error', () => resolve());
      req.write(whole.subarray(0, 600));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    for (let i = 0; i < 50 && (await tempFiles()).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  });
});
