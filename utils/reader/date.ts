import { normaliseSpace } from './text';

// Moroccan month names (يناير … دجنبر), their Mashriq twins, and French months.
const MONTHS: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, ابريل: 4, إبريل: 4, ماي: 5, مايو: 5, يونيو: 6, يونيه: 6, يوليوز: 7, يوليو: 7, يوليه: 7,
  غشت: 8, أغسطس: 8, اغسطس: 8, شتنبر: 9, سبتمبر: 9, أكتوبر: 10, اكتوبر: 10, نونبر: 11, نوفمبر: 11, دجنبر: 12, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9, 'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9,
  octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, december: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ARABIC_DIGITS = /[٠-٩]/g;

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date in a text, as YYYY-MM-DD: ISO, "12 - 11 - 2011", "12/11/2011", "12 نونبر 2011", "12 novembre 2011". */
export function parseDate(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const text = normaliseSpace(raw.replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x660)));
  let m = text.match(/(\d{4})-(\d{1,2})-(\d{1,2})/);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = text.match(/(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})/);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = text.match(new RegExp(`(\\d{1,2})(?:er)?\\s+(${MONTH_NAMES})\\s+(\\d{4})`, 'i'));
  if (m) return iso(+m[3]!, MONTHS[m[2]!.toLowerCase()] ?? 0, +m[1]!);
  m = text.match(new RegExp(`(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i'));
  if (m) return iso(+m[3]!, MONTHS[m[1]!.toLowerCase()] ?? 0, +m[2]!);
  return undefined;
}

/** The publication date a page declares in its metadata (meta tags, JSON-LD, <time>). */
export function metadataDate(doc: Document): string | undefined {
  const metas = [
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="date"]', 'meta[name="DC.date.issued"]',
  ];
  for (const selector of metas) {
    const date = parseDate(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const match = script.textContent?.match(/"datePublished"\s*:\s*"([^"]+)"/);
    const date = parseDate(match?.[1]);
    if (date) return date;
  }
  return undefined;
}
