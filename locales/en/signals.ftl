# Scam signals and new members' limits (issue 11, src/signals, listings' sell form).
signals-warning-title = Before you publish: your text contains details that take buyers away from Pasar.
signals-warning-why = Buyer protection only covers payments made on Pasar. A buyer who pays by transfer or talks to you in another app has no protection, and scammers ask exactly this. Remove these details, or publish anyway: a moderator will look at the listing.
signals-publish-anyway = Publish anyway (a moderator will check the listing)
signals-kind-phone = A phone number
signals-kind-email = An email address
signals-kind-iban = A bank account number (IBAN)
signals-kind-messaging = A messaging app contact
signals-kind-off_site = A request to pay or talk outside Pasar
signals-publish-from-form = This draft contains contact details or a request to pay outside Pasar. Check the warning below and publish from this form.
signals-limit-reached = { $count ->
    [one] During their first { $days } days, new members can publish one listing in 24 hours. Save it as a draft and publish it later.
   *[other] During their first { $days } days, new members can publish { $count } listings in 24 hours. Save it as a draft and publish it later.
}
