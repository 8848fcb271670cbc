import '../../components/pages.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { Popup, type PageState } from '../../components/Popup';
import { setSiteOn } from '../../lib/site-access';
import { loadTimeline } from '../../components/library';
import { usePolled } from '../../components/usePolled';
import { dirOf, t, uiLang } from '../../lib/i18n';
import type { PageSummary, TabRequest } from '../../lib/messages';
import { getSettings, siteEnabled, siteOf, updateSettings, watchSettings, type Settings } from '../../lib/settings';

const lang = uiLang();
document.documentElement.lang = lang;
document.documentElement.dir = dirOf(lang);
document.title = t('appName', lang);

async function askPage(tabId: number): Promise<PageState> {
  try {
    const summary = (await browser.tabs.sendMessage(tabId, { type: 'page-summary' } satisfies TabRequest)) as PageSummary | undefined;
    return summary ? { state: 'ready', summary } : { state: 'none' };
  } catch {
    // No content script in this tab: a browser page, a site Siyaq does not read, or one loaded before install.
    return { state: 'none' };
  }
}

function App() {
  const { data, error } = usePolled(loadTimeline);
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'asking' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void getSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
      setTab(active ?? null);
      setPage(active?.id === undefined ? { state: 'none' } : await askPage(active.id));
    });
    return () => controller.abort();
  }, []);

  if (!settings) return null;
  const url = tab?.url ?? '';
  const site = siteOf(url) ?? null;

  const onToggleSite = (on: boolean) => {
    if (!site) return;
    // setSiteOn asks for the permission before its first await: still inside this click.
    void setSiteOn(site, on, tab?.id).then(
      async (result) => {
        setNotice(result === 'denied' ? t('siteGrantDenied', lang) : result === 'reload' ? t('siteReload', lang) : null);
        if (tab?.id !== undefined) setPage(await askPage(tab.id));
      },
      (e: unknown) => setNotice(e instanceof Error ? e.message : String(e)),
    );
  };

  return (
    <Popup
      lang={lang}
      data={data}
      error={error}
      page={page}
      site={site}
      siteOn={siteEnabled(settings, url)}
      settings={settings}
      notice={notice}
      onToggleSite={onToggleSite}
      onEnable={() => void updateSettings({ enabled: true })}
      onOpenTimelinePage={(topic) => {
        const hash = topic ? `#topic=${encodeURIComponent(topic)}` : '';
        void browser.tabs.create({ url: browser.runtime.getURL('/timeline.html') + hash }).then(() => window.close());
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />
  );
}

render(<App />, document.getElementById('app')!);
