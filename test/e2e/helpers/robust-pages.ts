/**
 * Pages for the robustness, lifecycle and privacy e2e tests, built at run time
 * (the seed articles are read from ../shared/seeds, never copied here).
 *
 * Every page drives its own changes through functions it defines on
 * `window.page` (navigate, load more, post a live update, re-render…), so the
 * DOM is changed by the page's own scripts in the main world, as a real site
 * would, and the test only calls them.
 *
 * Names are written in full («لويد أوستن», not «أوستن») so no context rule of
 * the corpus decides whether they are marked: these tests are about the page,
 * not the detector. Each part of a dynamic page names topics no earlier part
 * names, because by default a page marks only the first mention of a topic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, readSeed, seedFiles } from '../../seeds';

/** A listed outlet (the production match patterns run on it) and an unlisted host with the same pages. */
export const LISTED_ORIGIN = 'https://www.aljazeera.net';
export const UNLISTED_ORIGIN = 'https://example.org';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Non-empty paragraphs of every seed article, in file order. */
export function seedParagraphs(): string[] {
  return seedFiles().flatMap((f) =>
    readSeed(f)
      .split(/\n+/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  );
}

const HEAD = (title: string, extra = ''): string => `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta property="article:published_time" content="2024-09-24T10:30:00+03:00">
<style>
  body { font-family: "DejaVu Sans", serif; margin: 0; }
  main { max-width: 760px; margin: 16px auto; padding: 0 16px; }
  p { font-size: 18px; line-height: 1.8; }
</style>
${extra}
</head>`;

/* ------------------------------------------------------------------------- */
/* Dynamic pages: client-side navigation, infinite scroll, a live blog.       */
/* ------------------------------------------------------------------------- */

/** What each stage of the dynamic page names, and where, for the tests to look for. */
export const DYNAMIC = {
  first: { id: 'first', names: ['محمد شياع السوداني', 'كتائب حزب الله'] },
  /** The article that replaces the first one after pushState. */
  navigated: { id: 'second', names: ['لويد أوستن', 'قاعدة عين الأسد'] },
  /** The next article appended below by infinite scroll. */
  appended: { id: 'third', names: ['أنتوني بلينكن', 'صدام حسين'] },
  /** A live-blog paragraph inserted at the top of the live article. */
  livePost: { id: 'live-new', names: ['ألينا رومانوفسكي'] },
  /** The text of an existing live-blog node is rewritten to name this. */
  liveEdit: { id: 'live-edit', names: ['جيريل دورسي'] },
} as const;

const ARTICLE_TEXT: Record<string, string[]> = {
  first: [
    'قال رئيس الوزراء العراقي محمد شياع السوداني إن حكومته ماضية في ترتيب انتقال العلاقة مع الشركاء الدوليين إلى شراكات ثنائية، مؤكدا أن الأجهزة الحكومية باتت قادرة على ملاحقة ما تبقى من الخلايا في الصحراء الغربية.',
    'وفي الأثناء، أصدرت كتائب حزب الله بيانا جديدا قالت فيه إنها تتابع مسار المفاوضات وتنتظر جدولا واضحا، فيما دعا نواب في البرلمان إلى الإسراع في حسم الملف قبل نهاية العام الحالي.',
  ],
  second: [
    'تحدث وزير الدفاع الأميركي لويد أوستن في واشنطن عن مرحلة جديدة من التعاون الأمني مع العراق، وقال إن الجانبين اتفقا على مواصلة الحوار العسكري خلال الأشهر المقبلة وفق جدول يراعي الوضع على الأرض.',
    'وأضاف مسؤولون أن مستقبل الوجود في قاعدة عين الأسد غربي البلاد سيبحث في الجولة المقبلة، وسط تقديرات بأن الانتقال سيجري على مراحل تمتد حتى العام المقبل وفق ما أعلنه الطرفان.',
  ],
  third: [
    'وفي تقرير آخر، قال وزير الخارجية الأميركي أنتوني بلينكن إن بلاده تدعم استقرار العراق وسيادته، وإن العلاقة بين البلدين تتجاوز الملف الأمني إلى الاقتصاد والطاقة والتعليم وغيرها من المجالات.',
    'واستعاد التقرير سنوات حكم صدام حسين وما تلاها من حروب، مشيرا إلى أن البلاد عاشت عقودا من الصراع قبل أن تبدأ مرحلة إعادة البناء التي ما زالت متعثرة في كثير من المحافظات.',
  ],
};

function articleBlock(id: string): string {
  const paragraphs = ARTICLE_TEXT[id] ?? [];
  return `<article id="${id}"><h2>تقرير ${id}</h2>${paragraphs.map((p, i) => `<p id="${id}-p${i}">${p}</p>`).join('')}</article>`;
}

/**
 * A single-page news site: the first article, a button-less router
 * (`page.navigate()` swaps in a new <article> and calls history.pushState),
 * infinite scroll (`page.loadMore()` appends the next article after the first,
 * inside the same <main>), and a live blog (`page.livePost()` inserts a <p> at
 * the top of the article, `page.liveEdit()` rewrites an existing text node,
 * `page.editUnder()` changes text inside a marked name's text node).
 */
export function dynamicPageHtml(): string {
  const templates = JSON.stringify({ second: articleBlock('second'), third: articleBlock('third') });
  return `${HEAD('تغطية مستمرة: العراق والتحالف')}
<body>
<header><strong>الأخبار</strong></header>
<main id="main">${articleBlock('first')}</main>
<script>
  const templates = ${templates};
  const fromHtml = (html) => { const t = document.createElement('template'); t.innerHTML = html; return t.content.firstElementChild; };
  window.page = {
    navigate() {
      const next = fromHtml(templates.second);
      document.querySelector('article').replaceWith(next);
      history.pushState({ id: 'second' }, '', '/news/2024/9/25/second-story');
      document.title = 'لويد أوستن وقاعدة عين الأسد';
    },
    loadMore() {
      document.getElementById('main').append(fromHtml(templates.third));
    },
    livePost() {
      const p = document.createElement('p');
      p.id = '${DYNAMIC.livePost.id}';
      p.textContent = 'عاجل: المبعوثة الأميركية ألينا رومانوفسكي تلتقي مسؤولين عراقيين في بغداد لبحث ملف الانسحاب ومستقبل التعاون.';
      const article = document.querySelector('article');
      article.insertBefore(p, article.querySelector('p'));
    },
    liveEdit() {
      // A live blog rewriting an entry in place: the text node stays, its data changes.
      const p = document.querySelector('article p:last-of-type');
      p.id = '${DYNAMIC.liveEdit.id}';
      p.firstChild.data = 'تحديث: قال الجنرال جيريل دورسي إن المهمة تدخل مرحلتها الأخيرة، وإن القوات ستغادر وفق الجدول المتفق عليه مع الحكومة.';
    },
  };
</script>
</body>
</html>`;
}

/* ------------------------------------------------------------------------- */
/* A page rendered by Preact (the real library, as an ES module).             */
/* ------------------------------------------------------------------------- */

/** Where the Preact pages load the library from (served by the test with a JavaScript type). */
export const PREACT_PATH = '/_assets/preact.mjs';
export const PREACT_HOOKS_PATH = '/_assets/preact-hooks.mjs';

export function preactModule(): string {
  return readFileSync(join(REPO_ROOT, 'node_modules', 'preact', 'dist', 'preact.mjs'), 'utf8');
}

export function preactHooksModule(): string {
  return readFileSync(join(REPO_ROOT, 'node_modules', 'preact', 'hooks', 'dist', 'hooks.mjs'), 'utf8');
}

/**
 * An article rendered by Preact from the server's HTML, the way SSR sites
 * hydrate: the server markup is there first (Siyaq may mark it), then the app
 * boots with `hydrate`, and later re-renders:
 * - `page.remount()`: a keyed re-render that throws the whole article subtree
 *   away and builds new nodes (what a route change or a hydration mismatch does);
 * - the page's own button (#like) updates its own label through state;
 * - `page.setHeadlineName(i)`: a state update that changes the text inside a
 *   paragraph that holds a marked name.
 * Errors in the app are counted on `window.appErrors` and logged.
 */
export function preactPageHtml(): string {
  const importMap = JSON.stringify({ imports: { preact: PREACT_PATH, 'preact/hooks': PREACT_HOOKS_PATH } });
  const names = JSON.stringify(['لويد أوستن', 'أنتوني بلينكن', 'صدام حسين']);
  // The server-rendered markup must equal what the app renders first, so hydration adopts it.
  const serverHtml = `<article data-gen="0"><h1>الحوار الأمني بين بغداد وواشنطن</h1><p id="lead">قال رئيس الوزراء العراقي محمد شياع السوداني إن الحوار مع واشنطن يتقدم، وإن الأجهزة الحكومية قادرة على حماية البلاد.</p><p id="changing">وقال المتحدث إن وزير الدفاع الأميركي لويد أوستن سيزور المنطقة قريبا لبحث الملف.</p><p id="rest">وأصدرت كتائب حزب الله بيانا قالت فيه إنها تتابع المفاوضات وتنتظر جدولا واضحا للانسحاب.</p><button id="like" type="button">أعجبني (0)</button></article>`;
  return `${HEAD('تطبيق Preact', `<script type="importmap">${importMap}</script>`)}
<body>
<main id="app">${serverHtml}</main>
<script type="module">
  import { h, hydrate, render } from 'preact';
  import { useState } from 'preact/hooks';
  window.appErrors = 0;
  const names = ${names};
  let api = {};
  function App({ gen }) {
    const [likes, setLikes] = useState(0);
    const [who, setWho] = useState(0);
    api.setWho = setWho;
    return h('article', { 'data-gen': String(gen) },
      h('h1', null, 'الحوار الأمني بين بغداد وواشنطن'),
      h('p', { id: 'lead' }, 'قال رئيس الوزراء العراقي محمد شياع السوداني إن الحوار مع واشنطن يتقدم، وإن الأجهزة الحكومية قادرة على حماية البلاد.'),
      h('p', { id: 'changing' }, 'وقال المتحدث إن ', who === 0 ? 'وزير الدفاع الأميركي ' : 'المسؤول الأميركي ', names[who], ' سيزور المنطقة قريبا لبحث الملف.'),
      h('p', { id: 'rest' }, 'وأصدرت كتائب حزب الله بيانا قالت فيه إنها تتابع المفاوضات وتنتظر جدولا واضحا للانسحاب.'),
      h('button', { id: 'like', type: 'button', onClick: () => setLikes(likes + 1) }, 'أعجبني (' + likes + ')'),
    );
  }
  const root = document.getElementById('app');
  let gen = 0;
  try { hydrate(h(App, { key: gen, gen }), root); } catch (e) { window.appErrors++; console.error(e); }
  window.page = {
    remount() {
      gen += 1;
      // A new key: Preact unmounts the old tree and creates every node afresh.
      try { render(h(App, { key: gen, gen }), root); } catch (e) { window.appErrors++; console.error(e); }
    },
    setHeadlineName(i) { api.setWho(i); },
  };
  window.appReady = true;
</script>
</body>
</html>`;
}

/**
 * The same kind of page re-rendered by hand, React-style, without a library:
 * `page.rerender()` replaces the article's innerHTML with the same markup (all
 * nodes new), `page.tick()` updates a counter's text node in place, both from
 * the page's own code.
 */
export function vanillaRerenderPageHtml(): string {
  return `${HEAD('إعادة رسم')}
<body>
<main id="app"></main>
<script>
  let n = 0;
  const view = () => '<article><h1>تقرير</h1><p id="a">قال وزير الخارجية الأميركي أنتوني بلينكن إن بلاده تدعم استقرار العراق وسيادته في المرحلة المقبلة.</p>' +
    '<p id="b">وذكرت كتائب حزب الله أنها تتابع المفاوضات، في حين تحدث محمد شياع السوداني عن جدول زمني واضح.</p>' +
    '<p id="counter">عدد التحديثات: <span id="n">' + n + '</span></p></article>';
  const app = document.getElementById('app');
  app.innerHTML = view();
  window.page = {
    rerender() { app.innerHTML = view(); },
    tick() { n += 1; document.getElementById('n').firstChild.data = String(n); },
  };
</script>
</body>
</html>`;
}

/* ------------------------------------------------------------------------- */
/* A huge page and an odd one.                                               */
/* ------------------------------------------------------------------------- */

/**
 * An Arabic article of at least `bytes` bytes of UTF-8 HTML: the seed
 * paragraphs repeated, in <article><p>, with names wrapped in inline tags now
 * and then (a CMS's links) so ranges cross elements as on real pages.
 */
export function hugePageHtml(bytes: number): string {
  const paragraphs = seedParagraphs().filter((p) => p.length > 80);
  const head = `${HEAD('صفحة كبيرة جدا')}
<body>
<header><strong>الأخبار</strong></header>
<main><article><h1>أرشيف التغطية: العراق والتحالف الدولي ${'٢٠١٤–٢٠٢٦'}</h1>
`;
  const tail = `</article></main>
<footer>© 2024</footer>
</body>
</html>`;
  const parts: string[] = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; size < bytes; i++) {
    let p = escapeHtml(paragraphs[i % paragraphs.length]!);
    if (i % 7 === 0) p = p.replace('السوداني', '<a href="/tag/sudani">السوداني</a>');
    if (i % 11 === 0) p = p.replace('داعش', '<b>داعش</b>');
    const html = `<p>${p}</p>\n`;
    parts.push(html);
    size += Buffer.byteLength(html);
  }
  parts.push(tail);
  return parts.join('');
}

