// "Coming up": the next few public events, for the home page and organisations' profiles.
import type { UpcomingEvent } from './upcoming.ts';

export function UpcomingEvents({
  events,
  heading,
  moreHref,
  moreLabel,
}: {
  events: UpcomingEvent[];
  heading: string;
  moreHref: string;
  moreLabel: string;
}) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="upcoming-events-heading">
      <h2 id="upcoming-events-heading">{heading}</h2>
      <ul class="upcoming-events">
        {events.map((e) => (
          <li>
            <a href={e.href}>{e.title}</a>
            <br />
            {e.when}
            {e.where ? ` · ${e.where}` : ''}
          </li>
        ))}
      </ul>
      <p>
        <a href={moreHref}>{moreLabel}</a>
      </p>
    </section>
  );
}
