// Pasar — tells the server the browser's time zone, so times show on the reader's clock.
// A `tz` cookie for visitors, and the hidden `time_zone` field of the sign-up form.
// Without JavaScript the server guesses the zone from the language instead.
(function () {
  'use strict';

  var zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    return;
  }
  // IANA names only (letters, digits, `/`, `_`, `+`, `-`): nothing that could break a cookie.
  if (!/^[A-Za-z0-9_\/+-]{1,64}$/.test(zone)) return;

  var current = document.cookie.split('; ').filter(function (c) {
    return c.indexOf('tz=') === 0;
  })[0];
  if (current !== 'tz=' + zone) {
    document.cookie = 'tz=' + zone + '; path=/; max-age=31536000; samesite=lax' +
      (location.protocol === 'https:' ? '; secure' : '');
  }

  function fill(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll('input[data-browser-zone]').forEach(function (input) {
      if (!input.value) input.value = zone;
    });
  }
  fill(document);
  // Forms that htmx swaps in later.
  document.addEventListener('htmx:load', function (e) { fill(e.target); });
})();
