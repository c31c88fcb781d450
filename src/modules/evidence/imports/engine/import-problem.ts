// The unit of feedback for a person importing a spreadsheet: where (row and column, as they see
// them in the spreadsheet), what is wrong and how to fix it, in plain English.

export interface ImportProblem {
  /** Spreadsheet row number (the header is row 1); null for problems with the file as a whole. */
  row: number | null;
  /** The column heading as it appears in the file; null when no single column is at fault. */
  column: string | null;
  problem: string;
  howToFix: string;
}

/** "Row 14, column 'Date': '31/02/2024' is not a real date. Use dd/mm/yyyy, for example 03/02/2024." */
export function formatImportProblem(problem: ImportProblem): string {
  const where = [
    problem.row === null ? null : `Row ${problem.row}`,
    problem.column === null ? null : `column '${problem.column}'`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  const text = `${problem.problem} ${problem.howToFix}`;
  return where === '' ? text : `${where}: ${text}`;
}

/** What a value parser returns: the value, or what is wrong and how to fix it (without row/column). */
export type ParsedValue<T> = { ok: true; value: T } | { ok: false; problem: string; howToFix: string };

export function parsed<T>(value: T): ParsedValue<T> {
  return { ok: true, value };
}

export function notParsed(problem: string, howToFix: string): { ok: false; problem: string; howToFix: string } {
  return { ok: false, problem, howToFix };
}
