from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk


def _int(value):
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


class AftersalesHelpdeskTicketController(HelpdeskTicketController):
    """helpdesk_mgmt's portal "close" button, hardened (issue 12): a POST with the session's CSRF
    token, the request read with the user's own rights, only a stage the request's team lets
    customers close into, and none for after-sales requests."""

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"], csrf=True)
    def support_ticket_close(self, ticket_id=None, stage_id=None, **kw):
        ticket = request.env["helpdesk.ticket"].browse(_int(ticket_id))
        try:
            ticket.check_access("read")
            ticket_sudo = ticket.sudo().exists()
        except (AccessError, MissingError):
            raise request.not_found() from None
        if not ticket_sudo:
            raise request.not_found()
        stage = ticket_sudo._aftersales_portal_close_stages().filtered(lambda s: s.id == _int(stage_id))
        if not stage:
            raise request.not_found()
        ticket_sudo.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket_sudo.id}", code=302)


class AftersalesCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    """helpdesk_mgmt's request page hands out tokens only for the files meant for the customer
    (not those of internal notes), and offers no close button the close route would refuse."""

    @http.route(["/my/ticket/<int:ticket_id>"], type="http", auth="public", website=True)
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access("helpdesk.ticket", ticket_id, access_token=access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        attachments = ticket_sudo._aftersales_portal_attachments()
        attachments.generate_access_token()
        values = self._ticket_get_page_view_values(ticket_sudo, access_token, **kw)
        values["portal_attachments"] = attachments
        return request.render("helpdesk_mgmt.portal_helpdesk_ticket_page", values)

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        values["closed_stages"] = ticket._aftersales_portal_close_stages()
        return values
