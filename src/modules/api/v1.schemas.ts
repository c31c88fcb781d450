// Response schemas of /api/v1 (JSON Schema 2020-12, as OpenAPI 3.1 reads it). Fastify also
// serialises each answer through its schema, so a field that is not listed here never leaves.
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const num = { type: 'number' } as const;
const when = { type: 'string', format: 'date-time' } as const;
const url = { type: 'string', format: 'uri' } as const;
const nullable = <T extends { type: string }>(s: T) => ({ ...s, type: [s.type, 'null'] }) as const;
const obj = (properties: Record<string, unknown>, description?: string) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
  ...(description ? { description } : {}),
});
const list = (items: unknown) => ({ type: 'array', items }) as const;

/** A figure after disclosure control (insight's Disclosed): a value only when it may be shown. */
const disclosed = obj(
  {
    shown: { type: 'boolean' },
    value: { type: ['number', 'null'], description: 'null when withheld' },
    display: { type: 'string', description: 'What the public pages print: the figure, "fewer than 8" or "suppressed"' },
  },
  'A count or statistic after disclosure control: small numbers are withheld and counts rounded to the nearest 5.',
);

export const eventsResponse = obj({
  events: list(
    obj({
      id: str,
      title: str,
      starts_at: when,
      when: { ...str, description: 'In UK time, in words' },
      where: str,
      host: str,
      url,
    }),
  ),
});

export const libraryResponse = obj({
  resources: list(
    obj({
      id: str,
      title: str,
      summary: str,
      kind: str,
      organisation: str,
      published_at: nullable(when),
      url,
    }),
  ),
});

export const consultationsResponse = obj({
  consultations: list(
    obj({
      id: str,
      title: str,
      host: str,
      phase: { type: 'string', enum: ['upcoming', 'open', 'closed'] },
      opens_at: when,
      closes_at: when,
      url,
      results: {
        type: ['object', 'null'],
        description: 'null while the results are not public (shown after closing, or not yet worked out)',
        required: [
          'participants',
          'votes',
          'computed_at',
          'enough',
          'groups',
          'statements',
          'agreed',
          'disagreed',
          'divided',
        ],
        properties: {
          participants: int,
          votes: int,
          computed_at: nullable(when),
          enough: {
            type: 'boolean',
            description: 'false: too few people have voted enough for more than the counts to be shown',
          },
          groups: list(obj({ label: str, size: str, description: str })),
          statements: list(obj({ id: str, text: str, votes: int, agree: int, disagree: int, pass: int })),
          agreed: { ...list(str), description: 'Ids of statements every group agrees with' },
          disagreed: { ...list(str), description: 'Ids of statements every group disagrees with' },
          divided: { ...list(str), description: 'Ids of statements the groups see differently' },
        },
      },
    }),
  ),
});

const measure = {
  instrument_key: str,
  instrument: str,
  measure_key: str,
  measure: str,
  direction: { type: 'string', enum: ['higher_is_better', 'lower_is_better'] },
};

export const networkFiguresResponse = obj({
  release: {
    type: ['object', 'null'],
    description: 'The monthly release the figures come from; null before the first',
    required: ['released_on', 'next_release_on'],
    properties: { released_on: str, next_release_on: str },
  },
  totals: obj({
    organisations: int,
    excluded_organisations: disclosed,
    participants: disclosed,
    sessions: disclosed,
    attendance: disclosed,
    volunteer_hours: disclosed,
  }),
  measures: list(
    obj({
      ...measure,
      people: disclosed,
      organisations: int,
      excluded_organisations: disclosed,
      attrition: disclosed,
      sentence: str,
      pooled: {
        type: ['object', 'null'],
        required: ['estimate', 'ci_low', 'ci_high', 'pi_low', 'pi_high', 'tau2', 'i2'],
        properties: {
          estimate: num,
          ci_low: num,
          ci_high: num,
          pi_low: nullable(num),
          pi_high: nullable(num),
          tau2: num,
          i2: num,
        },
      },
      rows: list(
        obj({
          label: str,
          kind: { type: 'string', enum: ['own records', 'contributed summary'] },
          n: disclosed,
          mean: num,
          ci_low: num,
          ci_high: num,
          weight: nullable(num),
          rounded_to: num,
        }),
      ),
    }),
  ),
});

export const orgFiguresResponse = obj({
  organisation: obj({ name: str, slug: str }),
  reach: obj({ participants: int, assessed: int, sessions: int, attendance: int, volunteer_hours: num }),
  quarters: list(
    obj({
      quarter: str,
      sessions: int,
      attendance: int,
      volunteer_hours: num,
      assessments: int,
      people_assessed: int,
    }),
  ),
  measures: list(
    obj({
      ...measure,
      people: int,
      change: {
        type: ['object', 'null'],
        description: 'null until someone has a second score',
        required: ['paired', 'mean_change', 'ci_low', 'ci_high', 'mean_before', 'mean_after'],
        properties: {
          paired: int,
          mean_change: num,
          ci_low: num,
          ci_high: num,
          mean_before: num,
          mean_after: num,
        },
      },
    }),
  ),
});

/** The OpenAPI document itself: an object (validated in the tests against the 3.1 schema). */
export const openApiResponse = { type: 'object', additionalProperties: true } as const;
