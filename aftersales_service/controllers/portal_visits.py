from odoo import fields, http
from odoo.exceptions import MissingError, UserError
from odoo.http import request

from .portal import AftersalesPortal

# A customer's reason for moving a visit is a line or two: longer input is cut, not refused.
MOVE_REASON_MAX = 1000


class AftersalesVisitPortal(AftersalesPortal):
    """The project page lists the planned and done visits (R42); the customer may ask to move
    a planned one: a message on the project's portal thread and an activity on the visit."""

    def _aftersales_project_page_values(self, project_sudo):
        values = super()._aftersales_project_page_values(project_sudo)
        # The project was read with the customer's rights; its visits follow it.
        values["visits"] = (
            request.env["aftersales.visit"]
            .sudo()
            .search([("project_id", "=", project_sudo.id), ("state", "in", ("planned", "done"))])
        )
        values["visit_today"] = project_sudo.company_id._aftersales_today()
        return values

    @http.route(
        "/my/aftersales/visits/<int:visit_id>/move",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_visit_move(self, visit_id, wanted_date=None, reason=None, **kw):
        visit_sudo = request.env["aftersales.visit"].sudo().browse(visit_id).exists()
        if not visit_sudo:
            raise request.not_found()
        try:
            # The customer's own rights decide: their commercial partner's projects only.
            project_sudo = self._aftersales_record("aftersales.project", visit_sudo.project_id.id)
        except MissingError as err:
            raise request.not_found() from err
        url = f"/my/aftersales/projects/{project_sudo.id}"
        try:
            wanted = fields.Date.to_date(wanted_date) if wanted_date else None
        except ValueError:
            wanted = None
        if not wanted or visit_sudo.state != "planned":
            return request.redirect(f"{url}?visit_error=1")
        try:
            with request.env.cr.savepoint():
                visit_sudo._aftersales_ask_move(
                    request.env.user.partner_id, wanted, (reason or "").strip()[:MOVE_REASON_MAX]
                )
        except UserError:
            return request.redirect(f"{url}?visit_error=1")
        return request.redirect(f"{url}?visit_moved=1#aftersales_visits")
