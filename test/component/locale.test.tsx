// @vitest-environment happy-dom
/**
 * The interface language and digits reach every view's dates, counts and
 * outlet names: the card (given them by the content script) and the
 * timeline (given the digits by its page's root).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Card, type CardProps } from '../../components/Card';
import { DigitsContext } from '../../components/digits-context';
import { Timeline } from '../../components/Timeline';
import { coalitionCard, PACK } from './fixtures';

afterEach(cleanup);

function renderCard(overrides: Partial<CardProps>) {
  render(
    <Card
      data={coalitionCard()}
      articleDate="2024-09-24"
      lang="ar"
      onClose={vi.fn()}
      onOpenTimeline={vi.fn()}
      onMute={vi.fn()}
      onDisableSite={vi.fn()}
      trusts={() => true}
      {...overrides}
    />,
  );
  return screen.getByRole('dialog');
}

/** The outlets show once the preview is expanded ("more"). */
function expand(dialog: HTMLElement): void {
  fireEvent.click(dialog.querySelector('.sq-button-more')!);
}

const outlets = () => [...document.querySelectorAll('.sq-event-outlets, .sq-outlet')].map((el) => el.textContent);

describe('language and digits in the views', () => {
  it('the card names outlets in English in the English interface, where the pack gives the name', () => {
    expand(renderCard({ lang: 'en' }));
    expect(outlets()).toContain('Al Jazeera');
    expect(outlets().join(' ')).not.toContain('الجزيرة');
    // No English name in the pack: the outlet's own.
    expect(outlets()).toContain('الحرة');
    cleanup();
    expand(renderCard({ lang: 'ar' }));
    expect(outlets()).toContain('الجزيرة نت');
  });

  it('the card writes its dates and counts in the digits it is given', () => {
    const dialog = renderCard({ digits: 'arab' });
    expect(dialog.textContent).toContain('هذا المقال · ٢٤ سبتمبر ٢٠٢٤');
    const times = [...dialog.querySelectorAll('time')].map((t) => t.textContent);
    for (const date of ['٢٠١٤', '≈ يناير ٢٠٢٤', '٢٤ سبتمبر ٢٠٢٤', 'سبتمبر ٢٠٢٦']) expect(times).toContain(date);
    expect(dialog.textContent).not.toMatch(/[0-9]/);
    cleanup();
    expect(renderCard({}).textContent).toContain('هذا المقال · 24 سبتمبر 2024');
  });

  it('the timeline takes its digits from its root, and its outlets from the language', () => {
    // The pack's own wording follows the digits too; its quotes stay as the source wrote them.
    const data = {
      ...PACK,
      events: PACK.events.map((e) =>
        e.id === 'e-2014'
          ? { ...e, summary: { ar: 'يضم 86 دولة.', en: '86 countries.' }, evidence: [{ source: 's1', quote: 'قالت 86 دولة' }] }
          : e,
      ),
    };
    render(
      <DigitsContext.Provider value="arab">
        <Timeline data={data} lang="ar" topic={null} onTopic={vi.fn()} />
      </DigitsContext.Provider>,
    );
    const e2014 = document.querySelector('[data-event-id="e-2014"]')!;
    expect(e2014.querySelector('.tl-event-summary')!.textContent).toBe('يضم ٨٦ دولة.');
    expect(e2014.querySelector('blockquote')!.textContent).toBe('«قالت 86 دولة»');
    expect([...document.querySelectorAll('.tl-year-title')].map((h) => h.textContent)).toEqual(['٢٠٢٦', '٢٠٢٤', '٢٠١٤']);
    expect(screen.getByRole('status').textContent).toBe('٤ أحداث');
    cleanup();
    render(<Timeline data={PACK} lang="en" topic={null} onTopic={vi.fn()} />);
    expect(outlets()).toContain('Al Jazeera');
    expect(outlets()).not.toContain('الجزيرة نت');
    expect(document.querySelector('.tl-year-title')!.textContent).toBe('2026');
  });
});
