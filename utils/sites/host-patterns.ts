// Kept apart from the adapters so wxt.config.ts can import it without pulling in DOM code.
// Every host here is a site with an adapter in this folder; a test checks the two agree.
export const SUPPORTED_HOSTS = [
  'maghress.com',
  'hespress.com',
  'le360.ma',
  'alyaoum24.com',
  'hibapress.com',
  'barlamane.com',
  'akhbarona.com',
  'al3omk.com',
  'febrayer.com',
  'goud.ma',
  'assabah.ma',
  'alayam24.com',
  'medias24.com',
  'lematin.ma',
] as const;

// "*.host" matches the bare host too, so one pattern per site is enough.
export const SUPPORTED_HOST_PATTERNS: string[] = SUPPORTED_HOSTS.map((host) => `*://*.${host}/*`);
