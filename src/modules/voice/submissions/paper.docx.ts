// A paper to government as a Word document (the `docx` package), with real headings, the
// methods and the citations. Built from a saved version's content only.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { PaperContent } from './submissions.service.ts';

export const METHODS = [
  'Figures about people come from the network’s shared outcome records, counting only people who agreed to their records being used by the network. Counts are rounded to the nearest 5 and counts under 8 are not shown; pooled figures are random-effects meta-analyses across organisations with 8 or more people (DerSimonian and Laird, 1986; REML with the Hartung–Knapp adjustment).',
  'Where members agree comes from a consultation: members agreed, disagreed or passed on short statements. Opinion groups were found with a principal component analysis and k-means clustering, and a statement counts as common ground only when every group agrees (group-informed consensus), after the published method of Pol.is (Small, Bjorkegren, Erkkilä, Shaw and Megill, 2021, “Polis: Scaling deliberation by mapping high dimensional opinion spaces”, Recerca 26(2)). Nothing but counts is shown unless at least 7 people voted on 7 or more statements each, and no group of fewer than 5 people is described.',
  'Quotes are members’ own words, used only as each person chose (without a name, or with a first name), and checked before use.',
];

/** Who has endorsed the paper, in one sentence (the page, the Word document and the PDF). */
export function endorsedBy(names: readonly string[]): string {
  return names.length
    ? `Endorsed by ${names.length} member organisation${names.length === 1 ? '' : 's'}: ${names.join(', ')}.`
    : 'Not yet endorsed by member organisations.';
}

export function paperSections(c: PaperContent): { heading: string; paragraphs: string[] }[] {
  return [
    {
      heading: 'Who we are',
      paragraphs: [
        c.whoWeAre.text,
        `The network has ${c.whoWeAre.members} member organisations${c.whoWeAre.regions.length ? ` in ${c.whoWeAre.regions.join(', ')}` : ''}, offering ${c.whoWeAre.serviceTypes} kinds of support.`,
      ].filter(Boolean),
    },
    {
      heading: 'What the evidence shows',
      paragraphs: [
        ...c.evidence.totals.map((t) => `${t.label}: ${t.value}.`),
        ...c.evidence.measures.map((m) => m.sentence),
      ],
    },
    {
      heading: 'Where the network agrees',
      paragraphs: c.agreement
        ? [
            `From “${c.agreement.title}”, with ${c.agreement.participants} people taking part:`,
            ...c.agreement.statements.map((s) => `“${s.text}” — ${s.agree}% agreed (${s.votes} votes).`),
          ]
        : ['No consultation results are included in this paper.'],
    },
    {
      heading: 'In our own words',
      paragraphs: c.voices.length ? c.voices.map((v) => `“${v.text}” — ${v.credit}`) : ['No quotes are included.'],
    },
    {
      heading: 'Recommendations',
      paragraphs: c.recommendations.length ? c.recommendations.map((r, i) => `${i + 1}. ${r}`) : ['None yet.'],
    },
    { heading: 'How the figures were worked out', paragraphs: METHODS },
  ];
}

export async function paperDocx(c: PaperContent, endorsers: readonly string[]): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
    ...(c.addressee
      ? [new Paragraph({ children: [new TextRun({ text: `A submission to ${c.addressee}`, italics: true })] })]
      : []),
    new Paragraph({
      children: [new TextRun(endorsedBy(endorsers))],
    }),
  ];
  for (const s of paperSections(c)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
  }
  const doc = new Document({
    creator: 'Recovery Connectors',
    title: c.title,
    description: `A paper to ${c.addressee || 'government'}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
