# The admin area (src/admin/, templates/admin/).
admin-nav-header = Admin
admin-nav-label = Admin area
admin-nav-dashboard = Dashboard
admin-nav-users = Members
admin-nav-listings = Listings
admin-nav-orders = Orders
admin-nav-failed = Failed emails and jobs
admin-nav-audit = Audit log

admin-dashboard-title = Admin
admin-waiting-title = Waiting for you
admin-waiting-none = Nothing you can act on is waiting.
admin-waiting-reports = { $count ->
    [one] reported case waits for a decision
   *[other] reported cases wait for a decision
}
admin-waiting-appeals = { $count ->
    [one] appeal waits for a second moderator
   *[other] appeals wait for a second moderator
}
admin-waiting-disputes = { $count ->
    [one] dispute waits for a decision
   *[other] disputes wait for a decision
}
admin-waiting-emails = { $count ->
    [one] email could not be sent
   *[other] emails could not be sent
}
admin-waiting-jobs = { $count ->
    [one] background job failed
   *[other] background jobs failed
}

admin-search-button = Search
admin-none-found = Nothing matches.
admin-any-status = Any status
admin-pages = Pages
admin-previous = Previous
admin-next = Next
admin-older = Older entries
admin-page-number = Page { $page }
admin-no = No
admin-error-page = That page number does not exist; showing the first page.
admin-error-id = Enter a number, such as 42.
admin-error-status = Choose a status from the list.
admin-error-kind = Use a single word, such as user, listing or order.
admin-error-kind-needed = Say what the number is: user, listing, order…
admin-error-subject-needed = Enter its number too.

admin-col-id = Number
admin-col-name = Name
admin-col-email = Email
admin-col-role = Role
admin-col-joined = Member since
admin-col-title = Title
admin-col-seller = Seller
admin-col-buyer = Buyer
admin-col-status = Status
admin-col-price = Price
admin-col-created = Created
admin-col-kind = Kind
admin-col-to = To
admin-col-error = Error
admin-col-attempts = Attempts
admin-col-when = When
admin-col-action = Action
admin-col-who = Who
admin-col-what = What
admin-col-subject = About
admin-col-why = Why
admin-col-before = Before
admin-col-after = After

admin-role-member = Member
admin-role-moderator = Moderator
admin-role-admin = Admin

admin-users-title = Members
admin-users-search = Email, name or number
admin-member-title = Account
admin-member-public = public profile
admin-member-verified = Email confirmed
admin-member-deletion = Deletion requested
admin-member-listings = Listings
admin-member-listings-counts = { $all } in all, { $active } on sale
admin-member-orders = Orders
admin-member-orders-counts = { $bought } bought, { $sold } sold
admin-member-history = What admins did about this member
admin-member-history-all = The whole history in the audit log
admin-role-title = Change the role
admin-reason = Reason
admin-reason-hint = Required. Kept in the audit log with your name; nobody can change it later.
admin-reason-required = Say why the role changes.
admin-role-required = Choose a role from the list.
admin-role-same = The member has this role already.
admin-role-own = You cannot change your own role; another admin can.
admin-role-submit = Change the role
admin-role-changed = The role was changed and recorded in the audit log.

admin-listings-title = Listings
admin-listings-search = Title or number
admin-listings-seller = Seller's member number
admin-listing-status-draft = Draft
admin-listing-status-active = On sale
admin-listing-status-paused = Paused
admin-listing-status-sold = Sold
admin-listing-status-removed = Deleted

admin-orders-title = Orders
admin-orders-id = Order number
admin-orders-party = Buyer's or seller's member number

admin-failed-title = Failed emails and jobs
admin-failed-hint = These gave up after their last attempt. Fix the cause first (the error says what went wrong), then retry: each retry is recorded in the audit log.
admin-failed-emails = { $count ->
    [one] { $count } email not sent
   *[other] { $count } emails not sent
}
admin-failed-emails-none = Every email went out.
admin-failed-jobs = { $count ->
    [one] { $count } failed job
   *[other] { $count } failed jobs
}
admin-failed-jobs-none = No background job failed.
admin-failed-newest = { $count ->
    [one] The newest one is shown.
   *[other] The newest { $count } are shown.
}
admin-retry = Retry
admin-retry-email-label = (email { $id })
admin-retry-job-label = (job { $id })
admin-retry-queued = Queued again; the worker picks it up within seconds.
admin-retry-gone = It is no longer failed (someone retried it already), so nothing changed.

admin-audit-title = Audit log
admin-audit-hint = Every moderator and admin action, newest first. Entries are never changed or deleted.
admin-audit-kind = About (kind)
admin-audit-kind-hint = Kinds of subject: user, listing, order, email, job. Give the kind and its number together.
admin-audit-subject = Its number
admin-audit-actor = Done by (member number)
admin-audit-empty = No entries.
admin-audit-command-line = The command line
admin-audit-system = Pasar itself
admin-action-user-role = Changed the role
admin-action-user-create = Created the account
admin-action-email-retry = Retried an email
admin-action-job-retry = Retried a job
admin-action-dispute-decide = Decided a dispute
