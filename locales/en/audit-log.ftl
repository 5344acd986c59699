# The audit log page's filters.
audit-filter-actor = Who
audit-filter-action = Action
audit-filter-any-action = Any action
audit-filter-from = From (date)
audit-filter-to = To (date)
audit-filter-target = Record kind
audit-filter-any-target = Any kind
audit-filter-target-id = Record id
audit-filter-apply = Show
audit-filter-clear = Clear the filters
audit-filter-nothing = No events match these filters.
audit-filter-invalid-date = Enter a date as YYYY-MM-DD.
audit-filter-invalid-choice = Choose a value from the list.
