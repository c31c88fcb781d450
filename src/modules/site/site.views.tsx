import { UpcomingEvents, type UpcomingEvent } from '../events/index.ts';
import type { PageContext } from '../../platform/http/page-context.ts';
import { formatDateTime } from '../../ui/format.ts';
import type { OutboxEntry } from '../../platform/mail/mailer.ts';
import { Button, Table, TextInput } from '../../ui/components.tsx';
import { HelpNow, type HelpNowLine } from '../../ui/help-now.tsx';
import { formatCount } from '../../ui/format.ts';
import { Layout } from '../../ui/layout.tsx';
import type { RecordsOfProcessingView } from './site.service.ts';

export interface HomeView {
  members: number;
  regions: { region: string; count: number }[];
  helpNow: HelpNowLine[];
  upcoming: UpcomingEvent[];
}

/** The network's four purposes: linked where the work exists, "coming" where it is still being built. */
const PURPOSES: { title: string; text: string; href?: string; linkText?: string }[] = [
  {
    title: 'Show what works',
    text: 'Measure recovery with shared, free, validated questionnaires, and pool the results into evidence that stands up.',
    href: '/impact',
    linkText: 'See what the network has found so far',
  },
  {
    title: 'Find the money',
    text: 'Show commissioners what we achieve and what it is worth, and bid together.',
    href: '/funding',
    linkText: 'See who funds recovery, open opportunities and bids',
  },
  {
    title: 'Learn from each other',
    text: 'Pass on what works, and help new groups get started.',
    href: '/learning',
    linkText: 'Guides, stories, starting a group, and questions answered by peers',
  },
  {
    title: 'Speak with one voice',
    text: 'Find what we agree on, and take it to local and national government.',
    href: '/voice',
    linkText: 'Consultations, our own words, and papers to government',
  },
];

export function HomePage({ ctx, view }: { ctx: PageContext; view: HomeView }) {
  return (
    <Layout ctx={ctx} title="Home">
      <h1>Find recovery support near you</h1>
      <p class="lede">
        Groups, cafés and support run by people in recovery from drug and alcohol problems, for anyone who wants it.
      </p>
      <form method="get" action="/find-support" class="home-search">
        <TextInput
          name="near"
          label="Your postcode or town"
          hint="For example LS6 3HN or Leeds"
          width="medium"
          autocomplete="postal-code"
          spellcheck={false}
        />
        <Button>Find support</Button>
      </form>
      <p>
        Or <a href="/find-support?mode=online">see support you can join online from anywhere</a>.
      </p>
      <HelpNow lines={view.helpNow} />
      <UpcomingEvents events={view.upcoming} heading="Coming up" moreHref="/events" moreLabel="All events" />
      <h2>Recovery Connectors</h2>
      <p>
        A shared home for lived experience recovery organisations: groups and charities run by people in recovery,
        helping others on the same road.{' '}
        {view.members === 1 ? 'One organisation is' : `${formatCount(view.members)} organisations are`} part of the
        network, from one-evening-a-week peer groups to charities with staff. Each does things its own way. Together we:
      </p>
      <div class="cards">
        {PURPOSES.map((p) => (
          <div class="card">
            <h3 class="card-title">{p.href ? <a href={p.href}>{p.title}</a> : p.title}</h3>
            <p>{p.text}</p>
            {p.href ? <p>{p.linkText}</p> : <p class="tag tag-coming">Coming: we are building this now</p>}
          </div>
        ))}
      </div>
      {view.regions.length > 0 && (
        <Table
          caption="Member organisations by region"
          columns={[
            { header: 'Region', cell: (r: HomeView['regions'][number]) => r.region || 'Not given' },
            { header: 'Organisations', cell: (r) => formatCount(r.count), numeric: true },
          ]}
          rows={view.regions}
        />
      )}
      <p>
        See <a href="/our-network">who is in the network and where</a>, or <a href="/join">ask to join</a>.
      </p>
      <h2>Already part of a member organisation?</h2>
      <p>
        <a href="/sign-in">Sign in</a> to record your activities and outcomes, and to see your organisation's figures.
      </p>
    </Layout>
  );
}

export function AboutPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="About this platform">
      <h1>About this platform</h1>
      <p class="lede">
        Recovery Connectors is built for a national network of lived experience recovery organisations (LEROs), and
        owned by the people who use it.
      </p>
      <p>
        Small organisations, each unique, are standing together. They need what none can build alone: evidence that a
        commissioner or a university will accept, a way to show what their work is worth, shared learning, and a
        collective voice.
      </p>
      <h2>Free and open</h2>
      <p>
        The software is free and open source, under the GNU Affero General Public License, version 3 or later. Anyone
        may run it, read it and improve it; anyone who runs a changed version for others must share their changes too.
      </p>
      <p>
        <a href="/about/data">About the data we use and where it comes from</a>
      </p>
    </Layout>
  );
}

