"""The OCA modules' Python messages and labels our users meet, in their language (issue 14).
Odoo reads those only from the OCA modules' own .po files, which have no Chinese: see
tools/oca_terms.py. Each override calls the OCA method and only rewords what it says, except
purchase_request's message-building methods, built again below in our words.

The one file that extends several models (setup/check_layout.py names it): a catalogue of
OCA's terms, kept together so that their Chinese is read and checked in one place."""

from markupsafe import Markup

from odoo import api, models

from ..tools.oca_terms import oca_errors_in_our_words, oca_labels, oca_term


class HelpdeskTicketOcaTerms(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def message_new(self, msg, custom_values=None):
        values = dict(custom_values or {})
        if not msg.get("subject") and not values.get("name"):
            values["name"] = oca_term(self.env, "No Subject")
        return super().message_new(msg, custom_values=values)

    def _message_get_suggested_recipients(self):
        return oca_labels(self.env, super()._message_get_suggested_recipients(), "reason")


class HelpdeskTicketTeamOcaTerms(models.Model):
    _inherit = "helpdesk.ticket.team"

    def _retrieve_dashboard(self):
        return oca_labels(self.env, super()._retrieve_dashboard(), "name")


class HelpdeskTicketDuplicateWizardOcaTerms(models.TransientModel):
    _inherit = "helpdesk.ticket.duplicate.wizard"

    def action_confirm(self):
        with oca_errors_in_our_words(self.env):
            return super().action_confirm()


class HrExpenseOcaTerms(models.Model):
    _inherit = "hr.expense"

    @api.constrains("advance")
    def _check_advance(self):
        with oca_errors_in_our_words(self.env):
            return super()._check_advance()


class HrExpenseSheetOcaTerms(models.Model):
    _inherit = "hr.expense.sheet"

    @api.constrains("advance_sheet_id", "expense_line_ids")
    def _check_advance_expense(self):
        with oca_errors_in_our_words(self.env):
            return super()._check_advance_expense()

    def _check_can_approve(self):
        with oca_errors_in_our_words(self.env):
            return super()._check_can_approve()

    def _prepare_bills_vals(self):
        with oca_errors_in_our_words(self.env):
            return super()._prepare_bills_vals()

    def action_open_clearings(self):
        return dict(super().action_open_clearings(), name=oca_term(self.env, "Clearing Sheets"))

    def action_open_payment_return(self):
        return dict(super().action_open_payment_return(), name=oca_term(self.env, "Payment Return"))


class HrEmployeeBaseOcaTerms(models.AbstractModel):
    _inherit = "hr.employee.base"

    def action_open_advance_clearing(self):
        return dict(
            super().action_open_advance_clearing(), name=oca_term(self.env, "Advance Sheet")
        )


class AccountMoveOcaTerms(models.Model):
    _inherit = "account.move"

    def _check_hr_advance_move_reconciled(self):
        with oca_errors_in_our_words(self.env):
            return super()._check_hr_advance_move_reconciled()


class AccountPaymentRegisterOcaTerms(models.TransientModel):
    _inherit = "account.payment.register"

    def _validate_over_return(self):
        with oca_errors_in_our_words(self.env):
            return super()._validate_over_return()


# purchase_request builds its chatter lines with terms it leaves without Chinese: the lines are
# built again here, same markup and values, in our words (tools/oca_terms.py); the values are
# escaped by Markup's formatting.


def _quantity_line(env, quantity_term, data):
    return Markup("<ul><li><b>{}</b>: {} {} {}</li></ul>").format(
        data["product_name"], oca_term(env, quantity_term), data["product_qty"], data["product_uom"]
    )


def _request_message(env, title, body, data, quantity_term):
    """A purchase request's chatter line: `title` and `body` (our terms with `{name}` fields of
    `data`) and the received product line."""
    return Markup("<h3>{}</h3>{}{}").format(
        oca_term(env, title).format(**data),
        oca_term(env, body).format(**data),
        _quantity_line(env, quantity_term, data),
    )


class PurchaseOrderOcaTerms(models.Model):
    _inherit = "purchase.order"

    def _purchase_request_confirm_message_content(self, request, request_dict=None):
        self.ensure_one()
        names = {"po_name": self.name, "pr_name": request.name}
        item = Markup(
            oca_term(
                self.env,
                "<li><b>%(prl_name)s</b>: Ordered quantity %(prl_qty)s %(prl_uom)s, "
                "Planned date %(prl_date_planned)s</li>",
            )
        )
        items = Markup().join(
            item
            % {
                "prl_name": line["name"],
                "prl_qty": line["product_qty"],
                "prl_uom": line["product_uom"],
                "prl_date_planned": line["date_planned"],
            }
            for line in (request_dict or {}).values()
        )
        title = oca_term(self.env, "Order confirmation %(po_name)s for your Request %(pr_name)s")
        body = oca_term(
            self.env,
            "The following requested items from Purchase Request %(pr_name)s "
            "have now been confirmed in Purchase Order %(po_name)s:",
        )
        return Markup("<h3>{}</h3><ul>{}{}</ul>").format(title % names, body % names, items)


class PurchaseOrderLineOcaTerms(models.Model):
    _inherit = "purchase.order.line"

    @api.model
    def _purchase_request_confirm_done_message_content(self, message_data):
        return _request_message(
            self.env,
            "Service confirmation for Request {request_name}",
            "The following requested services from Purchase Request {request_name} "
            "requested by {requestor} have now been received:",
            message_data,
            "Received quantity",
        )


class StockMoveLineOcaTerms(models.Model):
    _inherit = "stock.move.line"

    @api.model
    def _purchase_request_confirm_done_message_content(self, message_data):
        return _request_message(
            self.env,
            "Receipt confirmation {picking_name} for your Request {request_name}",
            "The following requested items from Purchase Request {request_name} "
            "have now been received in {location_name} using Picking {picking_name}:",
            message_data,
            "Transferred quantity",
        )

    @api.model
    def _picking_confirm_done_message_content(self, message_data):
        return _request_message(
            self.env,
            "Receipt confirmation for Request {name}",
            "The following requested items from Purchase Request {request_name} "
            "requested by {requestor} have now been received in {location_name}:",
            dict(message_data, name=message_data["request_name"]),
            "Transferred quantity",
        )


class PurchaseRequestAllocationOcaTerms(models.Model):
    _inherit = "purchase.request.allocation"

    @api.model
    def _purchase_request_confirm_done_message_content(self, message_data):
        item = Markup(
            oca_term(
                self.env,
                "<li><b>%(product_name)s</b>: Received quantity %(product_qty)s "
                "%(product_uom)s</li>",
            )
        )
        return Markup("{}<ul>{}</ul>").format(
            oca_term(
                self.env,
                "From last reception this quantity has been allocated to this purchase request",
            ),
            item
            % {key: message_data[key] for key in ("product_name", "product_qty", "product_uom")},
        )


class PurchaseRequestLineOcaTerms(models.Model):
    _inherit = "purchase.request.line"

    def action_show_details(self):
        return dict(super().action_show_details(), name=oca_term(self.env, "Detailed Line"))


class PurchaseRequestLineMakePurchaseOrderOcaTerms(models.TransientModel):
    _inherit = "purchase.request.line.make.purchase.order"

    @api.model
    def _check_valid_request_line(self, request_line_ids):
        with oca_errors_in_our_words(self.env):
            return super()._check_valid_request_line(request_line_ids)
