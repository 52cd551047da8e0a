"""The Python-code strings of the OCA modules that our users meet, in our words (issue 14).

Odoo 16+ looks a code term up only in the .po files of the module whose code calls `_()`
(`odoo.tools.translate.get_translation` → `code_translations.get_python_translations(module)`,
which reads `<module>/i18n*/<lang>.po` and nothing else; odoo/odoo#157815): neither our
`i18n_extra` (it carries model terms only) nor a .po import can give helpdesk_mgmt's portal labels,
hr_expense_advance_clearing's errors and window titles or purchase_request's empty terms Chinese.
So we say those strings again here, as terms of our own addon (translated in
aftersales_service/i18n/zh_CN.po), and put them in where the OCA modules show them: the portal
labels are replaced in our controller, the errors are reworded by `oca_errors_in_our_words` around
the OCA methods that raise them, window titles replaced in the actions, purchase_request's chatter
lines built again (models/oca_code_terms.py). The English stays the OCA's.
"""

import contextlib
import re

from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Module-level terms can only be lazy (no environment yet): `_lt` here, each translated where it
# is used with `env._(term)` in the reader's language; prefer-env-translation is for `_()` calls.
# pylint: disable=prefer-env-translation
# helpdesk_mgmt: the portal's sort, filter, group-by and search labels (controllers/myaccount.py),
# the name of a request mailed without subject, the reasons of suggested recipients, the
# dashboard tiles and the duplicate wizard's error.
HELPDESK_TERMS = {
    term._source: term
    for term in (
        _lt("All"),
        _lt("Newest"),
        _lt("Title"),
        _lt("Stage"),
        _lt("Last Stage Update"),
        _lt("None"),
        _lt("Category"),
        _lt("Search in All"),
        _lt("Search in Number"),
        _lt("Search in Title"),
        _lt("No Subject"),
        _lt("Customer"),
        _lt("Customer Email"),
        _lt("Open Tickets"),
        _lt("Open Tickets without team"),
        _lt("You need to set a valid duplicate!"),
    )
}

# hr_expense_advance_clearing: the errors of the cash advance and its clearing (R20, R21).
ADVANCE_ERRORS = [
    _lt("Employee advance product has no payable account"),
    _lt("Employee advance, selected product is not valid"),
    _lt("Employee advance, account must be the same payable account"),
    _lt("Employee advance, all taxes must be removed"),
    _lt("Employee advance, paid by must be employee"),
    _lt("Advance clearing must not contain any advance expense line"),
    _lt("Advance must contain only advance expense line"),
    _lt("Advance: %(name)s has no amount to clear"),
    _lt(
        "This operation is not allowed as some advance amount was already cleared/returned.\n"
        "Please cancel those documents first."
    ),
    _lt("You cannot return advance more than actual remaining (%(symbol)s%(amount)s)%(more_info)s"),
    _lt("\nNote: pending amount clearing is %(symbol)s%(amount)s"),
]
# hr_expense_advance_clearing: the titles of the windows its buttons open (an employee's advances,
# an advance's clearings and returned payments).
ADVANCE_TERMS = {
    term._source: term
    for term in (_lt("Advance Sheet"), _lt("Clearing Sheets"), _lt("Payment Return"))
}

# purchase_request (which leaves these empty in Chinese): the chatter lines the purchase requests
# of the parts resolver (R15) get when their purchase order is confirmed and their parts or
# services received, the title of a line's details, and the error met when ordering a request
# that is not approved.
PURCHASE_REQUEST_TERMS = {
    term._source: term
    for term in (
        _lt("Order confirmation %(po_name)s for your Request %(pr_name)s"),
        _lt(
            "The following requested items from Purchase Request %(pr_name)s "
            "have now been confirmed in Purchase Order %(po_name)s:"
        ),
        _lt(
            "<li><b>%(prl_name)s</b>: Ordered quantity %(prl_qty)s %(prl_uom)s, "
            "Planned date %(prl_date_planned)s</li>"
        ),
        _lt("Service confirmation for Request {request_name}"),
        _lt(
            "The following requested services from Purchase Request {request_name} "
            "requested by {requestor} have now been received:"
        ),
        _lt("Received quantity"),
        _lt("Receipt confirmation {picking_name} for your Request {request_name}"),
        _lt(
            "The following requested items from Purchase Request {request_name} "
            "have now been received in {location_name} using Picking {picking_name}:"
        ),
        _lt("Transferred quantity"),
        _lt("Receipt confirmation for Request {name}"),
        _lt(
            "The following requested items from Purchase Request {request_name} "
            "requested by {requestor} have now been received in {location_name}:"
        ),
        _lt("From last reception this quantity has been allocated to this purchase request"),
        _lt("<li><b>%(product_name)s</b>: Received quantity %(product_qty)s %(product_uom)s</li>"),
        _lt("Detailed Line"),
        _lt("Purchase Request %s is not approved or in progress"),
    )
}
# pylint: enable=prefer-env-translation
OCA_TERMS = {**HELPDESK_TERMS, **ADVANCE_TERMS, **PURCHASE_REQUEST_TERMS}
OCA_ERRORS = [
    *ADVANCE_ERRORS,
    HELPDESK_TERMS["You need to set a valid duplicate!"],
    PURCHASE_REQUEST_TERMS["Purchase Request %s is not approved or in progress"],
]

# `%(name)s` placeholders, and `%s` (one positional value, matched as the group "value").
_PLACEHOLDER = re.compile(r"%\\\((\w+)\\\)s|%s")


def _pattern(source):
    """A regular expression matching `source` (an English message with `%(name)s` placeholders)
    once formatted, with one group per placeholder."""
    return re.compile(
        _PLACEHOLDER.sub(lambda m: rf"(?P<{m.group(1) or 'value'}>.*?)", re.escape(source)),
        re.DOTALL,
    )


_ERROR_PATTERNS = [(_pattern(term._source), term) for term in OCA_ERRORS]


def oca_term(env, source):
    """An OCA module's code term `source` (listed above) in `env`'s language, from our
    translations."""
    return env._(OCA_TERMS[source])


def oca_labels(env, items, key="label"):
    """Each dict of `items` whose `key` is one of helpdesk_mgmt's terms above (as it says it in
    English, having no translation) gets it in `env`'s language; `items` is returned."""
    for item in items:
        if isinstance(item.get(key), str) and item[key] in HELPDESK_TERMS:
            item[key] = oca_term(env, item[key])
    return items


def reword_oca_message(env, message):
    """`message`, an English message of an OCA module listed above, in `env`'s language (the
    values it carries reworded too when they are such messages); None for any other message."""
    for pattern, term in _ERROR_PATTERNS:
        match = pattern.fullmatch(message)
        if match:
            values = {
                name: reword_oca_message(env, value) or value
                for name, value in match.groupdict().items()
            }
            if "%s" in term._source:
                return env._(term) % values["value"]
            return env._(term._source, **values) if values else env._(term)
    return None


@contextlib.contextmanager
def oca_errors_in_our_words(env):
    """Around an OCA method: its UserError / ValidationError in our translation, same type; any
    other error, or a message we do not know, passes unchanged."""
    try:
        yield
    except (UserError, ValidationError) as error:
        if type(error) not in (UserError, ValidationError) or not error.args:
            raise
        message = reword_oca_message(env, str(error.args[0]))
        if message is None or message == error.args[0]:
            raise
        raise type(error)(message) from error
