import {
  type App,
  jobQueueActor,
  type Mailer,
  SEND_DUE_REMINDERS,
  SEND_NOTIFICATION_EMAIL,
  sendDueNotificationEmails,
  sendDueReminders,
  sendNotificationEmail,
} from "@lantoa/app";
import type { Db } from "@lantoa/db";
import { Logger, type Runner, run, runMigrations, type TaskList } from "graphile-worker";

/** What the job runner needs: the database, the app (reminders are a use case), the mailer (null: e-mail off). */
export interface JobRunnerOptions {
  readonly db: Db;
  readonly app: App;
  readonly mailer: Mailer | null;
  /** The admin app's public address, for links in e-mails. */
  readonly publicUrl: string;
  /** Days before a due date that reminders go out. */
  readonly reminderOffsetsDays: readonly number[];
  readonly clock?: () => Date;
}

/** A running job runner. */
export interface JobRunner {
  /** Runs the in-process pass now (PGlite); graphile-worker is woken by its own LISTEN. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Reminders are looked for every minute (graphile-worker's crontab, PGlite's timer): one cheap
 * query over the rounds taking work, so a deadline set close by is reminded of at once.
 */
const REMINDER_CRONTAB = `* * * * * ${SEND_DUE_REMINDERS} ?jobKey=${SEND_DUE_REMINDERS}&max=3`;
const REMINDER_INTERVAL_MS = 60_000;
/** How often PGlite's outbox is read for e-mails due (retries included). */
const OUTBOX_INTERVAL_MS = 5_000;

function taskList(options: JobRunnerOptions): TaskList {
  return {
    [SEND_NOTIFICATION_EMAIL]: async (payload) => {
      const { notificationId } = payload as { notificationId: string };
      // E-mail turned off since this was queued: the job fails and is retried until it is back on.
      if (!options.mailer) throw new Error("e-mail is off (LANTOA_SMTP_URL unset)");
      await sendNotificationEmail(
        {
          db: options.db,
          mailer: options.mailer,
          publicUrl: options.publicUrl,
          ...(options.clock ? { clock: options.clock } : {}),
        },
        notificationId,
      );
    },
    [SEND_DUE_REMINDERS]: async () => {
      const result = await options.app.run(sendDueReminders, jobQueueActor, {
        offsetsDays: [...options.reminderOffsetsDays],
      });
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    },
  };
}

/**
 * Installs graphile-worker's schema (so use cases can queue jobs with its SQL `add_job`) before
 * the gateway takes requests.
 */
export async function prepareGraphileWorker(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger() });
}

/**
 * Runs the jobs on PostgreSQL with graphile-worker: notification e-mails (retried with its
 * exponential backoff, up to 25 attempts) and the reminders, every minute by its crontab
 * and once at start. Jobs are rows of `graphile_worker`'s tables taken with SKIP LOCKED, so any
 * number of gateways run each once, and they survive restarts.
 */
export async function startGraphileJobRunner(
  options: JobRunnerOptions & {
    readonly databaseUrl: string;
    readonly concurrency?: number;
    readonly crontab?: boolean;
  },
): Promise<JobRunner> {
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    maxPoolSize: (options.concurrency ?? 2) + 2,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: taskList(options),
    ...(options.crontab === false ? {} : { crontab: REMINDER_CRONTAB }),
    logger: quietLogger(),
  });
  if (options.crontab !== false) {
    await runner.addJob(SEND_DUE_REMINDERS, {}, { jobKey: SEND_DUE_REMINDERS, maxAttempts: 3 });
  }
  return {
    wake: () => {},
    stop: () => runner.stop(),
  };
}

/**
 * Runs the same tasks in-process on PGlite (one process holds its folder): the notifications'
 * e-mail columns are the outbox, read every few seconds and when woken; a failed e-mail waits
 * for its next attempt (backoff) on its row, so nothing is lost across restarts. Reminders are
 * looked for at start and every minute.
 */
export function startInProcessJobRunner(options: JobRunnerOptions): JobRunner {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = async () => {
    if (!options.mailer) return;
    await sendDueNotificationEmails({
      db: options.db,
      mailer: options.mailer,
      publicUrl: options.publicUrl,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  };
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => console.warn("e-mail outbox: a pass failed", error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  const reminders = async () => {
    const result = await options.app.run(sendDueReminders, jobQueueActor, {
      offsetsDays: [...options.reminderOffsetsDays],
    });
    if (!result.ok) console.warn("reminders:", result.error.code);
    wake();
  };
  let reminding: Promise<void> = Promise.resolve();
  const remind = () => {
    if (stopped) return;
    reminding = reminders().catch((error: unknown) => console.warn("reminders failed", error));
  };
  const outboxTimer = setInterval(wake, OUTBOX_INTERVAL_MS);
  const reminderTimer = setInterval(remind, REMINDER_INTERVAL_MS);
  outboxTimer.unref();
  reminderTimer.unref();
  remind();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(outboxTimer);
      clearInterval(reminderTimer);
      await reminding;
      await running;
    },
  };
}

/** graphile-worker's logger, keeping warnings and errors only (its info lines are per job). */
function quietLogger() {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
  });
}
