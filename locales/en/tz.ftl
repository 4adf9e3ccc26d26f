# Time zones (settings).
label-time-zone = Time zone
hint-time-zone = Times on pages and in emails are shown in this zone.
tz-invalid = Choose a time zone from the list.
