email-unsubscribe = You can turn these emails off in your notification settings, or with one click here:
notify-kind-messages = New messages
notify-kind-offers = Offers
notify-kind-price-drops = Price drops on your favourites
notify-kind-saved-searches = Saved-search alerts
notify-kind-follows-digest = Weekly digest of sellers you follow
notify-kind-review-reminders = Review reminders
