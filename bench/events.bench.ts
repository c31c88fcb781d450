// Events under load, against the bare JSX route in the same run: an event's public page (an
// anonymous visitor, rendered each time with its live count of places) and posting a booking
// (CSRF checked, the event's row locked, a registration written, the confirmation email with
// its calendar file written to the outbox, the 303 to the booking page). Every booking locks
// the same event row, so bookings for one event are serial by design: the figure is the
// ceiling for one popular event, not for the site. 303 is the booking's success answer.
import autocannon from 'autocannon';
import { engineLabel, load, saveResult, startServerProcess, table, type LoadResult } from './harness.ts';

const DURATION = 8;

async function bookingSession(base: string, eventId: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/events/${eventId}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
  if (!csrf) throw new Error('no CSRF token on the event page');
  return { cookie, csrf };
}

async function loadBookings(
  label: string,
  base: string,
  eventId: string,
  connections: number,
): Promise<LoadResult & { booked: number }> {
  const { cookie, csrf } = await bookingSession(base, eventId);
  let n = 0;
  type Requests = NonNullable<autocannon.Options['requests']>;
  const requests = [
    {
      method: 'POST',
      path: `/events/${eventId}/book`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      setupRequest: (req: Record<string, unknown>) => {
        const i = n++;
        const body = new URLSearchParams({
          _csrf: csrf,
          name: `Bench Person ${i}`,
          email: `bench${i}.${Date.now()}@bench.example`,
          places: '1',
          mode: i % 2 ? 'online' : 'in_person',
          access_needs: i % 5 ? '' : 'A quiet room, please',
        });
        return { ...req, body: body.toString() };
      },
    },
  ] as unknown as Requests;
  await autocannon({ url: base, connections, duration: 2, requests });
  const r = await autocannon({ url: base, connections, duration: DURATION, requests });
  const bad = r.errors + r['4xx'] + r['5xx'];
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: bad,
    non2xx: 0,
    booked: r['3xx'],
  };
}

export async function runEventsBench(): Promise<string> {
  const engine = engineLabel();
  const bare = await startServerProcess('bench/servers.tsx', ['bare']);
  const app = await startServerProcess('bench/events.server.ts', []);
  try {
    const eventId = app.lines
      .find((l) => l.startsWith('EVENT '))!
      .slice(6)
      .trim();
    const baseline = await load('bare JSX route', `${bare.url}/`, { connections: 50, duration: DURATION });
    const page = await load('event page, anonymous', `${app.url}/events/${eventId}`, {
      connections: 50,
      duration: DURATION,
    });
    const list = await load('events list, anonymous', `${app.url}/events`, { connections: 50, duration: DURATION });
    const book10 = await loadBookings('posting a booking, 10 connections', app.url, eventId, 10);
    const book50 = await loadBookings('posting a booking, 50 connections', app.url, eventId, 50);
    const results = [baseline, page, list, book10, book50];
    await saveResult(`events-${engine}`, { engine, results, booked: book10.booked + book50.booked });
    return `### Events (${engine})\n\n${table(results, baseline)}\n\nBookings answered 303 (success): ${(book10.booked + book50.booked).toLocaleString('en-GB')}.\n`;
  } finally {
    await app.stop();
    await bare.stop();
  }
}

const isMain = process.argv[1]?.endsWith('events.bench.ts');
if (isMain) console.log(await runEventsBench());
