/**
 * `npm run release`: builds and zips both extensions, then checks what the two
 * stores will check, and more: prints every check and exits non-zero if one
 * fails. It leaves in .output/ the three files to upload:
 *
 *   siyaq-<version>-chrome-mv3.zip    Chrome Web Store
 *   siyaq-<version>-firefox-mv3.zip   addons.mozilla.org
 *   siyaq-<version>-sources.zip       addons.mozilla.org, "source code"
 *
 * Checks: a clean git tree (the sources zip is then a commit), the zip names,
 * `web-ext lint` (no error, and no warning beyond the ones explained in
 * docs/store/amo-reviewer-note.md), both manifests (version, floors, Firefox id,
 * desktop only, every permission justified in docs/store/permissions.md), the
 * name and description of every locale, the icons, the store images in
 * docs/store/, what the zips hold, the content script's size and what it must
 * not contain, and last that the sources zip, unpacked into an empty folder,
 * installed with `npm ci` and built with `npm run build-for-amo`, gives the same
 * Firefox zip.
 *
 * `--allow-dirty` runs on a tree with uncommitted changes (for trying the
 * script; never for an upload).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SCRIPT_GZIP_MAX, CONTENT_WORLD_FILES, checkContentWorldFile } from './release/content-script';
import { opaqueBox, pngSize } from './release/png';
import { DESCRIPTION_MAX, ICON_SIZES, MINIMUM_CHROME_VERSION, NAME_MAX, PROMO_TILE, SCREENSHOT_SIZES } from './release/store-limits';
import { contentDigest, readZip, sha256, type ZipEntry } from './release/zip';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUTPUT = join(ROOT, '.output');
const BIN = join(ROOT, 'node_modules', '.bin');
const allowDirty = process.argv.includes('--allow-dirty');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipName = (what: string): string => `${pkg.name}-${pkg.version}-${what}.zip`;
const ZIPS = { chrome: zipName('chrome-mv3'), firefox: zipName('firefox-mv3'), sources: zipName('sources') };

interface Result {
  name: string;
  ok: boolean;
  lines: string[];
}
const results: Result[] = [];

/** Runs one check: it returns what it found, or throws with why it failed. */
function check(name: string, run: () => string[]): void {
  let result: Result;
  try {
    result = { name, ok: true, lines: run() };
  } catch (e) {
    result = { name, ok: false, lines: (e instanceof Error ? e.message : String(e)).split('\n') };
  }
  results.push(result);
  console.log(`${result.ok ? '✔' : '✖'} ${name}`);
  for (const line of result.lines) console.log(`    ${line}`);
}

function fail(problems: string[], found: string[] = []): string[] {
  if (problems.length > 0) throw new Error([...problems, ...found].join('\n'));
  return found;
}

function run(command: string, args: string[], cwd = ROOT): string {
  const shown = `${relative(ROOT, command) || command} ${args.join(' ')}`;
  const done = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (done.status !== 0) {
    throw new Error(
      `\`${shown}\` failed (${done.error?.message ?? `exit ${done.status}`}):\n${(done.stderr || done.stdout).trim().slice(-3000)}`,
    );
  }
  return done.stdout;
}

// ── the tree and the build ───────────────────────────────────────────────────

check('git tree is clean (the sources zip is then exactly a commit)', () => {
  const commit = run('git', ['rev-parse', 'HEAD']).trim();
  const dirty = run('git', ['status', '--porcelain']).trim();
  if (!dirty) return [`commit ${commit}`];
  const listed = dirty.split('\n').slice(0, 10);
  if (allowDirty) return [`commit ${commit} WITH UNCOMMITTED CHANGES (--allow-dirty): not for upload`, ...listed];
  return fail(['uncommitted changes would go into the sources zip (commit them, or --allow-dirty to try):', ...listed]);
});

