// The public Methods page: how every figure is worked out, in plain words first, the formulas
// after, and the published sources as real citations. Linked wherever a figure appears.
import type { PageContext } from '../../../platform/http/page-context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { MINIMUM_GROUP_SIZE } from '../domain/disclosure.ts';
import { SOURCES, type Source } from '../domain/sources.ts';

const S = SOURCES;
const Cite = ({ source, children }: { source: Source; children: string }) => (
  <a href={`#source-${source.id}`}>{children}</a>
);

export interface MethodsView {
  /** How reliable change is worked out for each shipped measure today, in words. */
  reliableChange: { measure: string; how: string }[];
}

export function MethodsPage({ ctx, view }: { ctx: PageContext; view: MethodsView }) {
  const sources = Object.values(SOURCES) as Source[];
  return (
    <Layout ctx={ctx} title="How the figures are worked out">
      <h1>How the figures are worked out</h1>
      <p class="lede">
        Every number on this site, in dashboards and in evidence packs, is worked out in the same way. Here is how, in
        plain words first, then the formulas, then the published sources.
      </p>
      <nav aria-label="On this page">
        <ul class="inline-list">
          <li>
            <a href="#questionnaires">Questionnaires</a>
          </li>
          <li>
            <a href="#change">Change</a>
          </li>
          <li>
            <a href="#reliable-change">Reliable change</a>
          </li>
          <li>
            <a href="#network">Network figures</a>
          </li>
          <li>
            <a href="#small-numbers">Small numbers</a>
          </li>
          <li>
            <a href="#social-value">Social value</a>
          </li>
          <li>
            <a href="#formulas">Formulas</a>
          </li>
          <li>
            <a href="#sources">Sources</a>
          </li>
        </ul>
      </nav>

      <h2 id="questionnaires">The questionnaires</h2>
      <p>
        People answer short questionnaires when they start and again later. Two are free for everyone:{' '}
        <strong>BARC-10</strong>, ten statements about the things that help recovery, scored from 10 to 60 (
        <Cite source={S.barc10}>Vilsaint and others, 2017</Cite>), and the <strong>ONS4</strong>, four questions about
        how life is going, each scored from 0 to 10, the same questions the Office for National Statistics asks across
        the country (<Cite source={S.ons4}>ONS personal well-being standard</Cite>).
      </p>

      <h2 id="change">Change</h2>
      <p>
        For each person we take their latest score and take away their first. The average of those changes is the
        headline: “recovery capital went up by about 7 points out of 60 on average”. Beside it is a range, the 95%
        confidence interval: if it does not include 0, the change is unlikely to be chance.
      </p>
      <p>
        People who answered once but not again are “lost to follow-up”. They are not in the change, and how many there
        were is always shown beside it, because people who are struggling are often harder to reach, which can make an
        average look better than it is. Nothing is filled in or guessed.
      </p>
      <p>
        A before-and-after change shows what changed for people. It does not show how much of that the organisation
        caused: there is no comparison group.
      </p>

      <h2 id="reliable-change">Reliable change</h2>
      <p>
        Any score moves a little from one day to the next. A person has <strong>reliably improved</strong> when their
        score went up by more than that everyday wobble could explain (
        <Cite source={S.jacobsonTruax}>Jacobson and Truax, 1991</Cite>). How big the wobble is depends on how consistent
        the questionnaire is (its reliability) and how much scores differ between people at the start (the spread, or
        standard deviation, at baseline).
      </p>
      <p>
        Where the questionnaire’s authors publish both, we use theirs. Where they do not, we work out what is missing
        from the network’s own first questionnaires, from people who agreed to network use, once at least 100 people
        have answered: the spread of their first scores and, when no reliability is published, Cronbach’s alpha from
        their answers to each question (<Cite source={S.cronbach}>Cronbach, 1951</Cite>). A single question has no
        alpha, so without a published reliability it has no reliable change. These are worked out again each week, and
        everyone’s figures follow. What each questionnaire uses today:
      </p>
      <ul class="list">
        {view.reliableChange.map((r) => (
          <li>
            <strong>{r.measure}:</strong> {r.how}
          </li>
        ))}
      </ul>

      <h2 id="network">Network figures</h2>
      <p>
        To say what happens across the network, each organisation’s average change is combined, giving more weight to
        organisations whose figure is more precise. Organisations really do differ, so the method allows for that (a
        “random-effects” model), and the range shown is deliberately cautious when only a few organisations take part (
        <Cite source={S.hartungKnapp}>Hartung and Knapp, 2001</Cite>). The “prediction interval” is where a new, similar
        organisation’s result would be expected to fall.
      </p>

      <h2 id="small-numbers">Small numbers are never shown</h2>
      <p>
        Outside an organisation, counts from 1 to {MINIMUM_GROUP_SIZE - 1} are shown as “fewer than {MINIMUM_GROUP_SIZE}
        ”, other counts are rounded to the nearest 5, and no average comes from fewer than {MINIMUM_GROUP_SIZE} people,
        so no one can be picked out (the rule <Cite source={S.nhsDisclosure}>NHS Digital</Cite> uses for its own
        statistics). Only people who agreed to their answers being used by the network are counted. An organisation sees
        its own exact figures.
      </p>
      <p>
        A small group is left out altogether. An organisation with fewer than {MINIMUM_GROUP_SIZE} people who agreed is
        not in any total or pooled figure, and a consortium’s figures can’t be made with one in it, because comparing
        groups with and without it would show how many people it has.
      </p>
      <p>
        Averages and their ranges are shown to one decimal place (or to the nearest 0.2 when about 10 people are behind
        them). Answers are whole numbers, so a very precise average can give away how many people it was worked out
        from; at this precision it can’t.
      </p>
      <h3 id="releases">Figures are published once a month</h3>
      <p>
        The figures you see outside an organisation come from a dated release, made on the 1st of each month, and say
        which one (“Figures as at 1 November 2026, next update 1 December 2026”). Between releases they do not change,
        even when new answers come in. That way no one can add a few people and watch what moves. Over many months the
        releases can still be compared; rounding, the size threshold and the fact that everything else changes over a
        month too are what stop that comparison from picking anyone out.
      </p>

      <h2 id="social-value">Social value</h2>
      <p>
        The wellbeing part follows the Treasury’s guidance: one point more life satisfaction for one person for a year
        is worth £13,000 in 2019 prices (<Cite source={S.greenBookWellbeing}>HM Treasury, 2021</Cite>). We take off a
        share that would have happened anyway and a share due to others, as the{' '}
        <Cite source={S.sroiGuide}>Cabinet Office guide</Cite> asks. Volunteer time is valued at the median hourly pay (
        <Cite source={S.ashe2024}>ONS, 2024</Cite>) and, by default, counted as a cost, not as value.
      </p>
      <p>
        A figure “for every £1 spent” is only shown when the organisation has entered its real running costs, and always
        with its range. Without costs we show the value created and say that a ratio needs the costs.
      </p>
      <p>
        Not yet confirmed: the low and high values per point of life satisfaction (£10,000 and £16,000) used to show how
        much the answer depends on that choice, the uprating to today’s prices (taken from a secondary source,{' '}
        <Cite source={S.biggar}>BiGGAR Economics</Cite>), and the discount rate for changes lasting more than a year. We
        say so wherever they are used. No licensed value bank is used: its licence does not allow its values in tools
        like this (<Cite source={S.hact}>HACT</Cite>).
      </p>

      <h2 id="formulas">The formulas</h2>
      <dl class="summary-list formulas">
        <div class="summary-row">
          <dt>Change for a person</dt>
          <dd>D = latest score − first score</dd>
        </div>
        <div class="summary-row">
          <dt>Mean change and its 95% CI</dt>
          <dd>mean(D) ± t(0.975, n − 1) × SD(D) / √n</dd>
        </div>
        <div class="summary-row">
          <dt>Effect size, d_z</dt>
          <dd>
            d_z = mean(D) / SD(D), with an exact 95% interval from the noncentral t distribution (
            <Cite source={S.lakens}>Lakens, 2013</Cite>; <Cite source={S.cummingFinch}>Cumming and Finch, 2001</Cite>)
          </dd>
        </div>
        <div class="summary-row">
          <dt>Reliable change index</dt>
          <dd>
            RCI = D / (s₁ × √2 × √(1 − r)); reliable when |RCI| &gt; 1.96, where s₁ is the baseline SD and r the
            reliability (<Cite source={S.jacobsonTruax}>Jacobson and Truax, 1991</Cite>, with the √2 of{' '}
            <Cite source={S.christensenMendoza}>Christensen and Mendoza, 1986</Cite>)
          </dd>
        </div>
        <div class="summary-row">
          <dt>Cronbach’s alpha</dt>
          <dd>
            α = k / (k − 1) × (1 − Σ var(itemᵢ) / var(total)), for k questions (
            <Cite source={S.cronbach}>Cronbach, 1951</Cite>)
          </dd>
        </div>
        <div class="summary-row">
          <dt>Pooling across organisations</dt>
          <dd>
            Random effects with between-organisation variance τ² by restricted maximum likelihood (
            <Cite source={S.viechtbauer}>Viechtbauer, 2005</Cite>; DerSimonian–Laird as its starting point,{' '}
            <Cite source={S.derSimonianLaird}>DerSimonian and Laird, 1986</Cite>), Hartung–Knapp confidence interval,
            heterogeneity I² (<Cite source={S.higginsThompson}>Higgins and Thompson, 2002</Cite>); checked against the R
            package metafor
          </dd>
        </div>
        <div class="summary-row">
          <dt>Wellbeing value</dt>
          <dd>
            max(0, mean change in life satisfaction) × people × £13,000 × uprating × (1 − deadweight) × (1 −
            displacement) × (1 − attribution) × years factor
          </dd>
        </div>
        <div class="summary-row">
          <dt>Value for every £1</dt>
          <dd>
            social value ÷ (running costs entered + volunteer time, when counted as a cost); shown only when running
            costs are entered
          </dd>
        </div>
      </dl>

      <h2 id="sources">Sources</h2>
      <ol class="sources">
        {sources.map((s) => (
          <li id={`source-${s.id}`}>
            {s.citation} {s.url && <a href={s.url}>{s.url.replace(/^https:\/\//, '')}</a>}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
