import { useEffect, useState } from 'preact/hooks';

/**
 * Loads data that may not exist yet: on first install the background is still
 * seeding the bundled library when the reader opens the popup. `load` returns
 * null for "not ready"; it is retried every `intervalMs` until `timeoutMs`.
 */
export function usePolled<T>(load: () => Promise<T | null>, intervalMs = 400, timeoutMs = 30_000): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.now() + timeoutMs;
    const attempt = async () => {
      try {
        const value = await load();
        if (stopped) return;
        if (value !== null) return setData(value);
        if (Date.now() < deadline) timer = setTimeout(attempt, intervalMs);
        else setError('timeout');
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e.message : String(e));
      }
    };
    void attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);
  return { data, error };
}
