from odoo import http
from odoo.exceptions import MissingError
from odoo.http import request

from odoo.addons.aftersales_service.controllers.portal import AftersalesPortal


class AftersalesCollectionPortal(AftersalesPortal):
    """Retention notices on the customer's project page (issue 7), with the reminder letter
    of R30 once it went out."""

    def _aftersales_project_page_values(self, project_sudo):
        values = super()._aftersales_project_page_values(project_sudo)
        # Searched with the customer's own rights: the portal rule lets through the retention
        # money of their own commercial partner, of their company only.
        values["retentions"] = (
            request.env["aftersales.retention"]
            .search([("project_id", "=", project_sudo.id)])
            .sudo()
        )
        # "Due" from the day after the due date on the company's clock, not the server's.
        values["retention_today"] = project_sudo.company_id._aftersales_today()
        return values

    @http.route(
        "/my/aftersales/retentions/<int:retention_id>/letter",
        type="http",
        auth="user",
        website=True,
    )
    def portal_aftersales_retention_letter(self, retention_id, download=False, **kw):
        """The reminder letter (PDF) of a reminded retention; 404 for anything the customer
        may not read or that was never reminded."""
        try:
            retention_sudo = self._aftersales_record("aftersales.retention", retention_id)
        except MissingError as err:
            raise request.not_found() from err
        if not retention_sudo.reminded_on:
            raise request.not_found()
        return self._show_report(
            model=retention_sudo,
            report_type="pdf",
            report_ref="aftersales_collection.action_report_retention_reminder",
            download=download,
        )
