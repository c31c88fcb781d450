// A paper to government as a tagged, accessible PDF: the same sections as the Word document,
// drawn by the insight module's pack renderer (headings, reading order, page numbers, the
// DejaVu font), so the two never say different things.
import { renderPackPdf, type PackDocument } from '../../insight/index.ts';
import { endorsedBy, paperSections } from './paper.docx.ts';
import type { PaperContent } from './submissions.service.ts';

export function paperDocument(c: PaperContent, endorsers: readonly string[]): PackDocument {
  return {
    title: c.title,
    contentsHeading: 'In this paper',
    subtitle: [c.addressee ? `A submission to ${c.addressee}.` : '', endorsedBy(endorsers)].filter(Boolean).join(' '),
    sections: paperSections(c).map((s, i) => ({
      id: `section-${i + 1}`,
      heading: s.heading,
      blocks: s.paragraphs.map((text) => ({ kind: 'p' as const, text })),
    })),
  };
}

export function paperPdf(c: PaperContent, endorsers: readonly string[]): Promise<Buffer> {
  return renderPackPdf(paperDocument(c, endorsers));
}
