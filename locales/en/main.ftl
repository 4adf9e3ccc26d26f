# Pasar: English. Every key here must exist in id, el and fr too (a test checks).

## Layout
nav-skip = Skip to content
nav-account = Your account
nav-login = Log in
nav-signup = Sign up
nav-logout = Log out
nav-settings = Settings
nav-mailbox = Mailbox (development)
search-placeholder = Search for anything
search-label = Search listings
search-button = Search
footer-language = Language
footer-tagline = Pasar: buy and sell with people near you, with buyer protection on every order.
verify-banner = Please confirm your email address: we sent a link to { $email }. Until then you can browse but not sell, buy or send messages.
verify-resend = Send the link again
badge-verified = Verified
badge-unverified = Not verified

## Home
home-title = Buy and sell second-hand
home-headline = Buy and sell with people near you
home-lead = Pasar is the marketplace where neighbours trade what they own: fair prices, honest reviews, and your money protected until your item arrives.
home-promise-escrow = Buyer protection: we hold the money until you confirm the item arrived as described.
home-promise-reviews = Reviews only from real, completed purchases.
home-promise-talk = Ask the seller, make an offer, agree, done.
home-cta = Join Pasar for free
home-members = New members
home-member-count = { $count ->
    [one] { $count } member so far
   *[other] { $count } members so far
}

## Sign-up, login, passwords
signup-title = Create your account
signup-lead = It takes a minute. We will send you an email to confirm your address.
signup-submit = Create account
signup-have-account = Already have an account?
label-display-name = Your name (shown to others)
label-email = Email address
label-password = Password
label-new-password = New password
label-current-password = Current password
label-new-email = New email address
password-hint = At least 8 characters. A few unrelated words make a strong password.
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = New to Pasar?
login-failed = The email or password is not right. Please try again.
forgot-title = Reset your password
forgot-lead = Enter the email address of your account and we will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If an account uses { $email }, a link to reset its password is on its way. Check your inbox and spam folder.
reset-title = Choose a new password
reset-submit = Save the new password
reset-request-new = Ask for a new link

## Settings
settings-title = Account settings
settings-profile = Profile
settings-save = Save profile
settings-email = Email address
settings-email-current = Your email address is { $email }.
settings-email-pending = Waiting for confirmation of { $email }: follow the link we sent there.
settings-email-submit = Change email
settings-password = Password
settings-password-submit = Change password
settings-delete = Delete account
settings-delete-lead = Your account will be closed now and deleted for good after a grace period. Log in before then to keep it.
settings-delete-submit = Delete my account
label-bio = About you
label-city = City
label-country = Country
label-language = Language of pages and emails

## Field errors
field-required = Please fill this in.
field-invalid = This value is not valid.
email-invalid = Please enter an email address like name@example.com.
email-too-long = This email address is too long.
email-taken = An account with this email address already exists.
name-too-short = Please use at least 2 characters.
name-too-long = Please use at most 50 characters.
name-invalid = Please use letters, numbers and ordinary punctuation only.
password-too-short = The password must have at least 8 characters.
password-too-long = The password must be at most 72 bytes long.
password-too-weak = This password is too easy to guess. Add more words or characters.
password-wrong = The password is not right.
text-too-long = This text is too long.
text-invalid = This text contains characters that are not allowed.

## Flash messages
flash-signed-up = Welcome to Pasar! We sent a confirmation link to { $email }.
flash-verified = Thank you, your email address is confirmed.
flash-verification-sent = We sent you a new confirmation link.
flash-link-invalid = This link is not valid any more: it was already used or it expired.
flash-password-reset = Your password was changed. Please log in with the new one.
flash-password-changed = Your password was changed. Other devices have been logged out.
flash-profile-saved = Your profile was saved.
flash-email-change-sent = We sent a confirmation link to { $email }. Your email changes when you follow it.
flash-deletion-scheduled = Your account is closed and will be deleted on { $date }. Log in before then to keep it.
flash-deletion-cancelled = Welcome back! Your account will not be deleted.

## Error pages
error-home = Back to the home page
error-400-title = Something was wrong with that request
error-400-text = The page could not understand what was sent. Please go back and try again.
error-403-title = Not allowed
error-403-text = You cannot do this. If you came from a form, reload the page and try again.
error-404-title = Page not found
error-404-text = This page does not exist, or it was removed.
error-405-title = Not allowed here
error-405-text = This address does not accept that kind of request.
error-409-title = This changed meanwhile
error-409-text = Someone changed this at the same time. Reload the page and try again.
error-413-title = Too large
error-413-text = What you sent is larger than we accept.
error-429-title = Too many attempts
error-429-text = Please wait a little before you try again.
error-429-wait = { $minutes ->
    [one] Please try again in { $minutes } minute.
   *[other] Please try again in { $minutes } minutes.
}
error-500-title = Something went wrong on our side
error-500-text = We have been told about it. Please try again in a moment.
error-503-title = Pasar is briefly unavailable
error-503-text = We cannot reach our database right now. Please try again in a few seconds.

