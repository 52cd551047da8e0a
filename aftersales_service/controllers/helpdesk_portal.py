from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv.expression import OR

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

from ..tools.oca_terms import oca_labels
from .portal import aftersales_clock_values, aftersales_size_error, aftersales_text_errors


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
        stage = ticket_sudo._aftersales_portal_close_stages().filtered(
            lambda s: s.id == _int(stage_id)
        )
        # A stage the customer may not close into changes nothing: back to the request, as
        # helpdesk_mgmt answers (its own portal tests rely on it).
        if stage:
            ticket_sudo.stage_id = stage
        return request.redirect(f"/my/ticket/{ticket_sudo.id}", code=302)

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        """helpdesk_mgmt's own portal form obeys the company's portal limits too (issue 12):
        a clear error and nothing created, rather than an HTTP 500 or an unbounded upload."""
        error = self._aftersales_ticket_input_error(kw, request.env.company)
        if error:
            raise BadRequest(error)
        return super().submit_ticket(**kw)

    def _aftersales_ticket_input_error(self, kw, company):
        subject, description = kw.get("subject") or "", kw.get("description") or ""
        errors = aftersales_text_errors(company, subject, description)
        if errors:
            return next(iter(errors.values()))
        sizes = []
        for upload in request.httprequest.files.getlist("attachment"):
            sizes.append((upload.filename, len(upload.read())))
            upload.seek(0)  # helpdesk_mgmt reads it again
        return aftersales_size_error(company, sizes)


class AftersalesCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    """One portal for requests (issue 14, R1): helpdesk_mgmt's list and page (paging, search,
    message thread) show the after-sales fields, in the company's clock.

    The request page hands out tokens only for the files meant for the customer (not those of
    internal notes), and offers no close button the close route would refuse (issue 12)."""

    @http.route()
    def portal_my_tickets(self, *args, **kw):
        # Most urgent first (issue 15): the open requests by their next deadline, then the
        # others (closed ones have none), a page at a time.
        kw["sortby"] = kw.get("sortby") or "urgency"
        response = super().portal_my_tickets(*args, **kw)
        if getattr(response, "qcontext", None) is not None:
            response.qcontext.update(aftersales_clock_values())
            oca_labels(request.env, (response.qcontext.get("searchbar_filters") or {}).values())
        return response

    # helpdesk_mgmt's labels, in our translation (its own .po files have no Chinese and Odoo
    # reads its code terms from nowhere else: tools/oca_terms.py); "Most Urgent" first.
    def _ticket_get_searchbar_sortings(self):
        values = self._aftersales_oca_labels(super()._ticket_get_searchbar_sortings())
        values["urgency"] = {
            "label": request.env._("Most Urgent"),
            "order": "aftersales_next_deadline asc nulls last, create_date desc",
            "sequence": 0,
        }
        return values

    def _ticket_get_searchbar_groupby(self):
        return self._aftersales_oca_labels(super()._ticket_get_searchbar_groupby())

    @staticmethod
    def _aftersales_oca_labels(values):
        oca_labels(request.env, values.values())
        return values

    def _ticket_get_searchbar_inputs(self):
        values = self._aftersales_oca_labels(super()._ticket_get_searchbar_inputs())
        # After helpdesk_mgmt's own search fields (orders 1-3).
        values["project"] = {
            "input": "project",
            "label": request.env._("Search in Project"),
            "order": 4,
        }
        values["serial"] = {
            "input": "serial",
            "label": request.env._("Search in Serial Number"),
            "order": 5,
        }
        return values

    def _ticket_get_search_domain(self, search_in, search):
        # Projects and serials matched as sudo subqueries (portal users read no serial); the
        # requests themselves are still searched with the customer's rights.
        domains = [super()._ticket_get_search_domain(search_in, search)]
        if search_in in ("project", "all"):
            projects = (
                request.env["aftersales.project"]
                .sudo()
                ._search(OR([[("name", "ilike", search)], [("title", "ilike", search)]]))
            )
            domains.append([("aftersales_project_id", "in", projects)])
        if search_in in ("serial", "all"):
            lots = request.env["stock.lot"].sudo()._search([("name", "ilike", search)])
            domains.append([("lot_id", "in", lots)])
        return OR(domains)

    @http.route(["/my/ticket/<int:ticket_id>"], type="http", auth="public", website=True)
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        try:
            ticket_sudo = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
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
        values.update(
            aftersales_clock_values(ticket.company_id),
            aftersales_message=kwargs.get("message"),
            aftersales_reports=ticket.sudo().aftersales_report_ids,
        )
        return values
