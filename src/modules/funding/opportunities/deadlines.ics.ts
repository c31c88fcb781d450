// The deadlines feed in iCalendar: one all-day event per opportunity, on its deadline.
import ical from 'ical-generator';

export function deadlinesCalendar(
  rows: readonly {
    id: string;
    funder: string;
    programme: string;
    deadline: string;
    link: string;
    notes: string;
    created_at: Date;
  }[],
  publicUrl: string,
): string {
  const host = new URL(publicUrl).host;
  const cal = ical({
    name: 'Funding deadlines – Recovery Connectors',
    prodId: { company: 'Recovery Connectors', product: 'funding', language: 'EN' },
  });
  for (const r of rows) {
    const [y, m, d] = r.deadline.split('-').map(Number) as [number, number, number];
    const url = `${publicUrl}/funding/opportunities/${r.id}`;
    cal.createEvent({
      id: `funding-deadline-${r.id}@${host}`,
      start: new Date(Date.UTC(y, m - 1, d)),
      allDay: true,
      summary: `Deadline: ${r.funder}, ${r.programme}`.replace(/</g, '\u2039').replace(/>/g, '\u203a'),
      description: `${r.notes ? `${r.notes}\n\n` : ''}${url}`.replace(/</g, '\u2039').replace(/>/g, '\u203a'),
      url,
      stamp: r.created_at,
    });
  }
  return cal.toString();
}
