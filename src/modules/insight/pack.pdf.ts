// Renders an evidence pack document as a PDF on the server: pdfkit for text and tables,
// svg-to-pdfkit for the same SVG charts the pages show. No headless browser.
//
// The PDF is tagged (headings, paragraphs, lists, tables with header cells, figures with their
// text alternative; rules and page numbers are marked as decoration), in the document's language,
// so a screen reader can follow it. DejaVu Sans is embedded (subset) because the built-in PDF
// fonts cover Latin-1 only: Welsh ŵ and ŷ, real minus signs, ≥ and τ² print as themselves.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { renderToString } from 'preact-render-to-string';
import { numericColumns, type Block, type PackDocument } from './pack.document.ts';

const MARGIN = 48;
const GREY = '#505a5f';
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const BODY = fontFile('DejaVuSans.ttf');
const BOLD = fontFile('DejaVuSans-Bold.ttf');

/** A hyphen before a number is a minus sign in print (−0.50, not -0.50); ranges keep theirs. */
export function printText(text: string): string {
  return text.replace(/(^|[\s(/=])-(?=\d)/g, '$1−');
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export function renderPackPdf(pack: PackDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: pack.title, Subject: pack.subtitle, Producer: 'Recovery Connectors' },
    bufferPages: true,
  });
  doc.registerFont('Body', BODY);
  doc.registerFont('Bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);

  if (pack.opening === 'title') titleAtTop(doc, root, pack);
  else cover(doc, root, pack);
  const width = doc.page.width - 2 * MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  for (const section of pack.sections) {
    ensure(60);
    doc.moveDown(1);
    // A short piece's one section may have no heading of its own: its title is the heading.
    if (section.heading)
      root.add(
        doc.struct('H2', {}, () => {
          doc.font('Bold').fontSize(13).fillColor('black').text(printText(section.heading), MARGIN, doc.y, { width });
        }),
      );
    doc.moveDown(0.3);
    for (const block of section.blocks) renderBlock(doc, root, block, width, ensure);
  }
  pageNumbers(doc);
  root.end();
  doc.end();
  return done;
}

/** A short piece: its title and subtitle at the top of the first page, then straight into the text. */
function titleAtTop(doc: Doc, root: Struct, pack: PackDocument): void {
  const width = doc.page.width - 2 * MARGIN;
  root.add(
    doc.struct('H1', {}, () => {
      doc.font('Bold').fontSize(20).fillColor('black').text(printText(pack.title), MARGIN, doc.y, { width });
    }),
  );
  if (!pack.subtitle) return;
  doc.moveDown(0.5);
  root.add(
    doc.struct('P', {}, () => {
      doc.font('Body').fontSize(12).fillColor(GREY).text(printText(pack.subtitle), MARGIN, doc.y, { width });
    }),
  );
}

/** The first page: what it is, for whom, when it was made (in the subtitle) and what is inside. */
function cover(doc: Doc, root: Struct, pack: PackDocument): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.y = doc.page.height * 0.3;
  if (pack.logo) {
    // at most 5 cm a side, above the title
    const scale = Math.min(1, 142 / pack.logo.width, 142 / pack.logo.height);
    const w = pack.logo.width * scale;
    const h = pack.logo.height * scale;
    const y = doc.y - h - 24;
    root.add(
      doc.struct('Figure', { alt: pack.logo.alt }, () =>
        doc.image(Buffer.from(pack.logo!.png), MARGIN, y, { width: w, height: h }),
      ),
    );
  }
  root.add(
    doc.struct('H1', {}, () => {
      doc.font('Bold').fontSize(24).fillColor('black').text(printText(pack.title), MARGIN, doc.y, { width });
    }),
  );
  doc.moveDown(0.6);
  root.add(
    doc.struct('P', {}, () => {
      doc.font('Body').fontSize(12).fillColor(GREY).text(printText(pack.subtitle), MARGIN, doc.y, { width });
    }),
  );
  doc.moveDown(2);
  root.add(
    doc.struct('P', {}, () => {
      doc
        .font('Bold')
        .fontSize(11)
        .fillColor('black')
        .text(pack.contentsHeading ?? 'In this pack', MARGIN, doc.y, { width });
    }),
  );
  doc.moveDown(0.3);
  const list = doc.struct('L');
  root.add(list);
  for (const section of pack.sections)
    list.add(
      doc.struct('LI', {}, () =>
        doc
          .font('Body')
          .fontSize(11)
          .text(`• ${printText(section.heading)}`, MARGIN + 6, doc.y, { width: width - 6 }),
      ),
    );
  list.end();
  doc.addPage();
}

