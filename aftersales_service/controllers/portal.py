import base64
import binascii

from markupsafe import Markup, escape

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.aftersales_service_report_satisfaction import ASPECTS

PHOTO_TYPES = ("image/",)
MB = 1024 * 1024


def aftersales_text_errors(company, title, description):
    """The company's portal limits on a request's title and description (issue 12), the same on
    every form: {"name": error, "description": error}, empty when both pass."""
    errors = {}
    if "\x00" in title:
        errors["name"] = request.env._("The title contains a character that cannot be stored.")
    elif len(title) > company.aftersales_portal_title_max:
        errors["name"] = request.env._(
            "The title is longer than %(max)s characters.",
            max=company.aftersales_portal_title_max,
        )
    if "\x00" in description:
        errors["description"] = request.env._(
            "The description contains a character that cannot be stored."
        )
    elif len(description) > company.aftersales_portal_description_max:
        errors["description"] = request.env._(
            "The description is longer than %(max)s characters.",
            max=company.aftersales_portal_description_max,
        )
    return errors


def aftersales_size_error(company, sizes):
    """The company's portal limits on uploads (issue 12), the same on every form: the error of
    the first file too large, else of all of them together, else None; ``sizes`` holds
    (file name, bytes) pairs."""
    photo_max = company.aftersales_portal_photo_max_mb
    for name, size in sizes:
        if size > photo_max * MB:
            return request.env._(
                "%(name)s is larger than %(max)s MB.", name=name, max=format(photo_max, "g")
            )
    total_max = company.aftersales_portal_submission_max_mb
    if sum(size for _name, size in sizes) > total_max * MB:
        return request.env._(
            "The files together are larger than %(max)s MB.", max=format(total_max, "g")
        )
    return None


def aftersales_clock_values(company=None):
    """The clock of every time a customer reads (issue 14): the company's zone (its working
    calendar's, as the deadline engine counts and the documents print), labelled as on the
    documents (北京时间), never a raw zone name."""
    company = (company or request.env.user.company_id).sudo()
    zone = company._aftersales_tz()
    return {"tz": zone, "tz_label": company._aftersales_tz_label(zone)}


