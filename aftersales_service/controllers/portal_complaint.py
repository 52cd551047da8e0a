from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from .portal import AftersalesPortal


class AftersalesComplaintPortal(AftersalesPortal):
    """R4: the portal's "complain" button, the customer's complaints, and the customer's
    confirmation that a resolved complaint is settled (their own complaints only)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aftersales_complaint_count" in counters:
            Complaint = request.env["aftersales.complaint"]
            values["aftersales_complaint_count"] = (
                Complaint.search_count([]) if Complaint.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/aftersales/complaints", "/my/aftersales/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_complaints(self, page=1, **kw):
        Complaint = request.env["aftersales.complaint"]
        count = Complaint.search_count([])
        pager = portal_pager(
            url="/my/aftersales/complaints", total=count, page=page, step=self._items_per_page
        )
        complaints = Complaint.search([], limit=self._items_per_page, offset=pager["offset"])
        values = self._aftersales_values(
            page_name="aftersales_complaints",
            complaints=complaints.sudo(),
            pager=pager,
            default_url="/my/aftersales/complaints",
        )
        return request.render("aftersales_service.portal_my_aftersales_complaints", values)

    @http.route("/my/aftersales/complaints/new", type="http", auth="user", website=True)
    def portal_aftersales_complaint_new(self, error=None, **kw):
        values = self._aftersales_values(
            page_name="aftersales_complaint_new",
            projects=self._aftersales_projects().sudo(),
            error=error,
            form=kw,
        )
        return request.render("aftersales_service.portal_aftersales_complaint_new", values)

    @http.route(
        "/my/aftersales/complaints/submit",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_complaint_submit(self, description=None, project_id=None, **kw):
        description = (description or "").strip()
        company = request.env.user.company_id
        limit = company.sudo().aftersales_portal_description_max
        if not description or len(description) > limit:
            return self.portal_aftersales_complaint_new(
                error=request.env._(
                    "Describe your complaint (at most %(limit)s characters).", limit=limit
                ),
                description=description[:limit],
                project_id=project_id,
            )
        project = request.env["aftersales.project"]
        if project_id:
            # Only a project the customer may read (record rules): another id is ignored.
            project = project.search([("id", "=", self._aftersales_int(project_id) or 0)])
        partner = request.env.user.partner_id
        complaint = (
            request.env["aftersales.complaint"]
            .sudo()
            .create(
                {
                    "partner_id": partner.id,
                    "project_id": project.id,
                    "company_id": (project.sudo().company_id or company).id,
                    "description": description,
                    "channel_id": request.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
                }
            )
        )
        complaint.message_subscribe(partner_ids=partner.ids)
        return request.redirect(f"/my/aftersales/complaints/{complaint.id}?message=received")

    def _aftersales_complaint(self, complaint_id, access_token=None):
        try:
            return self._document_check_access(
                "aftersales.complaint", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError) as exc:
            raise request.not_found() from exc

    @http.route(
        "/my/aftersales/complaints/<int:complaint_id>", type="http", auth="user", website=True
    )
    def portal_aftersales_complaint(self, complaint_id, access_token=None, message=None, **kw):
        complaint_sudo = self._aftersales_complaint(complaint_id, access_token)
        values = self._aftersales_values(
            company=complaint_sudo.company_id,
            page_name="aftersales_complaint",
            complaint=complaint_sudo,
            message=message,
        )
        return request.render("aftersales_service.portal_aftersales_complaint", values)

    @http.route(
        "/my/aftersales/complaints/<int:complaint_id>/confirm",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_complaint_confirm(self, complaint_id, **kw):
        # Read with the customer's own rights first: another customer's complaint is a 404.
        complaint_sudo = self._aftersales_complaint(complaint_id)
        try:
            with request.env.cr.savepoint():
                complaint_sudo.with_user(request.env.user)._action_customer_confirm()
        except UserError as exc:
            values = self._aftersales_values(
                company=complaint_sudo.company_id,
                page_name="aftersales_complaint",
                complaint=complaint_sudo,
                error=exc.args[0],
            )
            return request.render(
                "aftersales_service.portal_aftersales_complaint", values, status=400
            )
        return request.redirect(f"/my/aftersales/complaints/{complaint_id}?message=confirmed")
