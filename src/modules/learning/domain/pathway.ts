// Starting a LERO: the steps from an idea to a constituted group to a registered charity,
// each with plain guidance and the library topic that helps with it.
import type { Topic } from './tags.ts';

export interface PathwayStep {
  key: string;
  stage: 'idea' | 'group' | 'charity';
  title: string;
  guidance: string;
  topic: Topic;
}

export const STAGE_LABEL = {
  idea: 'From an idea',
  group: 'A constituted group',
  charity: 'A registered charity',
} as const;

export const PATHWAY_STEPS: readonly PathwayStep[] = [
  {
    key: 'people-and-purpose',
    stage: 'idea',
    topic: 'peer-support',
    title: 'People and purpose',
    guidance:
      'Find two or three others with lived experience who share the idea. Write down, in a few lines, who you want to help and how.',
  },
  {
    key: 'governing-document',
    stage: 'group',
    topic: 'governance',
    title: 'A governing document',
    guidance:
      'Agree a simple constitution: your purpose, who can be a member, how you make decisions and hold meetings. Model constitutions are in the library.',
  },
  {
    key: 'bank-account',
    stage: 'group',
    topic: 'governance',
    title: 'A bank account',
    guidance:
      'Open an account in the group\u2019s name with two unrelated people to sign. Keep a simple record of money in and out.',
  },
  {
    key: 'safeguarding',
    stage: 'group',
    topic: 'safeguarding',
    title: 'Safeguarding',
    guidance: 'Write a short safeguarding policy, name a lead, and know who to call locally if someone is at risk.',
  },
  {
    key: 'insurance',
    stage: 'group',
    topic: 'governance',
    title: 'Insurance',
    guidance: 'Get public liability insurance before you meet in public, and check what your venue already covers.',
  },
  {
    key: 'dbs-checks',
    stage: 'group',
    topic: 'safeguarding',
    title: 'DBS checks',
    guidance:
      'Work out which roles need a DBS check. A conviction in the past rarely rules anyone out: ask the library how others handle it.',
  },
  {
    key: 'data-protection',
    stage: 'group',
    topic: 'data-protection',
    title: 'Data protection',
    guidance:
      'Keep only what you need about people, lock it away, and tell people what you keep and why. Register with the ICO if you need to.',
  },
  {
    key: 'volunteers',
    stage: 'group',
    topic: 'volunteers',
    title: 'Volunteers',
    guidance:
      'Write a welcome, a role description and a way to support volunteers, many of whom are early in their own recovery.',
  },
  {
    key: 'first-funding',
    stage: 'charity',
    topic: 'funding',
    title: 'First funding',
    guidance:
      'Start small: a local community fund or a council grant. Keep your receipts and a few words about what changed.',
  },
  {
    key: 'measuring-outcomes',
    stage: 'charity',
    topic: 'outcomes',
    title: 'Measuring outcomes',
    guidance:
      'Use the network\u2019s free questionnaires in the evidence section, so your figures stand up next to anyone\u2019s.',
  },
  {
    key: 'register-charity',
    stage: 'charity',
    topic: 'governance',
    title: 'Register as a charity',
    guidance:
      'Once your income nears \u00a35,000 a year, or you want to apply to bigger funders, register with the Charity Commission (or OSCR in Scotland).',
  },
];

export const PATHWAY_STEP_KEYS = PATHWAY_STEPS.map((s) => s.key);

export function isPathwayStep(key: string): boolean {
  return PATHWAY_STEP_KEYS.includes(key);
}