/** Names typed into the form fields of the odd page: the corpus knows every one. */
export const TYPED_NAMES = {
  input: 'محمد شياع السوداني',
  textarea: 'لويد أوستن في قاعدة عين الأسد مع كتائب حزب الله',
} as const;

/**
 * The odd page's text once the reader has typed ' أنتوني بلينكن' at the end of
 * its editable paragraph, from its text when the DOM was ready.
 */
export function oddTextAfterEdit(atDomReady: string | null): string | undefined {
  return atDomReady?.replace('قاعدة عين الأسد وكتائب حزب الله تعلق.', 'قاعدة عين الأسد وكتائب حزب الله تعلق. أنتوني بلينكن');
}

/** Runs in the odd page: the text of its two frames and its shadow root's markup, to compare with and without Siyaq. */
export function oddPageInner(): { frame: string | null; srcdoc: string | null; shadow: string } {
  return {
    frame: (document.getElementById('same-origin') as HTMLIFrameElement).contentDocument?.body.innerText ?? null,
    srcdoc: (document.getElementById('srcdoc') as HTMLIFrameElement).contentDocument?.body.innerText ?? null,
    shadow: document.getElementById('shadow-host')!.shadowRoot!.innerHTML,
  };
}

/** Path of the same-origin page the odd page shows in an <iframe>. */
export const ODD_FRAME_PATH = '/news/2024/9/24/odd-frame';

