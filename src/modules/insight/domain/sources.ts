// The published sources behind every figure, as people cite them. Shown on the Methods page and
// in packs. Where the platform could not confirm a value in its source, it says so in words.

export interface Source {
  id: string;
  citation: string;
  url?: string;
}

export const SOURCES = {
  barc10: {
    id: 'barc10',
    citation:
      'Vilsaint CL, Kelly JF, Bergman BG, Groshkova T, Best D, White W (2017). Development and validation of a Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug use disorder. Drug and Alcohol Dependence 177: 71–76.',
    url: 'https://doi.org/10.1016/j.drugalcdep.2017.03.022',
  },
  ons4: {
    id: 'ons4',
    citation:
      'Office for National Statistics / Government Analysis Function. Personal well-being harmonised standard (the four ONS personal wellbeing questions).',
    url: 'https://analysisfunction.civilservice.gov.uk/policy-store/personal-well-being/',
  },
  jacobsonTruax: {
    id: 'jacobson-truax',
    citation:
      'Jacobson NS, Truax P (1991). Clinical significance: a statistical approach to defining meaningful change in psychotherapy research. Journal of Consulting and Clinical Psychology 59(1): 12–19.',
    url: 'https://doi.org/10.1037/0022-006X.59.1.12',
  },
  christensenMendoza: {
    id: 'christensen-mendoza',
    citation:
      'Christensen L, Mendoza JL (1986). A method of assessing change in a single subject: an alteration of the RC index. Behavior Therapy 17(3): 305–308.',
  },
  cronbach: {
    id: 'cronbach',
    citation:
      'Cronbach LJ (1951). Coefficient alpha and the internal structure of tests. Psychometrika 16(3): 297–334.',
    url: 'https://doi.org/10.1007/BF02310555',
  },
  lakens: {
    id: 'lakens',
    citation:
      'Lakens D (2013). Calculating and reporting effect sizes to facilitate cumulative science: a practical primer for t-tests and ANOVAs. Frontiers in Psychology 4: 863.',
    url: 'https://doi.org/10.3389/fpsyg.2013.00863',
  },
  cummingFinch: {
    id: 'cumming-finch',
    citation:
      'Cumming G, Finch S (2001). A primer on the understanding, use, and calculation of confidence intervals that are based on central and noncentral distributions. Educational and Psychological Measurement 61(4): 532–574.',
  },
  derSimonianLaird: {
    id: 'dersimonian-laird',
    citation:
      'DerSimonian R, Laird N (1986). Meta-analysis in clinical trials. Controlled Clinical Trials 7(3): 177–188.',
  },
  viechtbauer: {
    id: 'viechtbauer',
    citation:
      'Viechtbauer W (2005). Bias and efficiency of meta-analytic variance estimators in the random-effects model. Journal of Educational and Behavioral Statistics 30(3): 261–293.',
  },
  hartungKnapp: {
    id: 'hartung-knapp',
    citation:
      'Hartung J, Knapp G (2001). On tests of the overall treatment effect in meta-analysis with normally distributed responses. Statistics in Medicine 20(12): 1771–1782.',
  },
  higginsThompson: {
    id: 'higgins-thompson',
    citation:
      'Higgins JPT, Thompson SG (2002). Quantifying heterogeneity in a meta-analysis. Statistics in Medicine 21(11): 1539–1558.',
  },
  greenBookWellbeing: {
    id: 'green-book-wellbeing',
    citation:
      'HM Treasury (2021). Wellbeing Guidance for Appraisal: Supplementary Green Book Guidance. July 2021. Open Government Licence v3.0.',
    url: 'https://www.gov.uk/government/publications/green-book-supplementary-guidance-wellbeing',
  },
  ashe2024: {
    id: 'ashe-2024',
    citation:
      'Office for National Statistics (2024). Employee earnings in the UK: 2024 (Annual Survey of Hours and Earnings).',
    url: 'https://www.ons.gov.uk/employmentandlabourmarket/peopleinwork/earningsandworkinghours/bulletins/annualsurveyofhoursandearnings/2024',
  },
  sroiGuide: {
    id: 'sroi-guide',
    citation:
      'Cabinet Office, Office of the Third Sector (2012). A guide to Social Return on Investment. Revised January 2012.',
  },
  hact: {
    id: 'hact',
    citation: 'HACT. UK Social Value Bank: licensing conditions.',
    url: 'https://hact.org.uk/tools-and-services/licensing-conditions-for-the-uk-social-value-bank/',
  },
  nhsDisclosure: {
    id: 'nhs-disclosure',
    citation:
      'NHS Digital (2018). Change to disclosure control methodology for Hospital Episode Statistics and Emergency Care Data Set from September 2018.',
    url: 'https://digital.nhs.uk/data-and-information/data-tools-and-services/data-services/hospital-episode-statistics/change-to-disclosure-control-methodology-for-hes-and-ecds-from-september-2018',
  },
  biggar: {
    id: 'biggar',
    citation:
      'BiGGAR Economics (2024). Valuing a satisfying life: the WELLBY approach (blog post, December 2024). A secondary source.',
  },
} as const satisfies Record<string, Source>;

/** "Jacobson & Truax (1991)" style short name with a link to the Methods page's list. */
export const methodsHref = (id?: string): string => (id ? `/methods#source-${id}` : '/methods');
