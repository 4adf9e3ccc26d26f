photo-duplicate = La même photo figurait deux fois dans le formulaire ; elle n'est gardée qu'une fois.
photo-expired = Une photo ajoutée plus tôt a expiré. Veuillez l'ajouter à nouveau.
edit-stock-changed = Des acheteurs ont réservé ou rendu une partie de cet article pendant que vous le modifiiez : votre quantité n'a pas été enregistrée. Vérifiez-la et enregistrez à nouveau.
edit-stock-now = En vente maintenant : { $quantity }.
evidence-one-photo = Vous pouvez ajouter une photo à la fois.
