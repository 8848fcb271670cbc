// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Popup, type PopupProps } from '../../components/Popup';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { PACK } from './fixtures';

afterEach(cleanup);

function renderPopup(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    lang: 'ar',
    data: PACK,
    error: null,
    page: {
      state: 'ready',
      summary: {
        url: 'https://www.aljazeera.net/news/1',
        active: true,
        arabic: true,
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
    fireEvent.click(document.querySelector('.page-topic[data-topic="sudani"]')!);
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01']);
  });

  it('lists every event when no content script answers, and says why', () => {
    renderPopup({ page: { state: 'none' }, site: null, siteOn: false });
    expect(screen.getByText('لا يقرأ سياق هذه الصفحة. افتح مقالاً إخبارياً عربياً.')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(shownIds()).toHaveLength(4);
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
    fireEvent.click(document.querySelector('.page-topic[data-topic="sudani"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'افتح الخط الزمني في صفحة' }));
    expect(props.onOpenTimelinePage).toHaveBeenCalledWith('sudani');
  });

  it('has an English UI', () => {
    renderPopup({ lang: 'en' });
    expect(document.querySelector('.marker')!.textContent).toBe('You are reading an article from 24 September 2024: 1 event since then');
  });
});
