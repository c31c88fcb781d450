// Renders a pack document (the insight module's sections of paragraphs, lists and tables) as
// a Word file with the `docx` package. Headings are real heading levels, so Word's navigation
// pane and screen readers can move through it; tables have a header row that repeats.
// Charts are left out: each chart in a pack is followed by a table with the same figures.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, PackDocument } from '../../insight/index.ts';

function blockParts(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'p':
      return [
        new Paragraph({
          children: [new TextRun(block.text), ...(block.link ? [new TextRun(` (${block.link.text})`)] : [])],
        }),
      ];
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'verse':
      return block.stanzas.map(
        (lines) =>
          new Paragraph({
            spacing: { after: 240 },
            children: lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0 })),
          }),
      );
    case 'table': {
      const header = new TableRow({
        tableHeader: true,
        children: block.head.map(
          (h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] }),
        ),
      });
      const rows = block.rows.map(
        (r) => new TableRow({ children: r.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
      );
      return [
        new Paragraph({ children: [new TextRun({ text: block.caption, italics: true })] }),
        new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
        new Paragraph(''),
      ];
    }
    case 'chart':
      return [];
    case 'details':
      return [
        new Paragraph({ text: block.summary, heading: HeadingLevel.HEADING_3 }),
        ...block.blocks.flatMap(blockParts),
      ];
  }
}

export async function renderPackDocx(pack: PackDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: pack.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: pack.subtitle }),
  ];
  for (const section of pack.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const block of section.blocks) children.push(...blockParts(block));
  }
  const doc = new Document({
    creator: 'Recovery Connectors',
    title: pack.title,
    description: pack.subtitle,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
