/**
 * Keeps an extension page's <html lang dir> and title in the interface
 * language, which the reader may change while the page is open.
 */
import { useEffect } from 'preact/hooks';
import { dirOf, t, type Lang, type StringKey } from '../lib/i18n';

export function useDocumentLang(lang: Lang, title: StringKey, suffix?: StringKey): void {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
    document.title = suffix ? `${t(title, lang)}: ${t(suffix, lang)}` : t(title, lang);
  }, [lang, title, suffix]);
}