check('build and zip both browsers (wxt zip; wxt zip -b firefox --mv3)', () => {
  rmSync(OUTPUT, { recursive: true, force: true });
  run(join(BIN, 'wxt'), ['zip']);
  run(join(BIN, 'wxt'), ['zip', '-b', 'firefox', '--mv3']);
  const made = readdirSync(OUTPUT).filter((f) => f.endsWith('.zip'));
  const expected = Object.values(ZIPS);
  return fail(
    [
      ...expected.filter((f) => !made.includes(f)).map((f) => `missing .output/${f}`),
      ...made.filter((f) => !expected.includes(f)).map((f) => `unexpected .output/${f}`),
    ],
    expected.filter((f) => made.includes(f)).map((f) => `.output/${f}  ${(readFileSync(join(OUTPUT, f)).length / 1024).toFixed(1)} KB`),
  );
});

const built = existsSync(join(OUTPUT, ZIPS.firefox)) && existsSync(join(OUTPUT, ZIPS.chrome));
const zipOf = (which: keyof typeof ZIPS): ZipEntry[] => readZip(readFileSync(join(OUTPUT, ZIPS[which])));

// ── web-ext lint ─────────────────────────────────────────────────────────────

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}
/** Warnings that are understood; docs/store/amo-reviewer-note.md explains each to the reviewer. */
/**
 * `holds`: text the flagged file must contain for the reason to apply, where
 * the file's name is the bundler's choice (a shared chunk is named after one
 * of the modules in it, and which one changes as the pages change).
 */
const EXPLAINED_WARNINGS: { code: string; file: RegExp; holds?: string; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^content-scripts\/content\.js$/,
    why: 'import() of the packaged reader-ui.js, by runtime.getURL (ADR 0005)',
  },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^reader-ui\.js$/, why: "Preact's dangerouslySetInnerHTML support, never used by Siyaq" },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w-]+\.js$/,
    holds: 'dangerouslySetInnerHTML',
    why: "Preact's dangerouslySetInnerHTML support (the extension pages' copy), never used by Siyaq",
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    why: 'data_collection_permissions vs Firefox for Android 142: Siyaq is desktop only (no gecko_android)',
  },
];

