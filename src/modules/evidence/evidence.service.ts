// Use cases for the evidence module as a whole: the evidence home page, and keeping the
// shipped instrument definitions in the database at start-up.
import type { SignedInActor } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgRule, OrgTarget } from '../../platform/http/access.ts';
import { countEvidence } from './evidence.repository.ts';
import {
  contributeSummaries,
  exportEvidence,
  importEvidence,
  manageMeasures,
  recordActivities,
  recordEvidence,
} from './evidence.policy.ts';
import type { EvidenceHomeView } from './evidence.views.tsx';
import { syncShippedInstruments } from './instruments/instruments.repository.ts';

const PARTS: { rule: OrgRule; path: string; label: string; description: string }[] = [
  {
    rule: recordEvidence,
    path: 'participants',
    label: 'Participants',
    description: 'Add people, record consent and questionnaires, or make a link they fill in on their phone.',
  },
  {
    rule: recordActivities,
    path: 'activities',
    label: 'Sessions and volunteering',
    description: 'Record sessions, attendance and volunteer hours.',
  },
  {
    rule: importEvidence,
    path: 'imports',
    label: 'Import a spreadsheet',
    description: 'Bring in participants, questionnaires or sessions from a CSV or Excel file.',
  },
  {
    rule: contributeSummaries,
    path: 'summaries',
    label: 'Summaries from another system',
    description: 'Keep records elsewhere? Send the network a summary of change instead.',
  },
  {
    rule: manageMeasures,
    path: 'measures',
    label: 'Your own measures',
    description: 'Build a questionnaire of your own, used only in your organisation.',
  },
  {
    rule: exportEvidence,
    path: 'export',
    label: 'Download your data',
    description: 'Everything your organisation holds, as CSV files with a codebook.',
  },
];

export async function loadEvidenceHomePage(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
): Promise<EvidenceHomeView> {
  return {
    org,
    counts: await countEvidence(deps.db, org.id),
    links: PARTS.filter((p) => p.rule.allows(actor, org)).map((p) => ({
      href: `/orgs/${org.slug}/${p.path}`,
      label: p.label,
      description: p.description,
    })),
  };
}

/** Puts the shipped instrument definitions (and new versions of them) into the database; idempotent. */
export async function installShippedInstruments(deps: Deps): Promise<void> {
  await syncShippedInstruments(deps.db);
}