export function PrivacyPage({
  ctx,
  defaultYears,
  noticeDays,
}: {
  ctx: PageContext;
  defaultYears: number;
  noticeDays: number;
}) {
  return (
    <Layout ctx={ctx} title="Privacy">
      <h1>Privacy</h1>
      <p class="lede">Information about someone's recovery is among the most private there is. We treat it that way.</p>

      <h2>Who looks after your information</h2>
      <p>
        If you take part in a group, the <strong>organisation that runs it</strong> is in charge of your record. The law
        calls them the data controller. They decide what is kept, and you can ask them about it.
      </p>
      <p>
        If you have an account to sign in, or come to a network event, the <strong>recovery network</strong> that runs
        this platform looks after that information.
      </p>

      <h2>What we keep</h2>
      <ul>
        <li>
          <strong>If you take part in a group:</strong> a code instead of your name (a first name only if you want),
          your age group, gender, ethnic group, what you are recovering from and your area, if you choose to say. Your
          answers to short questionnaires about how you are doing. What you agreed to, and when.
        </li>
        <li>
          <strong>If you have an account:</strong> your name, email address, your role, and when you signed in. We keep
          your password only in a scrambled form nobody can read.
        </li>
        <li>
          <strong>If you book an event or join in a consultation:</strong> your name, email, and what you share.
        </li>
        <li>A log of who looked at or downloaded anyone's records, so nobody can do it unseen.</li>
      </ul>

      <h2>Why we are allowed to keep it</h2>
      <p>
        Information about your health is special, so the law asks for more. We keep a record of you in a group only if
        you say yes. This is your <strong>explicit consent</strong> (UK GDPR Article 6(1)(a) and Article 9(2)(a)). Being
        in the network's figures is a separate yes, and so is being contacted. You can say no to any of them, and change
        your mind at any time.
      </p>
      <p>
        Accounts are kept so members can do their work together (Article 6(1)(b) and 6(1)(f): a contract with members,
        and the network's legitimate interests). The log is kept to keep everyone safe (Article 6(1)(f)).
      </p>

      <h2>Who sees it</h2>
      <ul>
        <li>Only the organisation you go to can see your record. Nobody else in the network can.</li>
        <li>
          The network only ever sees totals and averages for groups of 8 people or more, and only from people who said
          yes. Nobody can be picked out.
        </li>
        <li>We never sell it, and never use it for adverts.</li>
      </ul>

      <h2>How long we keep it</h2>
      <p>
        Each organisation chooses how long to keep records after the last time anything happened with a person: 2, 3, 6
        or 7 years, or until erased by hand. If they have not chosen, it is {defaultYears} years. Before anything is
        erased, the organisation's lead is told and has {noticeDays} days to check. Then it is erased for good.
      </p>
      <p>Accounts are kept while you use them. You can ask for yours to be closed.</p>

      <h2>Your rights</h2>
      <ul>
        <li>See everything kept about you, free of charge.</li>
        <li>Have something put right if it is wrong.</li>
        <li>Have your record erased. Once erased, it cannot come back.</li>
        <li>Take back any yes you gave, at any time. It won't change the help you get.</li>
        <li>Object to how your information is used, or ask for it to be used less.</li>
      </ul>
      <p>
        To use any of these, ask the organisation you go to. Any worker or volunteer can pass it on to their lead. They
        should answer within one month. For an account, ask the network's coordinators.
      </p>

      <h2>If you are not happy</h2>
      <p>
        Talk to the organisation first. If that does not help, you can complain to the Information Commissioner's
        Office: <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>, or call 0303 123 1113.
      </p>
    </Layout>
  );
}

export function RecordsOfProcessingPage({ ctx, view }: { ctx: PageContext; view: RecordsOfProcessingView }) {
  const r = view.retention;
  return (
    <Layout ctx={ctx} title="Records of processing">
      <h1>Records of processing</h1>
      <p class="lede">
        What personal data this platform holds, why, who sees it, how long it is kept and how it is kept safe. This is
        the record UK GDPR Article 30 asks for, made from what the platform holds today.
      </p>
      {view.activities.map((a) => (
        <section>
          <h2>{a.name}</h2>
          <dl class="summary-list">
            {(
              [
                ['Part of the platform', a.module],
                ['Controller', a.controller],
                ['People', a.people],
                ['Data', a.data + (a.specialCategory ? ' (special category: health)' : '')],
                ['Purposes', a.purposes],
                ['Lawful basis', a.lawfulBasis],
                ['Recipients', a.recipients],
                ['Kept for', a.retention],
                ['Records held now', formatCount(a.held)],
              ] as const
            ).map(([k, v]) => (
              <div class="summary-row">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <h2>Retention rules chosen by organisations</h2>
      <Table
        caption="Organisations by how long they keep participants' records"
        rows={[
          ...r.choices.map((c) => ({
            label: c.years === null ? 'Off (erased by hand only)' : `${c.years} years`,
            n: c.organisations,
          })),
          { label: `Not chosen: the default, ${r.defaultYears} years`, n: r.onDefault },
        ]}
        columns={[
          { header: 'Rule', cell: (x) => x.label },
          { header: 'Organisations', cell: (x) => formatCount(x.n), numeric: true },
        ]}
      />
      <p>Every erasure under a rule is reported to the organisation's lead {r.noticeDays} days before it happens.</p>
      <h2>How it is kept safe</h2>
      <ul>
        {view.security.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </Layout>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Accessibility">
      <h1>Accessibility</h1>
      <p class="lede">
        We want everyone to be able to use this site, on any phone or computer, with or without assistive technology.
      </p>
      <ul>
        <li>Every page works without JavaScript and on a slow connection.</li>
        <li>
          We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, and test every page
          automatically.
        </li>
        <li>You can zoom to 400% and use the whole site with a keyboard.</li>
      </ul>
      <p>
        If something doesn't work for you, please tell your organisation or the network's coordinators and we'll fix it.
      </p>
    </Layout>
  );
}

export function AboutDataPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="About the data">
      <h1>About the data</h1>
      <p class="lede">
        Where the maps, places and directory standards in this platform come from, and the credit they are due.
      </p>
      <h2 id="grants">Grants data</h2>
      <p>
        Grants are read in the 360Giving Data Standard 1.4.3 © 360Giving (
        <a href="https://www.threesixtygiving.org/">threesixtygiving.org</a>), from{' '}
        <a href="https://github.com/ThreeSixtyGiving/standard">github.com/ThreeSixtyGiving/standard</a>, licensed under{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. Unmodified.
      </p>
      <p>
        Each funder publishes its own grants under its own licence. Every page that shows grants names the publisher and
        the licence of the data it shows. The demo's grants are made up, and released under{' '}
        <a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>.
      </p>
      <h2>Postcodes, places and local authorities</h2>
      <p>Contains OS data © Crown copyright and database right 2025.</p>
      <p>Contains Royal Mail data © Royal Mail copyright and database right 2025.</p>
      <p>Contains National Statistics data © Crown copyright and database right 2025.</p>
      <p>
        Source: Office for National Statistics licensed under the{' '}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
          Open Government Licence v.3.0
        </a>
        .
      </p>
      <p>
        Postcode district centroids and local-authority assignments are derived from OS Code-Point® Open (October
        2025). This derived data is not an official OS or ONS product. We changed it: each postcode district's position
        is the average of its postcodes' positions, and each district is assigned the local authority that holds most of
        its postcodes.
      </p>
      <p>
        Northern Ireland, the Channel Islands and the Isle of Man are not included, because their postcode data is not
        openly licensed.
      </p>
      <h2>Place names</h2>
      <p>Contains Ordnance Survey data © Crown copyright and database right 2017.</p>
      <p>Contains Royal Mail data © Royal Mail copyright and database right 2017.</p>
      <p>Contains National Statistics data © Crown copyright and database right 2017.</p>
      <p>
        Place names and locations derived from OS Open Names (2017), licensed under the{' '}
        <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
          Open Government Licence v3.0
        </a>
        ; local-authority codes and names from the Office for National Statistics (OGL v3.0). This derived data has been
        changed (filtered to cities, towns, villages, suburbs and other settlements, re-projected to latitude and
        longitude, and matched to 2025 local authorities) and is not an official OS or ONS product.
      </p>
      <p>Hamlets are not included, and places named since 2017 may be missing: searching by postcode always works.</p>
      <h2>Hex maps</h2>
      <p>
        Hex maps © Open Innovations (odileeds/hexmaps), MIT Licence. Two local authority codes were updated to current
        ONS codes (Barnsley and Sheffield).
      </p>
      <details>
        <summary>The MIT Licence text</summary>
        <p>Copyright (c) 2017- Open Innovations</p>
        <p>
          Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
          documentation files (the "Software"), to deal in the Software without restriction, including without
          limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the
          Software, and to permit persons to whom the Software is furnished to do so, subject to the following
          conditions:
        </p>
        <p>
          The above copyright notice and this permission notice shall be included in all copies or substantial portions
          of the Software.
        </p>
        <p>
          THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED
          TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL
          THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
          CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
          DEALINGS IN THE SOFTWARE.
        </p>
      </details>
      <h2>Directory standard</h2>
      <p>
        Our directory of services follows Open Referral UK, the UK profile of the Human Services Data Specification
        (HSDS), so council and NHS directories can include the network's groups.
      </p>
    </Layout>
  );
}

export function OutboxPage({ ctx, entries }: { ctx: PageContext; entries: OutboxEntry[] }) {
  return (
    <Layout ctx={ctx} title="Demo outbox">
      <h1>Demo outbox</h1>
      <p class="lede">
        This is a demo outbox. In the demo, emails are not sent: they are kept here so you can follow invitation and
        sign-in links. Newest first.
      </p>
      <p>
        Anyone who can open this page can read these emails and use their links, so it is there only on a demo site (one
        started with <code>--demo</code>), never on a real one.
      </p>
      {entries.length === 0 && <p class="empty">No emails yet.</p>}
      {entries.map((e) => (
        <article class="card outbox-message">
          <h2 class="card-title">{e.subject}</h2>
          <p>
            To {e.to}, {formatDateTime(new Date(e.at))}
          </p>
          <pre class="mail-body">
            {e.text
              .split(/(https?:\/\/\S+)/)
              .map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
          </pre>
        </article>
      ))}
    </Layout>
  );
}
