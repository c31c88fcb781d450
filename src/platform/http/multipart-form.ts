// The one reader of multipart (upload) forms. Each file streams to a temporary file under the
// data directory, never into memory, with its size limit enforced as it streams; the text fields
// come back as trimmed strings (or parsed by a zod schema). Every upload sent wrong becomes an
// UploadError, an AppError with the right status and a message in plain words (413 too large,
// 400 not multipart / unreadable / wrong encoding / missing file, 415 wrong type), never a 500.
// The temporary files go when the response is sent, whatever the handler did, and when the
// client goes away first.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, type ErrorCode } from './errors.ts';
import { formValues } from './forms.ts';

/** What went wrong with an upload; each has a status and a default message. */
export type UploadProblem =
  | 'not_multipart'
  | 'unreadable'
  | 'wrong_encoding'
  | 'missing_file'
  | 'too_large'
  | 'too_many_files'
  | 'too_many_fields'
  | 'field_too_long'
  | 'wrong_type';

const CODE: Record<UploadProblem, ErrorCode> = {
  not_multipart: 'bad_request',
  unreadable: 'bad_request',
  wrong_encoding: 'bad_request',
  missing_file: 'bad_request',
  too_large: 'payload_too_large',
  too_many_files: 'payload_too_large',
  too_many_fields: 'payload_too_large',
  field_too_long: 'payload_too_large',
  wrong_type: 'unsupported_media_type',
};

/** An upload refused before the route saw it. `problem` says why; status and message as for any AppError. */
export class UploadError extends AppError {
  override name = 'UploadError';
  /** The text fields that came with it (trimmed), so the form can show again what was typed. */
  values: Record<string, string> = {};
  constructor(
    readonly problem: UploadProblem,
    message: string,
  ) {
    super(CODE[problem], message);
  }
}

export interface UploadedFile {
  /** The form field it came in. */
  fieldName: string;
  /** The name it had on the sender's computer, made safe to show and store (no path, no control characters); '' when none. */
  filename: string;
  /** What the sender said it is: a claim, not a fact. */
  mimetype: string;
  /** What its first bytes say it is (sniffFileType, or the caller's sniff), undefined when none we know. */
  sniffedType: string | undefined;
  /** The temporary file holding it, removed at the end of the request. */
  path: string;
  bytes: number;
}

export interface MultipartOptions<S extends z.ZodType | undefined = undefined> {
  /** Largest file, in bytes: a file of exactly this many is taken, one byte more is refused (413). */
  maxFileBytes: number;
  /** Most files in one form (413 beyond). Default 1. */
  maxFiles?: number;
  /** Most text fields besides _csrf (413 beyond). Default 10. */
  maxFields?: number;
  /** Longest text field, in bytes (413 beyond). Default 1000. */
  maxFieldBytes?: number;
  /** The field names a file may come in; a file in any other is read and dropped. Default: any. */
  fileFields?: readonly string[];
  /** At least one file must come (400 missing_file). */
  requireFile?: boolean;
  /** Sniffed types a file may be (415 beyond). Default: any. */
  allowedTypes?: readonly string[];
  /** How a file's first bytes are sniffed. Default sniffFileType. */
  sniff?: (head: Buffer) => string | undefined;
  /** Parses the text fields (trimmed, empty as missing, as parseForm does); a failure is a 400 with a message per field. */
  fields?: S;
  /** The route's own words for each problem, where it has them. */
  messages?: Partial<Record<UploadProblem, string>>;
}

export interface MultipartForm<F> {
  fields: F;
  files: UploadedFile[];
  /** The first file that came in this field. */
  file(fieldName: string): UploadedFile | undefined;
  /** Removes the temporary files now (they go at the end of the request anyway). */
  dispose(): Promise<void>;
}

/** A size in plain words: 2 MB, 500 kB, 100 bytes. */
export function describeBytes(n: number): string {
  const mb = 1024 * 1024;
  const round = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1).replace(/\.0$/, ''));
  if (n >= mb) return `${round(n / mb)} MB`;
  if (n >= 1024) return `${round(n / 1024)} kB`;
  return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
}

function defaultMessage(problem: UploadProblem, o: MultipartOptions<z.ZodType | undefined>): string {
  const maxFiles = o.maxFiles ?? 1;
  switch (problem) {
    case 'not_multipart':
      return 'Send the file with the form on the page.';
    case 'unreadable':
      return "We couldn't read the upload. Please choose the file and send it again.";
    case 'wrong_encoding':
      return 'The form was sent in an encoding we cannot read. Please send it again from the page.';
    case 'missing_file':
      return 'Choose a file to upload.';
    case 'too_large':
      return `The file must be ${describeBytes(o.maxFileBytes)} or smaller.`;
    case 'too_many_files':
      return maxFiles === 1 ? 'Send one file at a time.' : `Send at most ${maxFiles} files at a time.`;
    case 'too_many_fields':
      return 'The form has more fields than we accept. Please send it again from the page.';
    case 'field_too_long':
      return `Something typed in the form is longer than we accept (${describeBytes(o.maxFieldBytes ?? 1000)}).`;
    case 'wrong_type':
      return 'That kind of file is not accepted here.';
  }
}

