// Where the real browsers are: CHROME_PATH / FIREFOX_PATH first, then Debian's packages.
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

export function browserPath(name) {
  const found = CANDIDATES[name].find((p) => p && existsSync(p));
  if (!found) {
    const env = name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH';
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    throw new Error(
      `No ${name} binary found. Install Debian's package (apt-get install -y ${pkg}) or set ${env} to the browser's path. ` +
        `Looked in: ${CANDIDATES[name].filter(Boolean).join(', ')}`,
    );
  }
  return found;
}