## Development mailbox
mailbox-title = Mailbox
mailbox-lead = Every email the site sent, newest first. Only in development.
mailbox-empty = No email yet.
mailbox-to = To { $email }
mailbox-html = Open the HTML version

## Emails
email-greeting = Hello { $name },
email-footer = You receive this email because you have an account at { $site }.
email-not-you = If this was not you, you can ignore this email.
email-link-expires-hours = { $hours ->
    [one] The link works for { $hours } hour.
   *[other] The link works for { $hours } hours.
}
email-link-expires-minutes = { $minutes ->
    [one] The link works for { $minutes } minute and only once.
   *[other] The link works for { $minutes } minutes and only once.
}
email-verify-subject = Confirm your email address for Pasar
email-verify-body = Please confirm that this is your email address, so you can buy, sell and send messages on Pasar.
email-verify-action = Confirm my email address
email-reset-subject = Reset your Pasar password
email-reset-body = Someone asked to reset the password of your Pasar account. Follow the link to choose a new one.
email-reset-action = Choose a new password
email-password-changed-subject = Your Pasar password was changed
email-password-changed-body = The password of your account was just changed, and every other session was logged out. If you did not do this, reset your password at once.
email-password-changed-action = Reset my password
email-deletion-subject = Your Pasar account will be deleted
email-deletion-body = As you asked, your account is closed and will be deleted for good on { $date }. If you change your mind, just log in before then.
email-deletion-action = Keep my account

## Listings
nav-sell = Sell
nav-my-listings = My listings
nav-profile = My profile
nav-home = Home
breadcrumbs = Breadcrumbs
home-categories = Browse categories
home-recent = Just listed
home-see-all = See all new items
sell-title = Sell an item
edit-title = Edit your listing
form-has-errors = Some fields need your attention. Everything you entered is still here.
sell-photos = Photos
sell-photos-hint = Add 1 to 10 photos (JPEG, PNG, WebP or GIF, up to 15 MB each). The first photo is the cover.
sell-photo-position = Position
sell-photo-remove = Remove
sell-add-photos = Add photos
sell-choose-category = Choose a category
sell-category-other = other
sell-delivery = Delivery
sell-shipping-hint = Leave empty for free shipping.
sell-publish = Publish
sell-save = Save changes
sell-save-draft = Save as draft
label-title = Title
label-description = Description
label-category = Category
label-condition = Condition
label-price = Price
label-currency = Currency
label-quantity = Quantity
label-ships = I can ship it
label-shipping-price = Shipping price
label-pickup = Local pickup
text-too-short = This is too short.
category-invalid = Please choose a category from the list.
quantity-invalid = Please enter a quantity from 1 to 999.
delivery-required = Choose shipping, local pickup or both.
city-required = Please enter the city where the item can be picked up.
photos-required = Add at least one photo to publish the listing.
price-negative = The price cannot be negative.
price-invalid = Please enter a price like 12.50.
price-too-precise = This currency does not have that many decimals.
price-too-high = This price is too high.
flash-listing-published = Your listing is live.
flash-listing-saved = Your draft was saved.
flash-listing-updated = Your changes were saved.
flash-status-active = The listing is live again.
flash-status-paused = The listing is paused. Nobody can buy it until you reactivate it.
flash-status-sold = The listing is marked as sold.
flash-status-removed = The listing was deleted.
flash-status-draft = The listing is a draft again.
listing-status-draft = This listing is a draft: only you can see it.
listing-status-paused = This listing is paused: it cannot be bought right now.
listing-status-sold = This item has been sold.
listing-status-removed = This listing was deleted.
listing-holiday = The seller is on holiday until { $date }. You can look around, but buying is off until then.
listing-photos = Photos
listing-photos-scroll = Photos; scroll or swipe to see more
listing-photo-alt = { $title }, photo { $n }
listing-delivery = Delivery
listing-free-shipping = Free shipping
listing-shipping-price = Shipping: { $price }
listing-pickup-in = Pickup in { $city }
listing-views = { $count ->
    [one] { $count } view
   *[other] { $count } views
}
listing-favourites = { $count ->
    [one] { $count } favourite
   *[other] { $count } favourites
}
listing-seller = Seller
listing-similar = Similar items
member-since = Member since { $date }
action-edit = Edit
action-active = Reactivate
action-paused = Pause
action-sold = Mark as sold
action-removed = Delete
tab-active = Active
tab-draft = Drafts
tab-paused = Paused
tab-sold = Sold
my-listings-empty = Nothing here yet.
holiday-active = You are on holiday until { $date }. Your listings stay visible, but nobody can buy until you are back.
holiday-end = I am back
holiday-label = On holiday until
holiday-start = Start holiday mode
holiday-hint = Pause buying on all your listings at once; the return date is shown to shoppers.
holiday-date-invalid = Please choose a return date within the next year.
flash-holiday-on = Holiday mode is on until { $date }.
flash-holiday-off = Welcome back! Your listings can be bought again.
profile-listings = { $count ->
    [one] { $count } item for sale
   *[other] { $count } items for sale
}
profile-no-listings = No items for sale right now.
error-unverified-title = Please confirm your email address first
error-unverified-text = To sell, buy or send messages, confirm your email address with the link we sent you.
condition-new_with_tags = New with tags
condition-new = New
condition-like_new = Like new
condition-good = Good
condition-fair = Fair
condition-for_parts = For parts or not working
cat-electronics = Electronics
cat-phones = Phones
cat-computers = Computers
cat-audio = Audio
cat-cameras = Cameras
cat-gaming = Video games and consoles
cat-women = Women
cat-women-clothing = Women's clothing
cat-women-shoes = Women's shoes
cat-women-bags = Bags
cat-men = Men
cat-men-clothing = Men's clothing
cat-men-shoes = Men's shoes
cat-men-watches = Watches
cat-kids = Kids and baby
cat-kids-clothing = Kids' clothing
cat-toys = Toys
cat-strollers = Strollers and car seats
cat-home = Home
cat-furniture = Furniture
cat-kitchen = Kitchen
cat-decor = Decoration
cat-garden = Garden
cat-plants = Plants
cat-garden-tools = Garden tools
cat-sports = Sports
cat-bikes = Bikes
cat-fitness = Fitness
cat-outdoor = Outdoor and camping
cat-vehicles = Vehicles
cat-car-parts = Car parts
cat-motorbikes = Motorbikes and scooters
cat-books = Books
cat-fiction = Fiction
cat-non-fiction = Non-fiction
cat-comics = Comics
cat-music = Music
cat-instruments = Musical instruments
cat-records = Records and CDs
cat-collectibles = Collectibles
cat-coins-stamps = Coins and stamps
cat-art = Art
cat-beauty = Beauty
cat-skincare = Skincare
cat-fragrance = Fragrance
cat-pets = Pets
cat-pet-supplies = Pet supplies
cat-tools = Tools and DIY
cat-power-tools = Power tools
cat-hand-tools = Hand tools
cat-jewellery = Jewellery
cat-rings = Rings
cat-necklaces = Necklaces
attr-brand = Brand
attr-model = Model
attr-year = Year
attr-size = Size
attr-colour = Colour
attr-age = Age
attr-author = Author
attr-language = Language
attr-material = Material
colour-black = Black
colour-white = White
colour-grey = Grey
colour-red = Red
colour-blue = Blue
colour-green = Green
colour-yellow = Yellow
colour-pink = Pink
colour-brown = Brown
colour-beige = Beige
colour-multi = Multicoloured
material-gold = Gold
material-silver = Silver
material-steel = Steel
material-leather = Leather
material-other = Other
language-en = English
language-id = Indonesian
language-el = Greek
language-fr = French
language-other = Other

