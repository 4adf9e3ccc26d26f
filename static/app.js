// Pasar — small progressive enhancement. No dependencies, CSP-safe (no eval, no inline code).
// Loaded with `defer` after htmx 2; everything also works if htmx is missing.
(function () {
  'use strict';

  // ---- Dropdown menus: <details class="menu"> ----
  // Close every open menu that does not contain `keep` (pass null to close all).
  function closeMenus(keep) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!keep || !menu.contains(keep)) menu.removeAttribute('open');
    });
  }

  // Click or focus moving outside a menu closes it. Listeners sit on `document`,
  // so they survive hx-boost body swaps without re-binding.
  document.addEventListener('click', function (e) { closeMenus(e.target); });
  document.addEventListener('focusin', function (e) { closeMenus(e.target); });

  // Escape closes menus and returns focus to the summary if focus was inside one.
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var active = document.activeElement;
    var owner = active && active.closest ? active.closest('details.menu[open]') : null;
    closeMenus(null);
    if (owner) {
      var summary = owner.querySelector('summary');
      if (summary) summary.focus();
    }
  });

  // ---- Per-fragment initialisers ----
  // Later features push functions here; each is called with the root element of
  // the initial page and of every fragment htmx swaps in.
  var initializers = [];

  function init(root) {
    initializers.forEach(function (fn) { fn(root); });
  }

  if (window.htmx) {
    // htmx fires htmx:load for document.body on start-up and for each new fragment.
    document.addEventListener('htmx:load', function (e) {
      init((e.detail && e.detail.elt) || e.target);
    });
    // A boosted swap replaces the inside of <body> only; the language of the new page
    // (after login or the switcher) is carried on the wrapper.
    document.addEventListener('htmx:afterSettle', function () {
      var page = document.querySelector('.page[data-lang]');
      if (page) document.documentElement.lang = page.getAttribute('data-lang');
    });
    // Don't leave a menu open in a page that is being swapped out or saved to history.
    document.addEventListener('htmx:beforeSwap', function () { closeMenus(null); });
    document.addEventListener('htmx:beforeHistorySave', function () { closeMenus(null); });
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document.body); });
  } else {
    init(document.body);
  }
})();
