// Key phrases from short comments, RAKE-style (Rose, Engel, Cramer & Cowley 2010): split each
// comment at stopwords and punctuation into candidate phrases, score each word by
// degree/frequency over the pool, and a phrase by the sum of its words. Ranked first by how
// many different people used the phrase (a single word counting half, so longer phrases are
// not drowned by single words; a piece found almost only inside one longer phrase dropped), then how often, then its RAKE score. Every phrase
// shown is a verbatim piece of something someone wrote (its most common original spelling),
// never rewritten. Pure.

/** English function words, with UK spellings; kept short so phrases stay meaningful. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can cant could did didnt do does doesnt doing dont down during each even ever every few for from further get gets getting got had hadnt has hasnt have ' +
    'havent having he her here hers herself him himself his how i id ill im ive if in into is isnt it its itself just lets like me more most much ' +
    'must my myself no nor not now of off on once only or other our ours ourselves out over own really same she should so some such ' +
    'than that thats the their theirs them themselves then there theres these they theyre this those through to too under until up us very was wasnt we ' +
    'were werent what whats when where which while who whom why will with without wont would wouldnt you youre your yours yourself yourselves ' +
    'yes yeah ok okay lot lots thing things bit way well still always never one ones many make made go going gone come came say said think know want'
  ).split(/\s+/),
);

export interface PhraseSource {
  /** Who wrote it (a stable pseudonymous key); phrases are counted once per person too. */
  author: string;
  text: string;
}

export interface KeyPhrase {
  /** Exactly as someone wrote it. */
  text: string;
  /** Lower-case form with accents folded (café = cafe), used to group spellings. */
  key: string;
  words: number;
  /** Times it appears across the comments. */
  frequency: number;
  /** Different people who used it. */
  people: number;
  score: number;
}

interface Candidate {
  original: string;
  key: string;
  words: string[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const BREAK = /[.,;:!?()[\]{}"“”…\n\r\t/\\|–—]+/u;

/** Candidate phrases of one comment, keeping each one's original text. */
export function candidatesOf(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const chunk of text.split(BREAK)) {
    let run: { word: string; start: number; end: number }[] = [];
    const flush = () => {
      if (run.length > 0) {
        const original = chunk.slice(run[0]!.start, run[run.length - 1]!.end);
        const words = run.map((w) => w.word);
        out.push({ original, key: words.join(' '), words });
      }
      run = [];
    };
    for (const m of chunk.matchAll(WORD)) {
      const raw = m[0].replace(/['’-]+$/u, '');
      const word = raw
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[’']/g, '');
      if (STOPWORDS.has(word) || /^\d+$/.test(word) || word.length < 2) flush();
      else run.push({ word, start: m.index!, end: m.index! + raw.length });
    }
    flush();
  }
  return out;
}

const MAX_WORDS = 4;

/** Every contiguous run of up to four words inside a candidate, with its original text. */
function subPhrases(c: Candidate): Candidate[] {
  if (c.words.length === 1) return [c];
  const spans = [...c.original.matchAll(WORD)].map((m) => {
    const raw = m[0].replace(/['’-]+$/u, '');
    return { start: m.index!, end: m.index! + raw.length };
  });
  if (spans.length !== c.words.length) return [c];
  const out: Candidate[] = [];
  for (let i = 0; i < c.words.length; i++) {
    for (let j = i; j < Math.min(c.words.length, i + MAX_WORDS); j++) {
      out.push({
        original: c.original.slice(spans[i]!.start, spans[j]!.end),
        key: c.words.slice(i, j + 1).join(' '),
        words: c.words.slice(i, j + 1),
      });
    }
  }
  return out;
}

/** The key phrases of a pool of comments, best first. */
export function rankKeyPhrases(
  sources: readonly PhraseSource[],
  options: { limit?: number; minPeople?: number } = {},
): KeyPhrase[] {
  const perComment = sources.map((s) => ({ author: s.author, candidates: candidatesOf(s.text) }));
  const freq = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const c of perComment) {
    for (const cand of c.candidates) {
      for (const w of cand.words) {
        freq.set(w, (freq.get(w) ?? 0) + 1);
        degree.set(w, (degree.get(w) ?? 0) + cand.words.length);
      }
    }
  }
  const wordScore = (w: string) => (degree.get(w) ?? 0) / (freq.get(w) ?? 1);
  // A phrase is counted where it stands alone and inside longer runs ("funding cuts" in
  // "funding cuts hit"), so one extra word does not hide a phrase many people used.
  const phrases = new Map<
    string,
    { words: string[]; frequency: number; whole: number; people: Set<string>; spellings: Map<string, number> }
  >();
  for (const c of perComment) {
    for (const cand of c.candidates) {
      for (const sub of subPhrases(cand)) {
        let p = phrases.get(sub.key);
        if (!p)
          phrases.set(
            sub.key,
            (p = { words: sub.words, frequency: 0, whole: 0, people: new Set(), spellings: new Map() }),
          );
        p.frequency++;
        if (sub.words.length === cand.words.length) p.whole++;
        p.people.add(c.author);
        p.spellings.set(sub.original, (p.spellings.get(sub.original) ?? 0) + 1);
      }
    }
  }
  const minPeople = options.minPeople ?? 1;
  const ranked: KeyPhrase[] = [];
  for (const [key, p] of phrases) {
    if (p.people.size < minPeople) continue;
    // A single word, or a piece of a longer run, needs at least two people to count.
    if ((p.words.length === 1 || p.whole === 0) && p.people.size < 2) continue;
    const text = [...p.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    ranked.push({
      text,
      key,
      words: p.words.length,
      frequency: p.frequency,
      people: p.people.size,
      score: p.words.reduce((s, w) => s + wordScore(w), 0),
    });
  }
  // A phrase found almost only inside one longer phrase ("lived" in "lived experience") adds
  // nothing of its own: keep the longer one.
  const byKey = new Map(ranked.map((k) => [k.key, k]));
  const subsumed = new Set<string>();
  for (const k of ranked) {
    const parts = k.key.split(' ');
    for (let i = 0; i < parts.length; i++) {
      for (let j = i; j < parts.length; j++) {
        if (j - i + 1 === parts.length) continue;
        const inner = byKey.get(parts.slice(i, j + 1).join(' '));
        if (inner && k.frequency >= 0.7 * inner.frequency) subsumed.add(inner.key);
      }
    }
  }
  // A single word says least; longer phrases carry more of what people meant.
  const weight = (k: KeyPhrase) => k.people * (k.words === 1 ? 0.5 : 1 + 0.25 * (k.words - 2));
  ranked.sort(
    (a, b) => weight(b) - weight(a) || b.frequency - a.frequency || b.score - a.score || (a.key < b.key ? -1 : 1),
  );
  return ranked.filter((k) => !subsumed.has(k.key)).slice(0, options.limit ?? 50);
}
