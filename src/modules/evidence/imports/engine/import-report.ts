// The summary a person sees after an import (or a dry run). It is built while streaming, and
// keeps only the first few problems and duplicates in full - the rest are counted - so a file
// with a million bad rows cannot exhaust memory.

import type { TextEncoding } from './inspect-upload.ts';
import type { ImportProblem } from './import-problem.ts';
import type { ImportTarget } from './target-schemas.ts';

export type ImportMode = 'all_or_nothing' | 'skip_invalid';

export interface DuplicateNotice {
  row: number;
  kind: 'within_file' | 'already_imported';
  /** For duplicates within the file: the row that was kept. */
  firstRow: number | null;
  message: string;
}

export interface ImportReport {
  target: ImportTarget;
  mode: ImportMode;
  dryRun: boolean;
  /**
   * imported: the valid new rows were sent to the sink and the caller should commit.
   * rejected: nothing may be kept (all-or-nothing found invalid rows, or the mapping is unusable); roll back.
   * dry_run: nothing was sent to the sink; the counts say what an import would do.
   */
  outcome: 'imported' | 'rejected' | 'dry_run';
  /** Data rows read (blank rows and the header are not counted). */
  rowsRead: number;
  /** Rows that passed every check and are new: imported, or would be. */
  validRows: number;
  invalidRows: number;
  duplicateRows: { withinFile: number; alreadyImported: number };
  /** Records the caller should now keep: validRows if outcome is 'imported', otherwise 0. */
  imported: number;
  problems: ImportProblem[];
  /** Problems beyond the first maxProblems, counted but not kept. */
  problemsNotShown: number;
  duplicates: DuplicateNotice[];
  duplicatesNotShown: number;
  /** Participant imports: the consent answers that are (or would be) stored with the new people. */
  consents?: ConsentTally;
  /** How the file was read: the heading row used and the text encoding (set by the service). */
  reading?: { headingRow: number; encoding: TextEncoding };
}

export interface ConsentTally {
  record: number;
  networkYes: number;
  networkNo: number;
  contactYes: number;
  contactNo: number;
}

export interface ReportLimits {
  maxProblems: number;
  maxDuplicates: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = { maxProblems: 200, maxDuplicates: 50 };

export class ImportReportBuilder {
  private rowsRead = 0;
  private validRows = 0;
  private invalidRows = 0;
  private withinFile = 0;
  private alreadyImported = 0;
  private readonly problems: ImportProblem[] = [];
  private problemsNotShown = 0;
  private readonly duplicates: DuplicateNotice[] = [];
  private duplicatesNotShown = 0;
  private consents: ConsentTally | undefined;

  constructor(
    private readonly target: ImportTarget,
    private readonly mode: ImportMode,
    private readonly dryRun: boolean,
    private readonly limits: ReportLimits = DEFAULT_REPORT_LIMITS,
  ) {}

  rowRead(): void {
    this.rowsRead += 1;
  }

  rowValid(): void {
    this.validRows += 1;
  }

  rowInvalid(problems: readonly ImportProblem[]): void {
    this.invalidRows += 1;
    this.addProblems(problems);
  }

  /** Problems about the file or mapping rather than one row. */
  addProblems(problems: readonly ImportProblem[]): void {
    for (const problem of problems) {
      if (this.problems.length < this.limits.maxProblems) this.problems.push(problem);
      else this.problemsNotShown += 1;
    }
  }

  duplicate(notice: DuplicateNotice): void {
    if (notice.kind === 'within_file') this.withinFile += 1;
    else this.alreadyImported += 1;
    if (this.duplicates.length < this.limits.maxDuplicates) this.duplicates.push(notice);
    else this.duplicatesNotShown += 1;
  }

  /** Counts one new person's consent answers (null: not given in the file). */
  consent(network: boolean | null, contact: boolean | null): void {
    const c = (this.consents ??= { record: 0, networkYes: 0, networkNo: 0, contactYes: 0, contactNo: 0 });
    c.record += 1;
    if (network === true) c.networkYes += 1;
    if (network === false) c.networkNo += 1;
    if (contact === true) c.contactYes += 1;
    if (contact === false) c.contactNo += 1;
  }

  get rowsReadSoFar(): number {
    return this.rowsRead;
  }

  get hasInvalidRows(): boolean {
    return this.invalidRows > 0;
  }

  finish(outcome: ImportReport['outcome']): ImportReport {
    return {
      target: this.target,
      mode: this.mode,
      dryRun: this.dryRun,
      outcome,
      rowsRead: this.rowsRead,
      validRows: this.validRows,
      invalidRows: this.invalidRows,
      duplicateRows: { withinFile: this.withinFile, alreadyImported: this.alreadyImported },
      imported: outcome === 'imported' ? this.validRows : 0,
      problems: [...this.problems],
      problemsNotShown: this.problemsNotShown,
      duplicates: [...this.duplicates],
      duplicatesNotShown: this.duplicatesNotShown,
      ...(this.target === 'participants'
        ? { consents: this.consents ?? { record: 0, networkYes: 0, networkNo: 0, contactYes: 0, contactNo: 0 } }
        : {}),
    };
  }
}
