// Parsing runs in a worker thread: the web server's event loop only moves bytes in and rows out,
// so a file built to be slow (or large) to parse can't delay other requests. The worker has its
// own memory ceiling, so a workbook that unzips to more than it claimed stops the worker, not the
// server, and a time budget stops one that would take too long. At most WORKER_SLOTS parse at
// once in a process; others wait their turn.
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { FileReadError } from './file-read-error.ts';
import type { ImportProblem } from './import-problem.ts';
import type { NumberedCells } from './read-csv-rows.ts';
import type { FileSource } from './read-rows.ts';

export type WorkerOptions = Omit<FileSource, 'stream' | 'inProcess'>;
export type ToWorker = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'ack' };
export type FromWorker =
  | { type: 'need' }
  | { type: 'rows'; rows: NumberedCells[] }
  | { type: 'done' }
  | { type: 'problem'; problem: ImportProblem }
  | { type: 'failed'; message: string };

/** How many files one process parses at the same time. */
export const WORKER_SLOTS = 2;
/** The worker's heap ceiling. */
export const WORKER_HEAP_MB = 256;
/** The longest one parse may take. */
export const WORKER_TIME_BUDGET_MS = 10 * 60 * 1000;

const TS_WORKER = new URL('../../../../platform/db/ts-worker.js', import.meta.url);
const PARSE_WORKER = new URL('./parse-worker.ts', import.meta.url).href;

let free = WORKER_SLOTS;
const waiting: Array<() => void> = [];
async function takeSlot(): Promise<() => void> {
  if (free > 0) free -= 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
}

const tooBig = () =>
  new FileReadError({
    row: null,
    column: null,
    problem: 'The file is too large to read: it unpacks to far more than its size suggests.',
    howToFix: 'Save the sheet you need as CSV, or split the workbook into smaller ones.',
  });
const tooSlow = () =>
  new FileReadError({
    row: null,
    column: null,
    problem: 'The file took too long to read.',
    howToFix: 'Save the sheet you need as CSV, or split it into smaller files.',
  });

type Event =
  | FromWorker
  | { type: 'crash'; error: Error }
  | { type: 'source-error'; error: unknown }
  | { type: 'timeout' };

export async function* rowsInWorker(source: FileSource): AsyncGenerator<NumberedCells> {
  const release = await takeSlot();
  const { stream, inProcess: _ignored, ...options } = source;
  const worker = new Worker(TS_WORKER, {
    workerData: { ...options, __tsModule: PARSE_WORKER },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
  });
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (e: Event) => {
    events.push(e);
    wake?.();
  };
  const bytes = (stream as Readable)[Symbol.asyncIterator]();
  const pump = async () => {
    try {
      const next = await bytes.next();
      if (next.done) worker.postMessage({ type: 'end' } satisfies ToWorker);
      else {
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
        worker.postMessage({ type: 'chunk', bytes: chunk } satisfies ToWorker);
      }
    } catch (error) {
      push({ type: 'source-error', error });
    }
  };
  worker.on('message', (m: FromWorker) => (m.type === 'need' ? void pump() : push(m)));
  worker.on('error', (error) => push({ type: 'crash', error }));
  worker.on('exit', () => push({ type: 'failed', message: 'the reader stopped' }));
  const timer = setTimeout(() => push({ type: 'timeout' }), WORKER_TIME_BUDGET_MS);
  try {
    for (;;) {
      while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const e = events.shift()!;
      switch (e.type) {
        case 'rows':
          yield* e.rows;
          worker.postMessage({ type: 'ack' } satisfies ToWorker);
          break;
        case 'done':
          return;
        case 'problem':
          throw new FileReadError(e.problem);
        case 'crash':
          if ((e.error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw tooBig();
          throw e.error;
        case 'timeout':
          throw tooSlow();
        case 'source-error':
          throw e.error;
        case 'failed':
          throw new Error(`Reading the file failed: ${e.message}`);
        case 'need':
          break;
      }
    }
  } finally {
    clearTimeout(timer);
    worker.removeAllListeners('exit');
    await worker.terminate();
    release();
    if (!(stream as Readable).destroyed) (stream as Readable).destroy();
  }
}
