// Looks at an upload's bytes once, as they arrive: which text encoding a CSV uses (UTF-16 when it
// starts with its byte-order mark; valid UTF-8; else Windows-1252, as Excel's "CSV (Comma
// delimited)" saves it), that it holds no NUL bytes (not text at all), and whether it is within
// the limits - columns per row for a CSV (counted before any parsing, so a heading row of a
// million columns costs nothing), or sheets and unzipped size for a workbook (from its zip index).
import { FileReadError } from './file-read-error.ts';
import { IMPORT_LIMITS } from './import-limits.ts';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface UploadFacts {
  encoding: TextEncoding;
}

const TAIL_BYTES = 1024 * 1024;
const tooBig = (problem: string, howToFix: string) => new FileReadError({ row: null, column: null, problem, howToFix });

export class UploadInspector {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private validUtf8 = true;
  private inQuotes = false;
  /** Commas, semicolons and tabs on this line: whichever is the delimiter, none may pass the limit. */
  private commas = 0;
  private semicolons = 0;
  private tabs = 0;
  private line = 1;
  private seen = 0;
  private utf16: 'utf-16le' | 'utf-16be' | undefined;
  private tail: Buffer[] = [];
  private tailBytes = 0;

  constructor(
    readonly kind: 'csv' | 'xlsx',
    private readonly limits = IMPORT_LIMITS,
  ) {}

  /** Throws FileReadError as soon as the file is known to be over a limit. */
  feed(chunk: Buffer): void {
    if (this.kind === 'xlsx') {
      // Only the end matters (the zip's index is there): keep the last megabyte or so.
      this.tail.push(chunk);
      this.tailBytes += chunk.length;
      while (this.tail.length > 1 && this.tailBytes - this.tail[0]!.length >= TAIL_BYTES)
        this.tailBytes -= this.tail.shift()!.length;
      return;
    }
    if (this.seen === 0 && chunk.length >= 2) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) this.utf16 = 'utf-16le';
      if (chunk[0] === 0xfe && chunk[1] === 0xff) this.utf16 = 'utf-16be';
    }
    this.seen += chunk.length;
    if (this.validUtf8 && !this.utf16) {
      try {
        this.utf8.decode(chunk, { stream: true });
      } catch {
        this.validUtf8 = false;
      }
    }
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      // In UTF-16 every other byte of plain text is 0; the ASCII bytes still mark quotes and lines.
      if (byte === 0x00) {
        if (this.utf16) continue;
        throw tooBig(
          `Row ${this.line} has a hidden "null" character, which is not text. This usually means the file was saved in a format we cannot read.`,
          'Open the file in a spreadsheet program and save it again as "CSV UTF-8" or as an Excel workbook.',
        );
      }
      if (byte === 0x22) this.inQuotes = !this.inQuotes;
      else if (this.inQuotes) continue;
      else if (byte === 0x0a) {
        this.line += 1;
        this.commas = this.semicolons = this.tabs = 0;
        if (this.line > this.limits.rows + 1000) {
          throw tooBig(
            `The file has more than ${this.limits.rows.toLocaleString('en-GB')} rows.`,
            'Split it into smaller files and import them one at a time.',
          );
        }
      } else if (byte === 0x2c || byte === 0x3b || byte === 0x09) {
        const count = byte === 0x2c ? ++this.commas : byte === 0x3b ? ++this.semicolons : ++this.tabs;
        if (count >= this.limits.columns) {
          throw tooBig(
            `Row ${this.line} has more than ${this.limits.columns} columns, which is more than an import can take.`,
            'Remove the columns you do not need, or check the file is the right one.',
          );
        }
      }
    }
  }

  finish(): UploadFacts {
    if (this.kind === 'csv') {
      if (this.validUtf8) {
        try {
          this.utf8.decode();
        } catch {
          this.validUtf8 = false;
        }
      }
      return { encoding: this.utf16 ?? (this.validUtf8 ? 'utf-8' : 'windows-1252') };
    }
    checkZipIndex(Buffer.concat(this.tail), this.limits);
    return { encoding: 'utf-8' };
  }
}

/** Reads the zip's central directory (at its end) for the worksheets and their unzipped size. */
function checkZipIndex(tail: Buffer, limits: typeof IMPORT_LIMITS): void {
  const notXlsx = () => FileReadError.notXlsx(new Error('no zip directory'));
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notXlsx();
  const entries = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  let at = end - size;
  if (at < 0 || entries === 0xffff || size === 0xffffffff) {
    throw tooBig(
      'The workbook is too large to import.',
      'Save the sheet you need as CSV, or split it into smaller workbooks.',
    );
  }
  let sheets = 0;
  let unzipped = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > end || tail.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const uncompressed = tail.readUInt32LE(at + 24);
    const nameLength = tail.readUInt16LE(at + 28);
    const extra = tail.readUInt16LE(at + 30);
    const comment = tail.readUInt16LE(at + 32);
    const name = tail.toString('utf8', at + 46, at + 46 + nameLength);
    if (uncompressed === 0xffffffff) unzipped = Infinity;
    unzipped += uncompressed;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) sheets += 1;
    // Every cell's text is held in memory while the sheet is read, so this one part is bounded.
    if (name === 'xl/sharedStrings.xml' && uncompressed > limits.sharedStringsBytes) {
      throw tooBig(
        'The workbook holds more text than an import can take.',
        'Save the sheet you need as CSV, or split it into smaller workbooks.',
      );
    }
    at += 46 + nameLength + extra + comment;
  }
  if (sheets === 0) throw notXlsx();
  if (sheets > limits.sheets) {
    throw tooBig(
      `The workbook has ${sheets} sheets; an import can take a workbook of up to ${limits.sheets}.`,
      'Copy the sheet you want to import into a new workbook, or save it as CSV.',
    );
  }
  if (unzipped > limits.uncompressedBytes) {
    const mb = (b: number) => `${Math.round(b / (1024 * 1024))} MB`;
    throw tooBig(
      `The workbook holds ${Number.isFinite(unzipped) ? mb(unzipped) : 'more than 4 GB'} once unzipped; an import can take up to ${mb(limits.uncompressedBytes)}.`,
      'Split it into smaller workbooks, or save the sheet you need as CSV.',
    );
  }
}
