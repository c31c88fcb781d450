// The app's Prometheus metrics: one prom-client Registry per app (never prom-client's global
// one, so several apps in one process, as in tests, each count only their own), holding HTTP
// request counts and latencies, the database pool, the job queue, imports and Node's own
// process metrics. Gauges about the pool and the queue are read when Prometheus scrapes.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type pg from 'pg';
import type { DatabaseKind } from '../config.ts';
import type { JobQueueStatus } from '../jobs/job-definition.ts';
import type { ImportKind } from './imports.ts';

export interface MetricsSources {
  pool: pg.Pool;
  engine: DatabaseKind;
  /** The job queue's counts (a query; run at scrape time only). */
  jobStatus(): Promise<JobQueueStatus>;
  /** Told when a scrape could not read the queue (the gauges then read NaN). */
  onError?(err: unknown): void;
}

export interface AppMetrics {
  readonly registry: Registry;
  /** One answered request: its method, route pattern (never the raw URL), status and duration. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** One completed import and the rows it wrote. */
  countImport(kind: ImportKind, rows: number): void;
}

/** Route label for requests no route matched (so odd addresses make one series, not many). */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A method as a label: the usual ones as they are, anything else as one value. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

/** 200 → "2xx"; anything outside 100–599 → "unknown". */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'unknown';
}

export function createMetrics(sources: MetricsSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'rc_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'rc_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  const { pool, engine } = sources;
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['engine'] as const,
      registers,
      collect() {
        this.set({ engine }, read());
      },
    });
  poolGauge('rc_db_pool_connections', 'Connections the database pool holds open.', () => pool.totalCount);
  poolGauge('rc_db_pool_idle_connections', 'Open connections not in use.', () => pool.idleCount);
  poolGauge(
    'rc_db_pool_waiting_queries',
    'Queries waiting for a connection (the embedded engine has one, so this is its queue).',
    () => pool.waitingCount,
  );
  poolGauge('rc_db_pool_max_connections', 'The most connections the pool may open.', () => pool.options.max ?? 10);

  // One read of the queue per scrape, shared by its three gauges.
  let pending: Promise<JobQueueStatus | undefined> | undefined;
  const readQueue = () =>
    (pending ??= sources
      .jobStatus()
      .catch((err: unknown) => {
        sources.onError?.(err);
        return undefined;
      })
      .finally(() => setImmediate(() => (pending = undefined))));
  const queueGauge = (name: string, help: string, read: (s: JobQueueStatus) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const status = await readQueue();
        this.set(status ? read(status) : Number.NaN);
      },
    });
  queueGauge('rc_jobs_queued', 'Jobs waiting or waiting to be retried, across every instance.', (s) => s.queued);
  queueGauge('rc_jobs_failed_last_day', 'Jobs that failed for good in the last 24 hours.', (s) => s.failedLastDay);
  queueGauge('rc_jobs_worker_running', '1 when this instance runs jobs, 0 when it only queues them.', (s) =>
    s.state === 'working' ? 1 : 0,
  );

  const imports = new Counter({
    name: 'rc_imports_total',
    help: 'Imports completed (evidence files, 360Giving grant files).',
    labelNames: ['kind'] as const,
    registers,
  });
  const importedRows = new Counter({
    name: 'rc_imported_rows_total',
    help: 'Rows written by completed imports.',
    labelNames: ['kind'] as const,
    registers,
  });
  for (const kind of ['evidence', 'grants'] as const) {
    imports.inc({ kind }, 0); // present from the start, so rate() sees the first import
    importedRows.inc({ kind }, 0);
  }

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method: methodLabel(method), route, status_class: statusClass(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    countImport(kind, rows) {
      imports.inc({ kind });
      if (rows > 0) importedRows.inc({ kind }, rows);
    },
  };
}
