// A job a module declares: a name, what it does, and optionally when it recurs.
import type { Deps } from '../deps.ts';

export interface JobDefinition<Payload = Record<string, unknown>> {
  /** Unique across the app: '<module>.<verb-noun>', e.g. 'voice.close-consultations'. */
  readonly name: string;
  /** A cron expression in UK time (Europe/London) for a recurring job; absent for one-off jobs. */
  readonly schedule?: string;
  /** How many times a failed run is tried again, with backoff, before it is marked failed. Default 3. */
  readonly retryLimit?: number;
  run(deps: Deps, payload: Payload): Promise<void>;
}

export interface SendOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job with this key at a time (later sends are dropped). */
  singletonKey?: string;
}

/** How a use case asks for a job: sent inside or after its transaction, run on the queue. */
export interface JobQueue {
  send(name: string, payload?: Record<string, unknown>, options?: SendOptions): Promise<void>;
}
