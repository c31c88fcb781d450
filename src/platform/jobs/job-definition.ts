// A job a module declares: a name, what it does, and optionally when it recurs.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../deps.ts';

export interface JobDefinition<Payload = Record<string, unknown>> {
  /** Unique across the app: '<module>.<verb-noun>', e.g. 'voice.close-consultations'. */
  readonly name: string;
  /** A cron expression in UK time (Europe/London) for a recurring job; absent for one-off jobs. */
  readonly schedule?: string;
  /** How many times a failed run is tried again, with backoff, before it is marked failed. Default 3. */
  readonly retryLimit?: number;
  /** Seconds before the first retry; each later retry waits about twice as long. Default 60. */
  readonly retryDelaySeconds?: number;
  /** Also queue one run whenever an instance starts its workers (catch-up for a missed slot). */
  readonly runOnStart?: boolean;
  run(deps: Deps, payload: Payload): Promise<void>;
}

export interface SendOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job with this key at a time (later sends are dropped). */
  singletonKey?: string;
  /**
   * The transaction the job belongs to: the job is queued only if it commits. Pass it when
   * sending inside a transaction (on the embedded engine a send outside it would wait for it).
   */
  within?: Kysely<DB>;
}

/** What /healthz and `connectors jobs` say about the queue. */
export interface JobQueueStatus {
  /** 'working': this instance runs jobs; 'sending': it only queues them (tests, the CLI). */
  state: 'working' | 'sending' | 'stopped';
  /** Jobs waiting or being retried, across every instance. */
  queued: number;
  /** Jobs that failed for good in the last day. */
  failedLastDay: number;
}

/** How a use case asks for a job: sent inside or after its transaction, run on the queue. */
export interface JobQueue {
  send(name: string, payload?: Record<string, unknown>, options?: SendOptions): Promise<void>;
  /** Optional so that a stand-in queue in a test needs only send. */
  status?(): Promise<JobQueueStatus>;
}
