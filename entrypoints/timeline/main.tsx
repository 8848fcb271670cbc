import '../../components/pages.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { TimelinePage } from '../../components/TimelinePage';
import { DigitsContext } from '../../components/digits-context';
import { loadTimeline } from '../../components/library';
import { usePolled } from '../../components/usePolled';
import { useDocumentLang } from '../../components/useDocumentLang';
import { resolveDigits } from '../../lib/digits';
import { uiLang } from '../../lib/i18n';
import { getSettings, watchSettings, type Settings } from '../../lib/settings';

function App() {
  const { data, error } = usePolled(loadTimeline);
  const [settings, setSettings] = useState<Settings | null>(null);
  const lang = uiLang(settings?.language);
  useDocumentLang(lang, 'appName', 'timeline');

  useEffect(() => {
    const controller = new AbortController();
    void getSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);

  if (!settings) return null;
  // No page beside this tab: "as the page writes them" falls back to Western digits.
  return (
    <DigitsContext.Provider value={resolveDigits(settings.digits, () => null)}>
      <TimelinePage lang={lang} data={data} error={error} />
    </DigitsContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
