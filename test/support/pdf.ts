// Reads a PDF as a reader would, with poppler's pdfinfo and pdftotext, where they are installed
// (CI installs poppler-utils, so there their absence fails the test rather than skipping it).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function readPdf(
  pdf: Buffer,
  options: { layout?: boolean } = {},
): Promise<{ info: string; text: string } | undefined> {
  try {
    await run('pdfinfo', ['-v']);
  } catch {
    if (process.env.CI) assert.fail('CI installs poppler-utils: pdfinfo should be here');
    return undefined;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const info = (await run('pdfinfo', [file])).stdout;
    const text = (await run('pdftotext', [...(options.layout ? ['-layout'] : []), file, '-'])).stdout;
    return { info, text };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
