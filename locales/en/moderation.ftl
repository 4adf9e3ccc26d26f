# Reports, moderation, appeals and the transparency report (issue 11).
mod-nav-rules = Marketplace rules
mod-nav-transparency = Transparency report
mod-nav-queue = Reports and appeals
mod-nav-decisions = Moderation decisions about you
listing-status-hidden = Moderation has hidden this listing: nobody else can see it. Your decisions page says why and how to appeal.
tab-hidden = Hidden by moderation

mod-rules-title = Marketplace rules
mod-rules-lead = Everyone who buys or sells on Pasar agrees to these rules. Every moderation decision names the rule it applies.
mod-rule-heading = Rule { $number }
mod-rule-cited = Rule { $number } — { $title }
mod-rule-1-title = Prohibited items
mod-rule-1-body = Do not offer what the law forbids to sell: weapons and ammunition, drugs and medicines, alcohol and tobacco to minors, live animals, human remains, stolen goods, recalled or dangerous products.
mod-rule-2-title = Counterfeits
mod-rule-2-body = Sell only genuine goods. Fakes, replicas and copies of brands, and items that infringe someone's design or copyright, are not allowed, even when the listing says so.
mod-rule-3-title = Scams and fraud
mod-rule-3-body = Do not deceive buyers or sellers: no fake listings, no items you do not have, no fake payment confirmations, no phishing links, no stolen identities.
mod-rule-4-title = Paying outside the site
mod-rule-4-body = Pay and get paid only through Pasar, where buyer protection holds the money until the item arrives. Asking for a bank transfer, a payment app or contact details to settle elsewhere is not allowed.
mod-rule-5-title = Harassment and hate
mod-rule-5-body = Treat others with respect. Threats, insults, hate speech, sexual harassment and repeated unwanted contact are not allowed.
mod-rule-6-title = Misleading listings
mod-rule-6-body = Describe the item as it is: its real condition, defects, photos of the item itself, an honest price and category. No bait listings, keyword stuffing or duplicates.
mod-rule-7-title = One account per person
mod-rule-7-body = Each person has one account, in their own name. Accounts to get around a sanction, fake reviews or limits are closed.
mod-rule-8-title = Honest reviews
mod-rule-8-body = Reviews describe a real purchase. Paying for reviews, reviewing yourself or pressuring someone to change a review is not allowed.
mod-rule-9-title = Other people's private data
mod-rule-9-body = Do not publish anyone's address, phone number, documents or photos without their consent.
mod-rules-process-title = How we enforce the rules
mod-rules-process = Any member can report a listing or a member. A moderator reads the report and decides, citing a rule and the facts. The member concerned receives a statement of reasons by email and on their account, and may appeal once within six months; a different moderator decides the appeal. Orders already paid always go on, so nobody's money is stuck.

mod-report-listing = Report this listing
mod-report-member = Report this member
mod-report-title = Report a problem
mod-report-lead = Tell us what is wrong. A moderator reads every report; we email you when it is decided.
mod-label-reason = Reason
mod-label-report-body = What happened
mod-report-submit = Send report
mod-reason-prohibited = Prohibited item
mod-reason-counterfeit = Counterfeit
mod-reason-scam = Scam or fraud
mod-reason-harassment = Harassment
mod-reason-misleading = Misleading
mod-reason-other = Other
mod-reason-required = Choose a reason.
mod-body-required = Please write a few words.
mod-flash-reported = Thank you: your report was sent to the moderators. We will email you the decision.
mod-target-listing = Listing
mod-target-member = Member

mod-queue-title = Reports and appeals
mod-queue-cases = Open cases, oldest first
mod-queue-empty = No open reports.
mod-queue-appeals = Open appeals
mod-queue-appeals-empty = No open appeals.
mod-label-case = Case
mod-label-target = Reported
mod-label-member = Member concerned
mod-label-reports = Reports
mod-label-opened = Opened
mod-label-appeal = Appeal
mod-automated = automated
mod-appeal-own = your decision
mod-case-title = Case #{ $id }
mod-case-content = The content
mod-case-gone = It no longer exists.
mod-case-reports = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
mod-case-history = The member's history
mod-other-cases = { $count ->
    [one] { $count } other case
   *[other] { $count } other cases
}
mod-history-empty = No earlier decisions.
mod-in-force = in force
mod-reversed = reversed
mod-case-closed = This case is decided.
mod-decide-title = Decide
mod-choose = Choose…
mod-label-decision = Decision
mod-label-rule = Rule
mod-rule-hint = Required for every decision except dismissing.
mod-label-facts = Facts
mod-facts-hint = What you saw and why it breaks the rule. The member reads this.
mod-label-days = Duration in days
mod-days-hint = For restricting selling and suspending: 1 to { $max } days.
mod-label-automated-check = This decision was taken on an automated notice
mod-decide-submit = Record the decision
mod-action-required = Choose a decision.
mod-rule-required = Choose the rule that applies.
mod-facts-required = Write the facts.
mod-days-invalid = Give a number of days within the limit.
mod-flash-decided = Decision recorded; the member and the reporters are informed.
mod-error-decided = This was decided meanwhile.
mod-error-own = You cannot report yourself or your own listing.

