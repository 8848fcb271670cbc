/**
 * The card's home on the page: an element of Siyaq's own, with an open shadow
 * root, so the page's styles cannot reach the card and the card's cannot reach
 * the page. Positioned by hand (lib/page/placement.ts) next to the mention.
 */
import { render } from 'preact';
import { Card } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import type { CardData } from '../../lib/messages';
import type { CardView } from '../../lib/page/controller';
import { placeCard } from '../../lib/page/placement';
import { SIYAQ_UI_ATTRIBUTE } from '../../lib/detect/page-text';
import type { Lang } from '../../lib/corpus/types';
import type { DigitSet } from '../../lib/digits';

export interface CardActions {
  onClose(): void;
  onOpenTimeline(topic: string): void;
  onMute(topic: string): void;
  onDisableSite(): void;
}

export function createCardHost(doc: Document, lang: Lang, actions: CardActions, digits: DigitSet = 'latn'): CardView {
  const host = doc.createElement('siyaq-card');
  host.setAttribute(SIYAQ_UI_ATTRIBUTE, '');
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
  const shadow = host.attachShadow({ mode: 'open' });
  adoptCss(doc, shadow, cardCss);
  const frame = doc.createElement('div');
  frame.className = 'siyaq-frame';
  frame.style.position = 'fixed';
  shadow.append(frame);
  doc.documentElement.append(host);

  let anchor: Range | null = null;
  let open = false;

  const place = (): void => {
    if (!anchor) return;
    const rect = anchor.getBoundingClientRect();
    const view = doc.defaultView;
    const placement = placeCard({
      anchor: rect,
      card: { width: frame.offsetWidth || 360, height: frame.scrollHeight || 240 },
      viewport: { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
      rtl: lang === 'ar' || doc.dir === 'rtl',
    });
    frame.style.top = `${placement.top}px`;
    frame.style.left = `${placement.left}px`;
    // The card scrolls inside the room it has rather than growing past the viewport.
    frame.style.setProperty('--sq-card-max-height', `${placement.maxHeight}px`);
    frame.dataset.side = placement.side;
  };

  return {
    host,
    get isOpen() {
      return open;
    },
    show(data: CardData, range: Range, { articleDate, focus }) {
      anchor = range;
      open = true;
      frame.hidden = false;
      frame.style.removeProperty('--sq-card-max-height');
      render(
        <Card
          data={data}
          articleDate={articleDate}
          lang={lang}
          digits={digits}
          onClose={actions.onClose}
          onOpenTimeline={actions.onOpenTimeline}
          onMute={actions.onMute}
          onDisableSite={actions.onDisableSite}
        />,
        frame,
      );
      place();
      // Hover never takes focus from the page; the keyboard command does, so Tab reaches the card.
      if (focus) frame.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    },
    reposition: place,
    hide() {
      if (!open) return;
      open = false;
      anchor = null;
      render(null, frame);
      frame.hidden = true;
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
