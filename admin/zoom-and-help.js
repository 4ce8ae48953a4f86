// Two repairs of Sveltia CMS's first screen, run once the editor has started (main.js):
//
// 1. Zoom. The editor adds its own <meta name="viewport"> with `maximum-scale=1`, which stops
//    a phone from zooming (WCAG 1.4.4; axe: meta-viewport). Every viewport tag it adds or
//    changes is rewritten without `maximum-scale` and `user-scalable=no`, whenever it does so.
// 2. Who signs in how. The page (overrides/alliance/admin.html) carries a Danish note in a
//    <template id="al-sign-in-help">: which button a municipal editor uses and whom to ask
//    for access. It is shown under the sign-in buttons while they are on the screen.

const ZOOM_BLOCKERS = /^\s*(maximum-scale|user-scalable)\s*=/i;

export function allowZoom(meta) {
  const parts = meta.content.split(',');
  const kept = parts.filter((part) => !ZOOM_BLOCKERS.test(part));
  if (kept.length !== parts.length) {
    meta.content = kept.map((part) => part.trim()).join(', ');
  }
}

function allViewports() {
  document.querySelectorAll('meta[name="viewport"]').forEach(allowZoom);
}

function showSignInHelp() {
  const template = document.getElementById('al-sign-in-help');
  if (!template || document.querySelector('.al-sign-in-help')) {
    return;
  }
  const buttons = [...document.querySelectorAll('button')].filter((b) => /Log ind med/.test(b.textContent));
  if (buttons.length === 0) {
    return;
  }
  const note = template.content.firstElementChild.cloneNode(true);
  // Styled here: the site's pages have no inline styles, and the policy checks keep it so.
  Object.assign(note.style, { maxWidth: '24rem', margin: '1rem auto 0', lineHeight: '1.45', textAlign: 'left' });
  note.querySelectorAll('a').forEach((link) => Object.assign(link.style, { color: 'inherit' }));
  (buttons.at(-1).parentElement || document.body).append(note);
}

export function watchFirstScreen() {
  allViewports();
  showSignInHelp();
  new MutationObserver(() => {
    allViewports();
    showSignInHelp();
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['content'],
  });
}
