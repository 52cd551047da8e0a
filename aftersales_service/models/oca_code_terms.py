"""The OCA modules' Python messages and labels our users meet, in their language (issue 14).
Odoo reads those only from the OCA modules' own .po files, which have no Chinese: see
tools/oca_terms.py. Each override calls the OCA method and only rewords what it says."""

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
