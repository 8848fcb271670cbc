/**
 * The options page. Settings go straight to extension storage (lib/settings),
 * which open tabs watch, so every change applies at once. The event library is
 * reached through the `Library` the entry point builds over lib/db, which keeps
 * this view testable without a database.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Localized, Source } from '../lib/corpus/types';
import { DWELL_MAX_MS, DWELL_MIN_MS, muteTopic, setOutletEnabled, unmuteTopic, updateSettings, type Settings } from '../lib/settings';
import { OUTLETS } from '../lib/sites';
import { formatDate, localized, t, tn, type Lang } from '../lib/i18n';
import type { BrowserKind, Shortcuts } from '../lib/shortcuts';
import { MAX_PACK_BYTES } from '../lib/corpus/validate';
import type { SkippedPack } from '../lib/messages';
import { SourceLine } from './EventParts';
import { failureText } from './failure';
import { useSettings } from './useSettings';
import { KeyboardHelp } from './KeyboardHelp';

export interface PackSummary {
  id: string;
  title: Localized;
  version: number;
  bundled: boolean;
  topics: number;
  events: number;
  sources: Source[];
  /** The id this import had before a bundled release took it (it was kept under this one). */
  renamedFrom?: string;
}

/** A pack named in a question to the reader: enough to say which, and to offer its export. */
export type PackName = Pick<PackSummary, 'id' | 'title' | 'version'>;

/** An import either done, or waiting for the reader's word because it would replace an earlier one. */
export type ImportOutcome = { title: Localized } | { replaces: PackName };

export interface Library {
  packs(): Promise<PackSummary[]>;
  /** Labels of every topic, for the muted list. */
  topicLabels(): Promise<Map<string, Localized>>;
  /**
   * Validates and stores a pack; rejects with a readable message and changes
   * nothing on error. An earlier import with the same id is replaced only with `replace`.
   */
  importPack(json: string, options?: { replace: boolean }): Promise<ImportOutcome>;
  /** The pack as JSON text, in the pack format. */
  exportPack(id: string): Promise<string>;
  removePack(id: string): Promise<void>;
  /** Removes every imported pack and seeds the bundled one afresh. */
  resetBundled(): Promise<void>;
  /** Asks the browser to keep Siyaq's storage: IndexedDB is best-effort by default, and imports could be evicted. */
  persistStorage(): Promise<void>;
  /** Tells the background the packs changed; answers with the imports it leaves unmarked (too slow to prepare). */
  packsChanged(): Promise<SkippedPack[]>;
}

/** A question put to the reader before a pack is deleted: which packs, with their export offered. */
interface Confirm {
  text: string;
  action: string;
  exports: PackName[];
  go(): Promise<string>;
}

/** An error whose message is already written for the reader. */
class Told extends Error {}