mod-action-dismiss = Dismissed
mod-action-hide_listing = Listing hidden
mod-action-warn = Warning
mod-action-restrict_selling = Selling restricted
mod-action-suspend = Account suspended
mod-action-ban = Account closed (ban)
mod-outcome-dismiss = we found no breach of our rules and took no action
mod-outcome-hide_listing = we hid the listing
mod-outcome-warn = we warned the member
mod-outcome-restrict_selling = we restricted the member's selling
mod-outcome-suspend = we suspended the member
mod-outcome-ban = we closed the member's account
mod-statement-dismiss = We found no breach of our rules.
mod-statement-hide_listing = We hid your listing from the public. You still see it; buyers do not.
mod-statement-warn = We are warning you: what is described below breaks our rules. Nothing else changes on your account for now.
mod-statement-restrict_selling = You cannot list or sell new items for the time below. Your open orders go on as usual.
mod-statement-suspend = Your account is suspended for the time below: you can only read this decision and appeal. Your listings are hidden; open orders go on, so you can still ship and be paid.
mod-statement-ban = Your account is closed: you can only read this decision and appeal. Your listings are hidden; open orders go on, so you can still ship and be paid.
mod-label-duration = How long
mod-lasts-until = Until { $date }
mod-lasts-permanent = Permanent
mod-lasts-once = Nothing lasts: this decision is final once made
mod-label-automated = Taken on an automated notice
mod-yes = Yes
mod-no = No
mod-label-decided-on = Decided on
mod-label-appeal-by = Appeal until
mod-appeal-how = If you think this decision is wrong, you can appeal it once, with your explanation, until { $date }. A different moderator will decide.

mod-decisions-title = Moderation decisions
mod-decisions-lead = Each decision moderators took about you or your listings, with its reasons.
mod-decisions-empty = There are no moderation decisions about you.
mod-statement-title = Statement of reasons
mod-appeal-title = Appeal
mod-label-appeal-body = Your appeal
mod-appeal-submit = Send appeal
mod-appeal-closed = This decision can no longer be appealed.
mod-appeal-none = No appeal.
mod-appeal-status-open = Appeal waiting for a decision
mod-appeal-status-upheld = Appeal refused: the decision stands
mod-appeal-status-reversed = Appeal accepted: the decision was reversed
mod-flash-appealed = Your appeal was sent. A different moderator will decide and we will email you.
mod-error-appealed = This decision was appealed already.
mod-error-appeal-late = The six months to appeal have passed.
mod-selling-restricted = A moderation decision stops you from starting new sales for now. It is explained below, with how to appeal.
mod-buying-restricted = A moderation decision stops you from buying for now. See your moderation decisions.

mod-appeal-page-title = Appeal #{ $id }
mod-decided-by = decided by { $name }
mod-appeal-decide-title = Decide the appeal
mod-appeal-own-lead = You made this decision, so another moderator must decide its appeal.
mod-label-outcome = Outcome
mod-outcome-uphold = Refuse the appeal: the decision stands
mod-outcome-reverse = Accept the appeal: reverse the decision and undo it
mod-label-note = Reasons for the outcome
mod-appeal-decide-submit = Record the outcome
mod-outcome-required = Choose an outcome.
mod-note-required = Write the reasons.
mod-flash-appeal-decided = Appeal decided; the member and the reporters are informed.
mod-error-same-moderator = The moderator who made a decision cannot decide its appeal.

mod-email-received-subject = We received your report
mod-email-received-body = Thank you for reporting this { $what } (case { $case }). A moderator will look at it.
mod-email-received-next = We will email you when it is decided. Reports are confidential: the member is not told who reported them.
mod-email-decided-subject = Your report was decided
mod-email-decided-body = About the { $what } you reported: { $outcome }.
mod-email-rules-action = Read the marketplace rules
mod-email-statement-subject = A moderation decision about your account
mod-email-statement-action = Read the decision and appeal
mod-email-appeal-subject = Your appeal was decided
mod-email-appeal-upheld = A different moderator reviewed your appeal and the decision stands.
mod-email-appeal-reversed = A different moderator reviewed your appeal and reversed the decision: it has been undone.
mod-email-appeal-reporter-subject = Update on a report you made
mod-email-appeal-reporter-upheld = The member appealed the decision on the { $what } you reported; the decision stands.
mod-email-appeal-reporter-reversed = The member appealed the decision on the { $what } you reported; a different moderator reversed it.

mod-transparency-title = Transparency report
mod-transparency-lead = What moderation did on Pasar, per quarter, computed from the records themselves when you open this page.
mod-transparency-empty = Nothing to report yet.
mod-quarter = Q{ $quarter } { $year }
mod-tr-reports = { $count ->
    [one] { $count } report received
   *[other] { $count } reports received
}
mod-tr-actions = { $count ->
    [one] { $count } decision taken
   *[other] { $count } decisions taken
}
mod-tr-automated = Decisions on automated notices
mod-tr-percent = { $n } %
mod-tr-median = Median time from first report to decision
mod-tr-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
mod-tr-appeals = Appeals
mod-tr-reversed = Decisions reversed on appeal
mod-transparency-method = Reports count every notice received, from members and automated; decisions include dismissals; times run from a case's first report to its decision; quarters are in UTC.

# Reviews reported and removed
mod-report-review = Report this review
mod-target-review = Review
mod-action-remove_review = Review removed
mod-outcome-remove_review = we removed the review
mod-statement-remove_review = We removed your review from the public pages and from the member's rating. You still see it on your order.
