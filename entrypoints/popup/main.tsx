import '../../components/pages.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { Popup, type PageState } from '../../components/Popup';
import { setSiteOn } from '../../lib/site-access';
import { loadTimeline } from '../../components/library';
import { usePolled } from '../../components/usePolled';
import { resolveDigits } from '../../lib/digits';
import { t, uiLang } from '../../lib/i18n';
import type { PageSummary, TabRequest } from '../../lib/messages';
import { siteEnabled, siteOf, updateSettings } from '../../lib/settings';
import { useSettings } from '../../components/useSettings';
import { BROWSER_KIND, openShortcutSettings, readShortcuts, type Shortcuts } from '../../lib/shortcuts';
import { useDocumentLang } from '../../components/useDocumentLang';
import { failureText } from '../../components/failure';

async function askPage(tabId: number): Promise<PageState> {
  try {
    const summary = await browser.tabs.sendMessage<TabRequest, PageSummary | undefined>(tabId, { type: 'page-summary' });
    return summary ? { state: 'ready', summary } : { state: 'none' };
  } catch {
    // No content script in this tab: a browser page, a site Siyaq does not read, or one loaded before install.
    return { state: 'none' };
  }
}

/**
 * The tab the popup reports on. Normally the active tab of the popup's window;
 * `popup.html?tab=<id>` names one instead. That serves a popup opened in a tab
 * of its own (popped out, or by the e2e tests), which would otherwise find
 * itself as "the active tab". Anything but a non-negative integer id is ignored.
 */
async function targetTab(search = location.search): Promise<Browser.tabs.Tab | null> {
  const raw = new URLSearchParams(search).get('tab');
  if (raw !== null && /^\d{1,10}$/.test(raw)) {
    const id = Number(raw);
    if (Number.isSafeInteger(id)) {
      // A closed or unknown tab is no tab: the popup then says the page cannot be read.
      return browser.tabs.get(id).catch(() => null);
    }
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active ?? null;
}

function App() {
  const [settings] = useSettings();
  const lang = uiLang(settings?.language);
  const { data, error } = usePolled(loadTimeline, (e) => failureText(e, lang));
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'asking' });
  const [notice, setNotice] = useState<string | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcuts | null>(null);
  useDocumentLang(lang, 'appName');

  useEffect(() => {
    readShortcuts().then(setShortcuts, () => undefined);
    void targetTab().then(async (target) => {
      setTab(target);
      setPage(target?.id === undefined ? { state: 'none' } : await askPage(target.id));
    });
  }, []);

  if (!settings) return null;
  // tab.url needs activeTab, granted only when the reader clicks the toolbar
  // button: a popup opened with ?tab= (popped out, or in tests) has no URL for
  // the tab, but the content script reports the page's own.
  const url = tab?.url ?? (page.state === 'ready' ? page.summary.url : '');
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
      digits={resolveDigits(settings.digits, () => (page.state === 'ready' ? (page.summary.digits ?? null) : null))}
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
      onShowTopic={(topic) => {
        if (tab?.id === undefined) return;
        // The popup closes so that the page, where the card opens with focus, has the keyboard.
        void browser.tabs.sendMessage(tab.id, { type: 'show-topic', topic } satisfies TabRequest).then(
          (answer) => (answer as { ok: boolean } | undefined)?.ok && window.close(),
          () => undefined,
        );
      }}
      shortcuts={shortcuts}
      browserKind={BROWSER_KIND}
      onChangeShortcuts={() => void openShortcutSettings(BROWSER_KIND).then(() => window.close())}
    />
  );
}

render(<App />, document.getElementById('app')!);