export function oddFrameHtml(): string {
  return `${HEAD('إطار')}<body><p id="framed">في الإطار: قال محمد شياع السوداني إن كتائب حزب الله ليست فوق القانون.</p></body></html>`;
}

/**
 * A page made to trip a content script: about `nodes` elements (a deep and
 * wide tree of divs and spans holding corpus names), a same-origin iframe and
 * a srcdoc one, an open shadow root built by the page, contenteditable regions
 * and form fields holding corpus names, SVG <text> naming a topic, paragraphs
 * mixing Arabic, English, Persian and Urdu, and RTL text inside LTR blocks.
 * The page records its own DOM's mutations from the moment it is built (see
 * robust-browser.ts `installPageProbes`).
 */
export function oddPageHtml(nodes: number): string {
  const names = ['محمد شياع السوداني', 'كتائب حزب الله', 'لويد أوستن', 'قاعدة عين الأسد', 'أنتوني بلينكن', 'صدام حسين'];
  return `${HEAD('صفحة غريبة', '<style>.grid span { margin: 0 2px; } .ltr { direction: ltr; text-align: left; }</style>')}
<body>
<main>
<article id="story">
  <h1>صفحة فيها كل شيء: إطارات وظل ونماذج وSVG</h1>
  <p id="mixed">قال محمد شياع السوداني in English: Prime Minister Mohammed Shia al-Sudani said — و به فارسی: نخست‌وزیر عراق گفت که نیروهای آمریکایی می‌روند — اور اردو میں: عراق کے وزیر اعظم نے کہا کہ فوجیں جائیں گی.</p>
  <p id="ltr-host" class="ltr" dir="ltr">Breaking: <span dir="rtl">لويد أوستن يزور قاعدة عين الأسد</span> — talks continue in Baghdad and Washington with <bdi>كتائب حزب الله</bdi> watching.</p>
  <p id="bidi-controls">‏قال أنتوني بلينكن‏ ‪(US)‬ ‫إن العلاقة ممتدة‬ — ‎Saddam Hussein‎ ‏صدام حسين‏.</p>
  <div id="editable" contenteditable="true"><p>مسودة: محمد شياع السوداني يلتقي لويد أوستن في قاعدة عين الأسد وكتائب حزب الله تعلق.</p></div>
  <div contenteditable="plaintext-only" id="editable-plain">نص قابل للتحرير: أنتوني بلينكن وصدام حسين.</div>
  <form id="comment-form" action="javascript:void 0">
    <p>اكتب تعليقك على الخبر عن كتائب حزب الله في الحقل أدناه ثم أرسله إلى المحرر لمراجعته.</p>
    <input id="name-input" name="q" value="">
    <textarea id="name-textarea" rows="3" cols="40"></textarea>
    <select><option>محمد شياع السوداني</option></select>
  </form>
  <svg id="chart" width="400" height="60" viewBox="0 0 400 60" role="img"><text x="10" y="30">محمد شياع السوداني</text><text x="10" y="55">لويد أوستن</text></svg>
  <iframe id="same-origin" src="${ODD_FRAME_PATH}" width="400" height="80"></iframe>
  <iframe id="srcdoc" srcdoc="<p dir=rtl>داخل srcdoc: قال لويد أوستن إن قاعدة عين الأسد تبقى.</p>" width="400" height="80"></iframe>
  <div id="shadow-host"></div>
  <div id="grid" class="grid"></div>
</article>
</main>
<script>
  // An open shadow root, as web components build them.
  const shadow = document.getElementById('shadow-host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>في الظل: قال محمد شياع السوداني إن كتائب حزب الله أعلنت موقفها.</p><slot></slot>';
  // A big, deep and wide tree: rows of spans, every tenth nested five deep, names scattered.
  const names = ${JSON.stringify(names)};
  const grid = document.getElementById('grid');
  const target = ${nodes};
  let made = 0;
  let row = 0;
  while (made < target) {
    const div = document.createElement('div');
    div.className = 'row';
    made++;
    for (let i = 0; i < 18 && made < target; i++) {
      let parent = div;
      if (i % 10 === 0) {
        for (let d = 0; d < 5; d++) { const s = document.createElement('span'); parent.append(s); parent = s; made++; }
      }
      const span = document.createElement('span');
      span.textContent = (i === 3 ? names[row % names.length] + ' ' : '') + 'كلمة' + row + '-' + i;
      parent.append(span);
      made++;
    }
    grid.append(div);
    row++;
  }
  window.pageBuilt = true;
</script>
</body>
</html>`;
}