const NUL_MESSAGE =
  "Something you sent contains a hidden character (a null byte) that we can't accept. Please remove it and try again.";

/**
 * A sender's file name made safe to show and store: the last part of any path, no control,
 * line-separating or direction-changing characters, undecodable bytes as "_", at most 255
 * characters keeping the extension; '' when nothing is left. It is never used as a path.
 */
export function cleanUploadName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/\uFFFD/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^\.*$/.test(clean)) return '';
  const chars = Array.from(clean);
  if (chars.length <= 255) return clean;
  const ext = /\.[\p{L}\p{N}]{1,16}$/u.exec(clean)?.[0] ?? '';
  return chars.slice(0, 255 - ext.length).join('') + ext;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** What a file's first bytes say it is, for the common types; undefined for anything else. */
export function sniffFileType(head: Uint8Array): string | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  return undefined;
}

/** Bytes kept from the start of each file for sniffing. */
const HEAD_BYTES = 4096;
/** Temporary files older than this, left by a process that stopped mid-upload, are swept at start. */
const STALE_MS = 24 * 60 * 60 * 1000;

interface RequestUploads {
  dir: string;
  paths: string[];
  ended: boolean;
}

const uploadsOf = new WeakMap<FastifyRequest, RequestUploads>();
const swept = new Set<string>();

async function removeFiles(state: RequestUploads): Promise<void> {
  const paths = state.paths.splice(0);
  await Promise.all(paths.map((p) => unlink(p).catch(() => undefined)));
}

/** Where uploads wait while their request runs. */
export function uploadTempDir(dataDir: string): string {
  return path.resolve(dataDir, 'tmp', 'uploads');
}

/**
 * Lets the routes of this plugin (and only these: it is encapsulated like any Fastify plugin)
 * read multipart forms with readMultipartForm. Registers @fastify/multipart for this scope and
 * the hooks that remove a request's temporary files.
 */
export async function registerMultipartForms(app: FastifyInstance, opts: { dataDir: string }): Promise<void> {
  const dir = uploadTempDir(opts.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (!swept.has(dir)) {
    swept.add(dir);
    await sweepStale(dir);
  }
  // Limits are given per form by readMultipartForm; these are only the fallback.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: 1, files: 0, fields: 0, parts: 0 },
  });
  app.addHook('onRequest', async (req, reply) => {
    const state: RequestUploads = { dir, paths: [], ended: false };
    uploadsOf.set(req, state);
    // The client went away before the answer: onSend and onResponse may never come.
    reply.raw.on('close', () => {
      if (reply.raw.writableFinished) return;
      state.ended = true;
      void removeFiles(state);
    });
  });
  // Before the answer goes out, so a client never sees a response while its files remain; this
  // runs for error pages too.
  app.addHook('onSend', async (req, _reply, payload) => {
    const state = uploadsOf.get(req);
    if (state) await removeFiles(state);
    return payload;
  });
  app.addHook('onResponse', async (req) => {
    const state = uploadsOf.get(req);
    if (!state) return;
    state.ended = true;
    await removeFiles(state);
  });
}

async function sweepStale(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!name.endsWith('.upload')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_MS) await unlink(file).catch(() => undefined);
  }
}

/** Errors of the multipart parser and plugin that mean the sender's form was wrong. */
function problemOf(err: unknown): UploadProblem | undefined {
  if (err instanceof UploadError) return err.problem;
  const e = err as { code?: string; statusCode?: number; message?: string };
  switch (e?.code) {
    case 'FST_FILES_LIMIT':
      return 'too_many_files';
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return 'too_many_fields';
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'too_large';
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'unreadable';
  }
  // busboy throws plain Errors (no status) for a body cut off, a malformed part header, a
  // boundary that never comes or a content type it can't take.
  if (err instanceof Error && e.statusCode === undefined) {
    if (
      /^(Unexpected end of (multipart data|form)|Malformed part header|Multipart: Boundary not found|Part terminated early|Unsupported content type|Unexpected end of file)/.test(
        err.message,
      )
    )
      return 'unreadable';
  }
  return undefined;
}

function withValues(err: UploadError, raw: Record<string, string>): UploadError {
  err.values = formValues(raw);
  return err;
}

/** Counts a file's bytes and keeps its first ones for sniffing. */
function measure(): Transform & { bytes: number; head: Buffer } {
  const head: Buffer[] = [];
  let kept = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      t.bytes += chunk.length;
      if (kept < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - kept));
        kept += Math.min(chunk.length, HEAD_BYTES - kept);
      }
      done(null, chunk);
    },
  }) as Transform & { bytes: number; head: Buffer };
  t.bytes = 0;
  Object.defineProperty(t, 'head', { get: () => Buffer.concat(head) });
  return t;
}

