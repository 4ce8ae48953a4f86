// Builds the web editor served at /admin/ (see README, "Web editor"). `make admin` runs it.
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

export default defineConfig({
  base: './',
  plugins: [onlyKeptLanguages],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
  },
});
