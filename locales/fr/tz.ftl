# Fuseaux horaires (paramètres).
label-time-zone = Fuseau horaire
hint-time-zone = Les heures des pages et des e-mails sont affichées dans ce fuseau.
tz-invalid = Choisissez un fuseau horaire dans la liste.
