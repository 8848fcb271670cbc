import { useEffect, useState } from 'preact/hooks';
import { DbError } from '../lib/db/db';

/**
 * Loads data that may not exist yet: on first install the background is still
 * seeding the bundled library when the reader opens the popup. `load` returns
 * null for "not ready"; it is retried every `intervalMs` until `timeoutMs`.
 * `describe` turns a failure into the text the reader sees (components/failure.ts).
 */
export function usePolled<T>(
  load: () => Promise<T | null>,
  describe: (error: unknown) => string,
  intervalMs = 400,
  timeoutMs = 10_000,
): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  // The failure itself, described at render time, in the language the reader has by then.
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.now() + timeoutMs;
    const attempt = async () => {
      try {
        const value = await load();
        if (stopped) return;
        if (value !== null) return setData(value);
        if (Date.now() < deadline) timer = setTimeout(() => void attempt(), intervalMs);
        else setError({ cause: new DbError('not-ready', `no library after ${timeoutMs} ms`) });
      } catch (e) {
        if (!stopped) setError({ cause: e });
      }
    };
    void attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);
  return { data, error: error === null ? null : describe(error.cause) };
}
