## The public profile's trust numbers and member pictures (issue 11)

trust-title = Track record
trust-lead = Numbers from this member's real orders on Pasar, not badges. Each says how many orders it comes from.
trust-window = last 12 months
trust-sales = { $count ->
    [one] { $count } completed sale
   *[other] { $count } completed sales
}
trust-purchases = { $count ->
    [one] { $count } completed purchase
   *[other] { $count } completed purchases
}
trust-email-verified = Email verified
trust-email-verified-means = This member confirmed they can receive mail at their address. It does not check who they are.
trust-on-time = On-time shipping
trust-time-to-ship = Median time to ship
trust-cancelled = Cancelled by the seller
trust-disputes = Disputes against them
trust-not-enough = Not enough orders yet
trust-percent = { $n } %
trust-under-an-hour = under an hour
trust-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
trust-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
trust-sample-due = { $count ->
    [one] from { $count } order due to be sent
   *[other] from { $count } orders due to be sent
}
trust-sample-shipped = { $count ->
    [one] from { $count } parcel shipped
   *[other] from { $count } parcels shipped
}
trust-sample-paid = { $count ->
    [one] from { $count } paid order
   *[other] from { $count } paid orders
}
trust-disputes-for-buyer = { $count ->
    [one] { $count } settled for the buyer
   *[other] { $count } settled for the buyer
}
trust-disputes-for-seller = { $count ->
    [one] { $count } settled for the seller
   *[other] { $count } settled for the seller
}
trust-disputes-open = { $count ->
    [one] { $count } open
   *[other] { $count } open
}
trust-how = How these numbers are computed
trust-how-window = Every number counts the orders paid in the last 12 months in which this member sold (or, for purchases, bought). Orders never paid are left out.
trust-how-on-time = On-time shipping: the share of orders sent before the ship-by date the order gave, out of the orders that were sent or whose ship-by date has passed. A local pickup counts as sent when the buyer's code is entered at the handover.
trust-how-time-to-ship = Median time to ship: half of the parcels were shipped faster than this, counted from the payment to the moment the seller entered the tracking. Pickups are left out: their date depends on when the buyer can meet.
trust-how-cancelled = Cancelled by the seller: the share of paid orders the seller called off, or that were cancelled because they did not ship in time. Cancellations by the buyer do not count.
trust-how-disputes = Disputes: opened by buyers on these orders. Settled for the buyer means money went back to them (a refund, a partial refund or a return); settled for the seller means the payment was released to the seller.
trust-how-sample = A share from fewer than 3 orders says "not enough orders yet" instead of a number. Shares are rounded so they never flatter: on time down, cancellations up.

avatar-title = Profile picture
avatar-current = Your profile picture
avatar-of = Profile picture of { $name }
avatar-choose = Choose a picture
avatar-replace = Choose a new picture
avatar-hint = A JPEG, PNG, WebP or GIF photo up to 15 MB, at least 100 pixels on each side. It is shown round on your profile and next to your listings; anything else in the file (such as its location) is removed.
avatar-upload = Upload picture
avatar-remove = Remove picture
avatar-saved = Your profile picture is saved.
avatar-removed = Your profile picture is removed.
avatar-missing = Choose a picture to upload.
avatar-one = Choose one picture only.
