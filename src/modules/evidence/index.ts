// The evidence module: instruments, participants and consent, assessments, self-completion,
// activities, imports and exports. Its only public entry.
import type { WorkspaceLink } from '../../platform/http/access.ts';
import type { ModuleDefinition, NetworkLink } from '../../platform/modules.ts';
import { networkPolicy } from '../network/index.ts';
import { evidenceJobs } from './evidence.jobs.ts';
import { anyEvidenceRole, manageRetention } from './evidence.policy.ts';
import { evidenceRoutes } from './evidence.routes.tsx';

export { evidenceRoutes } from './evidence.routes.tsx';
export { runImportCommand } from './imports/import.command.ts';
export * as evidencePolicy from './evidence.policy.ts';
// For the insight module: definitions, scoring and the write path its summaries follow.
export {
  deleteAssessment,
  eraseParticipantRecord,
  insertAssessments,
  insertParticipants,
  recordConsentDecisions,
} from './evidence.write-path.ts';
export {
  findInstrumentForOrg,
  listInstrumentsForOrg,
  syncShippedInstruments,
  type InstrumentRow,
} from './instruments/instruments.repository.ts';
export type { InstrumentDefinition, Measure } from './domain/instrument-definition.ts';
export { SHIPPED_INSTRUMENTS, ONS4, BARC10 } from './domain/shipped-instruments.ts';
export { scoreAssessment } from './domain/scoring.ts';
export { seedEvidenceDemo, seedEvidenceSynthetic } from './evidence.demo.ts';

export const evidenceWorkspaceLinks: WorkspaceLink[] = [
  {
    label: 'Evidence',
    description: 'Participants, questionnaires, sessions and volunteering, imports and your data.',
    href: (org) => `/orgs/${org.slug}/evidence`,
    rule: anyEvidenceRole,
  },
  {
    label: 'How long records are kept',
    description: 'Your retention rule, and the people past it who are waiting to be erased.',
    href: (org) => `/orgs/${org.slug}/retention`,
    rule: manageRetention,
  },
];

export const evidenceNetworkLinks: NetworkLink[] = [
  {
    label: 'Questionnaires',
    description: 'The questionnaires every organisation can use, their licences, and adding a new one for the network.',
    href: '/network/instruments',
    rule: networkPolicy.coordinateNetwork,
  },
];

export const evidenceModule: ModuleDefinition = {
  name: 'evidence',
  routes: evidenceRoutes,
  workspaceLinks: evidenceWorkspaceLinks,
  networkLinks: evidenceNetworkLinks,
  jobs: evidenceJobs,
  migrationsRange: [200, 299],
};
export { evidenceFiguresForOrg, type EvidenceFigures } from './figures.repository.ts';
export {
  DEFAULT_RETENTION_YEARS,
  NOTICE_DAYS,
  RETENTION_CHOICES,
  retentionRulesAcrossNetwork,
} from './retention/retention.service.ts';