if (built) {
  check('web-ext lint on the Firefox build: no errors, no unexplained warnings', () => {
    const done = spawnSync(
      join(BIN, 'web-ext'),
      ['lint', '--source-dir', join(OUTPUT, 'firefox-mv3'), '--self-hosted=false', '--output', 'json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const report = JSON.parse(done.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    const unused = [...EXPLAINED_WARNINGS];
    const problems: string[] = [];
    const found: string[] = [];
    for (const m of report.errors) problems.push(`error ${m.code} ${m.file ?? ''}: ${m.message}`);
    for (const m of [...report.warnings, ...report.notices]) {
      const file = m.file ?? '';
      const at = unused.findIndex(
        (w) =>
          w.code === m.code &&
          w.file.test(file) &&
          (w.holds === undefined || readFileSync(join(OUTPUT, 'firefox-mv3', file), 'utf8').includes(w.holds)),
      );
      if (at < 0) problems.push(`unexplained ${m.code} ${m.file ?? ''}: ${m.message}`);
      else found.push(`warning ${m.code} ${m.file}: ${unused.splice(at, 1)[0]!.why}`);
    }
    found.unshift(`${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
    return fail(problems, found);
  });
}

// ── manifests ────────────────────────────────────────────────────────────────

interface Manifest {
  version: string;
  name: string;
  description: string;
  default_locale?: string;
  minimum_chrome_version?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  icons?: Record<string, string>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
    gecko_android?: unknown;
  };
}
const manifestOf = (browser: 'chrome' | 'firefox'): Manifest =>
  JSON.parse(readFileSync(join(OUTPUT, `${browser}-mv3`, 'manifest.json'), 'utf8')) as Manifest;

if (built) {
  check('manifests: version, floors, Firefox id, desktop only', () => {
    const problems: string[] = [];
    const chrome = manifestOf('chrome');
    const firefox = manifestOf('firefox');
    for (const [browser, m] of [
      ['chrome', chrome],
      ['firefox', firefox],
    ] as const) {
      if (m.version !== pkg.version) problems.push(`${browser}: version ${m.version}, package.json ${pkg.version}`);
      if (m.name !== '__MSG_extName__' || m.description !== '__MSG_extDescription__')
        problems.push(`${browser}: name and description must come from _locales`);
    }
    const chromeFloor = Number(chrome.minimum_chrome_version ?? 0);
    if (!(chromeFloor >= MINIMUM_CHROME_VERSION))
      problems.push(`chrome: minimum_chrome_version ${chrome.minimum_chrome_version} (needs >= ${MINIMUM_CHROME_VERSION})`);
    const gecko = firefox.browser_specific_settings?.gecko;
    const id = gecko?.id ?? '';
    const uuidId = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i.test(id);
    const emailId = /^[\w.-]+@[\w-]+(\.[\w-]+)+$/.test(id) && !/\.(example|test|invalid|localhost)$/i.test(id);
    if (!uuidId && !emailId) problems.push(`firefox: gecko.id "${id}" is not a real id (a {UUID}, or name@a-domain-you-own)`);
    if (!gecko?.strict_min_version) problems.push('firefox: no gecko.strict_min_version');
    if (JSON.stringify(gecko?.data_collection_permissions?.required) !== '["none"]')
      problems.push('firefox: data_collection_permissions.required must be ["none"]');
    if (firefox.browser_specific_settings?.gecko_android !== undefined)
      problems.push('firefox: gecko_android present, but Siyaq is not for Firefox for Android (hover-driven UI)');
    return fail(problems, [
      `version ${pkg.version} in both`,
      `chrome: minimum_chrome_version ${chrome.minimum_chrome_version}`,
      `firefox: id ${id}, strict_min_version ${gecko?.strict_min_version}, data_collection_permissions none, no gecko_android (desktop only)`,
    ]);
  });

  check('every permission is justified in docs/store/permissions.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'store', 'permissions.md'), 'utf8');
    const asked = new Set<string>();
    for (const m of [manifestOf('chrome'), manifestOf('firefox')]) {
      for (const p of [
        ...(m.permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.host_permissions ?? []),
        ...(m.optional_host_permissions ?? []),
      ])
        asked.add(p);
    }
    const missing = [...asked].filter((p) => !doc.includes(`\`${p}\``));
    return fail(
      missing.map((p) => `${p}: not in docs/store/permissions.md`),
      [[...asked].join(', ')],
    );
  });
}

// ── locales ──────────────────────────────────────────────────────────────────

check(`every locale: name <= ${NAME_MAX} and description <= ${DESCRIPTION_MAX} characters`, () => {
  const dir = join(ROOT, 'public', '_locales');
  const problems: string[] = [];
  const found: string[] = [];
  for (const locale of readdirSync(dir).sort()) {
    const messages = JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const name = [...(messages.extName?.message ?? '')].length;
    const description = [...(messages.extDescription?.message ?? '')].length;
    if (name === 0 || name > NAME_MAX) problems.push(`${locale}: extName is ${name} characters`);
    if (description === 0 || description > DESCRIPTION_MAX)
      problems.push(`${locale}: extDescription is ${description} characters (Chrome refuses more than ${DESCRIPTION_MAX})`);
    found.push(`${locale}: name ${name}, description ${description}`);
  }
  return fail(problems, found);
});

// ── icons and store images ───────────────────────────────────────────────────

if (built) {
  check('icons: every size square and listed; 128 px is 96 px of artwork in 16 px transparent padding', () => {
    const problems: string[] = [];
    const found: string[] = [];
    for (const browser of ['chrome', 'firefox'] as const) {
      const icons = manifestOf(browser).icons ?? {};
      const files = new Map(zipOf(browser).map((e) => [e.name, e.data]));
      for (const { size, padding } of ICON_SIZES) {
        const path = icons[String(size)];
        const png = path ? files.get(path) : undefined;
        if (!png) {
          problems.push(`${browser}: no ${size} px icon in the manifest and zip`);
          continue;
        }
        const { width, height } = pngSize(png);
        const box = opaqueBox(png);
        if (width !== size || height !== size) problems.push(`${browser}: ${path} is ${width}×${height}`);
        else if (!box) problems.push(`${browser}: ${path} is empty`);
        else {
          const inside = box.left >= padding && box.top >= padding && box.right <= size - padding && box.bottom <= size - padding;
          const art = Math.max(box.right - box.left, box.bottom - box.top);
          if (!inside || art < 0.9 * (size - 2 * padding)) {
            problems.push(
              `${browser}: ${path} artwork spans ${box.left}..${box.right} × ${box.top}..${box.bottom}, expected ${padding}..${size - padding}`,
            );
          }
          if (browser === 'chrome')
            found.push(`${size} px: artwork ${box.right - box.left}×${box.bottom - box.top} at ${box.left},${box.top}`);
        }
      }
    }
    return fail(problems, found);
  });
}

check('store images in docs/store/: screenshots 1280×800 or 640×400, promo tile 440×280, no alpha', () => {
  const dir = join(ROOT, 'docs', 'store');
  const images = existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(png|jpe?g)$/i.test(f)) : [];
  if (images.length === 0) return ['none present yet (the Chrome listing needs at least one screenshot)'];
  const problems: string[] = [];
  const found: string[] = [];
  for (const file of images.sort()) {
    if (!file.endsWith('.png')) {
      problems.push(`${file}: only PNG is checked here; save store images as PNG`);
      continue;
    }
    const png = readFileSync(join(dir, file));
    const { width, height } = pngSize(png);
    const promo = /(^|\/)promo[^/]*$/.test(file);
    const allowed = promo ? [PROMO_TILE] : SCREENSHOT_SIZES;
    if (!allowed.some((s) => s.width === width && s.height === height)) {
      problems.push(`${file}: ${width}×${height}, the store takes ${allowed.map((s) => `${s.width}×${s.height}`).join(' or ')}`);
    }
    // Chrome's image guide: 24-bit PNG, no alpha channel (colour types 4 and 6 carry one).
    if (png[25] === 4 || png[25] === 6) problems.push(`${file}: has an alpha channel`);
    found.push(`${file}: ${width}×${height}${promo ? ' (promo tile)' : ''}`);
  }
  return fail(problems, found);
});

