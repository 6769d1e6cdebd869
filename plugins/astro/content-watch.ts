import { statSync } from 'node:fs';

export interface SettledLoadsOptions {
  /** Loads the spec again; throws on a content error. */
  load: () => Promise<void>;
  /** Reports a content error that is still there once the files stopped changing. */
  report: (error: unknown) => void;
  /** How long the content files must stay unchanged before they are read (ms). */
  quietMs?: number;
  /** After a failed load, how long to wait for the rest of a save before reporting (ms). */
  graceMs?: number;
}

/**
 * Turns the dev server's file events into spec loads that never read a save halfway: editors may
 * truncate a file and write it in several steps, so a load waits until events have gone quiet and
 * every touched file has the same size and mtime as at its last event. One load runs at a time;
 * events during a load queue one more, so the last edit always reaches the page. A content error
 * is reported only if no further write follows within `graceMs` (the rest of a slow save).
 */
export function settledLoads({ load, report, quietMs = 40, graceMs = 400 }: SettledLoadsOptions): (file: string) => void {
  const seen = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let queued = false;

  /** Whether a touched file changed since last looked at (its event, or the previous check). */
  const moved = () => {
    let changed = false;
    for (const [file, stamp] of seen) {
      const now = stampOf(file);
      if (now !== stamp) {
        seen.set(file, now);
        changed = true;
      }
    }
    return changed;
  };
  // Resolves once no event is pending and no touched file changed for `quietMs`.
  const settle = () =>
    new Promise<void>((resolve) => {
      const check = () => (moved() || timer !== undefined ? setTimeout(check, quietMs) : resolve());
      setTimeout(check, 0);
    });

  async function run(): Promise<void> {
    if (running) {
      queued = true;
      return;
    }
    running = true;
    try {
      do {
        queued = false;
        await settle();
        const read = new Map(seen);
        seen.clear();
        // Watchers may fold a quick second write into the first event: a file that changed since
        // it was read is read again, event or not.
        const rewritten = () => {
          for (const [file, stamp] of read) if (stampOf(file) !== stamp) seen.set(file, stamp);
          return seen.size > 0;
        };
        try {
          await load();
          rewritten();
        } catch (error) {
          // A save in two steps: the rest lands soon after; read again instead of reporting.
          await new Promise((resolve) => setTimeout(resolve, graceMs));
          if (!rewritten() && !queued) report(error);
        }
      } while (queued || seen.size > 0);
    } finally {
      running = false;
    }
  }

  return (file) => {
    seen.set(file, stampOf(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, quietMs);
  };
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