class AftersalesPortal(CustomerPortal):
    """The customer's after-sales portal: projects, repair requests (R1), service reports to
    sign (R23) and rate (R44), invoices.

    Every record is first read with the customer's own rights (record rules: their commercial
    partner only, their company only); only then is it rendered with sudo. A record the
    customer may not read answers 404, whatever its id.
    """

    # ------------------------------------------------------------------ helpers
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aftersales_project_count" in counters:
            Project = request.env["aftersales.project"]
            values["aftersales_project_count"] = (
                Project.search_count([]) if Project.has_access("read") else 0
            )
        return values

    def _aftersales_values(self, company=None, **values):
        base = self._prepare_portal_layout_values()
        base.update(aftersales_clock_values(company), **values)
        return base

    def _aftersales_projects(self):
        """The projects the customer may see (record rules do the filtering)."""
        return request.env["aftersales.project"].search([])

    def _aftersales_record(self, model, record_id, access_token=None):
        """The record as sudo if the customer may read it, else raises MissingError."""
        try:
            return self._document_check_access(model, record_id, access_token=access_token)
        except (AccessError, MissingError) as exc:
            raise MissingError(request.env._("This document does not exist.")) from exc

    # ------------------------------------------------------------------ projects
    @http.route(
        ["/my/aftersales", "/my/aftersales/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_aftersales(self, page=1, **kw):
        Project = request.env["aftersales.project"]
        count = Project.search_count([])
        pager = portal_pager(
            url="/my/aftersales", total=count, page=page, step=self._items_per_page
        )
        projects = Project.search([], limit=self._items_per_page, offset=pager["offset"])
        values = self._aftersales_values(
            page_name="aftersales_projects",
            projects=projects.sudo(),
            pager=pager,
            default_url="/my/aftersales",
        )
        return request.render("aftersales_service.portal_my_aftersales_projects", values)

    # The project page never loads a project's whole history (issue 15, "Scale": a large plant
    # has thousands of requests after a few years): its requests come a page at a time, open
    # ones first by their next deadline, and each other list shows its latest rows and links to
    # its own paged list. Counts come from the database (read_group, search_count).
    _aftersales_requests_per_page = 20
    _aftersales_latest = 5

    def _aftersales_project_tickets_domain(self, project_sudo):
        return [("aftersales_project_id", "=", project_sudo.id)]

    def _aftersales_project_ticket_counts(self, project_sudo):
        """(open, closed) requests of the project, counted in one query."""
        counts = {False: 0, True: 0}
        for closed, count in (
            request.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                self._aftersales_project_tickets_domain(project_sudo), ["closed"], ["__count"]
            )
        ):
            counts[bool(closed)] += count
        return counts[False], counts[True]

    def _aftersales_project_tickets(self, project_sudo, open_count, offset, limit):
        """One page of the project's requests: the open ones first, the most urgent (earliest
        next deadline) on top, then the closed ones, the last closed first."""
        Ticket = request.env["helpdesk.ticket"].sudo()
        domain = self._aftersales_project_tickets_domain(project_sudo)
        tickets = Ticket
        if offset < open_count:
            tickets = Ticket.search(
                [*domain, ("closed", "=", False)],
                order="aftersales_next_deadline asc nulls last, received_at, id",
                offset=offset,
                limit=limit,
            )
        if len(tickets) < limit:
            tickets |= Ticket.search(
                [*domain, ("closed", "=", True)],
                order="closed_date desc nulls last, id desc",
                offset=max(offset - open_count, 0),
                limit=limit - len(tickets),
            )
        return tickets

    def _aftersales_project_reports_domain(self, project_sudo):
        return [("project_id", "=", project_sudo.id)]

    def _aftersales_project_invoices_domain(self, project_sudo):
        """Posted customer invoices of the project's contract and repairs, to open through
        Odoo's own invoice portal; searched in the database (a project can have thousands of
        repairs)."""
        orders = (
            request.env["sale.order"]
            .sudo()
            ._search(
                [
                    "|",
                    ("id", "=", project_sudo.sale_order_id.id),
                    ("repair_order_ids.aftersales_project_id", "=", project_sudo.id),
                ]
            )
        )
        return [
            ("line_ids.sale_line_ids.order_id", "in", orders),
            ("state", "=", "posted"),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("commercial_partner_id", "=", project_sudo.commercial_partner_id.id),
        ]

    def _aftersales_project_requests_page(self, project_sudo, page):
        """One page of the project's requests, with its pager and the counts."""
        open_count, closed_count = self._aftersales_project_ticket_counts(project_sudo)
        step = self._aftersales_requests_per_page
        access_token = request.params.get("access_token")
        pager = portal_pager(
            url=f"/my/aftersales/projects/{project_sudo.id}",
            url_args={"access_token": access_token} if access_token else None,
            total=open_count + closed_count,
            page=page,
            step=step,
        )
        return {
            "tickets": self._aftersales_project_tickets(
                project_sudo, open_count, pager["offset"], step
            ),
            "open_ticket_count": open_count,
            "closed_ticket_count": closed_count,
            "pager": pager,
        }

    def _aftersales_project_page_values(self, project_sudo):
        """Values of the project page; other modules add theirs (e.g. retention notices): the
        latest few records of a kind and their count, never all of them."""
        Report = request.env["aftersales.service.report"].sudo()
        reports_domain = self._aftersales_project_reports_domain(project_sudo)
        Move = request.env["account.move"].sudo()
        invoices_domain = self._aftersales_project_invoices_domain(project_sudo)
        latest = self._aftersales_latest
        return {
            "page_name": "aftersales_project",
            "project": project_sudo,
            "lots": project_sudo.lot_ids,
            "reports": Report.search(reports_domain, limit=latest),
            "report_count": Report.search_count(reports_domain),
            "invoices": Move.search(
                invoices_domain, order="invoice_date desc, id desc", limit=latest
            ),
            "invoice_count": Move.search_count(invoices_domain),
        }

    @http.route(
        [
            "/my/aftersales/projects/<int:project_id>",
            "/my/aftersales/projects/<int:project_id>/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_project(self, project_id, page=1, access_token=None, **kw):
        try:
            project_sudo = self._aftersales_record("aftersales.project", project_id, access_token)
        except MissingError as err:
            raise request.not_found() from err
        values = self._aftersales_values(
            company=project_sudo.company_id,
            **self._aftersales_project_page_values(project_sudo),
            **self._aftersales_project_requests_page(project_sudo, page),
        )
        return request.render("aftersales_service.portal_my_aftersales_project", values)

    def _aftersales_project_list(self, project_id, page, list_name, model, domain, template):
        """A paged list of one kind of record of a project (service reports, documents): where
        the project page's "All ..." link leads."""
        try:
            project_sudo = self._aftersales_record("aftersales.project", project_id)
        except MissingError as err:
            raise request.not_found() from err
        domain = domain(project_sudo)
        count = model.search_count(domain)
        pager = portal_pager(
            url=f"/my/aftersales/projects/{project_sudo.id}/{list_name}",
            total=count,
            page=page,
            step=self._items_per_page,
        )
        records = model.search(domain, limit=self._items_per_page, offset=pager["offset"])
        values = self._aftersales_values(
            company=project_sudo.company_id,
            page_name=f"aftersales_project_{list_name}",
            project=project_sudo,
            records=records.sudo(),
            record_count=count,
            pager=pager,
        )
        return request.render(template, values)

    @http.route(
        [
            "/my/aftersales/projects/<int:project_id>/reports",
            "/my/aftersales/projects/<int:project_id>/reports/page/<int:page>",
        ],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales_project_reports(self, project_id, page=1, **kw):
        return self._aftersales_project_list(
            project_id,
            page,
            "reports",
            request.env["aftersales.service.report"].sudo(),
            self._aftersales_project_reports_domain,
            "aftersales_service.portal_my_aftersales_project_reports",
        )

    # ------------------------------------------------------------------ requests
    def _aftersales_request_form_values(self, error=None, form=None):
        projects = self._aftersales_projects()
        return self._aftersales_values(
            page_name="aftersales_request_new",
            projects=projects.sudo(),
            error=error or {},
            form=form or {},
        )

    @http.route("/my/aftersales/requests/new", type="http", auth="user", website=True)
    def portal_aftersales_request_new(self, project_id=None, **kw):
        form = {"project_id": project_id}
        return request.render(
            "aftersales_service.portal_aftersales_request_new",
            self._aftersales_request_form_values(form=form),
        )

    def _aftersales_int(self, value):
        try:
            return int(value or 0)
        except (TypeError, ValueError):
            return 0

    def _aftersales_prepare_request(self, post):
        """Validate the posted form; returns (ticket values, errors)."""
        errors = {}
        project_id = self._aftersales_int(post.get("project_id"))
        if not project_id:
            errors["project_id"] = request.env._("Choose one of your projects.")
            return {}, errors
        # Ids of another customer's project or serial raise MissingError: a 404, as if absent.
        project_sudo = self._aftersales_record("aftersales.project", project_id)
        lot_id = self._aftersales_int(post.get("lot_id"))
        if lot_id and lot_id not in project_sudo.lot_ids.ids:
            raise MissingError(request.env._("This document does not exist."))
        severity = post.get("severity") or "general"
        if severity not in dict(request.env["helpdesk.ticket"]._fields["severity"].selection):
            errors["severity"] = request.env._("Choose a severity.")
        company = project_sudo.company_id
        title = (post.get("name") or "").strip()
        description = (post.get("description") or "").strip()
        errors.update(aftersales_text_errors(company, title, description))
        if not title:
            errors["name"] = request.env._("Give the request a short title.")
        if not description:
            errors["description"] = request.env._("Describe the fault.")
        user = request.env.user
        vals = {
            "name": title,
            "description": Markup("<p>%s</p>")
            % Markup("<br/>").join(escape(line) for line in description.splitlines()),
            "aftersales_project_id": project_sudo.id,
            "lot_id": lot_id or False,
            "severity": severity,
            "needs_onsite": bool(post.get("needs_onsite")),
            "partner_id": user.partner_id.id,
            "partner_name": user.partner_id.name,
            "partner_email": user.partner_id.email,
            "company_id": project_sudo.company_id.id,
            "channel_id": request.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            "received_at": fields.Datetime.now(),
        }
        return vals, errors

    def _aftersales_photos(self, company):
        """The uploaded photos within the company's limits (a photo, all of them together)."""
        photos, errors = [], {}
        for upload in request.httprequest.files.getlist("photos"):
            if not upload.filename:
                continue
            if not (upload.mimetype or "").startswith(PHOTO_TYPES):
                errors["photos"] = request.env._("%(name)s is not a photo.", name=upload.filename)
            photos.append((upload.filename, upload.mimetype, upload.read()))
        size_error = aftersales_size_error(
            company, [(name, len(content)) for name, _mimetype, content in photos]
        )
        if size_error and "photos" not in errors:
            errors["photos"] = size_error
        return photos, errors

    @http.route(
        "/my/aftersales/requests/submit", type="http", auth="user", methods=["POST"], website=True
    )
    def portal_aftersales_request_submit(self, **post):
        try:
            vals, errors = self._aftersales_prepare_request(post)
        except MissingError as err:
            raise request.not_found() from err
        company = (
            request.env["res.company"].sudo().browse(vals.get("company_id")) or request.env.company
        )
        photos, photo_errors = self._aftersales_photos(company)
        errors.update(photo_errors)
        if errors:
            # What was typed comes back in the form, without what no page can carry.
            form = {
                key: value.replace("\x00", "") if isinstance(value, str) else value
                for key, value in post.items()
            }
            return request.render(
                "aftersales_service.portal_aftersales_request_new",
                self._aftersales_request_form_values(error=errors, form=form),
            )
        ticket = request.env["helpdesk.ticket"].sudo().with_company(company).create(vals)
        if photos:
            request.env["ir.attachment"].sudo().create(
                [
                    {
                        "name": name,
                        "raw": content,
                        "mimetype": mimetype,
                        "res_model": "helpdesk.ticket",
                        "res_id": ticket.id,
                    }
                    for name, mimetype, content in photos
                ]
            )
        ticket.message_post_with_source(
            "aftersales_service.mail_template_portal_request_received",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=ticket.company_id.partner_id.id,
        )
        return request.redirect(f"/my/ticket/{ticket.id}?message=received")

    @http.route("/my/aftersales/requests/<int:ticket_id>", type="http", auth="user", website=True)
    def portal_aftersales_request(self, ticket_id, message=None, **kw):
        """One portal for requests (issue 14, R1): a request opens in helpdesk_mgmt's page
        (/my/ticket/<id>, with its message thread); links to the former page lead there.
        Another customer's request stays a 404, as before."""
        try:
            ticket_sudo = self._aftersales_record("helpdesk.ticket", ticket_id)
        except MissingError as err:
            raise request.not_found() from err
        query = "?message=received" if message == "received" else ""
        return request.redirect(f"/my/ticket/{ticket_sudo.id}{query}")

    # ------------------------------------------------------------------ service reports
    @http.route("/my/aftersales/reports/<int:report_id>", type="http", auth="public", website=True)
    def portal_aftersales_report(
        self, report_id, access_token=None, report_type=None, download=False, message=None, **kw
    ):
        try:
            report_sudo = self._aftersales_record(
                "aftersales.service.report", report_id, access_token
            )
        except MissingError as err:
            raise request.not_found() from err
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=report_sudo,
                report_type=report_type,
                report_ref="aftersales_service.aftersales_service_report_action_report",
                download=download,
            )
        return self._aftersales_report_page(report_sudo, access_token, message=message)

    def _aftersales_report_page(self, report_sudo, access_token, status=200, **values):
        # The signed PDF opens through its own token (portal users read no attachment otherwise).
        report_sudo.signed_attachment_id.generate_access_token()
        values = self._aftersales_values(
            company=report_sudo.company_id,
            page_name="aftersales_report",
            report=report_sudo,
            access_token=access_token,
            **values,
        )
        return request.render("aftersales_service.portal_aftersales_report", values, status=status)

    @http.route(
        "/my/aftersales/reports/<int:report_id>/sign",
        type="json",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_report_sign(
        self, report_id, access_token=None, name=None, signature=None
    ):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            report_sudo = self._aftersales_record(
                "aftersales.service.report", report_id, access_token
            )
        except MissingError:
            return {"error": request.env._("This service report does not exist.")}
        if report_sudo.state != "draft":
            return {"error": request.env._("This service report is already signed.")}
        if not signature or not (name or "").strip():
            return {"error": request.env._("Your name and signature are both required.")}
        try:
            base64.b64decode(signature, validate=True)
            with request.env.cr.savepoint():
                report_sudo._action_sign(name.strip(), signature)
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        except UserError as exc:
            return {"error": exc.args[0]}
        return {
            "force_refresh": True,
            "redirect_url": report_sudo.get_portal_url(query_string="&message=signed"),
        }

    @http.route(
        "/my/aftersales/reports/<int:report_id>/rate",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_aftersales_report_rate(
        self, report_id, access_token=None, rating=None, rating_comment=None, **kw
    ):
        try:
            report_sudo = self._aftersales_record(
                "aftersales.service.report", report_id, access_token
            )
        except MissingError as err:
            raise request.not_found() from err
        try:
            with request.env.cr.savepoint():
                report_sudo._action_rate(
                    rating,
                    (rating_comment or "").strip(),
                    aspects={name: kw.get(name) for name in ASPECTS},
                )
        except UserError as exc:
            return self._aftersales_report_page(
                report_sudo, access_token, status=400, rating_error=exc.args[0]
            )
        return request.redirect(report_sudo.get_portal_url(query_string="&message=rated"))
