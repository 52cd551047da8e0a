from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..tools.access import internal_only
from ..tools.counting import count_by
from .res_company_input import WARRANTY_MONTHS_MAX

WARRANTY_STATUS = [
    ("none", "Not Started"),
    ("in_warranty", "In Warranty"),
    ("expiring", "Expiring Soon"),
    ("expired", "Expired"),
]


class AftersalesProject(models.Model):
    """The project file: one per delivered engineering project, filed under its project
    order number (项目令号, R36), the key of every request, repair, trip and archive entry."""

    _name = "aftersales.project"
    _description = "After-sales Project"
    # The gate mixin: its warranty dates (R5, R6) and customer are computed by the rules alone.
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "delivery_date desc, name desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "title", "partner_id.name"]

    name = fields.Char(
        string="Project Order No.",
        required=True,
        tracking=True,
        index="trigram",
        copy=False,
        help="The project order number (项目令号): the key of the project's archive.",
    )
    title = fields.Char(string="Project Title", tracking=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Contract",
        tracking=True,
        check_company=True,
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    delivery_date = fields.Date(tracking=True, help="Date the plant was delivered into use.")
    acceptance_date = fields.Date(tracking=True, help="Date the customer accepted the plant.")
    warranty_months = fields.Integer(
        string="Warranty (months)",
        tracking=True,
        default=lambda self: self.env.company.aftersales_warranty_months,
    )
    warranty_start = fields.Date(
        compute="_compute_warranty", store=True, help="Acceptance date, else delivery date."
    )
    warranty_end = fields.Date(
        compute="_compute_warranty",
        store=True,
        help="Last day covered by the warranty.",
    )
    warranty_status = fields.Selection(
        WARRANTY_STATUS, compute="_compute_warranty_status", search="_search_warranty_status"
    )
    # Site: where the engineers go and the goods are shipped.
    site_street = fields.Char(string="Site Address")
    site_city = fields.Char()
    site_state_id = fields.Many2one(
        "res.country.state",
        string="Site Province",
        domain="[('country_id', '=?', site_country_id)]",
        tracking=True,
    )
    site_country_id = fields.Many2one(
        "res.country",
        string="Site Country",
        default=lambda self: self.env.company.country_id,
    )
    site_contact = fields.Char()
    site_phone = fields.Char()
    site_distance_km = fields.Float(
        string="Distance (km)",
        digits=(10, 1),
        tracking=True,
        help="Distance from the company to the site; it decides the on-site deadline.",
    )
    description = fields.Html()
    lot_ids = fields.One2many("stock.lot", "aftersales_project_id", string="Installed Equipment")
    ticket_ids = fields.One2many("helpdesk.ticket", "aftersales_project_id", string="Requests")
    repair_ids = fields.One2many("repair.order", "aftersales_project_id", string="Repairs")
    lot_count = fields.Integer(compute="_compute_counts")
    ticket_count = fields.Integer(compute="_compute_counts")
    open_ticket_count = fields.Integer(compute="_compute_counts")
    repair_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A project order number must be unique per company.",
        ),
    ]

    @api.depends("delivery_date", "acceptance_date", "warranty_months")
    def _compute_warranty(self):
        # R5: the warranty runs from acceptance, else from delivery into use. Months are counted
        # the civil-law way (the start day is not counted; a period ends on the corresponding
        # day of the last month, or on that month's last day): 31 Jan + 1 month = 28/29 Feb.
        for project in self:
            start = project.acceptance_date or project.delivery_date
            project.warranty_start = start
            project.warranty_end = (
                start + relativedelta(months=project.warranty_months)
                if start and 0 < project.warranty_months <= WARRANTY_MONTHS_MAX
                else False  # out of range: refused by _check_warranty_months
            )

    @api.depends("warranty_end", "company_id.aftersales_warranty_warning_days")
    def _compute_warranty_status(self):
        today = self.env.company._aftersales_today()
        for project in self:
            project.warranty_status = project._warranty_status_on(today)

    def _warranty_status_on(self, day):
        self.ensure_one()
        if not self.warranty_end:
            return "none"
        if day > self.warranty_end:
            return "expired"
        warning = timedelta(days=self.company_id.aftersales_warranty_warning_days)
        return "expiring" if day + warning > self.warranty_end else "in_warranty"

    def _search_warranty_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise ValidationError(self.env._("Unsupported search on warranty status: %s", operator))
        wanted = {value} if isinstance(value, str) or value is False else set(value)
        today = self.env.company._aftersales_today()
        soon = today + timedelta(days=self.env.company.aftersales_warranty_warning_days)
        domains = {
            "none": [("warranty_end", "=", False)],
            "expired": [("warranty_end", "<", today)],
            "expiring": [("warranty_end", ">=", today), ("warranty_end", "<", soon)],
            "in_warranty": [("warranty_end", ">=", soon)],
        }
        parts = [domains[s or "none"] for s in wanted if (s or "none") in domains]
        domain = expression.OR(parts) if parts else expression.FALSE_DOMAIN
        return domain if operator in ("=", "in") else ["!", *expression.normalize_domain(domain)]

    def _covers(self, day):
        """Whether the warranty covers `day` (a local date). R5/R6: in warranty the service is
        free."""
        self.ensure_one()
        return bool(self.warranty_end) and day <= self.warranty_end

    @api.depends("lot_ids", "ticket_ids.stage_id", "repair_ids")
    def _compute_counts(self):
        tickets = dict.fromkeys(self.ids, 0)
        open_tickets = dict.fromkeys(self.ids, 0)
        for project, closed, count in self.env["helpdesk.ticket"]._read_group(
            [("aftersales_project_id", "in", self.ids)],
            ["aftersales_project_id", "closed"],
            ["__count"],
        ):
            tickets[project.id] += count
            if not closed:
                open_tickets[project.id] += count
        repairs = count_by(self.env["repair.order"], "aftersales_project_id", self.ids)
        lots = count_by(self.env["stock.lot"], "aftersales_project_id", self.ids)
        for project in self:
            project.ticket_count = tickets.get(project.id, 0)
            project.open_ticket_count = open_tickets.get(project.id, 0)
            project.repair_count = repairs.get(project.id, 0)
            project.lot_count = lots.get(project.id, 0)

    @api.constrains("delivery_date", "acceptance_date")
    def _check_dates(self):
        for project in self:
            if (
                project.delivery_date
                and project.acceptance_date
                and project.acceptance_date < project.delivery_date
            ):
                raise ValidationError(
                    self.env._(
                        "Project %(project)s: the acceptance date (%(acceptance)s) cannot be "
                        "before the delivery date (%(delivery)s).",
                        project=project.name,
                        acceptance=project.acceptance_date,
                        delivery=project.delivery_date,
                    )
                )

    @api.constrains("warranty_months")
    def _check_warranty_months(self):
        for project in self:
            if not 0 < project.warranty_months <= WARRANTY_MONTHS_MAX:
                raise ValidationError(
                    self.env._(
                        "Project %(project)s: the warranty must last from 1 to %(max)s months.",
                        project=project.name,
                        max=WARRANTY_MONTHS_MAX,
                    )
                )

    @api.constrains("site_distance_km")
    def _check_site_distance(self):
        for project in self:
            if project.site_distance_km < 0:
                raise ValidationError(
                    self.env._("Project %s: the site distance cannot be negative.", project.name)
                )

    @api.onchange("partner_id")
    def _onchange_partner_id_site(self):
        partner = self.partner_id
        if partner and not self.site_street:
            self.site_street = partner.street
            self.site_city = partner.city
            self.site_state_id = partner.state_id
            self.site_country_id = partner.country_id or self.site_country_id
            self.site_phone = partner.phone or partner.mobile

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for project in self:
            project.access_url = f"/my/aftersales/projects/{project.id}"
        return res

    def _compute_display_name(self):
        for project in self:
            project.display_name = (
                f"{project.name} {project.title}" if project.title else project.name
            )

    def _action_related(self, xmlid, field, records, name):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update(
            name=name,
            domain=[(field, "in", self.ids)],
            context={"default_" + field: self.id, "default_partner_id": self.partner_id.id},
        )
        if len(records) == 1:
            action.update(view_mode="form", views=[(False, "form")], res_id=records.id)
        return action

    @internal_only()
    def action_view_tickets(self):
        self.ensure_one()
        return self._action_related(
            "helpdesk_mgmt.helpdesk_ticket_action",
            "aftersales_project_id",
            self.ticket_ids,
            self.env._("Requests"),
        )

    @internal_only()
    def action_view_repairs(self):
        self.ensure_one()
        return self._action_related(
            "repair.action_repair_order_tree",
            "aftersales_project_id",
            self.repair_ids,
            self.env._("Repairs"),
        )

    @internal_only()
    def action_view_lots(self):
        self.ensure_one()
        action = self._action_related(
            "stock.action_production_lot_form",
            "aftersales_project_id",
            self.env["stock.lot"],
            self.env._("Installed Equipment"),
        )
        action["context"] = {"default_aftersales_project_id": self.id}
        return action
