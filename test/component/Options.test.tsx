// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, type Library, type PackSummary } from '../../components/Options';
import { getSettings, updateSettings } from '../../lib/settings';
import { PACK, SOURCES } from './fixtures';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const bundled: PackSummary = {
  id: PACK.id,
  title: PACK.title,
  version: 1,
  bundled: true,
  topics: PACK.topics.length,
  events: PACK.events.length,
  sources: SOURCES,
};

function fakeLibrary(overrides: Partial<Library> = {}): Library {
  return {
    packs: vi.fn(async () => [bundled]),
    topicLabels: vi.fn(async () => new Map(PACK.topics.map((tp) => [tp.id, tp.label]))),
    importPack: vi.fn(async () => ({ title: { ar: 'مكتبة', en: 'Library' } })),
    exportPack: vi.fn(async () => '{}'),
    removePack: vi.fn(async () => {}),
    resetBundled: vi.fn(async () => {}),
    persistStorage: vi.fn(async () => {}),
    packsChanged: vi.fn(async () => []),
    ...overrides,
  };
}

function renderOptions(library = fakeLibrary()) {
  const onRemoveExtraHost = vi.fn(async () => {});
  const onChangeShortcuts = vi.fn();
  render(
    <Options
      lang="ar"
      library={library}
      version="0.1.0"
      onRemoveExtraHost={onRemoveExtraHost}
      shortcuts={{ next: 'Alt+Shift+J', previous: 'Alt+Shift+K' }}
      browserKind="firefox"
      onChangeShortcuts={onChangeShortcuts}
    />,
  );
  return { library, onRemoveExtraHost, onChangeShortcuts };
}

describe('Options', () => {
  it('persists each change to extension storage', async () => {
    renderOptions();
    fireEvent.click(await screen.findByRole('radio', { name: /خط تحت الاسم/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'كل ذكر' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /العربية alarabiya.net/ }));
    fireEvent.change(screen.getByRole('slider'), { target: { value: '600' } });
    await waitFor(async () => {
      const s = await getSettings();
      expect(s).toMatchObject({ markStyle: 'underline', markAll: true, disabledHosts: ['alarabiya.net'], dwellMs: 600 });
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /تشغيل سياق/ }));
    await waitFor(async () => expect((await getSettings()).enabled).toBe(false));
  });

  it('sets the interface language and the digits', async () => {
    renderOptions();
    const browserLang = (await screen.findByRole('radio', { name: 'لغة المتصفح' })) as HTMLInputElement;
    expect(browserLang.checked).toBe(true);
    expect((screen.getByRole('radio', { name: /كما تكتبها الصفحة/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    fireEvent.click(screen.getByRole('radio', { name: 'أرقام هندية ٢٤ سبتمبر ٢٠٢٤' }));
    expect(screen.getByRole('radio', { name: 'أرقام غربية 24 سبتمبر 2024' })).toBeTruthy();
    await waitFor(async () => expect(await getSettings()).toMatchObject({ language: 'en', digits: 'arab' }));
  });

  it('names the keyboard shortcuts and where to change them', async () => {
    const { onChangeShortcuts } = renderOptions();
    const help = await waitFor(() => {
      const el = document.querySelector('.keyboard-help');
      expect(el).not.toBeNull();
      return el!;
    });
    expect([...help.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt+Shift+J', 'Alt+Shift+K']);
    expect(help.textContent).toContain('about:addons');
    fireEvent.click(screen.getByRole('button', { name: 'غيّر الاختصارات' }));
    expect(onChangeShortcuts).toHaveBeenCalled();
  });

  it('follows changes made elsewhere, and unmutes a topic by its label', async () => {
    renderOptions();
    await screen.findByRole('radio', { name: /تظليل خفيف/ });
    await updateSettings({ mutedTopics: ['sudani'], extraHosts: ['example.org'] });
    const unmute = await screen.findByRole('button', { name: 'أعد إبراز محمد شياع السوداني' });
    expect(screen.getByText('example.org')).toBeTruthy();
    fireEvent.click(unmute);
    await waitFor(async () => expect((await getSettings()).mutedTopics).toEqual([]));
  });

  it('mutes a topic chosen by its label, which then leaves the choices', async () => {
    renderOptions();
    const select = (await screen.findByRole('combobox', { name: /لا يُبرز بعد الآن/ })) as HTMLSelectElement;
    const mute = screen.getByRole('button', { name: 'أوقف إبرازه' }) as HTMLButtonElement;
    expect(mute.disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'sudani' } });
    fireEvent.click(mute);
    await waitFor(async () => expect((await getSettings()).mutedTopics).toEqual(['sudani']));
    await screen.findByRole('button', { name: 'أعد إبراز محمد شياع السوداني' });
    expect([...select.options].map((o) => o.value)).not.toContain('sudani');
  });

  it('shows the library: version, counts and sources with how their dates are known', async () => {
    renderOptions();
    const pack = await waitFor(() => {
      const el = document.querySelector('[data-pack-id="test-pack"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(pack.textContent).toContain('حزمة اختبار');
    expect(pack.textContent).toContain('3 مواضيع · 4 أحداث · مصدران');
    expect(pack.textContent).toContain('كيف عُرف التاريخ: تاريخ في رأس المقال');
    expect(pack.textContent).toContain('تاريخ النشر غير معروف');
    // The bundled pack can be exported, never removed.
    expect(screen.queryByRole('button', { name: 'إزالة' })).toBeNull();
  });

  it('shows why an import failed', async () => {
    const library = fakeLibrary({ importPack: vi.fn(async () => Promise.reject(new Error('events[2].date: not an ISO date'))) });
    renderOptions(library);
    const input = (await screen.findByLabelText('استيراد مكتبة (JSON)')) as HTMLInputElement;
    const file = new File(['{"format":"siyaq-corpus"}'], 'bad.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('تعذّر الاستيراد: events[2].date: not an ISO date');
    expect(library.importPack).toHaveBeenCalledWith('{"format":"siyaq-corpus"}');
  });
});
