/**
 * The keyboard commands and where to change them, for the popup and the
 * options page: a reader cannot find a shortcut that is written nowhere.
 */
import { t, type Lang } from '../lib/i18n';
import type { BrowserKind, Shortcuts } from '../lib/shortcuts';

export interface KeyboardHelpProps {
  lang: Lang;
  /** null while the browser has not said yet. */
  shortcuts: Shortcuts | null;
  browserKind: BrowserKind;
  onChange(): void;
}

export function KeyboardHelp({ lang, shortcuts, browserKind, onChange }: KeyboardHelpProps) {
  const rows = [
    ['shortcutNext', shortcuts?.next],
    ['shortcutPrevious', shortcuts?.previous],
  ] as const;
  return (
    <div class="keyboard-help">
      {shortcuts ? (
        <dl class="shortcuts">
          {rows.map(([label, keys]) => (
            <div class="shortcut" key={label}>
              <dt>{keys ? <kbd dir="ltr">{keys}</kbd> : <span class="muted">{t('shortcutUnset', lang)}</span>}</dt>
              <dd>{t(label, lang)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p class="muted">
        {t(`shortcutsWhere_${browserKind}`, lang)}{' '}
        <button type="button" class="link-button" onClick={onChange}>
          {t('changeShortcuts', lang)}
        </button>
      </p>
    </div>
  );
}
