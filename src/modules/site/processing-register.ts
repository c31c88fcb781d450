// The record of processing activities (UK GDPR Article 30), as data: one entry per thing the
// platform does with personal data, grouped by the module that does it, naming the tables that
// hold it so the page can count what is held now. Pure data; the counts are read by
// site.repository.ts#countRows.
import type { DB } from '../../platform/db/schema.ts';

export interface ProcessingActivity {
  module: string;
  name: string;
  controller: 'each organisation' | 'the network';
  people: string;
  data: string;
  specialCategory: boolean;
  purposes: string;
  lawfulBasis: string;
  recipients: string;
  retention: string;
  /** Tables holding it, counted live on the page. */
  tables: readonly (keyof DB)[];
}

export const SECURITY_MEASURES: readonly string[] = [
  'Every organisation sees only its own records; every query is scoped by organisation and tested.',
  'Participants are pseudonymous codes; names and details are optional; volunteers see fewer details.',
  'Passwords hashed with argon2id; sessions end after 12 hours idle; sign-in attempts limited.',
  'Every view or export of a participant is written to an audit log the lead reads.',
  'Published figures are totals for groups of 8 or more, with consent, from dated monthly releases.',
  'Erasure is final: a keyed hash stops an erased code coming back by import.',
  'TLS, encrypted disks or managed-database encryption, and backups are run by the operator.',
];

export const PROCESSING_REGISTER: readonly ProcessingActivity[] = [
  {
    module: 'accounts and network',
    name: 'Accounts, sign-in and membership',
    controller: 'the network',
    people: 'staff, volunteers and coordinators of member organisations; people applying to join',
    data: 'name, email address, password hash, roles, sign-in sessions, applications to join',
    specialCategory: false,
    purposes: 'letting people sign in and do their work; running the membership',
    lawfulBasis: 'Article 6(1)(b) contract with members, and 6(1)(f) legitimate interests',
    recipients: 'coordinators; the organisation’s lead sees their own team',
    retention: 'while the account is in use; sessions 14 days at most; sign-in links a week in the job archive',
    tables: ['people', 'memberships', 'sessions', 'email_tokens', 'applications', 'application_events'],
  },
  {
    module: 'evidence',
    name: 'Participants, consent and questionnaires',
    controller: 'each organisation',
    people: 'people in recovery who take part in an organisation’s groups',
    data: 'code, optional first name, age band, gender, ethnic group, substances, local authority, consent decisions, questionnaire answers and scores',
    specialCategory: true,
    purposes: 'seeing how people are getting on; showing the difference the organisation makes',
    lawfulBasis:
      'Article 6(1)(a) consent (or 6(1)(f) for a charity’s legitimate interests); Article 9(2)(a) explicit consent to keep a record',
    recipients: 'the organisation’s own staff and volunteers only; the network sees consented totals',
    retention: "each organisation's rule (below), counted from the last activity, after 30 days' notice",
    tables: [
      'evidence_participants',
      'evidence_consents',
      'evidence_assessments',
      'evidence_completion_links',
      'evidence_deleted_assessments',
    ],
  },
  {
    module: 'evidence',
    name: 'Sessions and volunteering',
    controller: 'each organisation',
    people: 'volunteers (name or initials, optional)',
    data: 'session dates and attendance counts, volunteer hours',
    specialCategory: false,
    purposes: 'reporting activity and social value',
    lawfulBasis: 'Article 6(1)(f) legitimate interests',
    recipients: 'the organisation; totals in network figures',
    retention: 'while the organisation is a member, or until it deletes them',
    tables: ['evidence_activities', 'evidence_volunteer_hours'],
  },
  {
    module: 'evidence',
    name: 'Erasure records',
    controller: 'each organisation',
    people: 'participants whose records were erased',
    data: 'a keyed hash of their code (no name or other detail)',
    specialCategory: false,
    purposes: 'making sure an erased person is not brought back by an old spreadsheet',
    lawfulBasis: 'Article 6(1)(c) legal obligation (to honour erasure)',
    recipients: 'nobody',
    retention: 'while the organisation is a member',
    tables: ['evidence_erased_codes', 'evidence_retention_batch_people'],
  },
  {
    module: 'insight',
    name: 'Network figures',
    controller: 'the network',
    people: 'participants who agreed to be in network evidence',
    data: 'totals and averages only, for groups of 8 or more',
    specialCategory: false,
    purposes: 'evidence of what recovery organisations achieve',
    lawfulBasis: 'Article 6(1)(a) consent; Article 9(2)(a) explicit consent',
    recipients: 'the public, commissioners, researchers (figures only)',
    retention: 'monthly releases are kept as published',
    tables: ['insight_participant_measures', 'insight_release_orgs'],
  },
  {
    module: 'events',
    name: 'Events and bookings',
    controller: 'the network',
    people: 'people who book events',
    data: 'name, email address, access needs they choose to share, feedback',
    specialCategory: false,
    purposes: 'running events and telling people about them',
    lawfulBasis: 'Article 6(1)(b) contract, 6(1)(a) consent for feedback',
    recipients: 'the organiser',
    retention: 'while the event is listed',
    tables: ['event_registrations', 'event_feedback'],
  },
  {
    module: 'voice',
    name: 'Consultations and papers',
    controller: 'the network',
    people: 'members who vote or comment',
    data: 'votes, statements and comments',
    specialCategory: false,
    purposes: 'finding what the network agrees on; papers to government',
    lawfulBasis: 'Article 6(1)(f) legitimate interests',
    recipients: 'coordinators; published results are totals',
    retention: 'while the consultation is kept',
    tables: ['voice_participants', 'voice_votes', 'voice_statements'],
  },
  {
    module: 'learning, standards and funding',
    name: 'Shared learning, standards and bids',
    controller: 'the network',
    people: 'members and peer reviewers',
    data: 'questions and answers, mentoring, reviews, bid work',
    specialCategory: false,
    purposes: 'sharing practice, checking standards, bidding together',
    lawfulBasis: 'Article 6(1)(f) legitimate interests',
    recipients: 'members; the public only where marked public',
    retention: 'while the member uses them',
    tables: ['learning_questions', 'learning_mentor_requests', 'standards_reviews', 'funding_bids'],
  },
  {
    module: 'platform',
    name: 'Audit log',
    controller: 'the network',
    people: 'everyone who uses the platform',
    data: 'who did what and when; internal record ids, never answers',
    specialCategory: false,
    purposes: 'accountability and security',
    lawfulBasis: 'Article 6(1)(c) and 6(1)(f)',
    recipients: "each organisation's lead sees their own",
    retention: 'while the organisation is a member',
    tables: ['audit_log'],
  },
];
