from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesArchiveCategory(models.Model):
    """A class or sub-item of the after-sales archive taxonomy (R35: 2 classes, 12 sub-items,
    configurable data). Its code is part of every index number filed under it (R36), and its
    source model / report decide where documents are filed automatically (R38)."""

    _name = "aftersales.archive.category"
    _description = "Archive Category"
    _parent_store = True
    _order = "sequence, code, id"
    _rec_names_search = ["code", "name"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Short code that appears in the index numbers, e.g. B2 in XM-2026-001-B2-0001.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    parent_id = fields.Many2one(
        "aftersales.archive.category", string="Class", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("aftersales.archive.category", "parent_id", string="Sub-items")
    description = fields.Text(translate=True)
    res_model = fields.Char(
        string="Source Model",
        help="Technical name of the model whose documents are filed here automatically, "
        "e.g. repair.order. A model of an addon that is not installed is simply never matched.",
    )
    report_xmlid = fields.Char(
        string="Source Report",
        help="XML id of a report (e.g. repair.action_report_repair_order): printed documents of "
        "that report are filed here rather than under the category of their model.",
    )
    is_fallback = fields.Boolean(
        string="Fallback",
        help="Documents of a project whose model has no category of its own are filed here.",
    )
    important = fields.Boolean(
        string="Important by Default",
        help="Entries filed here are marked important when they are created (R38).",
    )
    group_ids = fields.Many2many(
        "res.groups",
        "aftersales_archive_category_group_rel",
        "category_id",
        "group_id",
        string="Readers",
        help="Only members of these groups read the entries filed here, their files included "
        "(finance documents: accounting). Empty: everyone who may read the archive.",
    )
    entry_ids = fields.One2many("aftersales.archive.entry", "category_id", string="Entries")
    entry_count = fields.Integer(compute="_compute_entry_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of an archive category must be unique."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for category in self:
            category.display_name = f"{category.code} {category.name}"

    def _compute_entry_count(self):
        counts = {
            category.id: count
            for category, count in self.env["aftersales.archive.entry"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        }
        for category in self:
            category.entry_count = counts.get(category.id, 0)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(_("An archive category cannot be its own class."))

    @api.constrains("code")
    def _check_code(self):
        for category in self:
            if not category.code.strip() or any(c.isspace() or c == "-" for c in category.code):
                raise ValidationError(
                    _(
                        "Archive category code “%(code)s”: use letters and digits only (no spaces "
                        "or dashes); it becomes part of the index numbers.",
                        code=category.code,
                    )
                )

    def write(self, vals):
        changed = self.filtered(lambda c: "code" in vals and c.code != vals["code"])
        if changed and self.env["aftersales.archive.entry"].with_context(active_test=False).search_count(
            [("category_id", "in", changed.ids)], limit=1
        ):
            raise ValidationError(
                _("The code of a category that already has entries cannot change: their index numbers use it.")
            )
        return super().write(vals)

    @api.model
    def _for_source(self, res_model, report_xmlid=None):
        """The category documents of `res_model` (printed by `report_xmlid`) are filed in:
        the report's own category, else the model's, else the fallback category."""
        categories = self.search(
            ["|", "|", ("res_model", "=", res_model), ("report_xmlid", "!=", False), ("is_fallback", "=", True)]
        )
        if report_xmlid:
            by_report = categories.filtered(lambda c: c.report_xmlid == report_xmlid)
            if by_report:
                return by_report[0]
        # A category may name both a model and a report (payment notices of projects filed
        # with the other payment documents): the model's own category without a report first.
        by_model = categories.filtered(lambda c: c.res_model == res_model).sorted(
            lambda c: (bool(c.report_xmlid), c.sequence, c.id)
        )
        return (by_model or categories.filtered("is_fallback"))[:1]
