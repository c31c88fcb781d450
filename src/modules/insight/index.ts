// The insight module: statistics, pooling and disclosure control over recorded outcomes.
export { runPoolCommand } from './pool.command.ts';
