// The editable keyword list that flags a grant as about recovery. A keyword match is a
// suggestion, shown as such, never as a confirmed recipient.

export function normaliseKeyword(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The first keyword (in list order) found in the text, case-insensitively; the same rule as the SQL. */
export function firstKeywordIn(text: string, keywords: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return [...keywords].sort().find((k) => lower.includes(k));
}
