// The worker thread that parses an upload (see rows-in-worker.ts). Bytes arrive as messages when
// it asks for them; rows go back in batches, and it waits for each batch to be taken, so neither
// side ever holds more than a batch. A file it cannot read becomes one problem message.
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { FileReadError } from './file-read-error.ts';
import { localNonBlankRows, type FileSource } from './read-rows.ts';
import type { NumberedCells } from './read-csv-rows.ts';
import type { ToWorker, FromWorker, WorkerOptions } from './rows-in-worker.ts';

const port = parentPort!;
const options = workerData as WorkerOptions;
const BATCH = 500;

let acked: (() => void) | null = null;
const input = new Readable({ read: () => send({ type: 'need' }) });
port.on('message', (m: ToWorker) => {
  if (m.type === 'chunk') input.push(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
  else if (m.type === 'end') input.push(null);
  else if (m.type === 'ack') acked?.();
});

function send(m: FromWorker): void {
  port.postMessage(m);
}

async function main(): Promise<void> {
  const source: FileSource = { ...options, stream: input, inProcess: true };
  let batch: NumberedCells[] = [];
  const flush = async () => {
    const taken = new Promise<void>((resolve) => (acked = resolve));
    send({ type: 'rows', rows: batch });
    batch = [];
    await taken;
  };
  try {
    for await (const row of localNonBlankRows(source)) {
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    send({ type: 'done' });
  } catch (err) {
    if (err instanceof FileReadError) send({ type: 'problem', problem: err.problem });
    else send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

await main();
port.close();
