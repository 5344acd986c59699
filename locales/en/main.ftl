app-name = Mizon
skip-to-content = Skip to content
loading = Loading…
saved = Saved.
save = Save
cancel = Cancel
back-home = Back to the start page

nav-label = Main
nav-home = Start
nav-users = Users
nav-audit = Audit log
nav-account = My account
sign-out = Sign out
language-switcher-label = Interface language

sign-in-title = Sign in
sign-in-submit = Sign in
field-username = Username
field-password = Password
field-display-name = Full name
field-current-password = Current password
field-new-password = New password
field-confirm-password = Repeat the new password
field-initial-password = Initial password
field-temporary-password = Temporary password
field-roles = Roles
field-status = Status
field-created = Created
field-active = Account active
field-preferred-language = Preferred language
language-not-set = Not set (use the browser's)

password-policy = At least 10 characters. A short sentence is easy to remember and hard to guess.
username-rules = 3 to 64 characters: letters, digits, dot, underscore, hyphen.
initial-password-hint = Give it to the person in private; they must change it when they first sign in.
active-hint = A deactivated account cannot sign in; its history stays.

home-welcome = Welcome, { $name }
home-intro = Mizon holds the prison service's assessment instruments in Tajik, Russian and English, and the assessments made with them.
home-your-roles = Your roles
home-administration = Administration

role-administrator = Administrator
role-methodologist = Methodologist
role-translator = Translator
role-reviewer = Reviewer
role-assessor = Assessor

status-active = Active
status-inactive = Deactivated

account-title = My account
account-must-change = You signed in with a temporary password. Choose your own password to continue.
account-password-title = Change password
account-password-submit = Change password
account-password-changed = Your password has been changed. Other sessions of your account have been signed out.
account-language-title = Interface language

users-title = Users
users-new = New user
users-create = Create user
users-back = ← All users
users-reset-password = Reset password
users-password-reset-done = The temporary password is set. The person must change it at their next sign-in; their open sessions have ended.

audit-title = Audit log
audit-summary = { $total ->
    [one] One event
   *[other] { $total } events
}, page { $page } of { $pages }
audit-seq = No.
audit-time = Time (UTC)
audit-actor = Who
audit-action = Action
audit-target = Target
audit-details = Details
audit-pages = Audit log pages
page-previous = ← Newer
page-next = Older →

not-found-title = Page not found
not-found-body = There is no page at this address. Check the address, or start again from the start page.
forbidden-title = Not allowed
forbidden-body = Your roles do not allow this page. If you need it, ask an administrator.
server-error-title = Something went wrong
server-error-body = The server could not complete the request. Nothing you saved before is lost. If it happens again, give the administrator this reference: { $id }
tokens-title = API tokens
tokens-intro = A token lets another system (a prisoner register, statistics) use Mizon's JSON API as you, with your roles. Treat it like a password.
tokens-created = Your new token is below. Copy it now: it is not shown again.
tokens-create = Create token
tokens-none = You have no API tokens.
tokens-created-at = Created
tokens-expires-at = Expires
tokens-last-used = Last used
tokens-state = State
tokens-revoke = Revoke
tokens-revoked = Revoked
field-token-name = Token name
token-name-hint = What it is for, e.g. "statistics export".
field-token-days = Valid for (days)
token-days-hint = 1 to 3650; empty for no expiry.
