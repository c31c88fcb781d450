// The demo network and synthetic data for benchmarks.
export { DEMO_PASSWORD, DEMO_SIGN_INS, demoOrganisations } from './demo.data.ts';
export { hasAnyOrganisation, seedDemo } from './demo.seed.ts';
export { seedSynthetic } from './synthetic.seed.ts';
