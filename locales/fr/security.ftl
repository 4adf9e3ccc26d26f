error-busy-title = Pasar est très sollicité
error-busy-text = Trop de demandes sont en cours de traitement. Réessayez dans quelques secondes ; rien de ce que vous avez saisi n’a encore été enregistré.
flash-session-expired = Votre session a pris fin, pour votre sécurité. Veuillez vous reconnecter.
flash-signed-out-everywhere = Vous êtes maintenant déconnecté de tous vos appareils, celui-ci compris.
settings-sessions = Appareils
settings-sessions-lead = Déconnectez-vous partout où vous êtes connecté, par exemple sur un téléphone perdu ou un ordinateur partagé.
settings-sessions-submit = Se déconnecter de tous les appareils
