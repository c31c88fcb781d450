// Small pieces of wording shared by pages, documents and domain rules. Pure.

/** "recovery capital" → "Recovery capital": the first letter only, the rest as written. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
