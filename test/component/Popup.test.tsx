// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Popup, type PopupProps } from '../../components/Popup';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { PACK } from './fixtures';

afterEach(cleanup);

function renderPopup(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    lang: 'ar',
    digits: 'latn',
    data: PACK,
    error: null,
    page: {
      state: 'ready',
      summary: {
        url: 'https://www.aljazeera.net/news/1',
        active: true,
        arabic: true,
        article: true,
        published: '2024-09-24',
        topics: [
          { id: 'global-coalition', count: 3 },
          { id: 'sudani', count: 1 },
        ],
      },
    },
    site: { host: 'aljazeera.net', builtIn: true },
    siteOn: true,
    settings: { ...DEFAULT_SETTINGS },
    notice: null,
    onToggleSite: vi.fn(),
    onEnable: vi.fn(),
    onOpenTimelinePage: vi.fn(),
    onOpenOptions: vi.fn(),
    onShowTopic: vi.fn(),
    shortcuts: { next: 'Alt+Shift+J', previous: 'Alt+Shift+K' },
    browserKind: 'chrome',
    onChangeShortcuts: vi.fn(),
    ...overrides,
  };
  render(<Popup {...props} />);
  return props;
}

const shownIds = () => [...document.querySelectorAll('[data-event-id]')].map((el) => el.getAttribute('data-event-id'));

