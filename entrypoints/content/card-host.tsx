/**
 * The card's home on the page: an element of Siyaq's own carrying
 * `data-siyaq-card`, with a closed shadow root, so the page's styles cannot
 * reach the card, the card's cannot reach the page, and the page's scripts can
 * neither read nor drive it (docs/adr/0008-card-in-a-closed-shadow-root.md).
 * Positioned by hand (lib/page/placement.ts) next to the mention.
 */
import { render } from 'preact';
import { Card, UndoNotice } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import type { CardData } from '../../lib/messages';
import type { CardView } from '../../lib/page/controller';
import { placeCard } from '../../lib/page/placement';
import { UNDO_MS, UndoOffer } from '../../lib/page/undo';
import { SIYAQ_UI_ATTRIBUTE } from '../../lib/reading/page-text';
import { localized, t } from '../../lib/i18n';
import type { Lang } from '../../lib/corpus/types';
import type { DigitSet } from '../../lib/digits';

export interface CardActions {
  onClose(): void;
  onOpenTimeline(topic: string): void;
  /** Mutes the topic for good: called once the reader has let the undo offer pass. */
  onMute(topic: string): void;
  /** Turns Siyaq off on this site for good: called once the reader has let the undo offer pass. */
  onDisableSite(): void;
}

/** The contract's name for the card's host element (DESIGN.md, contract 6). */
export const CARD_HOST_ATTRIBUTE = 'data-siyaq-card';

export interface CardHostOptions {
  /** Digits of the card's dates and counts (lib/digits.ts); Western when not given. */
  digits?: DigitSet;
  /** Whether an event is the reader's own (default: `isTrusted`); component tests, whose events are synthetic, replace it. */
  trusts?: (event: Event) => boolean;
}

export function createCardHost(
  doc: Document,
  lang: Lang,
  actions: CardActions,
  { trusts, digits = 'latn' }: CardHostOptions = {},
): CardView {
  const view = doc.defaultView ?? window;
  const host = doc.createElement('siyaq-card');
  host.setAttribute(SIYAQ_UI_ATTRIBUTE, '');
  host.setAttribute(CARD_HOST_ATTRIBUTE, '');
  // Inline and !important: the page's own rules must not move or hide the host.
  for (const [prop, value] of [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['z-index', '2147483647'],
    ['display', 'block'],
  ] as const) {
    host.style.setProperty(prop, value, 'important');
  }
  // Closed: host.shadowRoot is null to the page, whose scripts cannot reach the
  // card's text or buttons; this module keeps the only reference.
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptCss(doc, shadow, cardCss);
  const frame = doc.createElement('div');
  frame.className = 'siyaq-frame';
  frame.style.position = 'fixed';
  shadow.append(frame);
  doc.documentElement.append(host);

  let anchor: Range | null = null;
  let open = false;
  const undo = new UndoOffer(view, () => {
    // Time is up and the action is done: the notice goes, and the card with it.
    if (open) actions.onClose();
    clear();
  });

  const dialog = (): HTMLElement | null => frame.querySelector<HTMLElement>('[role="dialog"]');

  /** Places the card beside its mention; false when the mark is out of view and the card cannot stand beside it whole. */
  const place = (): boolean => {
    const card = dialog();
    if (!anchor || !card) return false;
    // The natural height, as if nothing had to scroll, then the room it gets.
    frame.style.setProperty('--sq-card-max-height', 'none');
    const natural = { width: card.offsetWidth, height: card.offsetHeight };
    const placement = placeCard({
      anchor: anchor.getBoundingClientRect(),
      card: natural,
      viewport: { width: view.innerWidth, height: view.innerHeight },
      rtl: lang === 'ar' || doc.dir === 'rtl',
    });
    frame.style.top = `${placement.top}px`;
    frame.style.left = `${placement.left}px`;
    frame.style.setProperty('--sq-card-max-height', `${placement.maxHeight}px`);
    frame.dataset.side = placement.side;
    // Whether to close on leaving the view is lib/page/follow.ts's to decide.
    return placement.inView;
  };

  /** The card gives way to a notice of what the reader did, with Undo, where the card was. */
  const offerUndo = (message: string, commit: () => void): void => {
    const hadFocus = shadow.activeElement !== null;
    undo.offer(commit);
    render(
      <UndoNotice
        message={message}
        lang={lang}
        durationMs={UNDO_MS}
        trusts={trusts}
        onUndo={() => {
          undo.cancel();
          actions.onClose();
          clear();
        }}
        onDismiss={() => {
          undo.settle();
          actions.onClose();
          clear();
        }}
      />,
      frame,
    );
    // The reader who came by keyboard can undo at once.
    if (hadFocus) frame.querySelector<HTMLElement>('[data-undo]')?.focus();
  };

  const clear = (): void => {
    render(null, frame);
    frame.hidden = true;
  };

  return {
    host,
    get isOpen() {
      return open;
    },
    show(data: CardData, range: Range, { articleDate, focus }) {
      // The reader moved on: what they did is done.
      undo.settle();
      anchor = range;
      open = true;
      frame.hidden = false;
      const label = localized(data.topic.label, lang);
      render(
        <Card
          data={data}
          articleDate={articleDate}
          lang={lang}
          digits={digits}
          onClose={actions.onClose}
          onOpenTimeline={actions.onOpenTimeline}
          onMute={(topic) => offerUndo(t('mutedNotice', lang, { label }), () => actions.onMute(topic))}
          onDisableSite={() => offerUndo(t('siteOffNotice', lang), actions.onDisableSite)}
          onResize={() => void place()}
          trusts={trusts}
        />,
        frame,
      );
      place();
      // Hover never takes focus from the page; the keyboard command does, so Tab reaches the card.
      if (focus) dialog()?.focus();
    },
    reposition: place,
    hide() {
      if (!open) return;
      open = false;
      anchor = null;
      // An undo notice outlives the card: it stays where the card was until its time is up.
      if (!undo.pending) clear();
    },
  };
}

function adoptCss(doc: Document, shadow: ShadowRoot, css: string): void {
  const view = doc.defaultView;
  try {
    // A constructed sheet is not subject to the page's style-src CSP.
    const sheet = new (view ?? window).CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts cannot hand a sheet built in their sandbox to the
    // page's shadow root (Xray wrappers); a <style> element there works.
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
