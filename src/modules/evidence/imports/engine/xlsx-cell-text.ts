// exceljs gives each cell as a number, string, Date, boolean, rich text, formula result,
// hyperlink or error. The import works on text (as a CSV would give it), so we turn each into
// the text a person would see. Dates become ISO yyyy-mm-dd, which the date parser accepts.

export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // exceljs builds dates as UTC midnight of the calendar date shown in Excel.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text?: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((run) => run.text ?? '')
        .join('')
        .trim();
    if ('result' in cell) return xlsxCellText(cell.result);
    if ('text' in cell) return xlsxCellText(cell.text);
    if (typeof cell.error === 'string') return cell.error;
  }
  return '';
}
