/* Runs before the first paint: the remembered theme, else the system's, so dark mode never flashes. */
(function () {
  'use strict';
  var theme = null;
  try {
    theme = localStorage.getItem('obp-theme');
  } catch (e) {
    theme = null;
  }
  if (theme !== 'dark' && theme !== 'light') {
    theme =
      window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  }
  document.documentElement.dataset.theme = theme;
})();
