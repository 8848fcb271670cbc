/**
 * Which digits the interface writes numbers in: Western (0-9) or Arabic-Indic
 * (٠-٩). Outlets differ (most print Western digits, some Arabic-Indic), and a
 * card whose dates use one set beside a dateline in the other reads as two
 * voices, so by default the card follows the page it sits on when the page is
 * clear about it (docs/adr/0011-month-names-and-digits.md). Imported by the
 * content script: kept tiny and free of imports.
 */

export type DigitSet = 'latn' | 'arab';

/** The reader's choice; 'page' follows the page's own dateline, else Western. */
export type DigitsSetting = DigitSet | 'page';

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

/** `text` with its Western digits written in `digits`. */
export function withDigits(text: string, digits: DigitSet): string {
  return digits === 'latn' ? text : text.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + d.charCodeAt(0) - 48));
}

/** The one digit set `text` uses, or null when it has no digits or mixes the two. */
export function digitsIn(text: string): DigitSet | null {
  let western = 0;
  let indic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) western++;
    else if (
      (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_ZERO + 9) ||
      (c >= EXTENDED_ARABIC_INDIC_ZERO && c <= EXTENDED_ARABIC_INDIC_ZERO + 9)
    )
      indic++;
  }
  if (western > 0 === indic > 0) return null;
  return indic > 0 ? 'arab' : 'latn';
}

/** Characters of each dateline candidate read: a dateline is short, a paragraph after the headline is not one. */
const DATELINE_CHARS = 120;

/**
 * The digits of the page's dateline: the text of its <time> elements and of
 * the few elements right after the headline (byline, date). Null when the
 * page shows no such digits or mixes both sets: then the setting's default
 * (Western) stands.
 */
export function pageDigits(doc: Document): DigitSet | null {
  const parts: string[] = [];
  for (const el of [...doc.querySelectorAll('time')].slice(0, 5)) parts.push(el.textContent ?? '');
  const h1 = doc.querySelector('h1');
  let next = h1?.nextElementSibling ?? h1?.parentElement?.nextElementSibling ?? null;
  for (let i = 0; next && i < 2; i++, next = next.nextElementSibling) parts.push(next.textContent ?? '');
  return digitsIn(parts.map((p) => p.slice(0, DATELINE_CHARS)).join(' '));
}

/** The digits to show: the setting's, or the page's when it says to follow the page. */
export function resolveDigits(setting: DigitsSetting, page: () => DigitSet | null): DigitSet {
  return setting === 'page' ? (page() ?? 'latn') : setting;
}
