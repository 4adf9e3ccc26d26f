# Reviews and ratings (issue 11).
review-error-not-ended = You can review this order once it is over.
review-error-window-closed = The time to review this order has ended.
review-error-published = This review is published and can no longer be changed.
review-error-no-reply = There is no published review to reply to, or you have already replied.
review-error-invalid = This review could not be saved.
review-error-stars = Choose from 1 to 5 stars.
review-error-body-required = For 1 to 3 stars, please say what went wrong (at least 20 characters).
review-error-aspect = Choose from 1 to 5 stars.
review-error-reply-required = Write your reply.
review-summary = ★ { $average } · { $count ->
    [one] { $count } review
   *[other] { $count } reviews
}
review-summary-new-seller = New seller · { $count ->
    [one] { $count } review
   *[other] { $count } reviews
}
review-summary-new-buyer = New buyer · { $count ->
    [one] { $count } review
   *[other] { $count } reviews
}
review-checkout-seller = Seller's rating: { $rating }
review-aside-read = Read the reviews of this order
review-aside-edit = Edit your review
review-aside-write-buyer = Review the seller
review-aside-write-seller = Review the buyer
review-aside-write-waiting-buyer = The seller has reviewed you: write your review of the seller to see theirs
review-aside-write-waiting-seller = The buyer has reviewed you: write your review of the buyer to see theirs
review-aspect-as-described = Item as described
review-aspect-communication = Communication
review-aspect-handover = Shipping or handover
review-aspect-choose = Choose…
review-from-buyer = as a buyer
review-from-seller = as a seller
review-stars-label = { $stars ->
    [one] { $stars } star out of 5
   *[other] { $stars } stars out of 5
}
review-verified-purchase = Verified purchase
review-for-item = for
review-reply-heading = Reply from the reviewed member
review-page-title = Reviews of order #{ $order }
review-theirs-heading = { $name }'s review of you
review-reply-label = Your public reply
review-reply-hint = You can reply once; the reply is public and cannot be changed.
review-reply-submit = Post reply
review-theirs-hidden = { $name } has written a review. You will see it when you have written yours, or on { $date }.
review-theirs-none = No review has been written yet.
review-mine-heading = Your review of { $name }
review-form-intro = Your review stays hidden from the other party until both of you have written one, or until { $date }. Until then you can change it; after that it is fixed.
review-how-link = How reviews work
review-stars = Your rating
review-stars-1 = 1 star – bad
review-stars-2 = 2 stars – poor
review-stars-3 = 3 stars – okay
review-stars-4 = 4 stars – good
review-stars-5 = 5 stars – excellent
review-body = Your review
review-body-hint = Up to 2,000 characters. Required for 1 to 3 stars (at least 20 characters), optional for 4 and 5.
review-submit = Save review
review-submit-edit = Save changes
review-removed-note = A moderator removed this review for breaking the marketplace rules.
review-window-closed = The time to review this order has ended.
review-mine-hidden = Your review is saved and hidden until both of you have written one, or until { $date }.
review-public-heading = Published reviews of this order
review-profile-heading = Reviews
review-rated-as-seller = As a seller
review-rated-as-buyer = As a buyer
review-all-link = All reviews
review-member-title = Reviews of { $name }
review-back-to-profile = Back to { $name }'s profile
review-ratings-heading = Ratings
review-list-heading = Reviews
review-filter-label = Filter reviews
review-filter-all = All
review-filter-as-seller = As a seller
review-filter-as-buyer = As a buyer
review-filter-all-stars = Any rating
review-none-yet = No reviews here yet.
review-pages-label = Pages of reviews
review-newer = Newer reviews
review-older = Older reviews
review-done-saved = Your review is saved. The other party will see it when they have written theirs, or when the review time ends.
review-done-published = Your review is saved and both reviews are now public.
review-done-replied = Your reply is published.
review-how-title = How reviews work
review-how-intro = Every review on Pasar comes from a completed order on Pasar. Here is how they are collected and checked.
review-how-who-h = Who can review
review-how-who = Only the buyer and the seller of an order, once each, after the order is over: when the buyer confirmed receipt (or it was confirmed automatically), or when a dispute about it was finally decided. The buyer rates the seller, including whether the item was as described, the communication and the shipping or handover; the seller rates the buyer. Each review shows the item it was for.
review-how-window-h = When
review-how-window = { $days ->
    [one] After an order ends, both have { $days } day to write their review.
   *[other] After an order ends, both have { $days } days to write their review.
}
review-how-blind-h = Double-blind
review-how-blind = A review stays hidden from the other party until both have written theirs, or until the review time ends. Neither side can answer a review with a review of their own.
review-how-fixed-h = No editing after publication
review-how-fixed = You can change your review while it is hidden. Once it is published it is fixed.
review-how-reply-h = Replies
review-how-reply = The reviewed member can post one public reply under each review about them.
review-how-ratings-h = Ratings
review-how-ratings = A member's rating is the average of their published reviews, with the number of reviews and how many gave each number of stars. With fewer than 3 reviews we show "new seller" and the number of reviews, never an average.
review-how-removal-h = Removal
review-how-removal = A review is removed only when it breaks the published marketplace rules, by a decision of a moderator, who states the reason. Removed reviews no longer count in ratings.
review-how-checked-h = What we do not do
review-how-checked = No review is bought, paid for or written by Pasar, and sellers cannot hide, filter or sort out the reviews about them. All reviews of a member are shown, newest first.
