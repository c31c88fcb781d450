// Pieces shared by the standards pages: labels, a standard's description, an assessment read out.
import type { ComponentChildren } from 'preact';
import { formatDate } from '../../ui/format.ts';
import { SummaryList } from '../../ui/components.tsx';
import { discloseCount, MINIMUM_GROUP_SIZE } from '../insight/index.ts';
import { LEVEL_LABEL, LEVELS, DOMAIN_LABEL, type Level, type Standard } from './domain/framework.ts';
import type { LiveFigures } from './self-assessment.service.ts';
import type { AssessmentView, DecisionView, Outcome } from './standards.pages.ts';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  recognised: 'Recognised',
  working_towards: 'Working towards',
  not_yet: 'Not yet',
};

export const STATUS_LABEL: Record<AssessmentView['status'], string> = {
  draft: 'Draft, not sent',
  submitted: 'Sent, with peer reviewers',
  decided: 'Decided',
};

export const levelOptions = LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }));

/** '2026-12-01' → '1 December 2026'. */
export const longDate = (iso: string): string => formatDate(new Date(`${iso}T12:00:00Z`));

export function StandardDetails({ standard, open = false }: { standard: Standard; open?: boolean }) {
  return (
    <details class="details" open={open}>
      <summary>What this standard asks, and what each level looks like</summary>
      <p>{standard.intent}</p>
      <p>
        <strong>Signs of it:</strong>
      </p>
      <ul>
        {standard.indicators.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
      <dl class="summary-list">
        {LEVELS.map((l) => (
          <div class="summary-row">
            <dt>{LEVEL_LABEL[l]}</dt>
            <dd>{standard.levels[l]}</dd>
          </div>
        ))}
      </dl>
      {standard.evidenceExamples.length > 0 && (
        <p>
          <strong>Evidence might be:</strong> {standard.evidenceExamples.join('; ')}.
        </p>
      )}
    </details>
  );
}

export function standardHeading(s: Standard): string {
  return `${s.key}. ${s.title}`;
}

export function domainName(s: Standard): string {
  return DOMAIN_LABEL[s.domain];
}

/**
 * The figures frozen with a self-assessment. Its own organisation sees them exactly; reviewers and
 * the panel are outside it, so counts about people (questionnaires, attendances) follow the rule
 * for every outside view: rounded to the nearest 5, and not shown under 8.
 */
export function LiveFiguresList({ figures, outside = false }: { figures: LiveFigures; outside?: boolean }) {
  const exact = (x: number) => x.toLocaleString('en-GB');
  const people = (x: number) => (outside ? discloseCount(x).display : exact(x));
  return (
    <SummaryList
      items={[
        { key: 'Questionnaires collected', value: people(figures.questionnaires) },
        { key: 'Sessions recorded', value: exact(figures.sessions) },
        { key: 'Attendances at sessions', value: people(figures.attendances) },
        { key: 'Volunteer hours', value: exact(figures.volunteerHours) },
        { key: 'Volunteers on the team', value: exact(figures.volunteersOnTeam) },
        ...(figures.eventsHeld === undefined
          ? []
          : [
              { key: outside ? 'Events they hosted' : 'Events you hosted', value: exact(figures.eventsHeld) },
              {
                key: outside ? 'People at their events' : 'People at your events',
                value: people(figures.eventAttendances ?? 0),
              },
            ]),
      ]}
    />
  );
}

export function FiguresCaption({ figures, outside = false }: { figures: LiveFigures; outside?: boolean }) {
  return (
    <p class="hint">
      From what {outside ? 'the organisation' : 'your organisation'} recorded on this platform between{' '}
      {longDate(figures.from)} and {longDate(figures.to)}.
      {outside &&
        ` Counts about people are rounded to the nearest 5 and not shown below ${MINIMUM_GROUP_SIZE}, as everywhere outside an organisation.`}
    </p>
  );
}

/** The self-assessment read out: level, words, links and files per standard. */
export function AssessmentReadout({
  assessment,
  fileHref,
  extra,
}: {
  assessment: AssessmentView;
  fileHref: (fileId: string) => string;
  extra?: (standard: Standard) => ComponentChildren;
}) {
  return (
    <>
      {assessment.definition.standards.map((s) => {
        const a = assessment.answers[s.key]!;
        return (
          <section class="standard-block" aria-labelledby={`std-${s.key}`}>
            <h3 id={`std-${s.key}`}>{standardHeading(s)}</h3>
            <p class="hint">{domainName(s)}</p>
            <SummaryList
              items={[
                { key: 'Their level', value: a.level ? LEVEL_LABEL[a.level] : 'Not chosen' },
                { key: 'What they do', value: a.narrative || 'Nothing written' },
                {
                  key: 'Evidence',
                  value:
                    a.links.length || a.files.length ? (
                      <ul class="plain-list">
                        {a.links.map((l) => (
                          <li>{/^https?:\/\//.test(l) ? <a href={l}>{l}</a> : l}</li>
                        ))}
                        {a.files.map((f) => (
                          <li>
                            <a href={fileHref(f.id)}>{f.filename}</a> (
                            {Math.ceil(f.size / 1024).toLocaleString('en-GB')} KB)
                          </li>
                        ))}
                      </ul>
                    ) : (
                      'None added'
                    ),
                },
              ]}
            />
            {extra?.(s)}
          </section>
        );
      })}
    </>
  );
}

export function DecisionReadout({ decision }: { decision: DecisionView }) {
  return (
    <SummaryList
      items={[
        { key: 'Decision', value: OUTCOME_LABEL[decision.outcome] },
        { key: 'Decided on', value: formatDate(decision.decidedAt) },
        ...(decision.renewalDue ? [{ key: 'Renewal due', value: longDate(decision.renewalDue) }] : []),
        { key: 'Feedback', value: decision.feedback },
        ...(decision.actionPlan ? [{ key: 'Agreed action plan', value: decision.actionPlan }] : []),
        ...(decision.reviewBy ? [{ key: 'Looking again by', value: longDate(decision.reviewBy) }] : []),
        ...(decision.response ? [{ key: 'Your response', value: decision.response }] : []),
      ]}
    />
  );
}

export function levelLabel(level: Level | null): string {
  return level ? LEVEL_LABEL[level] : 'Not chosen';
}
