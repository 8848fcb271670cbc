// @vitest-environment happy-dom
/**
 * The card's host: the undo offer after muting a topic or turning the site
 * off (nothing is committed until the offer ends), and the closed shadow root
 * that keeps the card from the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fireEvent, within } from '@testing-library/preact';
import { createCardHost } from '../../entrypoints/content/card-host';
import { UNDO_MS } from '../../lib/page/undo';
import type { CardView } from '../../lib/page/controller';
import { coalitionCard } from './fixtures';

let root: ShadowRoot;
let view: CardView;
let actions: {
  onClose: Mock<() => void>;
  onOpenTimeline: Mock<(t: string) => void>;
  onMute: Mock<(t: string) => void>;
  onDisableSite: Mock<() => void>;
};

function anchor(): Range {
  const p = document.createElement('p');
  p.textContent = 'قال التحالف الدولي';
  document.body.append(p);
  const range = document.createRange();
  range.selectNodeContents(p);
  return range;
}

beforeEach(() => {
  vi.useFakeTimers();
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  actions = {
    onClose: vi.fn<() => void>(),
    onOpenTimeline: vi.fn<(t: string) => void>(),
    onMute: vi.fn<(t: string) => void>(),
    onDisableSite: vi.fn<() => void>(),
  };
  // Synthetic events stand for the reader's here; the real card trusts only isTrusted ones.
  view = createCardHost(document, 'ar', actions, { trusts: () => true });
  root = attach.mock.results[0]!.value as ShadowRoot;
  attach.mockRestore();
  actions.onClose.mockImplementation(() => view.hide());
  view.show(coalitionCard(), anchor(), { articleDate: '2024-09-24', focus: false });
});

afterEach(() => {
  view.host.remove();
  document.body.replaceChildren();
  vi.useRealTimers();
});

const card = () => within(root as unknown as HTMLElement);
function mute(): void {
  fireEvent.click(card().getByRole('button', { name: 'المزيد' }));
  fireEvent.click(card().getByRole('button', { name: 'لا تُبرز هذا الموضوع' }));
}

describe('the card host', () => {
  it('lives in a closed shadow root, on a host marked data-siyaq-card', () => {
    expect(view.host.hasAttribute('data-siyaq-card')).toBe(true);
    expect(view.host.shadowRoot).toBeNull();
    expect(root.textContent).toContain('التحالف الدولي');
  });

  it('says in place of the card that the topic is muted, and mutes it once Undo is no longer offered', () => {
    mute();
    const notice = card().getByRole('status');
    expect(notice.textContent).toContain('لن يُبرز سياق «التحالف الدولي» بعد الآن.');
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(actions.onMute).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(actions.onMute).toHaveBeenCalledExactlyOnceWith('global-coalition');
    expect(card().queryByRole('status')).toBeNull();
  });

  it('does nothing when the reader undoes, even after the window', () => {
    mute();
    vi.advanceTimersByTime(UNDO_MS / 2);
    fireEvent.click(card().getByRole('button', { name: 'تراجع' }));
    vi.advanceTimersByTime(UNDO_MS * 2);
    expect(actions.onMute).not.toHaveBeenCalled();
    expect(card().queryByRole('status')).toBeNull();
  });

  it('keeps the notice when the card closes under it (pointer out, Escape), and still commits', () => {
    fireEvent.click(card().getByRole('button', { name: 'المزيد' }));
    fireEvent.click(card().getByRole('button', { name: 'أوقف سياق على هذا الموقع' }));
    view.hide();
    expect(card().getByRole('status').textContent).toContain('سيتوقف سياق على هذا الموقع.');
    vi.advanceTimersByTime(UNDO_MS);
    expect(actions.onDisableSite).toHaveBeenCalledOnce();
    expect(card().queryByRole('status')).toBeNull();
  });

  it('commits at once when the reader moves on to another card or leaves the page', () => {
    mute();
    view.show(coalitionCard(), anchor(), { articleDate: null, focus: false });
    expect(actions.onMute).toHaveBeenCalledOnce();
    expect(card().getByRole('dialog')).toBeTruthy();
    fireEvent.click(card().getByRole('button', { name: 'المزيد' }));
    fireEvent.click(card().getByRole('button', { name: 'أوقف سياق على هذا الموقع' }));
    window.dispatchEvent(new Event('pagehide'));
    expect(actions.onDisableSite).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(UNDO_MS);
    expect(actions.onDisableSite).toHaveBeenCalledOnce();
  });
});
