from odoo import http
from odoo.http import request

from .portal import AftersalesPortal


class AftersalesArchivePortal(AftersalesPortal):
    """The project page lists the archive entries shared with the customer (issue 8, R36): the
    latest ones, and all of them a page at a time (issue 15)."""

    def _aftersales_project_documents_domain(self, project_sudo):
        return [("project_id", "=", project_sudo.id)]

    def _aftersales_project_page_values(self, project_sudo):
        values = super()._aftersales_project_page_values(project_sudo)
        # Searched with the customer's own rights: the portal rule lets through the entries
        # marked shareable of their own commercial partner's projects, of their company only.
        Entry = request.env["aftersales.archive.entry"]
        domain = self._aftersales_project_documents_domain(project_sudo)
        entries = Entry.search(domain, order="date desc, id desc", limit=self._aftersales_latest)
        # Portal users open attachments through an access token only (Odoo's rule).
        entries.sudo().attachment_ids.generate_access_token()
        values["archive_entries"] = entries.sudo()
        values["archive_entry_count"] = Entry.search_count(domain)
        return values

    @http.route(
        [
            "/my/aftersales/projects/<int:project_id>/documents",
            "/my/aftersales/projects/<int:project_id>/documents/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_project_documents(self, project_id, page=1, **kw):
        response = self._aftersales_project_list(
            project_id,
            page,
            "documents",
            request.env["aftersales.archive.entry"],
            self._aftersales_project_documents_domain,
            "aftersales_service.portal_my_aftersales_project_documents",
        )
        response.qcontext["records"].attachment_ids.generate_access_token()
        return response
