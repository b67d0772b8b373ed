import type { ReactiveControllerHost } from 'lit';

/** Where a task is: not started (or aborted), running, done with a value, or failed with an error. */
export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/** One piece of work: given a signal that fires when a newer run or abort() takes its place. */
export type TaskWork<Value> = (signal: AbortSignal) => Value | Promise<Value>;

/**
 * An element's asynchronous work (load a file, send a form, ask the host) as state to render:
 * `status`, and the `value` or `error` of the last run; the host re-renders on every change.
 * `run(work)` starts work, aborting any still running (only the latest run's outcome counts);
 * `run()` again retries the last work; `abort()` stops it and goes back to 'initial'. Work that
 * answers synchronously settles within the same call, so the element renders its outcome in the
 * update that started it, without a "pending" frame.
 *
 * The shape of @lit/task's Task (status, value, error, run, abort), in a fifth of its bytes: its
 * 1 KB gzip did not fit the budgets of the chunks that use this.
 */
export class AsyncTask<Value> {
  status: TaskStatus = 'initial';
  value?: Value;
  error?: unknown;
  private work?: TaskWork<Value>;
  private running?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Runs `work` (by default the last work again: a retry); resolves once it has settled. */
  async run(work: TaskWork<Value> = this.work!): Promise<void> {
    this.running?.abort();
    const running = (this.running = new AbortController());
    this.work = work;
    const settle = (status: TaskStatus, value = this.value, error?: unknown): void => {
      if (running != this.running) return;
      Object.assign(this, { status, value, error });
      this.host.requestUpdate();
    };
    // Pending before the work starts (a host it calls at once sees the element busy); the last
    // value stays readable meanwhile, the last error is gone.
    settle('pending');
    try {
      const result = work(running.signal);
      // Awaited only when it is a promise: an answer at hand settles in this same call.
      settle('complete', result instanceof Promise ? await result : result);
    } catch (error) {
      settle('error', undefined, error);
    }
  }

  /** Stops the running work, if any (its signal fires; its outcome is dropped), and forgets the last outcome. */
  abort(): void {
    this.running?.abort();
    this.running = undefined;
    this.status = 'initial';
    this.error = undefined;
    this.host.requestUpdate();
  }
}
