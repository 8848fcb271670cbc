import '../../components/pages.css';
import { render } from 'preact';
import { TimelinePage } from '../../components/TimelinePage';
import { DigitsContext } from '../../components/digits-context';
import { loadTimeline } from '../../components/library';
import { usePolled } from '../../components/usePolled';
import { useDocumentLang } from '../../components/useDocumentLang';
import { resolveDigits } from '../../lib/digits';
import { uiLang } from '../../lib/i18n';
import { useSettings } from '../../components/useSettings';
import { failureText } from '../../components/failure';

function App() {
  const [settings] = useSettings();
  const lang = uiLang(settings?.language);
  const { data, error } = usePolled(loadTimeline, (e) => failureText(e, lang));
  useDocumentLang(lang, 'appName', 'timeline');

  if (!settings) return null;
  // No page beside this tab: "as the page writes them" falls back to Western digits.
  return (
    <DigitsContext.Provider value={resolveDigits(settings.digits, () => null)}>
      <TimelinePage lang={lang} data={data} error={error} />
    </DigitsContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
