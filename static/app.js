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

  // ---- Sell form: previews of chosen photos, reordering, upload progress ----
  // Without JavaScript the form still works: position numbers and remove boxes.
  function renumber(list) {
    list.querySelectorAll('input.pos').forEach(function (input, i) { input.value = i + 1; });
  }

  // Object URLs of photo previews live until the previews leave the page: the image is
  // fetched again after its first load (htmx clones the page for history before a
  // boosted swap), so revoking on load breaks that fetch.
  var previewUrls = [];
  function revokePreviews(box) {
    previewUrls = previewUrls.filter(function (url) {
      var shown = document.querySelector('img[src="' + url + '"]');
      if (shown && (!box || !box.contains(shown))) return true;
      URL.revokeObjectURL(url);
      return false;
    });
  }
  document.addEventListener('htmx:afterSettle', function () { revokePreviews(null); });

  initializers.push(function (root) {
    root.querySelectorAll('[data-photo-list]').forEach(function (list) {
      if (list.dataset.enhanced) return;
      list.dataset.enhanced = '1';
      list.querySelectorAll('.photo-item').forEach(function (item) {
        var move = document.createElement('div');
        move.className = 'move';
        [['\u2190', -1], ['\u2192', 1]].forEach(function (spec) {
          var b = document.createElement('button');
          b.type = 'button';
          b.textContent = spec[0];
          // The page's language comes from the server, on the list.
          var label = spec[1] < 0 ? list.dataset.moveEarlier : list.dataset.moveLater;
          if (label) b.setAttribute('aria-label', label);
          b.addEventListener('click', function () {
            var sibling = spec[1] < 0 ? item.previousElementSibling : item.nextElementSibling;
            if (!sibling) return;
            if (spec[1] < 0) list.insertBefore(item, sibling); else list.insertBefore(sibling, item);
            renumber(list);
            b.focus();
          });
          move.appendChild(b);
        });
        item.appendChild(move);
        item.draggable = true;
        item.addEventListener('dragstart', function (e) { list.dragged = item; e.dataTransfer.effectAllowed = 'move'; });
        item.addEventListener('dragover', function (e) { e.preventDefault(); });
        item.addEventListener('drop', function (e) {
          e.preventDefault();
          var from = list.dragged;
          if (!from || from === item) return;
          var items = Array.prototype.slice.call(list.children);
          if (items.indexOf(from) < items.indexOf(item)) list.insertBefore(from, item.nextSibling);
          else list.insertBefore(from, item);
          renumber(list);
        });
      });
    });
    root.querySelectorAll('[data-photo-input]').forEach(function (input) {
      if (input.dataset.enhanced) return;
      input.dataset.enhanced = '1';
      var box = input.parentNode.querySelector('[data-photo-previews]');
      input.addEventListener('change', function () {
        if (!box) return;
        revokePreviews(box);
        box.textContent = '';
        Array.prototype.slice.call(input.files || [], 0, 10).forEach(function (file) {
          var img = document.createElement('img');
          img.alt = file.name;
          img.src = URL.createObjectURL(file);
          previewUrls.push(img.src);
          box.appendChild(img);
        });
      });
    });
  });

  document.addEventListener('htmx:xhr:progress', function (e) {
    var bar = document.querySelector('[data-upload-progress]');
    if (bar && e.detail && e.detail.lengthComputable) {
      bar.value = Math.round((e.detail.loaded / e.detail.total) * 100);
    }
  });

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
