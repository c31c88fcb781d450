// The platform's own draft framework: two standards for each letter of CHIME (Leamy et al.
// 2011). The network's published standards are not public, so this is a starting draft that
// coordinators edit and publish as their own version.
import type { FrameworkDefinition } from './framework.ts';

export const DRAFT_FRAMEWORK_TITLE = 'Draft standards for lived experience recovery organisations';

export const DRAFT_FRAMEWORK: FrameworkDefinition = {
  introduction:
    'A draft for the network to change and agree. The standards are a framework for growth, not a cage: ' +
    'no two organisations are the same, and every level describes a good place to be on the way.',
  standards: [
    {
      key: 'C1',
      domain: 'connectedness',
      title: 'People find belonging and peer support here',
      intent: 'Anyone who comes is welcomed by people who have been where they are, and finds a place among others.',
      indicators: [
        'New people are welcomed by someone with lived experience',
        'There are regular times and places to meet',
        'People can bring family members or friends where they want to',
      ],
      levels: {
        emerging: 'We meet regularly and welcome new people, mostly by word of mouth.',
        developing: 'We have a clear welcome for new people and more than one way to take part.',
        established: 'People tell us they belong here; we check how welcome new people feel and act on it.',
        leading: 'We help other groups build belonging, and people move on to support others.',
      },
      evidenceExamples: [
        'A timetable of groups',
        'What new people said about their first visit',
        'Attendance over a year',
      ],
    },
    {
      key: 'C2',
      domain: 'connectedness',
      title: 'We connect people to their community and to other services',
      intent: 'Recovery happens in communities: people are linked to what else can help, on their own terms.',
      indicators: [
        'We know and work with local services',
        'People are helped to use community resources',
        'Referrals both ways',
      ],
      levels: {
        emerging: 'We know some local services and point people to them.',
        developing: 'We have working links with several services and a way to refer people.',
        established: 'We work with partners regularly and follow up with people after a referral.',
        leading: 'Partners ask us to shape how local services work together.',
      },
      evidenceExamples: ['A list of partners', 'Referral records', 'A letter from a partner'],
    },
    {
      key: 'H1',
      domain: 'hope',
      title: 'Recovery is visible and hope is shared',
      intent: 'People see that recovery is possible because people in recovery lead and tell their stories.',
      indicators: [
        'People in recovery lead activities',
        'Recovery stories are shared with consent',
        'We celebrate milestones',
      ],
      levels: {
        emerging: 'People in recovery run some of what we do.',
        developing: 'People in recovery lead most activities and share their stories when they want to.',
        established: 'Recovery is visible in our community through events and stories people chose to share.',
        leading: 'We help make recovery visible across our area and the network.',
      },
      evidenceExamples: ['Events such as recovery walks', 'Stories shared with consent', 'Who leads each activity'],
    },
    {
      key: 'H2',
      domain: 'hope',
      title: 'We notice and record what changes for people',
      intent: 'People and the organisation can see progress, using measures people understand and trust.',
      indicators: [
        'We use a recognised outcome measure',
        'People see their own progress',
        'We learn from what we find',
      ],
      levels: {
        emerging: 'We collect stories of change.',
        developing: 'We use an outcome measure with some of the people we support.',
        established: 'We use outcome measures routinely, with consent, and share results with people.',
        leading: 'Our figures are part of the network’s pooled evidence and we help others measure well.',
      },
      evidenceExamples: [
        'Questionnaires collected on the platform',
        'The latest evidence pack',
        'What we changed after',
      ],
    },
    {
      key: 'I1',
      domain: 'identity',
      title: 'Lived experience leads the organisation',
      intent: 'People with lived experience of recovery lead, govern and shape the organisation.',
      indicators: [
        'Lived experience on the board or steering group',
        'Volunteers with lived experience',
        'Paths into roles',
      ],
      levels: {
        emerging: 'Our founders and some volunteers have lived experience.',
        developing: 'Lived experience is on our steering group and in most volunteer roles.',
        established: 'Most leaders and volunteers have lived experience, and there are paths into each role.',
        leading: 'We mentor other groups to put lived experience at their heart.',
      },
      evidenceExamples: ['Volunteers with lived experience', 'Board or steering group make-up', 'Role descriptions'],
    },
    {
      key: 'I2',
      domain: 'identity',
      title: 'Everyone is treated with dignity, free of stigma',
      intent: 'People are seen as whole people, and the organisation works against stigma and for inclusion.',
      indicators: [
        'Language that is kind and plain',
        'We reach people who are often left out',
        'Complaints are welcomed',
      ],
      levels: {
        emerging: 'We treat people kindly and listen to complaints.',
        developing: 'We have a simple equality and complaints approach that people know about.',
        established: 'We check who we reach and who we miss, and act on it.',
        leading: 'We challenge stigma in our area and share what works.',
      },
      evidenceExamples: ['Who takes part, by group', 'A complaints record', 'Training on stigma or inclusion'],
    },
    {
      key: 'M1',
      domain: 'meaning',
      title: 'People find purpose: roles, learning and giving back',
      intent: 'People find meaningful things to do, including volunteering, learning and work.',
      indicators: ['Volunteering roles with support', 'Learning and training opportunities', 'Routes to work or study'],
      levels: {
        emerging: 'People can help out informally.',
        developing: 'We have volunteer roles with support and some training.',
        established: 'Volunteers have supervision, training and recognition; some move on to work or study.',
        leading: 'We create training or work routes others use.',
      },
      evidenceExamples: ['Volunteer hours', 'Training given', 'People who moved on to work or study'],
    },
    {
      key: 'M2',
      domain: 'meaning',
      title: 'We are clear about what we do and why',
      intent: 'The organisation knows its purpose and plans, and lives within its means.',
      indicators: ['A written purpose people recognise', 'A plan for the year', 'Money and risk looked after'],
      levels: {
        emerging: 'We can say in a sentence what we are for.',
        developing: 'We have a written purpose and a simple plan.',
        established: 'We review our plan each year with the people we serve and keep good accounts.',
        leading: 'Our planning is shared with partners and others learn from it.',
      },
      evidenceExamples: ['A plan or annual report', 'Accounts', 'Minutes of a review'],
    },
    {
      key: 'E1',
      domain: 'empowerment',
      title: 'People shape what we do: co-production',
      intent: 'The people we serve decide with us what we offer and how.',
      indicators: ['People are asked and listened to', 'Decisions made together', 'Co-produced events and activities'],
      levels: {
        emerging: 'We ask people what they think.',
        developing: 'People help plan some activities and events.',
        established: 'Co-production is how we work: people share decisions and we show what changed.',
        leading: 'We speak with the network’s voice on policy, and help others co-produce.',
      },
      evidenceExamples: ['Co-produced events', 'Notes of a planning meeting', 'Consultations taken part in'],
    },
    {
      key: 'E2',
      domain: 'empowerment',
      title: 'People are kept safe and their data is respected',
      intent: 'People are safe, and their information is kept with consent and used only as they agreed.',
      indicators: ['Safeguarding that people know', 'Consent recorded before any record is kept', 'Data kept securely'],
      levels: {
        emerging: 'We have someone responsible for safeguarding and ask before keeping records.',
        developing: 'We have written safeguarding and data policies and follow them.',
        established: 'Consent is recorded and reviewed; we check our safeguarding each year.',
        leading: 'We help other groups get safeguarding and data protection right.',
      },
      evidenceExamples: ['Safeguarding policy', 'Consent records', 'Data protection training'],
    },
  ],
};
