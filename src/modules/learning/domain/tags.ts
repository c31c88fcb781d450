// The library's fixed vocabularies: resource kinds, the five CHIME recovery processes
// (Leamy et al. 2011) and the topics people file things under. Codes never change.
export const RESOURCE_KINDS = ['guide', 'template', 'policy', 'toolkit', 'evaluation', 'story'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const KIND_LABEL: Record<ResourceKind, string> = {
  guide: 'Guide',
  template: 'Template',
  policy: 'Policy',
  toolkit: 'Toolkit',
  evaluation: 'Evaluation',
  story: 'Innovation story',
};

export const CHIME_DOMAINS = ['connectedness', 'hope', 'identity', 'meaning', 'empowerment'] as const;
export type ChimeDomain = (typeof CHIME_DOMAINS)[number];

export const CHIME_LABEL: Record<ChimeDomain, string> = {
  connectedness: 'Connectedness',
  hope: 'Hope',
  identity: 'Identity',
  meaning: 'Meaning',
  empowerment: 'Empowerment',
};

export const TOPICS = [
  'governance',
  'safeguarding',
  'volunteers',
  'funding',
  'outcomes',
  'peer-support',
  'harm-reduction',
  'families',
  'housing',
  'employment',
  'wellbeing',
  'data-protection',
  'events',
  'partnerships',
  'training',
] as const;
export type Topic = (typeof TOPICS)[number];

export const TOPIC_LABEL: Record<Topic, string> = {
  governance: 'Governance',
  safeguarding: 'Safeguarding',
  volunteers: 'Volunteers',
  funding: 'Funding',
  outcomes: 'Measuring outcomes',
  'peer-support': 'Peer support',
  'harm-reduction': 'Harm reduction',
  families: 'Families',
  housing: 'Housing',
  employment: 'Employment',
  wellbeing: 'Wellbeing',
  'data-protection': 'Data protection',
  events: 'Events',
  partnerships: 'Partnerships',
  training: 'Training',
};

export const LANGUAGE_LABEL = { en: 'English', cy: 'Cymraeg (Welsh)' } as const;
export type Language = keyof typeof LANGUAGE_LABEL;

/** Free tags on questions: lower case words and hyphens, a few of them. */
export function parseQuestionTags(raw: string): string[] {
  const tags = raw
    .toLowerCase()
    .split(/[,\s]+/)
    .map((t) => t.replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, ''))
    .filter((t) => t.length > 0 && t.length <= 40);
  return [...new Set(tags)].slice(0, 6);
}
