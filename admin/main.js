// The web editor at /admin/: Sveltia CMS from its npm build, which bundles its fonts, locales and
// code instead of fetching them from a CDN. It reads config.yml beside the page (made by the site
// build from the model; hooks/alliance_site/editor/cms.py).
import './danish-first.js';
import CMS from '@sveltia/cms';
import { watchFirstScreen } from './zoom-and-help.js';

CMS.init();
watchFirstScreen();
