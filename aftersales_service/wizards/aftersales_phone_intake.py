from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..models.helpdesk_ticket_aftersales import SEVERITY

# The look-up while the customer is on the phone (R3): from two characters on (one matches
# nearly everything), and a short list of matches to pick from (refine the term for more).
LOOKUP_MIN_CHARS = 2
LOOKUP_PROJECTS = 20
LOOKUP_PARTNERS = 50
# The customer's open requests shown beside the new one, against typing a duplicate.
OPEN_REQUESTS_SHOWN = 20


class AftersalesPhoneIntake(models.TransientModel):
    """The dispatcher's phone form (R1, R3): find the caller by name, phone, project order
    number or serial; see the project's warranty and open requests; record the fault and
    what the customer wants; the request keeps the real time of the call."""

    _name = "aftersales.phone.intake"
    _description = "Phone Intake"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    lookup = fields.Char(
        string="Find", help="Customer name, phone number, project order number or serial."
    )
    match_project_ids = fields.Many2many(
        "aftersales.project", string="Matching Projects", compute="_compute_matches"
    )
    partner_id = fields.Many2one("res.partner", string="Customer", check_company=True)
    contact_name = fields.Char(string="Caller")
    contact_phone = fields.Char(string="Call-back Number")
    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        check_company=True,
        domain=(
            "[('company_id', '=', company_id), ('commercial_partner_id', '=?', "
            "commercial_partner_id)]"
        ),
    )
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Equipment Serial",
        domain="[('aftersales_project_id', '=?', aftersales_project_id)]",
    )
    warranty_end = fields.Date(related="aftersales_project_id.warranty_end")
    warranty_status = fields.Selection(related="aftersales_project_id.warranty_status")
    serial_warranty_end = fields.Date(related="lot_id.aftersales_warranty_end")
    open_ticket_ids = fields.Many2many(
        "helpdesk.ticket", string="Open Requests", compute="_compute_open_ticket_ids"
    )
    received_at = fields.Datetime(
        string="Call Received At",
        required=True,
        default=fields.Datetime.now,
        help="When the customer called; the deadlines count from it.",
    )
    name = fields.Char(string="Subject")
    description = fields.Html(string="Fault Description")
    customer_request = fields.Text(string="Customer Wants")
    severity = fields.Selection(SEVERITY, required=True, default="general")
    needs_onsite = fields.Boolean(string="Needs On-site Service")
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Team",
        default=lambda self: self.env.ref(
            "aftersales_service.helpdesk_team_aftersales", raise_if_not_found=False
        ),
    )

    @api.depends("lookup", "company_id")
    def _compute_matches(self):
        for intake in self:
            intake.match_project_ids = intake._find_projects(intake.lookup)

    def _find_projects(self, term):
        """Projects whose order number, title, customer (name, phone, mobile) or installed
        serial matches ``term`` (R3: look up the project's original records)."""
        term = (term or "").strip()
        if len(term) < LOOKUP_MIN_CHARS:
            return self.env["aftersales.project"]
        domain = expression.OR(
            [
                [("name", "ilike", term)],
                [("title", "ilike", term)],
                [("partner_id", "child_of", self._find_partners(term).ids)],
                [("lot_ids.name", "ilike", term)],
            ]
        )
        return self.env["aftersales.project"].search(
            expression.AND([domain, [("company_id", "=", self.company_id.id)]]),
            limit=LOOKUP_PROJECTS,
        )

    def _find_partners(self, term):
        partners = self.env["res.partner"].search(
            [
                "|",
                "|",
                "|",
                ("name", "ilike", term),
                ("phone", "ilike", term),
                ("mobile", "ilike", term),
                ("email", "ilike", term),
            ],
            limit=LOOKUP_PARTNERS,
        )
        return partners.commercial_partner_id

    @api.onchange("lookup")
    def _onchange_lookup(self):
        term = (self.lookup or "").strip()
        if len(term) < LOOKUP_MIN_CHARS:
            return
        lot = self.env["stock.lot"].search(
            [("name", "=ilike", term), ("aftersales_project_id", "!=", False)], limit=1
        )
        projects = lot.aftersales_project_id or self._find_projects(term)
        if len(projects) == 1:
            self.aftersales_project_id = projects
            self.lot_id = lot
            self.partner_id = projects.partner_id
        elif len(projects.commercial_partner_id) == 1:
            self.partner_id = projects.commercial_partner_id
        elif not projects:
            partners = self._find_partners(term)
            if len(partners) == 1:
                self.partner_id = partners

    @api.onchange("aftersales_project_id")
    def _onchange_project(self):
        if self.aftersales_project_id and not self.partner_id:
            self.partner_id = self.aftersales_project_id.partner_id
        if self.lot_id and self.lot_id.aftersales_project_id != self.aftersales_project_id:
            self.lot_id = False

    @api.depends("aftersales_project_id", "partner_id")
    def _compute_open_ticket_ids(self):
        for intake in self:
            if intake.aftersales_project_id:
                domain = [("aftersales_project_id", "=", intake.aftersales_project_id.id)]
            elif intake.partner_id:
                domain = [
                    ("commercial_partner_id", "=", intake.partner_id.commercial_partner_id.id)
                ]
            else:
                intake.open_ticket_ids = False
                continue
            intake.open_ticket_ids = self.env["helpdesk.ticket"].search(
                [*domain, ("stage_id.closed", "=", False)], limit=OPEN_REQUESTS_SHOWN
            )

    def action_create_request(self):
        """Record the call as a request on the phone channel and open it."""
        self.ensure_one()
        if not self.partner_id and not self.aftersales_project_id:
            raise UserError(
                self.env._("Find the customer or the project before recording the call.")
            )
        if not self.name and not self.description:
            raise UserError(self.env._("Describe the fault before recording the call."))
        if self.received_at > fields.Datetime.now():
            raise UserError(self.env._("The call cannot be received in the future."))
        partner = self.partner_id or self.aftersales_project_id.partner_id
        contact = " ".join(filter(None, [self.contact_name, self.contact_phone]))
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": self.name
                or self.env._("Phone request from %(customer)s", customer=partner.name),
                "description": self.description or self.name,
                "customer_request": self.customer_request,
                "partner_id": partner.id,
                "partner_name": contact or partner.name,
                "partner_email": partner.email,
                "company_id": self.company_id.id,
                "team_id": self.team_id.id,
                "aftersales_project_id": self.aftersales_project_id.id,
                "lot_id": self.lot_id.id,
                "received_at": self.received_at,
                "severity": self.severity,
                "needs_onsite": self.needs_onsite,
                "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
