// A collection of phrases as a tagged PDF, drawn by the insight module's pack renderer: the
// title at the top, the lines exactly as the page shows them (stanzas where the facilitator
// spaced them), and the credit. It names nobody: lines are words, never who said them.
import { renderPackPdf, type PackDocument } from '../../insight/index.ts';
import type { CollectionRow, LineRow } from './words.repository.ts';
import { CREDIT } from './words.views.tsx';

/** Lines into stanzas: a line marked "space before" starts a new one. */
export function stanzasOf(lines: readonly Pick<LineRow, 'text' | 'space_before'>[]): string[][] {
  const stanzas: string[][] = [];
  for (const line of lines) {
    if (stanzas.length === 0 || line.space_before) stanzas.push([]);
    stanzas.at(-1)!.push(line.text);
  }
  return stanzas;
}

export function collectionDocument(collection: CollectionRow, lines: readonly LineRow[]): PackDocument {
  return {
    title: collection.title,
    subtitle: collection.introduction,
    opening: 'title',
    sections: [
      {
        id: 'words',
        heading: '',
        blocks: [
          { kind: 'verse', stanzas: stanzasOf(lines) },
          { kind: 'p', text: `${CREDIT}.` },
        ],
      },
    ],
  };
}

export function collectionPdf(collection: CollectionRow, lines: readonly LineRow[]): Promise<Buffer> {
  return renderPackPdf(collectionDocument(collection, lines));
}
