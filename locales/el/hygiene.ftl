## Requests refused for control characters (src/web/hygiene.rs)
hygiene-refused-text = Η διεύθυνση ή το αίτημα περιείχε μη επιτρεπτούς χαρακτήρες (όπως ένα byte NUL). Ελέγξτε τον σύνδεσμο και δοκιμάστε ξανά.
