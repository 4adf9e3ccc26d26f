photo-duplicate = The same photo was in the form twice; it is kept once.
photo-expired = A photo you added earlier has expired. Please add it again.
edit-stock-changed = Buyers reserved or gave back some of this item while you were editing, so your quantity was not saved. Check it and save again.
edit-stock-now = On sale now: { $quantity }.
evidence-one-photo = You can add one photo at a time.
