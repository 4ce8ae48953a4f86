// The web editor: Sveltia CMS from its npm build, which bundles its fonts, locales and code
// instead of fetching them from a CDN. It reads config.yml beside index.html (made by the build).
import CMS from '@sveltia/cms';

CMS.init();
