import '../../components/pages.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { library } from '../../components/options-library';
import { useDocumentLang } from '../../components/useDocumentLang';
import { disableExtraSite } from '../../lib/site-access';
import { uiLang } from '../../lib/i18n';
import { useSettings } from '../../components/useSettings';
import { BROWSER_KIND, openShortcutSettings, readShortcuts, type Shortcuts } from '../../lib/shortcuts';

function App() {
  const [settings] = useSettings();
  const [shortcuts, setShortcuts] = useState<Shortcuts | null>(null);
  const lang = uiLang(settings?.language);
  useDocumentLang(lang, 'optionsTitle');

  useEffect(() => {
    const controller = new AbortController();
    const refreshShortcuts = () => void readShortcuts().then(setShortcuts, () => undefined);
    refreshShortcuts();
    // The reader may change them in the browser's shortcuts page and come back to this tab.
    addEventListener('focus', refreshShortcuts, { signal: controller.signal });
    return () => controller.abort();
  }, []);

  if (!settings) return null;
  return (
    <Options
      lang={lang}
      library={library}
      version={browser.runtime.getManifest().version}
      onRemoveExtraHost={disableExtraSite}
      shortcuts={shortcuts}
      browserKind={BROWSER_KIND}
      onChangeShortcuts={() => void openShortcutSettings(BROWSER_KIND)}
    />
  );
}

render(<App />, document.getElementById('app')!);
