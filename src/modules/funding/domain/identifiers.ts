// Organisation identifiers as the 360Giving standard writes them (org-id.guide schemes):
// GB-CHC- for the Charity Commission for England and Wales, GB-SC- for OSCR (Scotland),
// GB-NIC- for Northern Ireland, GB-COH- for Companies House.

/** The identifiers a member's registered numbers stand for, upper case. */
export function identifiersFor(charityNumber: string, companyNumber: string): string[] {
  const out: string[] = [];
  const charity = charityNumber.replace(/\s+/g, '').toUpperCase();
  if (charity) {
    if (/^SC\d+$/.test(charity)) out.push(`GB-SC-${charity}`);
    else if (/^NIC?\d+$/.test(charity)) out.push(`GB-NIC-${charity.replace(/^NIC?/, '')}`);
    else out.push(`GB-CHC-${charity}`);
  }
  const company = companyNumber.replace(/\s+/g, '').toUpperCase();
  // Companies House numbers are 8 characters; people often drop the leading zeros.
  if (company) out.push(`GB-COH-${/^\d+$/.test(company) ? company.padStart(8, '0') : company}`);
  return out;
}

/** A recipient identifier as published, tidied for comparison: upper case, no spaces. */
export function normaliseIdentifier(id: string): string {
  const tidy = id.replace(/\s+/g, '').toUpperCase();
  const coh = /^GB-COH-(\d+)$/.exec(tidy);
  return coh ? `GB-COH-${coh[1]!.padStart(8, '0')}` : tidy;
}
