// Builds the web editor served at /admin/ (see docs/operating.md, "Web editor"). `make admin` runs it.
import { defineConfig } from 'vite';

// Sveltia CMS bundles syntax highlighting for ~300 languages (15 MB) for code blocks in its
// Markdown editor. Editors here write prose: keep the few grammars a data file or a page might
// show and make the rest empty grammars, so a code block in another language shows unhighlighted.
const KEPT_LANGUAGES = new Set(['markdown', 'yaml', 'json', 'html', 'css', 'javascript', 'shellscript']);
const SHIKI_LANGUAGE = /^@shikijs\/langs\/([\w-]+)$/;
const EMPTY_GRAMMAR = '\0empty-grammar';

const onlyKeptLanguages = {
  name: 'only-kept-languages',
  enforce: 'pre',
  resolveId(source) {
    const match = SHIKI_LANGUAGE.exec(source);
    return match && !KEPT_LANGUAGES.has(match[1]) ? EMPTY_GRAMMAR : null;
  },
  load(id) {
    return id === EMPTY_GRAMMAR ? 'export default [];' : null;
  },
};

// Hosts the editor would contact besides the site and GitHub's API, each made harmless at build
// time: the fonts' CDN (the fonts are bundled and registered first; the CDN rule is only a
// fallback) and GitHub's status page, which the sign-in screen polls. The status check reads
// the empty answer as "unknown" and shows nothing. tests/test_cms.py checks the result.
const NO_THIRD_PARTY = [
  ['https://cdn.jsdelivr.net/fontsource/fonts', './assets/fonts-bundled'],
  ['https://www.githubstatus.com/api/v2/status.json', 'data:application/json,{}'],
];

const noThirdPartyRequests = {
  name: 'no-third-party-requests',
  transform(code, id) {
    if (!id.includes('/node_modules/@sveltia/')) {
      return null;
    }
    const replaced = NO_THIRD_PARTY.reduce((text, [from, to]) => text.replaceAll(from, to), code);
    return replaced === code ? null : { code: replaced, map: null };
  },
};

export default defineConfig({
  base: './',
  plugins: [onlyKeptLanguages, noThirdPartyRequests],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The page itself is a template of the site (overrides/alliance/admin.html); the build reads
    // the manifest to link the entry script and its stylesheets.
    manifest: true,
    rollupOptions: { input: 'main.js' },
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
  },
});
