/** The reader's settings, kept current while the view is open (null until read). */
import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../lib/settings';

export function useSettings(): [Settings | null, (settings: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void getSettings().then((s) => controller.signal.aborted || setSettings(s));
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  return [settings, setSettings];
}
