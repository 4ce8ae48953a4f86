// Sveltia CMS follows the browser's language. These editors work in Danish, so Danish is the
// start unless someone chose a language in the editor's settings, which are stored in the same
// place. main.js imports this module first: it must run before the editor reads its settings.
const PREFS_KEY = 'sveltia-cms.prefs';

try {
  const prefs = JSON.parse(localStorage.getItem(PREFS_KEY) || '{}');
  if (!prefs.locale || prefs.locale === 'auto') {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ ...prefs, locale: 'da' }));
  }
} catch {
  // Storage may be blocked; the editor then follows the browser's language.
}
