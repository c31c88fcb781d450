// The largest file an import takes, said on the upload page and checked while streaming, so a
// hostile or mistaken file is refused early instead of tying up the server.
export const IMPORT_LIMITS = {
  /** Bytes uploaded. */
  uploadBytes: 100 * 1024 * 1024,
  /** Columns in any row. */
  columns: 200,
  /** Data rows in the file. */
  rows: 250_000,
  /** Bytes of an .xlsx once unzipped. */
  uncompressedBytes: 400 * 1024 * 1024,
  /** Bytes of an .xlsx's shared text (xl/sharedStrings.xml) once unzipped; it is held while reading. */
  sharedStringsBytes: 64 * 1024 * 1024,
  /** Worksheets in an .xlsx. */
  sheets: 20,
} as const;

export function describeLimits(): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return (
    `Up to ${mb(IMPORT_LIMITS.uploadBytes)}, ${IMPORT_LIMITS.rows.toLocaleString('en-GB')} rows and ` +
    `${IMPORT_LIMITS.columns} columns. An Excel workbook can have up to ${IMPORT_LIMITS.sheets} sheets and ` +
    `${mb(IMPORT_LIMITS.uncompressedBytes)} once unzipped.`
  );
}
