from odoo import models

from ..tools.access import internal_only


class HelpdeskTicket(models.Model):
    """What the customer reaches of a request from the portal (issue 12): no back-office
    action, only the files that were meant for them, no closing of an after-sales request."""

    _inherit = "helpdesk.ticket"

    @internal_only()
    def action_share(self):
        return super().action_share()

    @internal_only()
    def action_open_duplicate_wizard(self):
        return super().action_open_duplicate_wizard()

    @internal_only()
    def action_view_duplicates(self):
        return super().action_view_duplicates()

    @internal_only()
    def action_duplicate_tickets(self):
        return super().action_duplicate_tickets()

    def _aftersales_portal_attachments(self):
        """The request's files the customer may open: what the customer's own users uploaded,
        and the files of the messages they can read (not internal notes), as Odoo's portal
        chatter shows them."""
        self.ensure_one()
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        )
        shown = (
            self.sudo()
            .message_ids.filtered(lambda m: not m.is_internal and not m.subtype_id.internal)
            .attachment_ids
        )
        return attachments.filtered(lambda a: a in shown or a.create_uid.share)

    def _aftersales_portal_close_stages(self):
        """The stages a customer may close the request into from the portal: those its team
        allows, and none for an after-sales request (its closing follows the regulation:
        report signed, settled, rated)."""
        self.ensure_one()
        if self.aftersales_project_id or self.team_id == self.env.ref(
            "aftersales_service.helpdesk_team_aftersales", raise_if_not_found=False
        ):
            return self.env["helpdesk.ticket.stage"]
        return self.team_id._get_applicable_stages().filtered("close_from_portal")
