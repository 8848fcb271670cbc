// @vitest-environment happy-dom
import { describe, expect, it, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { Card, type CardProps } from '../../components/Card';
import { coalitionCard } from './fixtures';

afterEach(cleanup);

function renderCard(overrides: Partial<CardProps> = {}) {
  const props: CardProps = {
    data: coalitionCard(),
    articleDate: '2024-09-24',
    lang: 'ar',
    onClose: vi.fn(),
    onOpenTimeline: vi.fn(),
    onMute: vi.fn(),
    onDisableSite: vi.fn(),
    // fireEvent's events are synthetic (isTrusted false), as a page script's would be.
    trusts: () => true,
    ...overrides,
  };
  render(<Card {...props} />);
  return props;
}

function eventIdsIn(section: HTMLElement): string[] {
  return [...section.querySelectorAll('[data-event-id]')].map((el) => el.getAttribute('data-event-id')!);
}

describe('Card', () => {
  it('is a labelled RTL dialog headed by the Arabic label', () => {
    renderCard();
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('ar');
    expect(dialog.getAttribute('aria-label')).toContain('التحالف الدولي');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('التحالف الدولي');
    expect(dialog.textContent).toContain('تحالف ضد تنظيم الدولة.');
  });

  it('splits the events around the article date', () => {
    renderCard();
    const before = screen.getByRole('region', { name: 'قبل هذا المقال' });
    const after = screen.getByRole('region', { name: 'بعد هذا المقال' });
    expect(eventIdsIn(before)).toEqual(['e-2014', 'e-2024-01']);
    expect(eventIdsIn(after)).toEqual(['e-2026-09']);
    expect(screen.getByRole('dialog').textContent).toContain('هذا المقال · 24 سبتمبر 2024');
  });

  it('puts an event of the article month "around" it rather than guessing a side', () => {
    renderCard({ articleDate: '2024-01-15' });
    const around = screen.getByRole('region', { name: 'في وقت هذا المقال' });
    expect(eventIdsIn(around)).toEqual(['e-2024-01']);
  });

  it('lists the events as latest when the article date is unknown', () => {
    renderCard({ articleDate: null });
    expect(eventIdsIn(screen.getByRole('region', { name: 'أحدث الأحداث' }))).toEqual(['e-2014', 'e-2024-01', 'e-2026-09']);
  });

  it('shows dates at their precision, ≈ for inferred ones, and statuses other than happened', () => {
    renderCard();
    const item = (id: string) => document.querySelector<HTMLElement>(`[data-event-id="${id}"]`)!;
    expect(item('e-2014').querySelector('time')!.textContent).toBe('2014');
    const inferred = item('e-2024-01').querySelector('time')!;
    expect(inferred.textContent).toBe('≈ يناير 2024');
    expect(inferred.getAttribute('title')).toBeTruthy();
    expect(item('e-2026-09').textContent).toContain('مُقرَّر');
    expect(item('e-2014').textContent).not.toContain('مُقرَّر');
    fireEvent.click(screen.getByRole('button', { name: 'المزيد' }));
    expect(item('e-2026-09').textContent).toContain('الجزيرة نت، الحرة');
  });

  it('reveals the evidence quotes on demand', () => {
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'المزيد' }));
    const item = document.querySelector<HTMLElement>('[data-event-id="e-2026-09"]')!;
    const button = within(item).getByRole('button', { name: 'الاقتباس من المصدر' });
    const panel = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('«اقتباس عن النهاية»');
    expect(panel.textContent).toContain('«اقتباس ثان عن النهاية»');
    expect(panel.textContent).toContain('الحرة');
  });

  it('fires its actions with the topic id, and closes on Escape', () => {
    const props = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'الخط الزمني الكامل (7 أحداث)' }));
    expect(props.onOpenTimeline).toHaveBeenCalledWith('global-coalition');
    fireEvent.click(screen.getByRole('button', { name: 'المزيد' }));
    fireEvent.click(screen.getByRole('button', { name: 'لا تُبرز هذا الموضوع' }));
    expect(props.onMute).toHaveBeenCalledWith('global-coalition');
    fireEvent.click(screen.getByRole('button', { name: 'أوقف سياق على هذا الموقع' }));
    expect(props.onDisableSite).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    expect(props.onClose).toHaveBeenCalledOnce();
    fireEvent.keyDown(screen.getByRole('button', { name: 'إغلاق' }), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('speaks English when the UI is English, keeping the Arabic name', () => {
    renderCard({ lang: 'en' });
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('dir')).toBe('ltr');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('التحالف الدولي');
    expect(dialog.textContent).toContain('Global Coalition');
    expect(screen.getByRole('region', { name: 'Before this article' })).toBeTruthy();
    expect(dialog.textContent).toContain('≈ January 2024');
  });

  it('previews the nearest events on each side of the article, and shows the rest on "more"', () => {
    const base = coalitionCard();
    const at = (id: string, date: string, status: 'happened' | 'planned' = 'happened') => ({ ...base.events[0]!, id, date, status });
    const events = [at('a', '2020'), at('b', '2022-05'), at('c', '2024-01'), at('d', '2024-02-01'), at('e', '2026', 'planned')];
    const props = renderCard({ data: { ...base, events }, articleDate: '2024-04-09', onResize: vi.fn() });
    const shown = () => [...document.querySelectorAll('[data-event-id]')].map((el) => el.getAttribute('data-event-id'));
    // The two nearest before, and the plan after: never one side only.
    expect(shown()).toEqual(['c', 'd', 'e']);
    const more = screen.getByRole('button', { name: 'المزيد' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'لا تُبرز هذا الموضوع' })).toBeNull();
    fireEvent.click(more);
    expect(shown()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(screen.getByRole('button', { name: 'أقل' }).getAttribute('aria-expanded')).toBe('true');
    expect(props.onResize).toHaveBeenCalledOnce();
  });

  it('ignores clicks and keys that a page script dispatches', () => {
    const props = renderCard({ trusts: undefined });
    fireEvent.click(screen.getByRole('button', { name: 'الخط الزمني الكامل (7 أحداث)' }));
    fireEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'المزيد' }));
    expect(props.onOpenTimeline).not.toHaveBeenCalled();
    expect(props.onClose).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'لا تُبرز هذا الموضوع' }), 'a scripted click opened "more"').toBeNull();
  });
});
