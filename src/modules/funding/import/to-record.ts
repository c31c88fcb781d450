// A grant that passed the schema, reduced to what the funding pages use.
import { normaliseIdentifier } from '../domain/identifiers.ts';

export interface GrantRecord {
  grantId: string;
  title: string;
  description: string;
  currency: string;
  /** Pence (or the currency's hundredth), rounded to the nearest. */
  amountPence: number;
  awardDate: string;
  funderId: string;
  funderName: string;
  recipientId: string;
  recipientName: string;
  recipientCharity: string;
  recipientCompany: string;
  programme: string;
  area: string;
}

type Org = { id?: string; name?: string; charityNumber?: string; companyNumber?: string };
type Valid = {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAwarded: number;
  awardDate: string;
  fundingOrganization: Org[];
  recipientOrganization?: Org[];
  recipientIndividual?: { name?: string };
  grantProgramme?: { title?: string | null }[];
  beneficiaryLocation?: { name?: string | null }[];
};

export function toGrantRecord(grant: unknown): GrantRecord {
  const g = grant as Valid;
  const funder = g.fundingOrganization[0]!;
  const recipient = g.recipientOrganization?.[0];
  return {
    grantId: g.id.trim(),
    title: g.title,
    description: g.description,
    currency: g.currency,
    amountPence: Math.round(g.amountAwarded * 100),
    awardDate: g.awardDate.slice(0, 10),
    funderId: normaliseIdentifier(funder.id ?? ''),
    funderName: funder.name ?? funder.id ?? '',
    recipientId: recipient ? normaliseIdentifier(recipient.id ?? '') : '',
    // Grants to individuals are never shown with a name: the standard anonymises them, so do we.
    recipientName: recipient ? (recipient.name ?? recipient.id ?? '') : 'An individual',
    recipientCharity: recipient?.charityNumber?.trim() ?? '',
    recipientCompany: recipient?.companyNumber?.trim() ?? '',
    programme: (g.grantProgramme ?? [])
      .map((p) => p.title ?? '')
      .filter(Boolean)
      .join('; '),
    area: (g.beneficiaryLocation ?? [])
      .map((l) => l.name ?? '')
      .filter(Boolean)
      .join('; '),
  };
}
