// A standards framework as data: standards grouped by CHIME domain, each with indicators,
// four levels described in plain words, and examples of evidence.
import { z } from 'zod';

export const LEVELS = ['emerging', 'developing', 'established', 'leading'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABEL: Record<Level, string> = {
  emerging: 'Emerging',
  developing: 'Developing',
  established: 'Established',
  leading: 'Leading',
};

export const DOMAINS = ['connectedness', 'hope', 'identity', 'meaning', 'empowerment'] as const;
export type Domain = (typeof DOMAINS)[number];
export const DOMAIN_LABEL: Record<Domain, string> = {
  connectedness: 'Connectedness',
  hope: 'Hope and optimism',
  identity: 'Identity',
  meaning: 'Meaning',
  empowerment: 'Empowerment',
};

const text = (max: number) => z.string().trim().min(1).max(max);

export const StandardSchema = z.object({
  key: z.string().regex(/^[A-Z][0-9]{1,2}$/),
  domain: z.enum(DOMAINS),
  title: text(200),
  intent: text(1000),
  indicators: z.array(text(400)).min(1).max(12),
  levels: z.object({ emerging: text(600), developing: text(600), established: text(600), leading: text(600) }),
  evidenceExamples: z.array(text(300)).max(12),
});
export type Standard = z.infer<typeof StandardSchema>;

export const FrameworkDefinitionSchema = z.object({
  introduction: text(2000),
  standards: z
    .array(StandardSchema)
    .min(1)
    .max(40)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'Each standard needs its own key'),
});
export type FrameworkDefinition = z.infer<typeof FrameworkDefinitionSchema>;

export function standardsByDomain(definition: FrameworkDefinition): { domain: Domain; standards: Standard[] }[] {
  return DOMAINS.map((domain) => ({
    domain,
    standards: definition.standards.filter((s) => s.domain === domain),
  })).filter((g) => g.standards.length > 0);
}

export function findStandard(definition: FrameworkDefinition, key: string): Standard | undefined {
  return definition.standards.find((s) => s.key === key);
}