const TRANSFER_ENCODINGS = new Set(['7bit', '8bit', 'binary']);

/**
 * Reads the request's multipart form: text fields and files, each file in a temporary file.
 * The whole body is read even when something is wrong (the rest is dropped as it streams), so
 * the answer is never sent over a half-read upload; then the first problem is thrown as an
 * UploadError, and any file already saved is removed.
 */
export async function readMultipartForm<S extends z.ZodType | undefined = undefined>(
  req: FastifyRequest,
  options: MultipartOptions<S>,
): Promise<MultipartForm<S extends z.ZodType ? z.infer<S> : Record<string, string>>> {
  const state = uploadsOf.get(req);
  if (!state) throw new Error('readMultipartForm needs registerMultipartForms in the route’s plugin');
  const o = options as MultipartOptions<z.ZodType | undefined>;
  const refuse = (problem: UploadProblem, message?: string) =>
    new UploadError(problem, message ?? o.messages?.[problem] ?? defaultMessage(problem, o));
  if (!req.isMultipart()) throw refuse('not_multipart');

  const maxFiles = o.maxFiles ?? 1;
  const maxFields = o.maxFields ?? 10;
  const maxFieldBytes = o.maxFieldBytes ?? 1000;
  const sniff = o.sniff ?? sniffFileType;
  const raw: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let fieldCount = 0;
  let first: UploadError | undefined;
  const note = (e: UploadError) => {
    first ??= e;
  };

  try {
    for await (const part of req.parts({
      // busboy skips files past `files` and every part past `parts` by itself, so the body is
      // still read to its end. Fields are counted here rather than by busboy: after its field
      // limit it would still hand over later files, which nobody would then read.
      limits: {
        fileSize: o.maxFileBytes,
        files: maxFiles,
        fields: Number.MAX_SAFE_INTEGER, // over the fallback of none; bounded by `parts`
        fieldSize: maxFieldBytes,
        fieldNameSize: 200,
        headerPairs: 20,
        parts: maxFiles + maxFields + 2,
      },
    })) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf') continue;
        fieldCount += 1;
        if (fieldCount > maxFields) note(refuse('too_many_fields'));
        else if (part.valueTruncated || part.fieldnameTruncated) note(refuse('field_too_long'));
        else if (typeof part.value !== 'string') note(refuse('unreadable'));
        else if (part.value.includes('\u0000') || part.fieldname.includes('\u0000'))
          note(new UploadError('unreadable', NUL_MESSAGE));
        else if (part.value.includes('\uFFFD') || part.fieldname.includes('\uFFFD')) note(refuse('wrong_encoding'));
        else raw[part.fieldname] = part.value;
        continue;
      }
      const filename = cleanUploadName(part.filename);
      const wanted = !o.fileFields || o.fileFields.includes(part.fieldname);
      if (first || !wanted) {
        part.file.resume();
        continue;
      }
      if (!TRANSFER_ENCODINGS.has(part.encoding.toLowerCase())) {
        part.file.resume();
        note(refuse('wrong_encoding'));
        continue;
      }
      const file = path.join(state.dir, `${randomUUID()}.upload`);
      state.paths.push(file);
      const counter = measure();
      await pipeline(part.file, counter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      if (part.file.truncated) {
        note(refuse('too_large'));
        continue;
      }
      // A browser sends an empty part with no name when no file was chosen.
      if (counter.bytes === 0 && filename === '') continue;
      const sniffedType = counter.bytes > 0 ? sniff(counter.head) : undefined;
      if (o.allowedTypes && !(sniffedType && o.allowedTypes.includes(sniffedType))) {
        note(refuse('wrong_type'));
        continue;
      }
      files.push({
        fieldName: part.fieldname,
        filename,
        mimetype: part.mimetype,
        sniffedType,
        path: file,
        bytes: counter.bytes,
      });
    }
  } catch (err) {
    await removeFiles(state);
    const problem = problemOf(err);
    if (!problem) throw err; // ours (a full disk…), not the sender's: a 500
    throw withValues(first ?? refuse(problem), raw);
  }
  if (first) {
    await removeFiles(state);
    throw withValues(first, raw);
  }
  if (o.requireFile && files.length === 0) {
    await removeFiles(state);
    throw withValues(refuse('missing_file'), raw);
  }

  let fields: unknown = formValues(raw);
  if (o.fields) {
    const parsed = o.fields.safeParse(fields);
    if (!parsed.success) {
      await removeFiles(state);
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
      throw new AppError('validation', Object.values(errors)[0] ?? 'Check the form.', errors);
    }
    fields = parsed.data;
  }
  // The client went away while the body was read: nothing will answer, so nothing is kept.
  if (state.ended) await removeFiles(state);
  return {
    fields: fields as S extends z.ZodType ? z.infer<S> : Record<string, string>,
    files,
    file: (name) => files.find((f) => f.fieldName === name),
    dispose: () => removeFiles(state),
  };
}
