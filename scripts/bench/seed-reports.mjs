// Deterministic "naqi-reports" export files (docs/export-format.md) for seeding the database
// through `import.apply`, the way a moderator merges readers' exports.
//
// Shape: each chunk of N reports covers N/4 images of its own (so 4 distinct reporters per
// image on average, 1–7), drawn from a pool of 5,000 reporter ids; page URLs and titles look
// like the supported sites' (Arabic slugs percent-encoded, Arabic titles); 1 report in 6 has
// a note; createdAt spreads over 2024; 5 % of the images carry a moderator decision.

const SITES = [
  { id: 'maghress', host: 'https://www.maghress.com', source: 'هسبريس', image: (n) => `https://images2.maghress.com/hespress/${4000000 + n}/thumb` },
  { id: 'hespress', host: 'https://www.hespress.com', source: 'هسبريس', image: (n) => `https://www.hespress.com/wp-content/uploads/2024/05/photo-${n}.jpg` },
  { id: 'le360', host: 'https://fr.le360.ma', source: 'Le360', image: (n) => `https://fr.le360.ma/resizer/v2/${n.toString(36).toUpperCase()}ABCDEF.jpg` },
  { id: 'alyaoum24', host: 'https://alyaoum24.com', source: 'اليوم 24', image: (n) => `https://alyaoum24.com/wp-content/uploads/2024/04/img-${n}.jpg` },
  { id: 'medias24', host: 'https://medias24.com', source: 'Médias24', image: (n) => `https://medias24.com/content/uploads/2024/05/${n}-scaled.jpg` },
];
const TITLES = [
  'مهنيو النقل الطرقي يطالبون بتسريع برنامج تجديد أسطول الشاحنات',
  'تقرير مفصل حول واقع الموارد المائية والتحديات المناخية بالمغرب',
  'الحكومة تعلن عن إجراءات جديدة لدعم القدرة الشرائية للأسر',
  'Immobilier : les prix se stabilisent à Casablanca',
  'Rabat accueille la deuxième édition du salon du livre jeunesse',
];
const SLUG = encodeURIComponent('مهنيو-النقل-الطرقي-يطالبون-بتسريع-برنامج');
const REASONS = ['sexual', 'violence', 'hate', 'misleading', 'privacy', 'copyright', 'other'];
const NOTES = ['صورة صادمة لا تناسب القراء الصغار', 'Image sans rapport avec l’article', 'صورة مفبركة'];
const REPORTERS = 5000;
const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 24 * 3600 * 1000;

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id from numbers (deterministic; the same shape and size as Naqi's own). */
function uuid(a, b) {
  const hex = (n, len) => (n >>> 0).toString(16).padStart(8, '0').slice(-len);
  return `${hex(a * 2654435761, 8)}-${hex(b, 4)}-4${hex(a ^ b, 3)}-a${hex(b * 40503, 3)}-${hex(a + 977, 4)}${hex(b * 7919 + a, 8)}`;
}

export const reporterId = (n) => uuid(0x5eed0000 + n, n);

/**
 * One export file of `count` reports, chunk `chunk` (chunks never share an id or an image).
 * @returns {{ text: string, reports: number, images: number, decisions: number }}
 */
export function reportsExport({ chunk = 0, count = 10000 } = {}) {
  const rand = prng(1000 + chunk);
  const images = Math.max(1, Math.round(count / 4));
  const reports = [];
  const decisions = [];
  let n = 0;
  for (let img = 0; img < images && n < count; img++) {
    const global = chunk * 1_000_000 + img;
    const site = SITES[global % SITES.length];
    const imageUrl = site.image(global);
    const pageUrl = site.id === 'maghress' ? `${site.host}/hespress/${4000000 + global}` : `${site.host}/${SLUG}-${1000000 + global}.html`;
    const pageTitle = TITLES[global % TITLES.length];
    // 1..7 reporters, mean 4, the last image takes what is left.
    const want = img === images - 1 ? count - n : Math.min(count - n, 1 + Math.floor(rand() * 7));
    const first = Math.floor(rand() * REPORTERS);
    const step = 1 + Math.floor(rand() * 97);
    const created = YEAR_START + Math.floor(rand() * YEAR_MS);
    for (let k = 0; k < want; k++) {
      const reason = REASONS[Math.floor(rand() * REASONS.length)];
      const note = reason === 'other' || rand() < 0.1 ? NOTES[Math.floor(rand() * NOTES.length)] : '';
      const createdAt = created + k * 3_600_000;
      reports.push({
        id: uuid(chunk * 10_000_000 + n, 0xbe7c),
        imageUrl,
        pageUrl,
        pageTitle,
        site: site.id,
        source: site.source,
        reason,
        note,
        createdAt,
        updatedAt: createdAt,
        reporterId: reporterId((first + k * step) % REPORTERS),
        status: 'pending',
      });
      n++;
    }
    if (global % 20 === 7) {
      decisions.push({ imageUrl, decision: global % 40 === 7 ? 'hide' : 'keep', note: '', decidedAt: created + 86_400_000 });
    }
  }
  const text = JSON.stringify({ format: 'naqi-reports', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', reports, decisions });
  return { text, reports: reports.length, images, decisions: decisions.length };
}