function renderBlock(doc: Doc, root: Struct, block: Block, width: number, ensure: (h: number) => void): void {
  doc.font('Body').fontSize(9).fillColor('black');
  if (block.kind === 'p') {
    ensure(30);
    // In print a link reads as words: the Methods section of the pack holds the same content.
    const text = block.link ? `${block.text} see the Methods section.` : block.text;
    root.add(doc.struct('P', {}, () => doc.text(printText(text), MARGIN, doc.y, { width })));
    doc.moveDown(0.4);
  } else if (block.kind === 'verse') {
    // Read aloud and printed as written: one paragraph per stanza, its lines kept.
    doc.font('Body').fontSize(13);
    for (const lines of block.stanzas) {
      ensure(lines.length * 20);
      root.add(doc.struct('P', {}, () => doc.text(lines.join('\n'), MARGIN, doc.y, { width, lineGap: 4 })));
      doc.moveDown(0.8);
    }
  } else if (block.kind === 'list') {
    const list = doc.struct('L');
    root.add(list);
    for (const item of block.items) {
      ensure(24);
      list.add(doc.struct('LI', {}, () => doc.text(`• ${printText(item)}`, MARGIN + 6, doc.y, { width: width - 6 })));
    }
    list.end();
    doc.moveDown(0.4);
  } else if (block.kind === 'chart') {
    const svg = renderToString(block.svg);
    const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    const [w, h] = match ? [Number(match[1]), Number(match[2])] : [600, 240];
    const drawWidth = Math.min(width, w);
    const drawHeight = (h * drawWidth) / w;
    const parts = [...svg.matchAll(/<(title|desc)[^>]*>([^<]*)<\/\1>/g)].map((m) => unescapeXml(m[2]!));
    const alt = parts.join('. ');
    // a chart is named above it in print, as a figure in a report is
    const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1];
    ensure(drawHeight + (title ? 28 : 10));
    if (title)
      root.add(
        doc.struct('Caption', {}, () => {
          doc
            .font('Bold')
            .fontSize(10)
            .text(printText(unescapeXml(title)), MARGIN, doc.y, { width });
          doc.font('Body').fontSize(9);
        }),
      );
    doc.moveDown(0.3);
    const y = doc.y;
    root.add(
      doc.struct('Figure', { alt: alt || 'A chart; its figures are in the table that follows.' }, () =>
        SVGtoPDF(doc, svg, MARGIN, y, {
          width: drawWidth,
          height: drawHeight,
          fontCallback: (_family, bold) => (bold ? 'Bold' : 'Body'),
        }),
      ),
    );
    doc.y = y + drawHeight + 8;
  } else if (block.kind === 'details') {
    // on paper nothing is hidden: the disclosure's summary becomes a sub-heading
    ensure(40);
    root.add(
      doc.struct('H3', {}, () => {
        doc.font('Bold').fontSize(10).text(printText(block.summary), MARGIN, doc.y, { width });
      }),
    );
    doc.moveDown(0.2);
    for (const inner of block.blocks) renderBlock(doc, root, inner, width, ensure);
  } else {
    renderTable(doc, root, block, width, ensure);
  }
}

function renderTable(
  doc: Doc,
  root: Struct,
  block: Extract<Block, { kind: 'table' }>,
  width: number,
  ensure: (h: number) => void,
): void {
  const widths = columnWidths(doc, block, width);
  const numeric = numericColumns(block);
  ensure(40);
  root.add(
    doc.struct('Caption', {}, () => {
      doc.font('Bold').fontSize(10).text(printText(block.caption), MARGIN, doc.y, { width });
    }),
  );
  doc.moveDown(0.2);
  const table = doc.struct('Table');
  root.add(table);
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Bold' : 'Body').fontSize(8);
    return Math.max(...cells.map((c, i) => doc.heightOfString(printText(c), { width: widths[i]! - 4 }))) + 4;
  };
  const row = (cells: string[], header: boolean) => {
    const height = heightOf(cells, header);
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    let x = MARGIN;
    for (let i = 0; i < block.head.length; i++) {
      const cellX = x;
      tr.add(
        doc.struct(header ? 'TH' : 'TD', {}, () => {
          doc
            .font(header ? 'Bold' : 'Body')
            .fontSize(8)
            .text(printText(cells[i] ?? ''), cellX + 2, y + 2, {
              width: widths[i]! - 4,
              align: numeric[i] ? 'right' : 'left',
            });
        }),
      );
      x += widths[i]!;
    }
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(header ? 0.8 : 0.5)
      .strokeColor('#b1b4b6')
      .stroke();
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  row(block.head, true);
  for (const r of block.rows) {
    // A row never splits across pages, and a new page starts with the headings again.
    if (doc.y + heightOf(r, false) > doc.page.height - MARGIN) {
      doc.addPage();
      row(block.head, true);
    }
    row(r, false);
  }
  table.end();
  doc.moveDown(0.6);
}

/** "Page 3 of 17" at the foot of every page but the cover, marked as decoration. */
function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not add a page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Body')
      .fontSize(8)
      .fillColor(GREY)
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 16, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Wider columns for longer text, never narrower than 40pt, and never narrower than the longest
 * word of its heading, so a heading breaks between words, not inside one.
 */
function columnWidths(doc: Doc, block: Extract<Block, { kind: 'table' }>, width: number): number[] {
  doc.font('Bold').fontSize(8);
  const floor = block.head.map((h) =>
    Math.max(
      40,
      ...printText(h)
        .split(/\s+/)
        .map((word) => doc.widthOfString(word) + 6),
    ),
  );
  const lengths = block.head.map((h, i) =>
    Math.max(6, Math.min(60, Math.max(h.length * 0.6, ...block.rows.map((r) => (r[i] ?? '').length)))),
  );
  const total = lengths.reduce((a, b) => a + b, 0);
  const wanted = lengths.map((l, i) => Math.max(floor[i]!, (l / total) * width));
  const spare = width - floor.reduce((a, b) => a + b, 0);
  if (spare <= 0) return floor.map((f) => (f * width) / floor.reduce((a, b) => a + b, 0));
  // Share what is left above each floor in proportion to how much more each column wants.
  const extra = wanted.map((w, i) => w - floor[i]!);
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  return floor.map((f, i) => f + (extra[i]! / extraTotal) * spare);
}
