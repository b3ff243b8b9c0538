// Material's storage helpers (its partials/javascripts/base.html), run from a file instead of an
// inline script so that the Content-Security-Policy needs no 'unsafe-inline'. The scope (the site's
// root, relative to this page) comes from the script tag.
window.__md_scope = new URL(document.currentScript.dataset.mdScope, location);
window.__md_hash = (value) => [...value].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
window.__md_get = (key, storage = localStorage, scope = window.__md_scope) =>
  JSON.parse(storage.getItem(scope.pathname + "." + key));
window.__md_set = (key, value, storage = localStorage, scope = window.__md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {
    // storage full or disabled: the theme works without remembering settings
  }
};
