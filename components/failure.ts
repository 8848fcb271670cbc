/**
 * What the reader reads when something fails: a translated sentence that says
 * what to do, never a raw English error alone (a database that cannot open in
 * a Firefox private window once showed one, or a spinner for half a minute).
 */
import { DbError } from '../lib/db/db';
import { t, type Lang } from '../lib/i18n';

const KEYS = { unavailable: 'dbUnavailable', blocked: 'dbBlocked', 'not-ready': 'dbNotReady' } as const;

export function failureText(error: unknown, lang: Lang): string {
  if (error instanceof DbError) return t(KEYS[error.kind], lang);
  return t('actionFailed', lang, { error: error instanceof Error ? error.message : String(error) });
}