/* ------------------------------------------------------------------------- */
/* The plain article the lifecycle and privacy tests hover.                  */
/* ------------------------------------------------------------------------- */

export interface HoverTarget {
  within: string;
  phrase: string;
  word: string;
  topic: string;
}

export const PLAIN_TARGETS: Record<'sudani' | 'austin' | 'kataib', HoverTarget> = {
  sudani: { within: '#p1', phrase: 'محمد شياع السوداني', word: 'السوداني', topic: 'sudani' },
  austin: { within: '#p2', phrase: 'لويد أوستن', word: 'أوستن', topic: 'lloyd-austin' },
  kataib: { within: '#p3', phrase: 'كتائب حزب الله', word: 'كتائب', topic: 'kataib-hezbollah' },
};

/**
 * A topic only the privacy test's imported pack knows (robust-packs.ts); on
 * the plain article it is ordinary text until that pack is imported.
 */
export const PROBE_TOPIC = { id: 'siyaq-probe-town', alias: 'بلدة المختبر' } as const;

/** A short article with three hover targets and a few more names, the page's own list for mutating. */
export function plainArticleHtml(): string {
  return `${HEAD('العراق والتحالف: جولة جديدة من الحوار')}
<body>
<main>
<article>
  <h1>العراق والتحالف: جولة جديدة من الحوار</h1>
  <p id="p1">قال رئيس الوزراء العراقي محمد شياع السوداني إن الحوار مع واشنطن يتقدم وإن الأجهزة الحكومية قادرة على ملاحقة الخلايا المتبقية في الصحراء.</p>
  <p id="p2">وتحدث وزير الدفاع الأميركي لويد أوستن عن مرحلة جديدة من التعاون، وعن مستقبل الوجود في قاعدة عين الأسد غربي البلاد.</p>
  <p id="p3">وأصدرت كتائب حزب الله بيانا قالت فيه إنها تتابع المفاوضات وتنتظر جدولا واضحا لخروج القوات الأجنبية من البلاد.</p>
  <p id="p4">وفي ${PROBE_TOPIC.alias} قال السكان إن الحياة عادت إلى طبيعتها بعد أشهر من التوتر، وإن الأسواق فتحت أبوابها من جديد.</p>
  <ul id="updates"></ul>
</article>
</main>
<script>
  window.page = {
    addUpdate(text) { const li = document.createElement('li'); li.textContent = text; document.getElementById('updates').append(li); },
  };
</script>
</body>
</html>`;
}
