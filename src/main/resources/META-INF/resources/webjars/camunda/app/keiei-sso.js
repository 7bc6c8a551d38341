// keiei-kaizen, loaded by Tasklist, Cockpit and Admin (customScripts in each app's config.js): one login for the
// workspace and the webapps. The webapps' own login view appears only when their session has ended (logout, expiry). The page is then loaded again: without a session the server sends the browser
// to the application's login page, which brings the user back here after logging in. (At most once in 10 seconds,
// so that a refusal the reload cannot cure never turns into a loop.)
function toLogin() {
  if (window.location.hash.indexOf('#/login') !== 0) {
    return;
  }
  var last = Number(window.sessionStorage.getItem('keiei-sso-reload') || 0);
  if (Date.now() - last < 10000) {
    return;
  }
  window.sessionStorage.setItem('keiei-sso-reload', String(Date.now()));
  window.location.replace(window.location.pathname);
}
window.addEventListener('hashchange', toLogin);
toLogin();
export default [];

// free task creation is for administrators only: hide 「タスクを作成」 from everyone who may not open Admin
(function markNonAdministrators() {
  var base = document.querySelector('base');
  var root = base ? base.getAttribute('app-root') : '/camunda';
  window.fetch(root + '/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (user) {
      if (user && (user.authorizedApps || []).indexOf('admin') < 0) {
        document.documentElement.classList.add('keiei-not-admin');
      }
    })
    .catch(function () { /* the page stays as Tasklist draws it */ });
}());
