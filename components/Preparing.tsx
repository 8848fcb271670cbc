import { t, type Lang } from '../lib/i18n';

/** Shown while the background seeds the bundled library (first install, update). */
export function Preparing({ lang }: { lang: Lang }) {
  return (
    <p class="preparing" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('preparing', lang)}
    </p>
  );
}
