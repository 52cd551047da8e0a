from odoo.http import request

from .portal import AftersalesPortal


class AftersalesArchivePortal(AftersalesPortal):
    """The project page lists the archive entries shared with the customer (issue 8, R36)."""

    def _aftersales_project_page_values(self, project_sudo):
        values = super()._aftersales_project_page_values(project_sudo)
        # Searched with the customer's own rights: the portal rule lets through the entries
        # marked shareable of their own commercial partner's projects, of their company only.
        entries = (
            request.env["aftersales.archive.entry"]
            .search([("project_id", "=", project_sudo.id)])
            .sudo()
        )
        # Portal users open attachments through an access token only (Odoo's rule).
        entries.attachment_ids.generate_access_token()
        values["archive_entries"] = entries
        return values
