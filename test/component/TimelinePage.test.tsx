// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { TimelinePage } from '../../components/TimelinePage';
import { PACK } from './fixtures';

beforeEach(() => {
  location.hash = '';
});
afterEach(cleanup);

const shownIds = () => [...document.querySelectorAll('[data-event-id]')].map((el) => el.getAttribute('data-event-id'));

describe('TimelinePage', () => {
  it('opens at the topic in the URL and follows hash changes', async () => {
    location.hash = '#topic=alina-romanowski';
    render(<TimelinePage lang="ar" data={PACK} error={null} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('أحداث: ألينا رومانوفسكي');
    expect(shownIds()).toEqual(['e-2024-09-23']);
    await act(() => {
      location.hash = '#topic=sudani';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(shownIds()).toEqual(['e-2026-09', 'e-2024-01']);
    fireEvent.click(screen.getByRole('button', { name: 'أظهر كل المواضيع' }));
    expect(location.hash).toBe('');
    expect(shownIds()).toHaveLength(4);
  });

  it('writes the chosen topic into the URL', () => {
    render(<TimelinePage lang="ar" data={PACK} error={null} />);
    fireEvent.click(document.querySelector('.chip[data-topic="global-coalition"]')!);
    expect(location.hash).toBe('#topic=global-coalition');
  });

  it('shows how the story moved: answers oldest first, who and when, quotes on demand', () => {
    render(<TimelinePage lang="ar" data={PACK} error={null} />);
    const question = document.querySelector('[data-question-id="q-end"]')!;
    expect(question.querySelector('h3')!.textContent).toBe('متى تنتهي مهمة التحالف؟');
    const answers = [...question.querySelectorAll('.answer')];
    expect(answers.map((a) => a.querySelector('.answer-text')!.textContent)).toEqual(['لا موعد بعد', 'سبتمبر 2026']);
    // A topic id names the speaker by the topic's label.
    expect(answers[0]!.querySelector('.answer-meta')!.textContent).toBe('محمد شياع السوداني، يناير 2024');
    expect(answers[1]!.querySelector('.answer-meta')!.textContent).toBe('بيان مشترك، 27 سبتمبر 2024');
    fireEvent.click(answers[1]!.querySelector('button')!);
    expect(answers[1]!.querySelector('.sq-evidence')!.textContent).toContain('«جواب ثان»');
  });

  it('keeps to the questions about the chosen topic', () => {
    location.hash = '#topic=alina-romanowski';
    render(<TimelinePage lang="ar" data={PACK} error={null} />);
    expect(document.querySelector('[data-question-id]')).toBeNull();
  });
});
