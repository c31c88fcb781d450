// Renders an evidence pack document as a PDF on the server: pdfkit for text and tables,
// svg-to-pdfkit for the same SVG charts the pages show. No headless browser.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { renderToString } from 'preact-render-to-string';
import type { Block, PackDocument } from './pack.document.ts';

const MARGIN = 48;

/** Helvetica (the built-in PDF font) covers Latin-1 only: replace what it cannot draw. */
function latin(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/→/g, '->')
    .replace(/−/g, '-')
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/×/g, 'x')
    .replace(/÷/g, '/')
    .replace(/τ²/g, 'tau2')
    .replace(/τ/g, 'tau')
    .replace(/ᵢ/g, 'i')
    .replace(/²/g, '2')
    .replace(/√/g, 'sqrt')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e\xa0-\xff\n]/g, '?');
}

export function renderPackPdf(pack: PackDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: latin(pack.title), Producer: 'Recovery Connectors' },
    bufferPages: false,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font('Helvetica-Bold').fontSize(20).text(latin(pack.title), { width });
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#505a5f')
    .text(latin(pack.subtitle), { width })
    .fillColor('black');
  for (const section of pack.sections) {
    ensure(60);
    doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text(latin(section.heading), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const block of section.blocks) renderBlock(doc, block, width, ensure);
  }
  doc.end();
  return done;
}

function renderBlock(doc: PDFKit.PDFDocument, block: Block, width: number, ensure: (h: number) => void): void {
  doc.font('Helvetica').fontSize(9.5);
  if (block.kind === 'p') {
    ensure(30);
    // In print a link reads as words: the Methods section of the pack holds the same content.
    const text = block.link ? `${block.text} see the Methods section.` : block.text;
    doc.text(latin(text), MARGIN, doc.y, { width }).moveDown(0.4);
  } else if (block.kind === 'list') {
    for (const item of block.items) {
      ensure(24);
      doc.text(`- ${latin(item)}`, MARGIN + 6, doc.y, { width: width - 6 });
    }
    doc.moveDown(0.4);
  } else if (block.kind === 'chart') {
    const svg = renderToString(block.svg);
    const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    const [w, h] = match ? [Number(match[1]), Number(match[2])] : [600, 240];
    const drawWidth = Math.min(width, w);
    const drawHeight = (h * drawWidth) / w;
    ensure(drawHeight + 10);
    SVGtoPDF(doc, svg, MARGIN, doc.y, { width: drawWidth, height: drawHeight });
    doc.y += drawHeight + 8;
  } else {
    const columns = block.head.length;
    const widths = columnWidths(block, width);
    ensure(40);
    doc.font('Helvetica-Bold').fontSize(10).text(latin(block.caption), MARGIN, doc.y, { width }).moveDown(0.2);
    const row = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      const heights = cells.map((c, i) => doc.heightOfString(latin(c), { width: widths[i]! - 4 }));
      const height = Math.max(...heights) + 4;
      ensure(height);
      const y = doc.y;
      let x = MARGIN;
      for (let i = 0; i < columns; i++) {
        doc.text(latin(cells[i] ?? ''), x + 2, y + 2, { width: widths[i]! - 4 });
        x += widths[i]!;
      }
      doc
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + width, y + height)
        .lineWidth(0.5)
        .strokeColor('#b1b4b6')
        .stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    row(block.head, true);
    for (const r of block.rows) row(r, false);
    doc.moveDown(0.6);
  }
}

/** Wider columns for longer text, but never narrower than 40pt. */
function columnWidths(block: Extract<Block, { kind: 'table' }>, width: number): number[] {
  const lengths = block.head.map((h, i) =>
    Math.max(6, Math.min(60, Math.max(h.length * 0.6, ...block.rows.map((r) => (r[i] ?? '').length)))),
  );
  const total = lengths.reduce((a, b) => a + b, 0);
  const raw = lengths.map((l) => Math.max(40, (l / total) * width));
  const scale = width / raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w * scale);
}
