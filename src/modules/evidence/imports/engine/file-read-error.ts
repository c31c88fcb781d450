// A file that cannot be read at all (broken CSV quoting, not really an .xlsx) is reported as one
// plain-English problem instead of a library stack trace.

import type { ImportProblem } from './import-problem.ts';

export class FileReadError extends Error {
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem, options?: { cause?: unknown }) {
    super(`${problem.problem} ${problem.howToFix}`, options);
    this.name = 'FileReadError';
    this.problem = problem;
  }

  static fromCsv(error: unknown): FileReadError {
    if (error instanceof FileReadError) return error;
    const details = error as { code?: string; records?: number; lines?: number } | null;
    const near = typeof details?.records === 'number' ? ` near row ${details.records + 1}` : '';
    const problem =
      details?.code === 'CSV_QUOTE_NOT_CLOSED'
        ? `A quoted value${near} is never closed, so the rest of the file cannot be read.`
        : details?.code === 'CSV_MAX_RECORD_SIZE'
          ? `A row${near} is longer than a million characters (or a quote in it is never closed), so the file cannot be read.`
          : `The file could not be read as CSV${near}.`;
    return new FileReadError(
      {
        row: null,
        column: null,
        problem,
        howToFix: 'Open the file in a spreadsheet program and save it again as "CSV UTF-8".',
      },
      { cause: error },
    );
  }

  static notXlsx(error: unknown): FileReadError {
    if (error instanceof FileReadError) return error;
    return new FileReadError(
      {
        row: null,
        column: null,
        problem: 'The file could not be read as an Excel workbook (.xlsx).',
        howToFix: 'Open it in Excel and save it again as "Excel Workbook (.xlsx)", or save it as CSV.',
      },
      { cause: error },
    );
  }
}