## Photos
photo-not-image = This file is not a photo we can read. Please upload a JPEG, PNG, WebP or GIF image.
photo-too-large = This photo is larger than 15 MB. Please choose a smaller file.
photo-too-many-pixels = This photo has too many pixels (more than 50 megapixels). Please upload a smaller version.
photo-too-small = This photo is too small. Please upload one at least 100 pixels wide and high.
photo-too-many = You can add up to 10 photos to a listing.

## Search
search-title = Search
search-results-for = Results for “{ $q }”
search-sort = Sort by
search-sort-relevance = Best match
search-sort-newest = Newest first
search-sort-price_asc = Price: low to high
search-sort-price_desc = Price: high to low
search-filters = Filters
search-any-category = All categories
search-all-in = All of { $category }
search-min = From
search-max = To
search-currency-hint = Price filters and price sorting show items priced in this currency only.
search-ships = Can be shipped
search-location = Location
search-apply = Apply filters
search-clear = Clear filters
search-count = { $count ->
    [one] { $shown } item
   *[other] { $shown } items
}
search-count-capped = More than { $shown } items
search-showing-for = Showing results for “{ $q }”.
search-no-results-for = Nothing matched “{ $q }”.
search-did-you-mean = Did you mean:
search-categories = Categories
search-subcategories = Subcategories
search-details = Details
search-any = Any
search-none-title = No items found
search-none-text = We found no items for “{ $q }”.
search-none-filters = No items match these filters yet.
search-tip-spelling = Check the spelling, or try a more general word.
search-tip-fewer = Use fewer words.
search-tip-clear = Remove all filters
search-tip-browse = Or browse a category:
search-pages = Pages
search-first = First page
search-next = Next page
search-min-invalid = Minimum price: { $reason } This filter was not applied.
search-max-invalid = Maximum price: { $reason } This filter was not applied.
search-range-inverted = The minimum price is higher than the maximum, so the price filter was not applied.
search-category-unknown = There is no category “{ $slug }”, so all categories are shown.
