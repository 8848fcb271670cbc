/**
 * The curated Arabic news outlets Siyaq reads without asking. Anything else the
 * reader enables from the popup, through the optional host permission.
 * One entry per outlet: a host (subdomains included) and, for outlets whose
 * Arabic service shares a host with other languages, the path it lives under.
 */
export interface Outlet {
  host: string;
  path?: string;
  name: { ar: string; en: string };
}

export const OUTLETS: readonly Outlet[] = [
  { host: 'aljazeera.net', name: { ar: 'الجزيرة نت', en: 'Al Jazeera' } },
  { host: 'alarabiya.net', name: { ar: 'العربية', en: 'Al Arabiya' } },
  { host: 'alhurra.com', name: { ar: 'الحرة', en: 'Alhurra' } },
  { host: 'alaraby.co.uk', name: { ar: 'العربي الجديد', en: 'The New Arab (Arabic)' } },
  { host: 'bbc.com', path: '/arabic', name: { ar: 'بي بي سي عربي', en: 'BBC Arabic' } },
  { host: 'bbc.co.uk', path: '/arabic', name: { ar: 'بي بي سي عربي', en: 'BBC Arabic' } },
  { host: 'skynewsarabia.com', name: { ar: 'سكاي نيوز عربية', en: 'Sky News Arabia' } },
  { host: 'aawsat.com', name: { ar: 'الشرق الأوسط', en: 'Asharq Al-Awsat' } },
  { host: 'independentarabia.com', name: { ar: 'إندبندنت عربية', en: 'Independent Arabia' } },
  { host: 'france24.com', path: '/ar', name: { ar: 'فرانس 24', en: 'France 24 Arabic' } },
  { host: 'dw.com', path: '/ar', name: { ar: 'دويتشه فيله', en: 'DW Arabic' } },
  { host: 'arabic.rt.com', name: { ar: 'آر تي عربي', en: 'RT Arabic' } },
  { host: 'arabic.cnn.com', name: { ar: 'سي إن إن بالعربية', en: 'CNN Arabic' } },
  { host: 'asharq.com', name: { ar: 'الشرق', en: 'Asharq' } },
  { host: 'alquds.co.uk', name: { ar: 'القدس العربي', en: 'Al-Quds Al-Arabi' } },
  { host: 'annahar.com', name: { ar: 'النهار', en: 'Annahar' } },
  { host: 'almayadeen.net', name: { ar: 'الميادين', en: 'Al Mayadeen' } },
  { host: 'arabi21.com', name: { ar: 'عربي 21', en: 'Arabi21' } },
  { host: 'shafaq.com', name: { ar: 'شفق نيوز', en: 'Shafaq News' } },
  { host: 'rudaw.net', path: '/arabic', name: { ar: 'رووداو', en: 'Rudaw Arabic' } },
  { host: 'alsumaria.tv', name: { ar: 'السومرية', en: 'Alsumaria' } },
  { host: 'ina.iq', name: { ar: 'وكالة الأنباء العراقية', en: 'Iraqi News Agency' } },
  { host: 'kitabat.com', name: { ar: 'كتابات', en: 'Kitabat' } },
  { host: 'almadapaper.net', name: { ar: 'المدى', en: 'Al Mada' } },
  { host: 'baghdadtoday.news', name: { ar: 'بغداد اليوم', en: 'Baghdad Today' } },
  { host: 'alsabaah.iq', name: { ar: 'الصباح', en: 'Al-Sabaah' } },
  { host: 'diyaruna.com', name: { ar: 'ديارنا', en: 'Diyaruna' } },
  { host: 'enabbaladi.net', name: { ar: 'عنب بلدي', en: 'Enab Baladi' } },
  { host: 'youm7.com', name: { ar: 'اليوم السابع', en: 'Youm7' } },
  { host: 'ahram.org.eg', name: { ar: 'الأهرام', en: 'Al-Ahram' } },
  { host: 'alkhaleej.ae', name: { ar: 'الخليج', en: 'Al Khaleej' } },
  { host: 'albayan.ae', name: { ar: 'البيان', en: 'Al Bayan' } },
  { host: 'elaph.com', name: { ar: 'إيلاف', en: 'Elaph' } },
  { host: 'alghad.com', name: { ar: 'الغد', en: 'Alghad' } },
];

/** Match patterns for one outlet: the host and its subdomains, http and https. */
export function outletPatterns(outlet: Outlet): string[] {
  const path = outlet.path ? `${outlet.path}*` : '/*';
  return [`*://${outlet.host}${path}`, `*://*.${outlet.host}${path}`];
}

export const BUILT_IN_MATCHES: readonly string[] = OUTLETS.flatMap(outletPatterns);

/** The outlet a URL belongs to, if it is one of the built-in ones. */
export function outletFor(url: string): Outlet | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return OUTLETS.find(
    (o) =>
      (parsed.hostname === o.host || parsed.hostname.endsWith(`.${o.host}`)) &&
      (!o.path || parsed.pathname === o.path || parsed.pathname.startsWith(`${o.path}/`) || parsed.pathname.startsWith(o.path)),
  );
}

/**
 * The key a site is turned on or off by: the outlet's host for built-in
 * outlets (so www. and m. subdomains go together), else the host without "www.".
 */
export function siteKey(url: string): string {
  const outlet = outletFor(url);
  if (outlet) return outlet.host;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
