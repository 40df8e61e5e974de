/**
 * Papers Maghress republishes, by the slug in its article URLs. Only a fallback: the page's
 * own attribution line and source link name the paper first (utils/reader/source.ts), so an
 * entry here matters only on a page that names nothing. `name` is the paper's name as its
 * Arabic-reading readers know it, `latinName` as the French section writes it; `home` is the
 * paper's own site, for the source link when a page carries none.
 *
 * Moroccan groups publish an Arabic and a French daily under different names, and they are
 * different papers with different texts: never give one the other's name. Al Bayane (French)
 * and بيان اليوم / Bayane Al Yaoume (Arabic) are both PPS papers; الصحراء المغربية is Le
 * Matin's Arabic sister; العلم is L'Opinion's; الاتحاد الاشتراكي is Libération's; الصباح
 * is L'Economiste's. A French paper keeps its French name in Arabic text too.
 */
export interface SourcePaper {
  name: string;
  latinName: string;
  home?: string;
}

export const MAGHRESS_SOURCES: Record<string, SourcePaper> = {
  hespress: { name: 'هسبريس', latinName: 'Hespress', home: 'https://www.hespress.com/' },
  assabah: { name: 'الصباح', latinName: 'Assabah', home: 'https://assabah.ma/' },
  almassae: { name: 'المساء', latinName: 'Al Massae' },
  alittihad: { name: 'الاتحاد الاشتراكي', latinName: 'Al Ittihad Al Ichtiraki' },
  almaghribia: { name: 'الصحراء المغربية', latinName: 'Assahra Al Maghribia' },
  attajdid: { name: 'التجديد', latinName: 'Attajdid' },
  alalam: { name: 'العلم', latinName: 'Al Alam' },
  // Was 'بيان اليوم' / 'Bayane Al Yaoume' here, which renamed the French Al Bayane
  // (/fr/albayane/…, "Publié dans Albayane") after its Arabic sister paper.
  albayane: { name: 'Al Bayane', latinName: 'Al Bayane' },
  bayanealyaoume: { name: 'بيان اليوم', latinName: 'Bayane Al Yaoume' },
  akhbarelyaoum: { name: 'أخبار اليوم', latinName: 'Akhbar Al Yaoum' },
  alyaoum24: { name: 'اليوم 24', latinName: 'Alyaoum 24', home: 'https://alyaoum24.com/' },
  hibapress: { name: 'هبة بريس', latinName: 'Hiba Press', home: 'https://ar.hibapress.com/' },
  barlamane: { name: 'برلمان.كوم', latinName: 'Barlamane', home: 'https://www.barlamane.com/' },
  akhbarona: { name: 'أخبارنا', latinName: 'Akhbarona', home: 'https://www.akhbarona.com/' },
  al3omk: { name: 'العمق المغربي', latinName: 'Al3omk', home: 'https://al3omk.com/' },
  febrayer: { name: 'فبراير', latinName: 'Febrayer', home: 'https://febrayer.com/' },
  goud: { name: 'گود', latinName: 'Goud', home: 'https://www.goud.ma/' },
  alayam24: { name: 'الأيام 24', latinName: 'Alayam 24', home: 'https://www.alayam24.com/' },
  le360: { name: 'Le360', latinName: 'Le360', home: 'https://fr.le360.ma/' },
  marayapress: { name: 'مرايا بريس', latinName: 'Maraya Press' },
  menara: { name: 'منارة', latinName: 'Menara' },
  anfaspress: { name: 'أنفاس بريس', latinName: 'Anfas Press' },
  lakome: { name: 'لكم', latinName: 'Lakome' },
  hibamagazine: { name: 'هبة ماغازين', latinName: 'Hiba Magazine' },
  tanja24: { name: 'طنجة 24', latinName: 'Tanja 24' },
  nadorcity: { name: 'ناظور سيتي', latinName: 'Nador City' },
  agadir24: { name: 'أكادير 24', latinName: 'Agadir 24' },
  chamalpost: { name: 'شمال بوست', latinName: 'Chamal Post' },
  rissalaa: { name: 'رسالة الأمة', latinName: 'Rissalat Al Oumma' },
  map: { name: 'وكالة المغرب العربي للأنباء', latinName: 'MAP' },
  mapexpress: { name: 'لاماب', latinName: 'MAP Express' },
  lematin: { name: 'Le Matin', latinName: 'Le Matin', home: 'https://lematin.ma/' },
  leconomiste: { name: "L'Economiste", latinName: "L'Economiste" },
  aujourdhui: { name: "Aujourd'hui le Maroc", latinName: "Aujourd'hui le Maroc" },
  lavieeco: { name: 'La Vie éco', latinName: 'La Vie éco' },
  libe: { name: 'Libération', latinName: 'Libération' },
  lopinion: { name: "L'Opinion", latinName: "L'Opinion" },
  medias24: { name: 'Médias24', latinName: 'Médias24', home: 'https://medias24.com/' },
  telquel: { name: 'TelQuel', latinName: 'TelQuel' },
  yabiladi: { name: 'Yabiladi', latinName: 'Yabiladi' },
};

/** A host without its edition or www label: "ar.hibapress.com" → "hibapress.com". */
function paperHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^(?:www|ar|fr|m)\./, '');
}

/** The paper whose own site (`home`) hosts this link, such as the "read at source" link. */
export function sourceFromLink(href: string): SourcePaper | undefined {
  let host: string;
  try {
    host = paperHost(new URL(href).hostname);
  } catch {
    return undefined;
  }
  return Object.values(MAGHRESS_SOURCES).find((paper) => {
    if (!paper.home) return false;
    const home = paperHost(new URL(paper.home).hostname);
    return host === home || host.endsWith(`.${home}`);
  });
}

export function sourceFromSlug(slug: string): SourcePaper | undefined {
  return Object.hasOwn(MAGHRESS_SOURCES, slug) ? MAGHRESS_SOURCES[slug] : undefined;
}
