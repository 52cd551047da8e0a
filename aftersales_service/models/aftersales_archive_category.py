from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.counting import count_by
from ..tools.important_mark import IMPORTANT_MARK

# R35: classes, sub-items, articles.
TAXONOMY_LEVELS = 3


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
    keywords = fields.Char(
        help="Comma-separated words: an attachment or printout of this category's class (or "
        "sub-item) whose file name contains one is filed here, e.g. contract,合同 for the "
        "contracts' sub-item.",
    )
    level = fields.Integer(
        compute="_compute_level",
        help="1: class, 2: sub-item, 3: article (R35: 2 classes, 12 sub-items, 68 articles).",
    )
    required = fields.Boolean(
        help="Every project's archive must hold at least one document here (or only the kinds "
        "of project listed below): the register lists what is missing (R37).",
    )
    required_project_type_ids = fields.Many2many(
        "aftersales.archive.project.type",
        "aftersales_archive_category_project_type_rel",
        "category_id",
        "project_type_id",
        string="Required for",
        help="Kinds of project for which this document is required; empty: every project.",
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
        counts = count_by(self.env["aftersales.archive.entry"], "category_id", self.ids)
        for category in self:
            category.entry_count = counts.get(category.id, 0)

    @api.depends("parent_path")
    def _compute_level(self):
        for category in self:
            category.level = (category.parent_path or "").count("/") or 1

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An archive category cannot be its own class."))

    @api.constrains("parent_id")
    def _check_level(self):
        for category in self:
            if category.level > TAXONOMY_LEVELS:
                raise ValidationError(
                    self.env._(
                        "Archive category %(code)s: the taxonomy has three levels (class, "
                        "sub-item, article).",
                        code=category.code,
                    )
                )

    @api.constrains("code")
    def _check_code(self):
        for category in self:
            if not category.code.strip() or any(c.isspace() or c == "-" for c in category.code):
                raise ValidationError(
                    self.env._(
                        "Archive category code “%(code)s”: use letters and digits only (no spaces "
                        "or dashes); it becomes part of the index numbers.",
                        code=category.code,
                    )
                )

    def write(self, vals):
        changed = self.filtered(lambda c: "code" in vals and c.code != vals["code"])
        if changed and self.env["aftersales.archive.entry"].with_context(
            active_test=False
        ).search_count([("category_id", "in", changed.ids)], limit=1):
            raise ValidationError(
                self.env._(
                    "The code of a category that already has entries cannot change: their index "
                    "numbers use it."
                )
            )
        return super().write(vals)

    @api.model
    def _important_text(self):
        return IMPORTANT_MARK

    @api.model
    def _important_mark(self, record, report_xmlid=None):
        """The mark 重要 a document we render carries (R38), or False: the record's archive entry
        is important, or it will be filed under a category important by default."""
        if not record or self.env["ir.attachment"]._aftersales_project_path(record._name) is None:
            return False
        entry = (
            self.env["aftersales.archive.entry"]
            .sudo()
            .search(
                [
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("important", "=", True),
                ],
                limit=1,
            )
        )
        important = entry or self.sudo()._for_source(record._name, report_xmlid).important
        return IMPORTANT_MARK if important else False

    @api.model
    def _for_source(self, res_model, report_xmlid=None, name=None, candidates=None):
        """The category documents of `res_model` (printed by `report_xmlid`) are filed in:
        the report's own category, else the model's, else the fallback category; then, within
        it, the sub-item (or article) whose keywords the document's `name` contains: the kind
        of document (issue 16: a contract attached to the project goes to its sub-item, not to
        the class). `candidates`: the categories to choose from (all, searched once by a batch)."""
        categories = candidates if candidates is not None else self.search([])
        category = self.browse()
        if report_xmlid:
            category = categories.filtered(lambda c: c.report_xmlid == report_xmlid)[:1]
        if not category:
            # A category may name both a model and a report (payment notices of projects filed
            # with the other payment documents): the model's own category without a report first.
            category = (
                categories.filtered(lambda c: c.res_model == res_model).sorted(
                    lambda c: (bool(c.report_xmlid), c.sequence, c.id)
                )[:1]
                or categories.filtered("is_fallback")[:1]
            )
        if category and name:
            lowered = name.lower()
            matches = [
                (len(c.parent_path), len(word), c)
                for c in categories
                if c.parent_path.startswith(category.parent_path) and c != category
                for word in (c.keywords or "").split(",")
                if word.strip() and word.strip().lower() in lowered
            ]
            if matches:
                category = max(matches, key=lambda m: (m[0], m[1], -m[2].sequence))[2]
        return category
