// What someone typed into the library search, taken apart for the trigram fallback: the
// words to match loosely, and the words after a minus that must never match.
export interface ParsedQuery {
  /** The words to match, quotes and minus-words taken out. */
  loose: string;
  /** Words that exclude a resource, from `-word`. */
  excluded: string[];
}

export function parseSearchQuery(raw: string): ParsedQuery {
  const q = raw.normalize('NFC').slice(0, 200);
  const excluded: string[] = [];
  const loose: string[] = [];
  for (const token of q.replace(/"/g, ' ').split(/\s+/)) {
    if (!token) continue;
    if (token.startsWith('-') && token.length > 1) excluded.push(token.slice(1).toLowerCase());
    else if (token.toLowerCase() !== 'or') loose.push(token);
  }
  return { loose: loose.join(' ').trim(), excluded: excluded.filter((w) => /\p{L}/u.test(w)) };
}

/** Splits a highlighted snippet into plain text and marked parts; never HTML. */
export function splitHighlight(
  snippet: string,
  start = '\u0001',
  stop = '\u0002',
): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of snippet.split(new RegExp(`([${start}${stop}])`))) {
    if (piece === start) marked = true;
    else if (piece === stop) marked = false;
    else if (piece) parts.push({ text: piece.replace(/[\u0000-\u0008]/g, ''), marked });
  }
  return parts;
}

/** The Monday (UK date) of the week a moment falls in, as YYYY-MM-DD: the digest's week. */
export function weekStartOf(at: Date): string {
  const uk = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  const d = new Date(`${uk}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}
