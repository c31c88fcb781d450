// Recognition as the public sees it: a mark on the organisation's profile and an attribute of
// the organisation in the Open Referral UK feed, with the date decided and the renewal date.
import { v5 as uuidV5 } from 'uuid';
import type { OrgMark, OrgMarksSource } from '../../platform/modules.ts';
import { longDate } from './standards.parts.tsx';
import { recognitionsFor, type Recognition } from './standards.pages.ts';

/** The one taxonomy term the feed uses for recognition; its id is fixed so consumers can match it. */
export const RECOGNISED_TERM = {
  id: uuidV5('urn:recovery-connectors:standards:recognised', uuidV5.URL),
  name: 'Recognised against the Recovery Connectors quality standards',
  taxonomy: 'Recovery Connectors quality standards',
} as const;

export function recognitionMark(r: Recognition): OrgMark {
  const detail = `Recognised on ${longDate(r.decidedOn)} after a self-assessment and a review by peer researchers from other member organisations. Next review due by ${longDate(r.renewalDue)}.`;
  return {
    key: 'standards.recognised',
    label: 'Recognised against the network’s quality standards',
    detail,
    href: '/standards',
    term: {
      id: RECOGNISED_TERM.id,
      name: RECOGNISED_TERM.name,
      taxonomy: RECOGNISED_TERM.taxonomy,
      description: `${r.frameworkTitle}, version ${r.frameworkVersion}. Recognised on ${r.decidedOn}; renewal due ${r.renewalDue}.`,
    },
  };
}

export const standardsOrgMarks: OrgMarksSource = async (db, orgIds) => {
  const recognitions = await recognitionsFor({ db }, orgIds);
  return new Map([...recognitions].map(([orgId, r]) => [orgId, [recognitionMark(r)]]));
};
