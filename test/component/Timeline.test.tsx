// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { Timeline, groupByYearMonth, type TimelineProps } from '../../components/Timeline';
import { PACK } from './fixtures';

afterEach(cleanup);

function Harness(props: Partial<TimelineProps>) {
  const [topic, setTopic] = useState<string | null>(null);
  return <Timeline data={PACK} lang="ar" topic={topic} onTopic={setTopic} {...props} />;
}

const shownIds = () => [...document.querySelectorAll('[data-event-id]')].map((el) => el.getAttribute('data-event-id'));

describe('Timeline', () => {
  it('groups by year then month, newest first, year-only events last in their year', () => {
    const groups = groupByYearMonth([...PACK.events, { ...PACK.events[0]!, id: 'e-2024', date: '2024', datePrecision: 'year' }]);
    expect(groups.map((y) => [y.year, y.months.map((m) => m.key)])).toEqual([
      ['2026', ['2026-09']],
      ['2024', ['2024-09', '2024-01', '2024']],
      ['2014', ['2014']],
    ]);
  });

  it('renders every event with data-event-id under year and month headings', () => {
    render(<Harness />);
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-09-23', 'e-2024-01', 'e-2014']);
    const years = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(years).toEqual(['2026', '2024', '2014']);
    const months = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(months).toEqual(['سبتمبر', 'سبتمبر', 'يناير', 'خلال العام']);
  });

  it('filters by a topic chip and back to all', () => {
    render(<Harness />);
    const chips = screen.getByRole('group', { name: 'تصفية حسب الموضوع' });
    const chip = within(chips).getByRole('button', { name: 'محمد شياع السوداني' });
    fireEvent.click(chip);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01']);
    fireEvent.click(within(chips).getByRole('button', { name: 'كل المواضيع' }));
    expect(shownIds()).toHaveLength(4);
  });

  it('shows the first chips and the rest on demand, keeping the chosen one visible', () => {
    render(<Harness chipLimit={1} topic="sudani" />);
    const chips = () => [...document.querySelectorAll('.chip[data-topic]')].map((el) => el.getAttribute('data-topic'));
    expect(chips()).toEqual(['global-coalition', 'sudani']);
    const more = screen.getByRole('button', { name: 'موضوع آخر' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(chips()).toEqual(['global-coalition', 'sudani', 'alina-romanowski']);
    fireEvent.click(screen.getByRole('button', { name: 'مواضيع أقل' }));
    expect(chips()).toHaveLength(2);
  });

  it('keeps to the scope it is given', () => {
    render(<Harness scope={['alina-romanowski']} />);
    expect(shownIds()).toEqual(['e-2024-09-23']);
    expect(document.querySelectorAll('.chip[data-topic]')).toHaveLength(1);
  });

  it('finds Romanowski misspelt, and forgives hamza and harakat', () => {
    render(<Harness />);
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'رومانوسكي' } });
    expect(shownIds()).toEqual(['e-2024-09-23']);
    fireEvent.input(box, { target: { value: 'الينا' } });
    expect(shownIds()).toEqual(['e-2024-09-23']);
    fireEvent.input(box, { target: { value: 'التَّحالُف' } });
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01', 'e-2014']);
    fireEvent.input(box, { target: { value: 'قطار' } });
    expect(shownIds()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('لا أحداث تطابق البحث.');
  });

  it('shows an event’s quotes with outlet and title on demand', () => {
    render(<Harness />);
    const item = document.querySelector('[data-event-id="e-2024-01"]')!;
    const button = item.querySelector('button.sq-disclosure') as HTMLButtonElement;
    fireEvent.click(button);
    expect(item.querySelector('.sq-evidence')!.textContent).toContain('«اقتباس عن الحوار»');
    expect(item.querySelector('.sq-evidence')!.textContent).toContain('الحرة · مقال ثان');
  });
});