// ── what the zips hold ───────────────────────────────────────────────────────

/** Everything a build may ship; anything else in a zip is a mistake (a source file, a map, a stray asset). */
const SHIPPED = [
  /^manifest\.json$/,
  /^background\.js$/,
  /^reader-ui\.js$/,
  /^content-scripts\/content\.(js|css)$/,
  /^(popup|options|timeline)\.html$/,
  /^chunks\/[\w-]+\.js$/,
  /^assets\/[\w-]+\.css$/,
  /^_locales\/[a-z]{2}(_[A-Z]{2})?\/messages\.json$/,
  new RegExp(`^icons\\/(${ICON_SIZES.map((i) => i.size).join('|')})\\.png$`),
];

/** What the sources zip must hold for a reviewer to rebuild, and what it must never hold. */
const SOURCES_NEEDED = [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'LICENSE',
  'NOTICE',
  'PRIVACY.md',
  'docs/store/amo-reviewer-note.md',
];
const SOURCES_NEVER = [/(^|\/)\.env/, /(^|\/)web-ext\.config\.ts$/, /(^|\/)node_modules\//, /^\.output\//, /\.zip$/, /\.log$/];

if (built) {
  check('zips hold only what ships; the sources zip holds what a rebuild needs and no secrets', () => {
    const problems: string[] = [];
    const found: string[] = [];
    for (const browser of ['chrome', 'firefox'] as const) {
      const names = zipOf(browser).map((e) => e.name);
      for (const name of names) if (!SHIPPED.some((p) => p.test(name))) problems.push(`${ZIPS[browser]}: unexpected ${name}`);
      found.push(`${ZIPS[browser]}: ${names.length} files`);
    }
    const sources = zipOf('sources').map((e) => e.name);
    for (const needed of SOURCES_NEEDED) if (!sources.includes(needed)) problems.push(`${ZIPS.sources}: missing ${needed}`);
    for (const name of sources) if (SOURCES_NEVER.some((p) => p.test(name))) problems.push(`${ZIPS.sources}: must not hold ${name}`);
    found.push(`${ZIPS.sources}: ${sources.length} files`);
    return fail(problems, found);
  });

  check(`content script: <= ${CONTENT_SCRIPT_GZIP_MAX / 1024} KB gzipped, without Dexie or zod`, () => {
    const files = new Map(zipOf('chrome').map((e) => [e.name, e.data]));
    const problems: string[] = [];
    const found: string[] = [];
    for (const name of CONTENT_WORLD_FILES) {
      const js = files.get(name);
      if (!js) {
        problems.push(`no ${name}`);
        continue;
      }
      const report = checkContentWorldFile(name, js);
      found.push(report.summary);
      problems.push(...report.problems);
    }
    return fail(problems, found);
  });
}

// ── the Firefox zip again, from the sources zip ──────────────────────────────

if (built) {
  check('sources zip rebuilds the Firefox zip (npm ci --prefer-offline; npm run build-for-amo)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siyaq-release-'));
    try {
      for (const entry of zipOf('sources')) {
        mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
        writeFileSync(join(dir, entry.name), entry.data);
      }
      // Packages come from npm's cache when it has them; the lockfile's integrity hashes pin the bytes either way.
      run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir);
      run('npm', ['run', 'build-for-amo'], dir);
      const ours = readFileSync(join(OUTPUT, ZIPS.firefox));
      const theirs = readFileSync(join(dir, '.output', ZIPS.firefox));
      const a = readZip(ours);
      const b = readZip(theirs);
      const problems: string[] = [];
      const names = (z: ZipEntry[]): string[] => z.map((e) => e.name).sort();
      if (names(a).join('\n') !== names(b).join('\n'))
        problems.push(`the zips list different files:\n${names(a).join(' ')}\nvs\n${names(b).join(' ')}`);
      const other = new Map(b.map((e) => [e.name, sha256(e.data)]));
      for (const e of a) if (other.get(e.name) !== sha256(e.data)) problems.push(`${e.name} differs`);
      const [digest, again] = [contentDigest(a), contentDigest(b)];
      const sameOrder = a.map((e) => e.name).join('\n') === b.map((e) => e.name).join('\n');
      return fail(problems, [
        `${a.length} files, each identical: content digest ${digest} (rebuilt: ${again})`,
        sha256(ours) === sha256(theirs)
          ? `zip files identical too: ${sha256(ours)}`
          : `zip files' own bytes differ (${sha256(ours).slice(0, 12)}… vs ${sha256(theirs).slice(0, 12)}…): JSZip stamps each entry with the time of zipping` +
            (sameOrder ? '' : ", and WXT adds them in the filesystem's directory order"),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// ── summary ──────────────────────────────────────────────────────────────────

const failed = results.filter((r) => !r.ok);
console.log(
  `\n${results.length - failed.length} of ${results.length} release checks passed${failed.length > 0 ? `; failed: ${failed.map((r) => r.name).join('; ')}` : ''}`,
);
if (built) for (const f of Object.values(ZIPS)) console.log(`  .output/${f}`);
process.exit(failed.length > 0 || !built ? 1 : 0);