export interface OptionsProps {
  lang: Lang;
  library: Library;
  /** The extension's version, from the manifest. */
  version: string;
  /** Stops Siyaq on an added site: unregisters its script and gives the permission back. */
  onRemoveExtraHost(host: string): Promise<void>;
  shortcuts: Shortcuts | null;
  browserKind: BrowserKind;
  onChangeShortcuts(): void;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Titles in a sentence, each quoted. */
function titles(packs: PackName[], lang: Lang): string {
  return packs.map((p) => `«${localized(p.title, lang)}»`).join(lang === 'ar' ? '، ' : ', ');
}

export function Options({ lang, library, version, onRemoveExtraHost, ...keyboard }: OptionsProps) {
  const [settings, setSettings] = useSettings();
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [labels, setLabels] = useState<Map<string, Localized>>(new Map());
  const [status, setStatus] = useState<Status>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [skipped, setSkipped] = useState<SkippedPack[]>([]);

  const refreshLibrary = async () => {
    const [p, l] = await Promise.all([library.packs(), library.topicLabels()]);
    setPacks(p);
    setLabels(l);
    // The background may be stopping or starting: the report waits for the next change then.
    setSkipped(await library.packsChanged().catch(() => []));
  };
  useEffect(() => {
    refreshLibrary().catch((e) => setStatus({ kind: 'error', text: failureText(e, lang) }));
  }, [library]);

  const change = (patch: Partial<Settings>) => {
    void updateSettings(patch).then(setSettings);
  };

  const run = async (action: () => Promise<string>) => {
    try {
      setStatus({ kind: 'ok', text: await action() });
      await refreshLibrary();
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof Told ? e.message : failureText(e, lang) });
    }
  };

  const ask = (question: Confirm) => {
    setStatus(null);
    setConfirm(question);
  };

  const imported = ({ title }: { title: Localized }) => {
    // Not awaited: Firefox asks the reader first, and its answer can come much later (or never).
    library.persistStorage().catch(() => undefined);
    return t('importDone', lang, { title: localized(title, lang) });
  };

  const onImport = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setConfirm(null);
    void run(async () => {
      try {
        // Checked before reading: reading a huge file alone stalls the page.
        if (file.size > MAX_PACK_BYTES) throw new Told(t('fileTooLarge', lang, { mb: MAX_PACK_BYTES / (1024 * 1024) }));
        const text = await file.text();
        const outcome = await library.importPack(text);
        if ('title' in outcome) return imported(outcome);
        const old = outcome.replaces;
        ask({
          text: t('confirmReplace', lang, { title: localized(old.title, lang), version: old.version }),
          action: t('replaceAction', lang),
          exports: [old],
          go: async () => {
            const done = await library.importPack(text, { replace: true }).catch((e: unknown) => {
              throw new Told(t('importFailed', lang, { error: message(e) }));
            });
            if (!('title' in done)) throw new Told(t('importFailed', lang, { error: '' }));
            return imported(done);
          },
        });
        return '';
      } catch (e) {
        if (e instanceof Told) throw e;
        throw new Told(t('importFailed', lang, { error: message(e) }));
      } finally {
        // The same file can be chosen again after fixing it.
        input.value = '';
      }
    });
  };

  const onRemove = (pack: PackSummary) =>
    ask({
      text: t('confirmRemove', lang, { title: localized(pack.title, lang) }),
      action: t('removeAction', lang),
      exports: [pack],
      go: async () => {
        await library.removePack(pack.id);
        return t('removeDone', lang, { title: localized(pack.title, lang) });
      },
    });

  const onReset = () => {
    const imports = (packs ?? []).filter((p) => !p.bundled);
    ask({
      text: imports.length ? t('confirmReset', lang, { titles: titles(imports, lang) }) : t('confirmResetNone', lang),
      action: t('resetAction', lang),
      exports: imports,
      go: async () => {
        await library.resetBundled();
        return t('resetDone', lang);
      },
    });
  };

  const onExport = (pack: PackName) =>
    void run(async () => {
      const url = URL.createObjectURL(new Blob([await library.exportPack(pack.id)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${pack.id}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return '';
    });

  if (!settings) return null;

  return (
    <div class="page options">
      <header class="page-head">
        <p class="brand">{t('appName', lang)}</p>
        <h1 class="page-title">{t('optionsTitle', lang)}</h1>
        <p class="muted">
          {t('offline', lang)} {t('version', lang, { version })}
        </p>
      </header>

      {status && status.text ? (
        <p class={status.kind === 'error' ? 'notice notice-error' : 'notice'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}

      <section class="panel">
        <label class="check">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => change({ enabled: e.currentTarget.checked })} />
          <span>
            <strong>{t('enabled', lang)}</strong>
            <span class="muted block">{t('enabledHint', lang)}</span>
          </span>
        </label>
      </section>

      <section class="panel" aria-labelledby="opt-display">
        <h2 id="opt-display" class="panel-title">
          {t('display', lang)}
        </h2>
        <fieldset class="fieldset">
          <legend>{t('language', lang)}</legend>
          {(['browser', 'ar', 'en'] as const).map((language) => (
            <label class="check" key={language}>
              <input type="radio" name="language" checked={settings.language === language} onChange={() => change({ language })} />
              <span lang={language === 'browser' ? undefined : language}>{t(`language_${language}`, lang)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('digits', lang)}</legend>
          {(['page', 'latn', 'arab'] as const).map((digits) => (
            <label class="check" key={digits}>
              <input type="radio" name="digits" checked={settings.digits === digits} onChange={() => change({ digits })} />
              <span>
                {t(`digits_${digits}`, lang)}
                {digits === 'page' ? null : (
                  <>
                    {' '}
                    {/* A date as the Arabic interface writes it; isolated, so an English page keeps its order. */}
                    <bdi class="muted" lang="ar" dir="rtl">
                      {formatDate('2024-09-24', 'ar', 'day', 'stated', digits)}
                    </bdi>
                  </>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      </section>

      <section class="panel" aria-labelledby="opt-keyboard">
        <h2 id="opt-keyboard" class="panel-title">
          {t('keyboard', lang)}
        </h2>
        <KeyboardHelp lang={lang} shortcuts={keyboard.shortcuts} browserKind={keyboard.browserKind} onChange={keyboard.onChangeShortcuts} />
      </section>

      <section class="panel" aria-labelledby="opt-sites">
        <h2 id="opt-sites" class="panel-title">
          {t('sites', lang)}
        </h2>
        <fieldset class="fieldset">
          <legend>{t('builtInSites', lang)}</legend>
          <ul class="site-list">
            {OUTLETS.map((o) => (
              <li key={o.host}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={!settings.disabledHosts.includes(o.host)}
                    onChange={(e) => void setOutletEnabled(o.host, e.currentTarget.checked).then(setSettings)}
                  />
                  <span>
                    {localized(o.name, lang)}{' '}
                    <span class="muted" dir="ltr">
                      {o.host}
                      {o.path ?? ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('extraSites', lang)}</legend>
          {settings.extraHosts.length === 0 ? (
            <p class="muted">{t('noExtraSites', lang)}</p>
          ) : (
            <ul class="site-list">
              {settings.extraHosts.map((host) => (
                <li key={host} class="row">
                  <span dir="ltr">{host}</span>
                  <button type="button" class="button" onClick={() => void run(async () => (await onRemoveExtraHost(host), ''))}>
                    {t('removeSite', lang, { host })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </section>

      <section class="panel" aria-labelledby="opt-marks">
        <h2 id="opt-marks" class="panel-title">
          {t('marks', lang)}
        </h2>
        <fieldset class="fieldset">
          <legend>{t('markStyle', lang)}</legend>
          {(['tint', 'underline'] as const).map((style) => (
            <label class="check" key={style}>
              <input type="radio" name="markStyle" checked={settings.markStyle === style} onChange={() => change({ markStyle: style })} />
              <span>
                {t(style === 'underline' ? 'markUnderline' : 'markTint', lang)}{' '}
                <span class={`mark-sample mark-sample-${style}`} lang="ar">
                  السوداني
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('markWhich', lang)}</legend>
          {([false, true] as const).map((all) => (
            <label class="check" key={String(all)}>
              <input type="radio" name="markAll" checked={settings.markAll === all} onChange={() => change({ markAll: all })} />
              <span>{t(all ? 'markAll' : 'markFirst', lang)}</span>
            </label>
          ))}
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={settings.markImported} onChange={(e) => change({ markImported: e.currentTarget.checked })} />
          <span>
            {t('markImported', lang)}
            <span class="muted block">{t('markImportedHint', lang)}</span>
          </span>
        </label>
        <label class="range">
          <span>{t('dwell', lang)}</span>
          <input
            type="range"
            min={DWELL_MIN_MS}
            max={DWELL_MAX_MS}
            step={50}
            value={settings.dwellMs}
            aria-valuetext={t('dwellValue', lang, { ms: settings.dwellMs })}
            onChange={(e) => change({ dwellMs: Number(e.currentTarget.value) })}
          />
          <output>{t('dwellValue', lang, { ms: settings.dwellMs })}</output>
        </label>
      </section>

      <section class="panel" aria-labelledby="opt-muted">
        <h2 id="opt-muted" class="panel-title">
          {t('muted', lang)}
        </h2>
        <MuteForm lang={lang} labels={labels} muted={settings.mutedTopics} onMute={(id) => void muteTopic(id).then(setSettings)} />
        {settings.mutedTopics.length === 0 ? (
          <p class="muted">{t('noMuted', lang)}</p>
        ) : (
          <ul class="site-list">
            {settings.mutedTopics.map((id) => {
              const label = labels.get(id);
              const name = label ? localized(label, lang) : id;
              return (
                <li key={id} class="row">
                  <span>{name}</span>
                  <button type="button" class="button" onClick={() => void unmuteTopic(id).then(setSettings)}>
                    {t('unmute', lang, { label: name })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="opt-corpus">
        <h2 id="opt-corpus" class="panel-title">
          {t('corpus', lang)}
        </h2>
        {packs?.map((pack) => (
          <article class="pack" key={pack.id} data-pack-id={pack.id}>
            <h3 class="pack-title">
              {localized(pack.title, lang)} <span class="badge">{t(pack.bundled ? 'packBundled' : 'packImported', lang)}</span>
            </h3>
            {pack.renamedFrom ? <p class="muted">{t('packRenamed', lang, { from: pack.renamedFrom, id: pack.id })}</p> : null}
            {skipped
              .filter((x) => x.id === pack.id)
              .map((x) => (
                <p class="notice notice-error" key={x.id}>
                  {t('packSkipped', lang, { title: localized(x.title, lang), ms: x.ms })}
                </p>
              ))}
            <p class="muted">
              {t('version', lang, { version: pack.version })} · {tn('topics', pack.topics, lang)} · {tn('events', pack.events, lang)} ·{' '}
              {tn('sources', pack.sources.length, lang)}
            </p>
            <details class="pack-sources">
              <summary>{t('corpusSources', lang)}</summary>
              <ul>
                {pack.sources.map((s) => (
                  <li key={s.id}>
                    <SourceLine source={s} lang={lang} />
                    <span class="muted block">
                      {s.published ? null : `${t('publishedUnknown', lang)} · `}
                      {t('basis', lang, { basis: s.publishedBasis })}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
            <div class="row">
              <button type="button" class="button" onClick={() => onExport(pack)}>
                {t('exportPack', lang)}
              </button>
              {pack.bundled ? null : (
                <button type="button" class="button" onClick={() => onRemove(pack)}>
                  {t('removePack', lang)}
                </button>
              )}
            </div>
          </article>
        ))}
        <div class="row">
          <label class="button file-button">
            {t('importPack', lang)}
            <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(e) => onImport(e.currentTarget)} />
          </label>
          <button type="button" class="button" onClick={onReset}>
            {t('resetCorpus', lang)}
          </button>
        </div>
        {confirm ? (
          <div class="notice confirm" role="alertdialog" aria-labelledby="opt-confirm-text">
            <p id="opt-confirm-text">{confirm.text}</p>
            <div class="row">
              {confirm.exports.map((p) => (
                <button type="button" class="button" key={p.id} onClick={() => onExport(p)}>
                  {t('exportFirst', lang, { title: localized(p.title, lang) })}
                </button>
              ))}
              <button
                type="button"
                class="button"
                onClick={() => {
                  setConfirm(null);
                  void run(confirm.go);
                }}
              >
                {confirm.action}
              </button>
              <button type="button" class="button" onClick={() => setConfirm(null)}>
                {t('cancel', lang)}
              </button>
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}

/** Picks a topic that is still marked and mutes it (the card's action, for topics not on the page). */
function MuteForm(props: { lang: Lang; labels: Map<string, Localized>; muted: readonly string[]; onMute(id: string): void }) {
  const { lang, labels, muted, onMute } = props;
  const [choice, setChoice] = useState('');
  const candidates = [...labels]
    .filter(([id]) => !muted.includes(id))
    .map(([id, label]) => ({ id, name: localized(label, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  if (candidates.length === 0) return null;
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) onMute(choice);
        setChoice('');
      }}
    >
      <label>
        {t('muteChoose', lang)}{' '}
        <select value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button" disabled={!choice}>
        {t('muteAction', lang)}
      </button>
    </form>
  );
}