describe('Popup', () => {
  it('summarises the page: its date, what happened since, its topics with counts', () => {
    renderPopup();
    expect(document.querySelector('.marker')!.textContent).toBe('أنت تقرأ مقالاً من 24 سبتمبر 2024: حدث واحد منذ ذلك الحين');
    const topics = [...document.querySelectorAll('.page-topic')].map((el) => el.textContent);
    expect(topics).toEqual(['التحالف الدوليذُكر 3 مرات', 'محمد شياع السودانيذُكر مرة']);
  });

  it('scopes the timeline to the page’s topics, with a way to all events', () => {
    renderPopup();
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01', 'e-2014']);
    fireEvent.click(screen.getByRole('button', { name: 'كل الأحداث' }));
    expect(shownIds()).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'مواضيع هذه الصفحة فقط' }));
    fireEvent.click(document.querySelector('.chip[data-topic="sudani"]')!);
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01']);
  });

  it('takes the reader to a topic on the page: each is a button (Enter or click) that asks the tab to show it', () => {
    const props = renderPopup();
    const sudani = document.querySelector<HTMLButtonElement>('.page-topic[data-topic="sudani"]')!;
    // A native button: Enter and Space activate it, and it is in the Tab order.
    expect(sudani.tagName).toBe('BUTTON');
    expect(sudani.type).toBe('button');
    expect(sudani.title).toBe('اذهب إلى أول ذكر له في الصفحة وافتح بطاقته');
    fireEvent.click(sudani);
    expect(props.onShowTopic).toHaveBeenCalledWith('sudani');
    // Going to the page does not filter the popup's timeline behind it.
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01', 'e-2014']);
  });

  it('names the keyboard shortcuts as the browser has them, and where to change them', () => {
    const props = renderPopup({ shortcuts: { next: 'Alt+Shift+J', previous: '' } });
    const help = document.querySelector('.keyboard-help')!;
    expect([...help.querySelectorAll('.shortcut')].map((el) => el.textContent)).toEqual([
      'Alt+Shift+Jالاسم المُبرَز التالي في الصفحة',
      'بلا اختصارالاسم المُبرَز السابق',
    ]);
    expect(help.textContent).toContain('chrome://extensions/shortcuts');
    fireEvent.click(screen.getByRole('button', { name: 'غيّر الاختصارات' }));
    expect(props.onChangeShortcuts).toHaveBeenCalled();
    cleanup();
    renderPopup({ lang: 'en', browserKind: 'firefox' });
    expect(document.querySelector('.keyboard-help')!.textContent).toContain(
      'about:addons → the gear button → “Manage Extension Shortcuts”',
    );
    expect(document.querySelector('.keyboard-help kbd')!.textContent).toBe('Alt+Shift+J');
  });

  it('without an answer from a page (popup.html in a tab, a browser page) says why first, then lists the library (contract 6)', () => {
    renderPopup({ page: { state: 'none' }, site: null, siteOn: false });
    const pagePanel = document.querySelector('[aria-labelledby="on-this-page"]')!;
    expect(pagePanel.querySelector('p')!.textContent).toBe('لا يقرأ سياق هذه الصفحة. افتح مقالاً إخبارياً عربياً.');
    expect(screen.queryByRole('switch')).toBeNull();
    expect(shownIds()).toHaveLength(4);
  });

  it('keeps the timeline for the reader to open on a page Siyaq is off on, or that is not Arabic', () => {
    const base = { url: 'https://www.aljazeera.net/', published: null, topics: [] };
    for (const summary of [
      { ...base, active: false, arabic: false },
      { ...base, active: true, arabic: false },
    ]) {
      renderPopup({ page: { state: 'ready', summary } });
      expect(shownIds()).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: 'تصفّح الخط الزمني (4 أحداث)' }));
      expect(shownIds()).toHaveLength(4);
      cleanup();
    }
  });

  it('says first that nothing is marked on a page without marks, and keeps the timeline for the reader to open', async () => {
    const front = { url: 'https://www.aljazeera.net/', active: true, arabic: true, article: false, published: null, topics: [] };
    const texts = () => [...document.querySelectorAll('[aria-labelledby="on-this-page"] p')].map((p) => p.textContent);
    // A front page's teasers are not read: it says so, not that it knows no name there.
    renderPopup({ page: { state: 'ready', summary: front } });
    expect(texts()).toEqual([
      'لا شيء مُبرز في هذه الصفحة: ليست مقالاً، ويُبرز سياق الأسماء في المقالات لا في الصفحات الرئيسية وقوائم العناوين.',
      'لم يتبيّن تاريخ هذه الصفحة.',
    ]);
    cleanup();
    const summary = { ...front, url: 'https://www.aljazeera.net/news/2024/9/24/x', article: true };
    renderPopup({ page: { state: 'ready', summary } });
    expect(texts()).toEqual(['لا شيء مُبرز في هذه الصفحة: لم يجد فيها سياق اسماً يعرفه.', 'لم يتبيّن تاريخ نشر هذا المقال.']);
    expect(shownIds()).toEqual([]);
    // No "this page only" filter without page topics.
    expect(screen.queryByRole('button', { name: 'مواضيع هذه الصفحة فقط' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'ابحث في الأحداث' }));
    expect(shownIds()).toHaveLength(4);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('calls a page that is not an article a page, and an article an article', () => {
    const base = {
      url: 'https://www.aljazeera.net/',
      active: true,
      arabic: true,
      published: '2024-09-24',
      topics: [{ id: 'sudani', count: 2 }],
    };
    renderPopup({ page: { state: 'ready', summary: { ...base, article: false } } });
    expect(document.querySelector('.marker')!.textContent).toBe('أنت تقرأ صفحة من 24 سبتمبر 2024: حدث واحد منذ ذلك الحين');
    cleanup();
    renderPopup({ page: { state: 'ready', summary: { ...base, article: false, published: null } }, lang: 'en' });
    expect(screen.getByText('This page’s date is not known.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/article/i);
    cleanup();
    renderPopup({ page: { state: 'ready', summary: { ...base, article: true, published: null } } });
    expect(screen.getByText('لم يتبيّن تاريخ نشر هذا المقال.')).toBeTruthy();
  });

  it('writes dates and counts in the digits it is given', () => {
    renderPopup({ digits: 'arab' });
    expect(document.querySelector('.marker')!.textContent).toBe('أنت تقرأ مقالاً من ٢٤ سبتمبر ٢٠٢٤: حدث واحد منذ ذلك الحين');
    expect(document.querySelector('.page-topic[data-topic="global-coalition"]')!.textContent).toBe('التحالف الدوليذُكر ٣ مرات');
    expect(document.querySelector('.tl-year-title')!.textContent).toBe('٢٠٢٦');
    cleanup();
    // English keeps Western digits whatever the setting.
    renderPopup({ digits: 'arab', lang: 'en' });
    expect(document.querySelector('.marker')!.textContent).toBe('You are reading an article from 24 September 2024: 1 event since then');
  });

  it('says the library is being prepared before the first seeding ends', () => {
    renderPopup({ data: null });
    expect(screen.getByRole('status').textContent).toContain('يجهّز سياق مكتبة الأحداث');
    expect(shownIds()).toEqual([]);
  });

  it('switches the site from a click, and opens the timeline page at the chosen topic', () => {
    const props = renderPopup();
    const toggle = screen.getByRole('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(toggle.textContent).toContain('aljazeera.net');
    fireEvent.click(toggle);
    expect(props.onToggleSite).toHaveBeenCalledWith(false);
    fireEvent.click(document.querySelector('.chip[data-topic="sudani"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'افتح الخط الزمني في صفحة' }));
    expect(props.onOpenTimelinePage).toHaveBeenCalledWith('sudani');
  });

  it('has an English UI', () => {
    renderPopup({ lang: 'en' });
    expect(document.querySelector('.marker')!.textContent).toBe('You are reading an article from 24 September 2024: 1 event since then');
  });
});
