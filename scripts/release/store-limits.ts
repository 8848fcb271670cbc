/**
 * What the two stores accept, as `npm run release` checks it (the sources are
 * named beside each figure; docs/store/README.md keeps the checklist).
 */

/** Chrome Web Store: the manifest description, in every locale, at most 132 characters. */
export const DESCRIPTION_MAX = 132;
/** addons.mozilla.org: the name at most 45 characters (Chrome allows 75). */
export const NAME_MAX = 45;

/**
 * Chrome's image guide: the 128 px icon is 96 px of artwork in 16 px of
 * transparent padding; the toolbar sizes use the whole square.
 */
export const ICON_SIZES = [
  { size: 16, padding: 0 },
  { size: 32, padding: 0 },
  { size: 48, padding: 0 },
  { size: 128, padding: 16 },
] as const;

/** Chrome Web Store screenshots: 1280×800 or 640×400. */
export const SCREENSHOT_SIZES = [
  { width: 1280, height: 800 },
  { width: 640, height: 400 },
] as const;
/** Chrome Web Store small promo tile. */
export const PROMO_TILE = { width: 440, height: 280 } as const;

/** The CSS Custom Highlight API, which paints every mark, is in Chrome from 105. */
export const MINIMUM_CHROME_VERSION = 105;
